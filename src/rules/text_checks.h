// Checks on the raw text of a rules file before YAML parsing: yaml-cpp
// accepts some things people get wrong (tabs) and reports others poorly
// (invalid UTF-8), so we catch them first with exact positions.
#pragma once

#include <string_view>

#include "rules/yaml_context.h"

namespace leadscore::rules_internal {

// Returns false (after reporting) when the text cannot be parsed as YAML.
bool check_text(YamlContext& ctx, std::string_view text);

}  // namespace leadscore::rules_internal
