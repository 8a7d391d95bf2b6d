// Whole-plan checks run after every section loaded: criterion references
// resolved (and cycles found), groups consistent, stages reachable.
#pragma once

#include "rules/yaml_context.h"

namespace leadscore::rules_internal {

void check_plan(YamlContext& ctx, RuleSet& rules);

// The highest fit and engagement a lead can reach under the rules (infinity
// when unbounded), used to find stages no lead can ever reach.
struct ScoreBounds {
  double fit_max;
  double engagement_max;
};
ScoreBounds highest_possible(const RuleSet& rules);

}  // namespace leadscore::rules_internal
