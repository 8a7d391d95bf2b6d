// The scorer: evaluates a RuleSet on one lead's field values.
// A Scorer is immutable and thread-safe; per-lead state lives in the caller's
// Verdict and LeadScratch, which are reused from lead to lead.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/rules.h"
#include "leadscore/value_memo.h"
#include "leadscore/verdict.h"

namespace leadscore {

namespace engine_internal {
struct ScorePlan;
}

// Remembers, for each distinct value of one field, the verdicts of the
// regexes that read that field (bit i: the field's `matches` condition with
// Condition::memo == i). CRM columns have few distinct values (job titles,
// industries), so one hash lookup per field and lead replaces every match.
// Open addressing on a precomputed hash; the keys live back to back in one
// string, so an entry costs no allocation of its own.
class RegexMemo {
 public:
  struct Entry {
    uint64_t known = 0;  // bit i: regex i was run on this value
    uint64_t held = 0;   // bit i: and it matched
  };
  // Bounded, so a column of unique values (free text) cannot grow it forever.
  static constexpr size_t kMaxEntries = 4096;
  static constexpr size_t kMaxKeySize = 256;

  // The entry of `key`, added (nothing known) when absent; nullptr when the
  // memo is full or the key too long. The pointer stays valid until the next
  // call.
  Entry* find_or_add(std::string_view key);
  size_t size() const { return count_; }

  static uint64_t hash(std::string_view key);

 private:
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t key_at = 0;
    uint32_t key_size = 0;
    Entry entry;
  };
  void grow();

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::string keys_;
  size_t count_ = 0;
};

// Per-lead working memory: parsed values cached per field, criterion
// conditions memoised (when some condition tests a criterion). Owned by one
// thread; reused across leads.
struct LeadScratch {
  // A field's entry is read lazily: it describes the current lead only when
  // its generation is LeadScratch::generation, so starting a lead costs
  // nothing per field and fields no condition reads cost nothing at all.
  struct FieldCache {
    uint32_t generation = 0;
    uint8_t state = 0;  // missing, parses tried, problems reported (bit flags, see lead_context.h)
    uint8_t ok = 0;     // which parses succeeded
    bool boolean = false;
    int32_t day = 0;
    double number = 0;
    std::string_view text;  // trimmed
    RegexMemo::Entry* regex_verdicts = nullptr;  // this value's entry in the field's regex memo
  };
  std::vector<FieldCache> fields;
  uint32_t generation = 0;  // the lead being scored; never 0 once a lead started
  std::vector<int8_t> criterion_memo;  // -1 unknown, 0 false, 1 true, 2 evaluating

  std::vector<RegexMemo> regex_memo;  // one per field (used by fields with `matches` conditions)
  std::vector<ValueMemo> value_memo;  // one per field; empty for rules that have no serial
  uint64_t memo_serial = 0;  // RuleSet::serial of the rules the memos belong to
  int32_t memo_as_of = 0;    // and the as-of day their recency verdicts count from
};

class Scorer {
 public:
  // as_of_day: days since 1970-01-01 (UTC) that recency and decay count from.
  Scorer(const RuleSet& rules, int32_t as_of_day);

  const RuleSet& rules() const { return rules_; }
  int32_t as_of_day() const { return as_of_day_; }
  // The rules compiled for the per-lead loop (engine internal).
  const engine_internal::ScorePlan& plan() const { return *plan_; }

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
  std::shared_ptr<const engine_internal::ScorePlan> plan_;  // shared by copies
};

}  // namespace leadscore
