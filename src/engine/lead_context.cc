#include "engine/lead_context.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include <re2/re2.h>

#include "leadscore/values.h"

namespace leadscore::engine_internal {

namespace {


// trim's white space (space, \t \n \v \f \r), tested with at most two
// comparisons since most characters are above ' '.
bool is_white(char c) {
  return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || (c >= '\t' && c <= '\r'));
}

// Equal to trim(); the first test settles most values, which have nothing to trim.
std::string_view trimmed(std::string_view s) {
  if (!s.empty() && !is_white(s.front()) && !is_white(s.back())) return s;
  return trim(s);
}

// short_text_word(s) for s of at most 8 bytes, with two overlapping loads
// where the byte order allows.
uint64_t load_short_word(std::string_view s) {
  const size_t n = s.size();
  if constexpr (std::endian::native == std::endian::little) {
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, s.data(), 4);
      std::memcpy(&hi, s.data() + n - 4, 4);
      return uint64_t{lo} | (uint64_t{hi} << (8 * (n - 4)));  // the overlap is the same bytes
    }
  }
  return short_text_word(s);
}

}  // namespace

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > hay.size()) return false;
  const char first = needle[0];
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (ascii_lower(hay[i]) != first) continue;
    size_t k = 1;
    while (k < needle.size() && ascii_lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool domain_is_or_under(std::string_view d, std::string_view domain) {
  if (d.size() == domain.size()) return iequals(d, domain);
  return d.size() > domain.size() && d[d.size() - domain.size() - 1] == '.' &&
         iequals(d.substr(d.size() - domain.size()), domain);
}

bool email_domain_matches(std::string_view email, std::string_view domain) {
  size_t at = email.rfind('@');
  if (at == std::string_view::npos) return false;
  return domain_is_or_under(email.substr(at + 1), domain);
}

void LeadContext::use_value_memo() {
  const bool current = scratch_.memo_serial == rules_.serial && rules_.serial != 0 && scratch_.memo_as_of == as_of_;
  memos_ = current ? scratch_.value_memo.data() : nullptr;
  memo_fields_ = current ? std::min(scratch_.value_memo.size(), values_.size()) : 0;
}

void LeadContext::reset() {
  const size_t n = rules_.fields.size();
  if (scratch_.fields.size() != n) scratch_.fields.resize(n);
  if (++scratch_.generation == 0) {
    // Wrapped around: no stale entry may look current.
    for (LeadScratch::FieldCache& f : scratch_.fields) f.generation = 0;
    scratch_.generation = 1;
  }
  if (plan_.criterion_refs) {
    scratch_.criterion_memo.resize(rules_.criteria.size());
    std::fill(scratch_.criterion_memo.begin(), scratch_.criterion_memo.end(), int8_t{-1});
  }
  if (scratch_.memo_serial != rules_.serial || rules_.serial == 0 || scratch_.memo_as_of != as_of_) {
    scratch_.regex_memo.assign(n, {});
    // Rules without a serial cannot tell one rule set from another: no value memo.
    if (rules_.serial == 0) scratch_.value_memo.clear();
    else {
      // Fields no leaf reads never look their values up: no table for them.
      scratch_.value_memo.clear();
      scratch_.value_memo.reserve(n);
      for (const FieldSpec& f : rules_.fields) scratch_.value_memo.emplace_back(f.leaves > 0);
    }
    scratch_.memo_serial = rules_.serial;
    scratch_.memo_as_of = as_of_;
  }
  use_value_memo();
}

namespace {

// The typed reading of a loaded field, each out of line and called last, so
// that load() itself needs no stack frame (the calls become jumps).
[[gnu::noinline]] void read_number_into(LeadScratch::FieldCache& f) {
  f.state = LeadContext::kNumberTried;
  if (auto v = parse_number(f.text)) {
    f.number = *v;
    f.ok = LeadContext::kNumberOk;
  }
}

[[gnu::noinline]] void read_bool_into(LeadScratch::FieldCache& f) {
  f.state = LeadContext::kBoolTried;
  if (auto v = parse_bool(f.text)) {
    f.boolean = *v;
    f.ok = LeadContext::kBoolOk;
  }
}

[[gnu::noinline]] void read_day_into(LeadScratch::FieldCache& f) {
  f.state = LeadContext::kDayTried;
  if (auto v = parse_date(f.text)) {
    f.day = *v;
    f.ok = LeadContext::kDayOk;
  }
}

[[gnu::noinline]] bool is_missing_marker(std::string_view text, const std::vector<std::string>& markers) {
  for (const std::string& marker : markers) {
    if (iequals(text, marker)) return true;
  }
  return false;
}

}  // namespace

void LeadContext::load(int field) {
  const size_t i = static_cast<size_t>(field);
  LeadScratch::FieldCache& f = scratch_.fields[i];
  f.generation = scratch_.generation;
  f.text = i < values_.size() ? trimmed(values_[i]) : std::string_view();
  f.ok = 0;
  if (is_builtin_missing(f.text) || (plan_.missing_markers && is_missing_marker(f.text, rules_.missing_values))) {
    f.state = kMissing;
    return;
  }
  // A typed field is read as its type right away: the conditions on it need
  // that reading anyway. Only the parse happens here; an unreadable value is
  // reported by the operator that needs it.
  switch (plan_.fields[i].reading) {
    case FieldReading::kNumber: return read_number_into(f);
    case FieldReading::kBool: return read_bool_into(f);
    case FieldReading::kDay: return read_day_into(f);
    case FieldReading::kOnDemand: break;
  }
  f.state = 0;
}

void LeadContext::report(int field, ValueProblem p, uint8_t flag) {
  LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
  if (f.state & flag) return;
  f.state |= flag;
  verdict_.bad_values.push_back(BadValue{field, p});
}

void LeadContext::report_too_large(int field, int criterion) {
  for (const BadValue& b : verdict_.bad_values) {
    if (b.field == field && b.problem == ValueProblem::kTooLarge && b.criterion == criterion) return;
  }
  verdict_.bad_values.push_back(BadValue{field, ValueProblem::kTooLarge, criterion});
}

std::optional<double> LeadContext::parse_number_of(int field, bool should_report) {
  if (missing(field)) return std::nullopt;
  LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
  if (!(f.state & kNumberTried)) {
    f.state |= kNumberTried;
    if (auto v = parse_number(f.text)) {
      f.number = *v;
      f.ok |= kNumberOk;
    }
  }
  if (f.ok & kNumberOk) return f.number;
  if (should_report) report(field, ValueProblem::kNotNumber, kNumberReported);
  return std::nullopt;
}

std::optional<bool> LeadContext::parse_bool_of(int field, bool should_report) {
  if (missing(field)) return std::nullopt;
  LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
  if (!(f.state & kBoolTried)) {
    f.state |= kBoolTried;
    if (auto v = parse_bool(f.text)) {
      f.boolean = *v;
      f.ok |= kBoolOk;
    }
  }
  if (f.ok & kBoolOk) return f.boolean;
  if (should_report) report(field, ValueProblem::kNotBool, kBoolReported);
  return std::nullopt;
}

std::optional<int32_t> LeadContext::parse_day_of(int field, bool should_report) {
  if (missing(field)) return std::nullopt;
  LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
  if (!(f.state & kDayTried)) {
    f.state |= kDayTried;
    const std::string& layout = rules_.fields[static_cast<size_t>(field)].date_format;
    auto v = layout.empty() ? parse_date(f.text) : parse_date_with_format(f.text, layout);
    if (v) {
      f.day = *v;
      f.ok |= kDayOk;
    }
  }
  if (f.ok & kDayOk) return f.day;
  if (should_report) report(field, ValueProblem::kNotDate, kDayReported);
  return std::nullopt;
}

bool LeadContext::literal_equals(const Literal& lit, int field, bool case_sensitive) {
  if (lit.number) {
    if (auto n = number(field, false)) return *n == *lit.number;
  }
  if (lit.boolean) {
    if (auto b = boolean(field, false)) return *b == *lit.boolean;
  }
  std::string_view t = text(field);
  return case_sensitive ? t == lit.text : iequals(t, lit.folded);
}

bool LeadContext::matches(const Condition& c, std::string_view t) {
  if (c.memo < 0) return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *c.regex);
  // One lookup per field and lead, shared by every regex reading the field.
  LeadScratch::FieldCache& f = cache(c.field);
  if (!(f.state & kRegexLooked)) {
    f.state |= kRegexLooked;
    f.regex_verdicts = scratch_.regex_memo[static_cast<size_t>(c.field)].find_or_add(t);
  }
  RegexMemo::Entry* verdicts = f.regex_verdicts;
  if (!verdicts) return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *c.regex);
  const uint64_t bit = uint64_t{1} << c.memo;
  if (verdicts->known & bit) return verdicts->held & bit;
  bool held = RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *c.regex);
  verdicts->known |= bit;
  if (held) verdicts->held |= bit;
  return held;
}

