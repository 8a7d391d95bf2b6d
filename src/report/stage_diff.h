// What a rules change does to a stream of leads, for `leadscore diff`: each
// lead is scored under the old and the new rules and counted into a stage
// transition matrix. Counters only: memory does not grow with the leads.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "leadscore/verdict.h"

namespace leadscore::report {

class StageDiff {
 public:
  // Criteria and disqualifiers are matched between the two rule sets by id.
  StageDiff(const RuleSet& old_rules, const RuleSet& new_rules);

  // Counts one lead; returns true when its stage changed.
  bool add(const Verdict& old_v, const Verdict& new_v);

  // A reason leads moved: a criterion whose points differ between the two
  // verdicts (one present in only one rule set counts with 0 on the other
  // side), or a disqualifier that held under one set only ("disqualify:ID").
  struct Cause {
    std::string label;
    uint64_t leads = 0;  // moved leads it applied to
  };
  // Causes of moved leads, most leads first (ties in rules order); zero ones left out.
  std::vector<Cause> causes() const;

  uint64_t leads() const { return leads_; }
  uint64_t moved_up() const { return up_; }
  uint64_t moved_down() const { return down_; }
  uint64_t unchanged() const { return leads_ - up_ - down_; }
  uint64_t score_changed() const { return score_changed_; }
  // Moved leads for which no criterion's points and no disqualifier changed:
  // the stage gates (thresholds, requires) moved them.
  uint64_t gates_only() const { return gates_only_; }
  // matrix()[old stage][new stage]
  const std::array<std::array<uint64_t, 4>, 4>& matrix() const { return matrix_; }

 private:
  struct Pair {
    std::string label;
    int old_index = -1;
    int new_index = -1;
  };

  std::vector<Pair> criteria_;
  std::vector<Pair> disqualifiers_;
  std::vector<uint64_t> criterion_counts_;
  std::vector<uint64_t> disqualifier_counts_;
  std::array<std::array<uint64_t, 4>, 4> matrix_{};
  uint64_t leads_ = 0;
  uint64_t up_ = 0;
  uint64_t down_ = 0;
  uint64_t score_changed_ = 0;
  uint64_t gates_only_ = 0;
};

}  // namespace leadscore::report
