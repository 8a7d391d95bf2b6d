#include "engine/score_plan.h"

namespace leadscore::engine_internal {

namespace {

PointsSum category_sum(Category c) { return c == Category::kFit ? PointsSum::kFit : PointsSum::kEngagement; }

bool refers_to_criterion(const Condition& c) {
  if (c.op == Op::kCriterion) return true;
  for (const Condition& child : c.children) {
    if (refers_to_criterion(child)) return true;
  }
  return false;
}

bool any_criterion_refs(const RuleSet& rules) {
  for (const Criterion& c : rules.criteria) {
    if (c.when && refers_to_criterion(*c.when)) return true;
    for (const PointsRange& r : c.points.ranges) {
      if (refers_to_criterion(r.test)) return true;
    }
  }
  for (const Disqualifier& d : rules.disqualify) {
    if (refers_to_criterion(d.when)) return true;
  }
  for (const StageGate& g : rules.stages) {
    for (const Condition& c : g.requires_all) {
      if (refers_to_criterion(c)) return true;
    }
  }
  return false;
}

}  // namespace

ScorePlan::ScorePlan(const RuleSet& rules) {
  fields.reserve(rules.fields.size());
  for (const FieldSpec& f : rules.fields) {
    FieldPlan plan;
    if (f.type == FieldType::kNumber) plan.reading = FieldReading::kNumber;
    if (f.type == FieldType::kBool) plan.reading = FieldReading::kBool;
    if (f.type == FieldType::kDate && f.date_format.empty()) plan.reading = FieldReading::kDay;
    fields.push_back(plan);
  }
  // The category of a group is that of its members (checked at load time).
  group_sum.assign(rules.groups.size(), PointsSum::kGroup);
  criteria.reserve(rules.criteria.size());
  for (const Criterion& c : rules.criteria) {
    CriterionPlan p;
    p.when = c.when ? &*c.when : nullptr;
    p.points = &c.points;
    p.kind = c.points.kind;
    p.fixed_points = c.points.points;
    p.bounded = c.min || c.max;
    p.group = c.group;
    p.sum = c.group >= 0 ? PointsSum::kGroup : category_sum(c.category);
    if (c.group >= 0 && group_sum[static_cast<size_t>(c.group)] == PointsSum::kGroup) {
      group_sum[static_cast<size_t>(c.group)] = category_sum(c.category);
    }
    criteria.push_back(p);
  }
  missing_markers = !rules.missing_values.empty();
  criterion_refs = any_criterion_refs(rules);
}

}  // namespace leadscore::engine_internal
