// Evaluation state for one lead: the raw values, the caches of parsed values
// (each field is trimmed and parsed at most once per lead, whatever the number
// of criteria reading it), and the condition evaluator.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "engine/score_plan.h"
#include "leadscore/scorer.h"

namespace leadscore::engine_internal {

class LeadContext {
 public:
  LeadContext(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
              Verdict& verdict)
      : rules_(scorer.rules()),
        plan_(scorer.plan()),
        as_of_(scorer.as_of_day()),
        values_(values),
        scratch_(scratch),
        verdict_(verdict) {}

  // Starts a new lead. Fields are read lazily: each is trimmed and checked
  // for missing markers on its first use in the lead, so starting costs
  // nothing per field (and no allocation once sized).
  void reset();

  bool missing(int field) { return cache(field).state & kMissing; }
  std::string_view text(int field) { return cache(field).text; }  // trimmed
  // Parsed values; nullopt when missing or unreadable. `report` records an
  // unreadable value as a BadValue in the verdict (once per field and kind).
  // The cached result is read inline; the first use of a field parses it.
  std::optional<double> number(int field, bool report) {
    const LeadScratch::FieldCache& f = cache(field);
    if (f.ok & kNumberOk) return f.number;
    return parse_number_of(field, report);
  }
  std::optional<bool> boolean(int field, bool report) {
    const LeadScratch::FieldCache& f = cache(field);
    if (f.ok & kBoolOk) return f.boolean;
    return parse_bool_of(field, report);
  }
  std::optional<int32_t> day(int field, bool report) {
    const LeadScratch::FieldCache& f = cache(field);
    if (f.ok & kDayOk) return f.day;
    return parse_day_of(field, report);
  }

  // Leaves go straight to eval_leaf; only all/any/not/criterion recurse.
  bool eval(const Condition& c) { return c.op >= Op::kEquals ? eval_leaf(c) : eval_composite(c); }
  bool criterion_holds(int criterion) {
    if (!plan_.criterion_refs) {
      // Nothing asks for a criterion's result again: no memo to keep.
      const Condition* when = plan_.criteria[static_cast<size_t>(criterion)].when;
      return !when || eval(*when);
    }
    int8_t memo = scratch_.criterion_memo[static_cast<size_t>(criterion)];
    if (memo >= 0) return memo == 1;
    // Inline, so that the scorer's loop calls the leaf evaluator directly.
    const Condition* when = plan_.criteria[static_cast<size_t>(criterion)].when;
    bool holds = !when || eval(*when);
    scratch_.criterion_memo[static_cast<size_t>(criterion)] = holds ? 1 : 0;
    return holds;
  }
  bool literal_equals(const Literal& lit, int field, bool case_sensitive);
  // Records the field's value as too large for the points it scales in
  // `criterion` (once a lead and criterion).
  void report_too_large(int field, int criterion);

  int32_t as_of() const { return as_of_; }
  const Verdict& verdict() const { return verdict_; }
  const RuleSet& rules() const { return rules_; }
  const ScorePlan& plan() const { return plan_; }

 private:
  // A leaf's verdict: from the field's value memo when this value was seen,
  // else tested (and remembered). Inline and with no call on the way to a
  // remembered verdict, which is most leaves of most leads.
  bool eval_leaf(const Condition& c) {
    const size_t i = static_cast<size_t>(c.field);
    if (c.leaf_bit >= 0 && i < memo_fields_) {
      if (ValueMemo::Slot* s = memos_[i].find(values_[i], scratch_.generation)) {
        const uint32_t bit = uint32_t{1} << c.leaf_bit;
        if (s->known & bit) return s->held & bit;
        return test_and_remember(c, *s, bit);
      }
    }
    return test_leaf(c);
  }
  // The scratch's value memos, when they belong to these rules; set by
  // reset() only. A context made without reset() (Scorer::holds, the
  // explanations) reads the field caches of the lead scored last, and must
  // not mix them with verdicts looked up by its own values.
  void use_value_memo();
  [[gnu::noinline]] bool test_and_remember(const Condition& c, ValueMemo::Slot& s, uint32_t bit);
  bool test_leaf(const Condition& c);
  bool eval_composite(const Condition& c);
  bool in_literals(const Condition& c);
  bool in_texts(const Condition& c, std::string_view t);  // Condition::text_literals
  // Kept out of eval_leaf so that the common leaves stay cheap to call.
  [[gnu::noinline]] bool matches(const Condition& c, std::string_view t);
  [[gnu::noinline]] bool email_domain_in(const Condition& c, std::string_view t);
  [[gnu::noinline]] bool text_test(const Condition& c, std::string_view t);  // contains, starts_with, ends_with
  // Leaves whose parsed value is not cached as readable: parse, report, compare.
  [[gnu::noinline]] bool typed_test(const Condition& c);
  std::optional<double> parse_number_of(int field, bool report);
  std::optional<bool> parse_bool_of(int field, bool report);
  std::optional<int32_t> parse_day_of(int field, bool report);
  void report(int field, ValueProblem p, uint8_t flag);
  // The field's entry for this lead, read on first use.
  LeadScratch::FieldCache& cache(int field) {
    LeadScratch::FieldCache& f = scratch_.fields[static_cast<size_t>(field)];
    if (f.generation != scratch_.generation) load(field);
    return f;
  }
  void load(int field);

 public:
  // LeadScratch::FieldCache::state bits.
  enum : uint8_t {
    kRegexLooked = 1,  // regex_verdicts was looked up for this value
    kMissing = 2,
    kNumberTried = 4,
    kBoolTried = 8,
    kDayTried = 16,
    kNumberReported = 32,
    kBoolReported = 64,
    kDayReported = 128,
    kAnyReported = kNumberReported | kBoolReported | kDayReported,
  };
  // LeadScratch::FieldCache::ok bits: which of the parses succeeded.
  enum : uint8_t { kNumberOk = 1, kBoolOk = 2, kDayOk = 4 };

 private:

  const RuleSet& rules_;
  const ScorePlan& plan_;
  int32_t as_of_;
  std::span<const std::string_view> values_;
  LeadScratch& scratch_;
  Verdict& verdict_;
  ValueMemo* memos_ = nullptr;  // per field, the first memo_fields_
  size_t memo_fields_ = 0;
};

// Case-insensitive (ASCII) substring tests against an already lower-cased needle.
bool icontains(std::string_view hay, std::string_view folded_needle);
bool istarts_with(std::string_view s, std::string_view folded_prefix);
bool iends_with(std::string_view s, std::string_view folded_suffix);
// The part after the last '@' is `domain` or a subdomain of it.
bool email_domain_matches(std::string_view email, std::string_view folded_domain);
// `d` (an e-mail's domain) is `domain` or a subdomain of it.
bool domain_is_or_under(std::string_view d, std::string_view folded_domain);

}  // namespace leadscore::engine_internal
