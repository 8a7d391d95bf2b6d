// What scoring one lead produces: numbers, stage, and per-criterion and
// per-gate outcomes that any command (score, explain, summary, diff) can
// aggregate. A Verdict is reused from lead to lead so that scoring allocates
// nothing once its vectors have grown to the rule set's size.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "leadscore/rules.h"

namespace leadscore {

// kTooLarge: a number that makes `points_per` points (after the criterion's
// own min and max) larger than kMaxPoints either way.
enum class ValueProblem : uint8_t { kNotNumber, kNotBool, kNotDate, kTooLarge };
std::string_view value_problem_text(ValueProblem p);  // "is not a number", ...

// A field value that could not be read the way an operator needed it.
struct BadValue {
  int field = -1;
  ValueProblem problem = ValueProblem::kNotNumber;
  int criterion = -1;  // kTooLarge: the criterion whose points_per it passed (which scores 0)
};

// What is wrong with the value, as a message goes on after "field F: 'V' ":
// value_problem_text, and for kTooLarge the criterion that scores 0 (said
// unless `rejected`: under --strict the lead is not scored at all).
std::string bad_value_text(const RuleSet& rules, const BadValue& b, bool rejected = false);

struct CriterionOutcome {
  bool matched = false;  // its `when` held (and for points_by, an entry matched)
  double points = 0;     // after the criterion's own max/min, before group bounds
};

struct Verdict {
  double fit = 0;
  double engagement = 0;    // after decay
  double score = 0;         // after the clamp; what stage gates see
  double decay_factor = 1;  // 1 when no decay applied
  Stage stage = Stage::kLead;
  std::vector<CriterionOutcome> criteria;  // parallel to RuleSet::criteria
  // Indices of the criteria whose points are not 0, in rule order: what the
  // reasons list, without a look at every criterion.
  std::vector<uint32_t> awarded;
  std::vector<int> disqualified_by;        // indices into RuleSet::disqualify that held
  std::array<bool, kGatedStages> gate_passed{};  // each stage's own gates (not cumulative)
  std::vector<BadValue> bad_values;        // at most one per field and problem (and criterion)

  bool disqualified() const { return !disqualified_by.empty(); }
};

}  // namespace leadscore