bool LeadContext::email_domain_in(const Condition& c, std::string_view t) {
  // The '@' is near the end: searched from there, a vector at a time.
  const void* at = t.empty() ? nullptr : memrchr(t.data(), '@', t.size());
  if (at == nullptr) return false;
  const size_t domain_at = static_cast<size_t>(static_cast<const char*>(at) - t.data()) + 1;
  std::string_view domain = t.substr(domain_at);  // found once for all the literals
  for (const Literal& lit : c.literals) {
    if (domain_is_or_under(domain, lit.folded)) return true;
  }
  return false;
}

bool LeadContext::in_texts(const Condition& c, std::string_view t) {
  if (!c.short_texts.empty()) {
    if (t.size() > 8) return false;  // longer than every literal
    uint64_t w = load_short_word(t);
    if (!c.case_sensitive) w = ascii_lower_word(w);
    for (const ShortText& s : c.short_texts) {
      if (s.word == w && s.size == t.size()) return true;
    }
    return false;
  }
  // The length settles most literals; `folded` is the text as written when case-sensitive.
  for (const Literal& lit : c.literals) {
    const std::string& k = lit.folded;
    if (k.size() != t.size()) continue;
    if (c.case_sensitive ? std::memcmp(k.data(), t.data(), t.size()) == 0 : iequals(t, k)) return true;
  }
  return false;
}

