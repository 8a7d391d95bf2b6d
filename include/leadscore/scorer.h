// The scorer: evaluates a RuleSet on one lead's field values.
// A Scorer is immutable and thread-safe; per-lead state lives in the caller's
// Verdict and LeadScratch, which are reused from lead to lead.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "leadscore/rules.h"
#include "leadscore/verdict.h"

namespace leadscore {

// Per-lead working memory: parsed values cached per field, criterion
// conditions memoised. Owned by one thread; reused across leads.
struct LeadScratch {
  struct FieldCache {
    uint8_t state = 0;  // missing, parses tried, problems reported (bit flags, see lead_context.h)
    uint8_t ok = 0;     // which parses succeeded
    double number = 0;
    int32_t day = 0;
    bool boolean = false;
    std::string_view text;  // trimmed
  };
  std::vector<FieldCache> fields;
  std::vector<int8_t> criterion_memo;  // -1 unknown, 0 false, 1 true, 2 evaluating

  // CRM columns have few distinct values (job titles, industries), so each
  // regex's verdict is remembered per value: one hash lookup instead of a match.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using RegexMemo = std::unordered_map<std::string, bool, TextHash, std::equal_to<>>;
  std::vector<RegexMemo> regex_memo;  // one per `matches` condition (Condition::memo)
  uint64_t memo_serial = 0;  // RuleSet::serial of the rules the memos belong to
};

class Scorer {
 public:
  // as_of_day: days since 1970-01-01 (UTC) that recency and decay count from.
  Scorer(const RuleSet& rules, int32_t as_of_day);

  const RuleSet& rules() const { return rules_; }
  int32_t as_of_day() const { return as_of_day_; }

  // values[i] is the raw text of rules().fields[i] for this lead; an empty
  // view means the field is absent. Fills `out` completely.
  void score(std::span<const std::string_view> values, LeadScratch& scratch, Verdict& out) const;

  // Evaluates one condition for a lead previously passed to score() with the
  // same scratch (used by explanations and by commands that test gates).
  bool holds(const Condition& c, std::span<const std::string_view> values, LeadScratch& scratch,
             Verdict& out) const;

  // Whether a field's value is missing (after trimming and the missing markers).
  bool is_missing(std::string_view raw) const;

 private:
  const RuleSet& rules_;
  int32_t as_of_day_;
};

}  // namespace leadscore
