#include "engine/lead_context.h"

#include <re2/re2.h>

#include "leadscore/values.h"

namespace leadscore::engine_internal {

namespace {

constexpr size_t kRegexMemoLimit = 4096;
constexpr size_t kRegexMemoMaxKey = 256;


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

void LeadContext::reset() {
  const size_t n = rules_.fields.size();
  if (scratch_.fields.size() != n) scratch_.fields.resize(n);
  for (size_t i = 0; i < n; ++i) {
    LeadScratch::FieldCache& f = scratch_.fields[i];
    f.text = i < values_.size() ? trimmed(values_[i]) : std::string_view();
    bool is_missing = is_builtin_missing(f.text);
    for (size_t m = 0; !is_missing && m < rules_.missing_values.size(); ++m) {
      is_missing = iequals(f.text, rules_.missing_values[m]);
    }
    f.state = is_missing ? kMissing : 0;
    f.ok = 0;
  }
  scratch_.criterion_memo.resize(rules_.criteria.size());
  std::fill(scratch_.criterion_memo.begin(), scratch_.criterion_memo.end(), int8_t{-1});
  if (scratch_.memo_serial != rules_.serial || rules_.serial == 0) {
    scratch_.regex_memo.assign(static_cast<size_t>(rules_.regex_count), {});
    scratch_.memo_serial = rules_.serial;
  }
}

void LeadContext::report(int field, ValueProblem p, uint8_t flag) {
  LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
  if (f.state & flag) return;
  f.state |= flag;
  verdict_.bad_values.push_back(BadValue{field, p});
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
  LeadScratch::RegexMemo& memo = scratch_.regex_memo[static_cast<size_t>(c.memo)];
  auto it = memo.find(t);
  if (it != memo.end()) return it->second;
  bool held = RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *c.regex);
  // Bounded, so a column of unique values (free text) cannot grow it forever.
  if (memo.size() < kRegexMemoLimit && t.size() <= kRegexMemoMaxKey) memo.emplace(std::string(t), held);
  return held;
}

bool LeadContext::email_domain_in(const Condition& c, std::string_view t) {
  size_t at = t.rfind('@');
  if (at == std::string_view::npos) return false;
  std::string_view domain = t.substr(at + 1);  // found once for all the literals
  for (const Literal& lit : c.literals) {
    if (domain_is_or_under(domain, lit.folded)) return true;
  }
  return false;
}

bool LeadContext::in_literals(const Condition& c) {
  for (const Literal& lit : c.literals) {
    if (literal_equals(lit, c.field, c.case_sensitive)) return true;
  }
  return false;
}

bool LeadContext::evaluate_criterion(int criterion) {
  const Criterion& c = rules_.criteria[static_cast<size_t>(criterion)];
  bool holds = !c.when || eval(*c.when);
  scratch_.criterion_memo[static_cast<size_t>(criterion)] = holds ? 1 : 0;
  return holds;
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

bool LeadContext::eval_leaf(const Condition& c) {
  // SPEC: a missing value makes every leaf false except `exists: false`.
  if (missing(c.field)) return c.op == Op::kExists && !c.flag;
  std::string_view t = text(c.field);
  switch (c.op) {
    case Op::kExists:
      return c.flag;
    case Op::kEquals:
      return literal_equals(c.literals[0], c.field, c.case_sensitive);
    case Op::kNotEquals:
      return !literal_equals(c.literals[0], c.field, c.case_sensitive);
    case Op::kIn:
      return in_literals(c);
    case Op::kNotIn:
      return !in_literals(c);
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
    case Op::kMatches:
      return matches(c, t);
    case Op::kEmailDomainIn:
      return email_domain_in(c, t);
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