bool LeadContext::in_literals(const Condition& c) {
  for (const Literal& lit : c.literals) {
    if (literal_equals(lit, c.field, c.case_sensitive)) return true;
  }
  return false;
}

bool LeadContext::eval_composite(const Condition& c) {
  switch (c.op) {
    case Op::kAll:
      for (const Condition& child : c.children) {
        if (!eval(child)) return false;
      }
      return true;
    case Op::kAny:
      for (const Condition& child : c.children) {
        if (eval(child)) return true;
      }
      return false;
    case Op::kNot:
      return !eval(c.children[0]);
    case Op::kCriterion:
      return c.criterion >= 0 && criterion_holds(c.criterion);
    default:
      return eval_leaf(c);
  }
}

bool LeadContext::test_and_remember(const Condition& c, ValueMemo::Slot& s, uint32_t bit) {
  // Sound because a leaf's verdict, and whether it reports the value as
  // unreadable, depend on nothing but the field's raw value, the rules and
  // the as-of date (a leaf reading another field or other per-lead state
  // would break this). Reports are the exception handled here: a verdict
  // that came with one, or that a report made earlier in this lead may have
  // silenced (reports are once a field and lead), is not kept, so that the
  // next lead with this value reports it again.
  const size_t reports = verdict_.bad_values.size();
  const bool held = test_leaf(c);
  if (verdict_.bad_values.size() == reports && !(scratch_.fields[static_cast<size_t>(c.field)].state & kAnyReported)) {
    s.known |= bit;
    if (held) s.held |= bit;
  }
  return held;
}

