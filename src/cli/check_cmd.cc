// `leadscore check`: validates rule files; silent with exit 0 when all are
// clean, else one line per problem (every problem, not just the first) and 2.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common.h"

namespace leadscore::cli {

void setup_check(CLI::App& app, CheckOptions& opts) {
  CLI::App* cmd = app.add_subcommand("check", "Validate rules files: no output and exit 0 when clean");
  cmd->footer("\nExample:\n  leadscore check rules/*.yaml\n");
  cmd->add_option("rules", opts.rules, "Rules files (YAML)")->required();
}

ExitCode run_check(const CheckOptions& opts) {
  Reporter reporter(false, UINT64_MAX, UINT64_MAX);
  bool clean = true;
  for (const std::string& path : opts.rules) {
    if (!load_rules_reporting(path, reporter)) clean = false;
  }
  return clean ? ExitCode::kOk : ExitCode::kFailed;
}

}  // namespace leadscore::cli
