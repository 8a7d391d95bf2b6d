// What the per-lead loop reads, compiled once per Scorer: per field and per
// criterion, the few facts scoring needs, laid out back to back so that a lead
// touches a handful of cache lines instead of striding through the rule
// structs (with their names, locations and texts) for each test.
#pragma once

#include <cstdint>
#include <vector>

#include "leadscore/rules.h"

namespace leadscore::engine_internal {

// How a field is read when a lead first uses it: parsed as its type right
// away, or (text, and dates with a layout of their own) only as asked.
enum class FieldReading : uint8_t { kOnDemand, kNumber, kBool, kDay };

struct FieldPlan {
  FieldReading reading = FieldReading::kOnDemand;
};

enum class PointsSum : uint8_t { kFit, kEngagement, kGroup };

struct CriterionPlan {
  const Condition* when = nullptr;  // null: always holds
  const Points* points = nullptr;   // per_unit / by value / by range
  PointsKind kind = PointsKind::kFixed;
  PointsSum sum = PointsSum::kFit;
  bool bounded = false;  // the criterion has its own min or max
  int group = -1;
  double fixed_points = 0;  // kFixed
};

struct ScorePlan {
  explicit ScorePlan(const RuleSet& rules);

  std::vector<FieldPlan> fields;         // parallel to RuleSet::fields
  std::vector<CriterionPlan> criteria;   // parallel to RuleSet::criteria
  std::vector<PointsSum> group_sum;      // per group: its members' category; kGroup when it has none
  bool missing_markers = false;          // the rules add missing markers of their own
  // Some condition tests another criterion (`criterion: ID`): only then are
  // criterion results memoised per lead, for those tests to reuse.
  bool criterion_refs = false;
};

}  // namespace leadscore::engine_internal