bool LeadContext::test_leaf(const Condition& c) {
  const LeadScratch::FieldCache& f = cache(c.field);
  // SPEC: a missing value makes every leaf false except `exists: false`.
  if (f.state & kMissing) return c.op == Op::kExists && !c.flag;
  // The common leaves are decided here from the cached reading; the rest
  // (and every first or failed reading) go to functions of their own, so
  // that this one stays cheap to call.
  switch (c.op) {
    case Op::kExists:
      return c.flag;
    case Op::kEquals:
    case Op::kIn:
      return c.text_literals ? in_texts(c, f.text) : in_literals(c);
    case Op::kNotEquals:
    case Op::kNotIn:
      return !(c.text_literals ? in_texts(c, f.text) : in_literals(c));
    case Op::kMatches:
      return matches(c, f.text);
    case Op::kEmailDomainIn:
      return email_domain_in(c, f.text);
    case Op::kContains:
    case Op::kStartsWith:
    case Op::kEndsWith:
      return text_test(c, f.text);
    case Op::kIs:
      if (f.ok & kBoolOk) return f.boolean == c.flag;
      return typed_test(c);
    case Op::kWithinDays:
      if (f.ok & kDayOk) return f.day >= as_of_ - c.days;
      return typed_test(c);
    case Op::kOlderThanDays:
      if (f.ok & kDayOk) return f.day < as_of_ - c.days;
      return typed_test(c);
    case Op::kGt:
    case Op::kGte:
    case Op::kLt:
    case Op::kLte:
    case Op::kBetween: {
      const Literal& lo = c.literals[0];
      if (!lo.number || !(f.ok & kNumberOk)) return typed_test(c);
      const double v = f.number;
      switch (c.op) {
        case Op::kGt: return v > *lo.number;
        case Op::kGte: return v >= *lo.number;
        case Op::kLt: return v < *lo.number;
        case Op::kLte: return v <= *lo.number;
        default: return v >= *lo.number && v <= *c.literals[1].number;
      }
    }
    default:
      return false;
  }
}

bool LeadContext::text_test(const Condition& c, std::string_view t) {
  switch (c.op) {
    case Op::kContains:
      for (const Literal& lit : c.literals) {
        if (c.case_sensitive ? t.find(lit.text) != std::string_view::npos : icontains(t, lit.folded)) return true;
      }
      return false;
    case Op::kStartsWith:
      for (const Literal& lit : c.literals) {
        if (c.case_sensitive ? t.starts_with(lit.text) : istarts_with(t, lit.folded)) return true;
      }
      return false;
    case Op::kEndsWith:
      for (const Literal& lit : c.literals) {
        if (c.case_sensitive ? t.ends_with(lit.text) : iends_with(t, lit.folded)) return true;
      }
      return false;
    default:
      return false;
  }
}

bool LeadContext::typed_test(const Condition& c) {
  switch (c.op) {
    case Op::kIs: {
      auto b = boolean(c.field, true);
      return b && *b == c.flag;
    }
    case Op::kWithinDays:
    case Op::kOlderThanDays: {
      auto d = day(c.field, true);
      if (!d) return false;
      int32_t cutoff = as_of_ - c.days;
      return c.op == Op::kWithinDays ? *d >= cutoff : *d < cutoff;
    }
    case Op::kGt:
    case Op::kGte:
    case Op::kLt:
    case Op::kLte:
    case Op::kBetween: {
      double v, lo, hi = 0;
      if (c.literals[0].number) {
        auto n = number(c.field, true);
        if (!n) return false;
        v = *n;
        lo = *c.literals[0].number;
        if (c.op == Op::kBetween) hi = *c.literals[1].number;
      } else {
        auto d = day(c.field, true);
        if (!d) return false;
        v = *d;
        lo = *c.literals[0].day;
        if (c.op == Op::kBetween) hi = *c.literals[1].day;
      }
      switch (c.op) {
        case Op::kGt: return v > lo;
        case Op::kGte: return v >= lo;
        case Op::kLt: return v < lo;
        case Op::kLte: return v <= lo;
        default: return v >= lo && v <= hi;
      }
    }
    default:
      return false;
  }
}

}  // namespace leadscore::engine_internal
