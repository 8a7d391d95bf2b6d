// Turns a YAML condition (a leaf `{field, OP: operand}` or all/any/not/
// criterion) into a Condition, checking operators and operands against the
// field's declared type. Criterion references are resolved later, once every
// criterion is known.
#pragma once

#include <optional>
#include <string_view>

#include "rules/yaml_context.h"

namespace leadscore::rules_internal {

class ConditionLoader {
 public:
  ConditionLoader(YamlContext& ctx, RuleSet& rules) : ctx_(ctx), rules_(rules) {}

  std::optional<Condition> load(const YAML::Node& node, std::string_view what);

  // One range of points_by: bounds (gt/gte/lt/lte/between) on `field`, all
  // of which must hold; `points` is read from the same mapping.
  std::optional<PointsRange> load_range(const YAML::Node& node, int field, std::string_view what);

  // The index of a field by name, adding an undeclared one when new.
  int field_index(const std::string& name, SourceLocation where);

  // A literal for equals/in/points_by values from a YAML scalar.
  std::optional<Literal> literal(const YAML::Node& node, bool case_sensitive, std::string_view what);

 private:
  std::optional<Condition> load_leaf(const YAML::Node& node, std::string_view what);
  bool load_operand(Condition& c, const YAML::Node& operand, std::string_view what);
  bool load_bound(Condition& c, const YAML::Node& operand, std::string_view what);
  void give_leaf_bit(Condition& c);
  void check_type(const Condition& c, const YAML::Node& at);

  YamlContext& ctx_;
  RuleSet& rules_;
  int depth_ = 0;
};

}  // namespace leadscore::rules_internal
