// The starter rules file printed by `leadscore init` (src/cli/starter_rules.yaml,
// embedded at build time).
#pragma once

#include <string_view>

namespace leadscore::cli {

std::string_view starter_rules();

}  // namespace leadscore::cli
