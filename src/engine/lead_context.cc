#include "engine/lead_context.h"

#include <re2/re2.h>

#include "leadscore/values.h"

namespace leadscore::engine_internal {

namespace {

enum : uint8_t {
  kTrimmed = 1,
  kMissing = 2,
  kNumberTried = 4,
  kBoolTried = 8,
  kDayTried = 16,
  kNumberReported = 32,
  kBoolReported = 64,
  kDayReported = 128,
};

constexpr size_t kRegexMemoLimit = 4096;
constexpr size_t kRegexMemoMaxKey = 256;

// FieldCache::ok bits: which of the parses succeeded.
constexpr uint8_t kNumberOk = 1, kBoolOk = 2, kDayOk = 4;

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

bool email_domain_matches(std::string_view email, std::string_view domain) {
  size_t at = email.rfind('@');
  if (at == std::string_view::npos) return false;
  std::string_view d = email.substr(at + 1);
  if (iequals(d, domain)) return true;
  return d.size() > domain.size() && d[d.size() - domain.size() - 1] == '.' && iends_with(d, domain);
}

void LeadContext::reset() {
  scratch_.fields.assign(rules_.fields.size(), LeadScratch::FieldCache{});
  scratch_.criterion_memo.assign(rules_.criteria.size(), -1);
  if (scratch_.memo_serial != rules_.serial || rules_.serial == 0) {
    scratch_.regex_memo.assign(static_cast<size_t>(rules_.regex_count), {});
    scratch_.memo_serial = rules_.serial;
  }
}

std::string_view LeadContext::text(int field) {
  LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
  if (!(f.state & kTrimmed)) {
    f.state |= kTrimmed;
    f.text = trim(values_[static_cast<size_t>(field)]);
    bool is_missing = is_builtin_missing(f.text);
    for (size_t i = 0; !is_missing && i < rules_.missing_values.size(); ++i) {
      is_missing = iequals(f.text, rules_.missing_values[i]);
    }
    if (is_missing) f.state |= kMissing;
  }
  return f.text;
}

bool LeadContext::missing(int field) {
  text(field);
  return scratch_.fields[static_cast<size_t>(field)].state & kMissing;
}

void LeadContext::report(int field, ValueProblem p, uint8_t flag) {
  LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
  if (f.state & flag) return;
  f.state |= flag;
  verdict_.bad_values.push_back(BadValue{field, p});
}

std::optional<double> LeadContext::number(int field, bool should_report) {
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

std::optional<bool> LeadContext::boolean(int field, bool should_report) {
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

std::optional<int32_t> LeadContext::day(int field, bool should_report) {
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

bool LeadContext::criterion_holds(int criterion) {
  int8_t& memo = scratch_.criterion_memo[static_cast<size_t>(criterion)];
  if (memo >= 0) return memo == 1;
  const Criterion& c = rules_.criteria[static_cast<size_t>(criterion)];
  bool holds = !c.when || eval(*c.when);
  memo = holds ? 1 : 0;
  return holds;
}

bool LeadContext::eval(const Condition& c) {
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
    case Op::kNotIn: {
      bool found = false;
      for (const Literal& lit : c.literals) {
        if (literal_equals(lit, c.field, c.case_sensitive)) {
          found = true;
          break;
        }
      }
      return c.op == Op::kIn ? found : !found;
    }
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
    case Op::kMatches: {
      if (c.memo < 0) return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *c.regex);
      LeadScratch::RegexMemo& memo = scratch_.regex_memo[static_cast<size_t>(c.memo)];
      auto it = memo.find(t);
      if (it != memo.end()) return it->second;
      bool held = RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *c.regex);
      // Bounded, so a column of unique values (free text) cannot grow it forever.
      if (memo.size() < kRegexMemoLimit && t.size() <= kRegexMemoMaxKey) memo.emplace(std::string(t), held);
      return held;
    }
    case Op::kEmailDomainIn: {
      size_t at = t.rfind('@');
      if (at == std::string_view::npos) return false;
      std::string_view domain = t.substr(at);  // keeps the '@' so every literal matches the same way
      for (const Literal& lit : c.literals) {
        if (email_domain_matches(domain, lit.folded)) return true;
      }
      return false;
    }
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
