#include "rules/rules_checks.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "leadscore/values.h"

namespace leadscore::rules_internal {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

void resolve_references(YamlContext& ctx, RuleSet& rules, Condition& c) {
  if (c.op == Op::kCriterion) {
    c.criterion = rules.find_criterion(c.criterion_id);
    if (c.criterion < 0 && ctx.criterion_ids().count(c.criterion_id)) {
      // That criterion failed to load and was reported already.
    } else if (c.criterion < 0) {
      std::vector<std::string> ids(ctx.criterion_ids().begin(), ctx.criterion_ids().end());
      std::string_view hint = closest_match(c.criterion_id, ids);
      ctx.error(c.where, "unknown criterion '" + c.criterion_id + "'" +
                             (hint.empty() ? std::string(", expected the id of a criterion in this file")
                                           : ", did you mean '" + std::string(hint) + "'?"));
    } else if (!rules.criteria[static_cast<size_t>(c.criterion)].when) {
      ctx.error(c.where, "criterion '" + c.criterion_id +
                             "' has no 'when' condition to reuse, expected a criterion with a 'when'");
      c.criterion = -1;
    }
  }
  for (Condition& child : c.children) resolve_references(ctx, rules, child);
}

void collect_references(const Condition& c, std::vector<int>& out) {
  if (c.op == Op::kCriterion && c.criterion >= 0) out.push_back(c.criterion);
  for (const Condition& child : c.children) collect_references(child, out);
}

void check_cycles(YamlContext& ctx, const RuleSet& rules) {
  size_t n = rules.criteria.size();
  std::vector<std::vector<int>> edges(n);
  for (size_t i = 0; i < n; ++i) {
    if (rules.criteria[i].when) collect_references(*rules.criteria[i].when, edges[i]);
  }
  std::vector<int> state(n, 0);  // 0 new, 1 on the stack, 2 done
  std::vector<int> stack;
  std::function<bool(int)> visit = [&](int v) {
    state[static_cast<size_t>(v)] = 1;
    stack.push_back(v);
    for (int w : edges[static_cast<size_t>(v)]) {
      if (state[static_cast<size_t>(w)] == 1) {
        std::string path;
        auto start = std::find(stack.begin(), stack.end(), w);
        for (auto it = start; it != stack.end(); ++it) path += rules.criteria[static_cast<size_t>(*it)].id + " -> ";
        path += rules.criteria[static_cast<size_t>(w)].id;
        ctx.error(rules.criteria[static_cast<size_t>(w)].where,
                  "criterion references form a cycle (" + path + "), expected references without cycles");
        return false;
      }
      if (state[static_cast<size_t>(w)] == 0 && !visit(w)) return false;
    }
    stack.pop_back();
    state[static_cast<size_t>(v)] = 2;
    return true;
  };
  for (size_t i = 0; i < n; ++i) {
    if (state[i] == 0 && !visit(static_cast<int>(i))) return;
  }
}

void check_groups(YamlContext& ctx, const RuleSet& rules) {
  std::vector<int> first_member(rules.groups.size(), -1);
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    const Criterion& c = rules.criteria[i];
    if (c.group < 0) continue;
    int& first = first_member[static_cast<size_t>(c.group)];
    if (first < 0) {
      first = static_cast<int>(i);
    } else if (rules.criteria[static_cast<size_t>(first)].category != c.category) {
      const Criterion& f = rules.criteria[static_cast<size_t>(first)];
      ctx.error(c.where, "criterion '" + c.id + "' is " + std::string(category_name(c.category)) + " but group '" +
                             rules.groups[static_cast<size_t>(c.group)].name + "' already holds " +
                             std::string(category_name(f.category)) + " criterion '" + f.id +
                             "', expected one category per group");
    }
  }
}

