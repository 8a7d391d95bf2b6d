#include "leadscore/scorer.h"

#include <algorithm>
#include <cmath>

#include "engine/lead_context.h"
#include "leadscore/values.h"

namespace leadscore {

namespace {

using engine_internal::LeadContext;

double bounded(double v, const std::optional<double>& lo, const std::optional<double>& hi) {
  if (hi && v > *hi) v = *hi;
  if (lo && v < *lo) v = *lo;
  return v;
}

// Points of one criterion whose `when` held; sets `matched` for points_by.
double criterion_points(const Criterion& c, LeadContext& ctx, bool& matched) {
  const Points& p = c.points;
  switch (p.kind) {
    case PointsKind::kFixed:
      return p.points;
    case PointsKind::kPerUnit: {
      auto n = ctx.number(p.field, true);
      return n ? p.points * *n : 0;
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

Scorer::Scorer(const RuleSet& rules, int32_t as_of_day) : rules_(rules), as_of_day_(as_of_day) {}

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
  LeadContext ctx(rules_, as_of_day_, values, scratch, out);
  return ctx.eval(c);
}

void Scorer::score(std::span<const std::string_view> values, LeadScratch& scratch, Verdict& out) const {
  LeadContext ctx(rules_, as_of_day_, values, scratch, out);
  ctx.reset();
  out.criteria.resize(rules_.criteria.size());
  out.bad_values.clear();
  out.disqualified_by.clear();

  // Criteria, then group bounds, summed per category.
  double sums[2] = {0, 0};
  // Group sums are few; a small fixed array avoids allocation for typical rule sets.
  double group_small[16];
  std::vector<double> group_large;
  double* group_sums = group_small;
  if (rules_.groups.size() > 16) {
    group_large.assign(rules_.groups.size(), 0);
    group_sums = group_large.data();
  } else {
    std::fill(group_small, group_small + rules_.groups.size(), 0.0);
  }
  for (size_t i = 0; i < rules_.criteria.size(); ++i) {
    const Criterion& c = rules_.criteria[i];
    CriterionOutcome& o = out.criteria[i];
    o.matched = ctx.criterion_holds(static_cast<int>(i));
    o.points = 0;
    if (!o.matched) continue;
    double pts = criterion_points(c, ctx, o.matched);
    o.points = bounded(pts, c.min, c.max);
    if (c.group >= 0) group_sums[c.group] += o.points;
    else sums[c.category == Category::kFit ? 0 : 1] += o.points;
  }
  for (size_t g = 0; g < rules_.groups.size(); ++g) {
    const Group& group = rules_.groups[g];
    // The category of a group is that of its members (checked at load time).
    for (const Criterion& c : rules_.criteria) {
      if (c.group == static_cast<int>(g)) {
        sums[c.category == Category::kFit ? 0 : 1] += bounded(group_sums[g], group.min, group.max);
        break;
      }
    }
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
