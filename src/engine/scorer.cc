#include "leadscore/scorer.h"

#include <algorithm>
#include <cmath>

#include "engine/lead_context.h"
#include "leadscore/values.h"

namespace leadscore {

namespace {

using engine_internal::CriterionPlan;
using engine_internal::LeadContext;
using engine_internal::PointsSum;

double bounded(double v, const std::optional<double>& lo, const std::optional<double>& hi) {
  if (hi && v > *hi) v = *hi;
  if (lo && v < *lo) v = *lo;
  return v;
}

// Points of one criterion whose `when` held, other than fixed points; sets
// `matched` for points_by.
double variable_points(const Points& p, LeadContext& ctx, bool& matched) {
  switch (p.kind) {
    case PointsKind::kFixed:
      return p.points;
    case PointsKind::kPerUnit: {
      auto n = ctx.number(p.field, true);
      return n ? p.points * *n : 0;  // may be huge or infinite: checked once bounded
    }
    case PointsKind::kByValue:
      if (!ctx.missing(p.field)) {
        for (size_t i = 0; i < p.keys.size(); ++i) {
          if (ctx.literal_equals(p.keys[i], p.field, false)) return p.key_points[i];
        }
      }
      matched = false;
      return p.default_points.value_or(0);
    case PointsKind::kByRange:
      for (const PointsRange& r : p.ranges) {
        if (ctx.eval(r.test)) return r.points;
      }
      matched = false;
      return p.default_points.value_or(0);
  }
  return 0;
}

}  // namespace

Scorer::Scorer(const RuleSet& rules, int32_t as_of_day)
    : rules_(rules), as_of_day_(as_of_day), plan_(std::make_shared<const engine_internal::ScorePlan>(rules)) {}

bool Scorer::is_missing(std::string_view raw) const {
  std::string_view t = trim(raw);
  if (is_builtin_missing(t)) return true;
  for (const std::string& m : rules_.missing_values) {
    if (iequals(t, m)) return true;
  }
  return false;
}

bool Scorer::holds(const Condition& c, std::span<const std::string_view> values, LeadScratch& scratch,
                   Verdict& out) const {
  LeadContext ctx(*this, values, scratch, out);
  return ctx.eval(c);
}

void Scorer::score(std::span<const std::string_view> values, LeadScratch& scratch, Verdict& out) const {
  LeadContext ctx(*this, values, scratch, out);
  ctx.reset();
  const engine_internal::ScorePlan& plan = *plan_;
  const size_t criteria = plan.criteria.size();
  out.criteria.resize(criteria);
  out.awarded.clear();
  out.bad_values.clear();
  out.disqualified_by.clear();

  // Criteria, then group bounds, summed per category (PointsSum order).
  double sums[2] = {0, 0};
  // Group sums are few; a small fixed array avoids allocation for typical rule sets.
  const size_t groups = plan.group_sum.size();
  double group_small[16];
  std::vector<double> group_large;
  double* group_sums = group_small;
  if (groups > 16) {
    group_large.assign(groups, 0);
    group_sums = group_large.data();
  } else {
    std::fill(group_small, group_small + groups, 0.0);
  }
  const CriterionPlan* steps = plan.criteria.data();
  CriterionOutcome* outcomes = out.criteria.data();
  const bool refs = plan.criterion_refs;  // in a register, not reloaded after each call
  for (size_t i = 0; i < criteria; ++i) {
    const CriterionPlan& c = steps[i];
    CriterionOutcome& o = outcomes[i];
    const bool matched = refs ? ctx.criterion_holds(static_cast<int>(i)) : !c.when || ctx.eval(*c.when);
    o.matched = matched;
    o.points = 0;
    if (!matched) continue;
    double pts = c.kind == PointsKind::kFixed ? c.fixed_points : variable_points(*c.points, ctx, o.matched);
    if (c.bounded) {
      const Criterion& rule = rules_.criteria[i];
      pts = bounded(pts, rule.min, rule.max);
    }
    // Points stay finite and far from overflow, so that no sum of them is
    // infinite or NaN (which no stage gate could compare). Only points_per
    // can pass the bound (the loader holds every other kind to it).
    if (c.kind == PointsKind::kPerUnit && !(std::fabs(pts) <= kMaxPoints)) [[unlikely]] {
      ctx.report_too_large(c.points->field, static_cast<int>(i));
      pts = 0;
    }
    o.points = pts;
    if (pts != 0) out.awarded.push_back(static_cast<uint32_t>(i));
    if (c.sum == PointsSum::kGroup) group_sums[c.group] += pts;
    else sums[static_cast<size_t>(c.sum)] += pts;
  }
  for (size_t g = 0; g < groups; ++g) {
    const PointsSum sum = plan.group_sum[g];
    if (sum == PointsSum::kGroup) continue;  // no members
    const Group& group = rules_.groups[g];
    sums[static_cast<size_t>(sum)] += bounded(group_sums[g], group.min, group.max);
  }

  // SPEC: factor = 0.5 ^ (whole days since the decay date / half-life); 1 when
  // that date is missing, unreadable or in the future.
  out.decay_factor = 1;
  if (rules_.decay) {
    if (auto d = ctx.day(rules_.decay->field, true)) {
      int32_t days = as_of_day_ - *d;
      if (days > 0) out.decay_factor = std::pow(0.5, days / rules_.decay->half_life_days);
    }
  }
  double fit_factor = rules_.decay && rules_.decay->applies_to_fit ? out.decay_factor : 1;
  out.fit = round2(sums[0] * fit_factor);
  out.engagement = round2(sums[1] * out.decay_factor);
  out.score = round2(bounded(out.fit + out.engagement, rules_.score_min, rules_.score_max));

  for (size_t i = 0; i < rules_.disqualify.size(); ++i) {
    if (ctx.eval(rules_.disqualify[i].when)) out.disqualified_by.push_back(static_cast<int>(i));
  }

  out.stage = Stage::kLead;
  bool lower_passed = true;
  for (size_t s = 0; s < rules_.stages.size(); ++s) {
    const StageGate& g = rules_.stages[s];
    bool passed = g.defined;
    if (passed && g.min_score && out.score < *g.min_score) passed = false;
    if (passed && g.min_fit && out.fit < *g.min_fit) passed = false;
    if (passed && g.min_engagement && out.engagement < *g.min_engagement) passed = false;
    if (passed) {
      for (const Condition& c : g.requires_all) {
        if (!ctx.eval(c)) {
          passed = false;
          break;
        }
      }
    }
    out.gate_passed[s] = passed;
    lower_passed = lower_passed && passed;
    if (lower_passed && out.disqualified_by.empty()) out.stage = static_cast<Stage>(s + 1);
  }
}

}  // namespace leadscore