// Highest points one criterion can add, before group bounds.
double criterion_max(const Criterion& c) {
  double best = 0;
  const Points& p = c.points;
  switch (p.kind) {
    case PointsKind::kFixed: best = p.points; break;
    case PointsKind::kPerUnit: best = p.points == 0 ? 0 : kInfinity; break;
    case PointsKind::kByValue:
      best = p.default_points.value_or(0);
      for (double v : p.key_points) best = std::max(best, v);
      break;
    case PointsKind::kByRange:
      best = p.default_points.value_or(0);
      for (const PointsRange& r : p.ranges) best = std::max(best, r.points);
      break;
  }
  if (c.max) best = std::min(best, *c.max);
  if (c.min) best = std::max(best, *c.min);
  return std::max(best, 0.0);
}

void check_stages(YamlContext& ctx, const RuleSet& rules, bool complete) {
  const StageGate& mql = rules.stages[0];
  const StageGate& sql = rules.stages[1];
  const StageGate& sao = rules.stages[2];
  if (sql.defined && !mql.defined) {
    ctx.error(sql.where, "stage SQL can never be reached because MQL is not defined, expected an MQL stage");
  }
  if (sao.defined && !sql.defined) {
    ctx.error(sao.where, "stage SAO can never be reached because SQL is not defined, expected an SQL stage");
  }
  if (!complete) return;
  ScoreBounds b = highest_possible(rules);
  double score_max = b.fit_max + b.engagement_max;
  if (rules.score_max) score_max = std::min(score_max, *rules.score_max);
  // The clamp also lifts every score to score.min, so a gate at or below it always holds.
  if (rules.score_min) score_max = std::max(score_max, *rules.score_min);
  char buf[64];
  for (size_t i = 0; i < rules.stages.size(); ++i) {
    const StageGate& g = rules.stages[i];
    if (!g.defined) continue;
    std::string name(stage_name(static_cast<Stage>(i + 1)));
    auto impossible = [&](const char* gate, double need, double most) {
      std::string need_text(format_number(need, buf));
      std::string most_text(format_number(most, buf));
      ctx.error(g.where, "stage " + name + " can never be reached: " + gate + " is " + need_text +
                             " but the highest possible is " + most_text + ", expected a reachable threshold");
    };
    if (g.min_score && *g.min_score > score_max) impossible("min_score", *g.min_score, score_max);
    if (g.min_fit && *g.min_fit > b.fit_max) impossible("min_fit", *g.min_fit, b.fit_max);
    if (g.min_engagement && *g.min_engagement > b.engagement_max) {
      impossible("min_engagement", *g.min_engagement, b.engagement_max);
    }
  }
}

}  // namespace

ScoreBounds highest_possible(const RuleSet& rules) {
  double sums[2] = {0, 0};
  std::vector<double> group_sums(rules.groups.size(), 0);
  for (const Criterion& c : rules.criteria) {
    double m = criterion_max(c);
    if (c.group >= 0) group_sums[static_cast<size_t>(c.group)] += m;
    else sums[c.category == Category::kFit ? 0 : 1] += m;
  }
  for (size_t g = 0; g < rules.groups.size(); ++g) {
    double m = group_sums[g];
    if (rules.groups[g].max) m = std::min(m, *rules.groups[g].max);
    if (rules.groups[g].min) m = std::max(m, *rules.groups[g].min);
    for (const Criterion& c : rules.criteria) {
      if (c.group == static_cast<int>(g)) {
        sums[c.category == Category::kFit ? 0 : 1] += std::max(m, 0.0);
        break;
      }
    }
  }
  return {sums[0], sums[1]};
}

void check_plan(YamlContext& ctx, RuleSet& rules) {
  // Reachability is judged on the whole plan; with parts missing it would mislead.
  bool complete = ctx.error_count() == 0;
  for (Criterion& c : rules.criteria) {
    if (c.when) resolve_references(ctx, rules, *c.when);
  }
  for (Disqualifier& d : rules.disqualify) resolve_references(ctx, rules, d.when);
  for (StageGate& g : rules.stages) {
    for (Condition& c : g.requires_all) resolve_references(ctx, rules, c);
  }
  check_cycles(ctx, rules);
  check_groups(ctx, rules);
  check_stages(ctx, rules, complete);
}

}  // namespace leadscore::rules_internal
