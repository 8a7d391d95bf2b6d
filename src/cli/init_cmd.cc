// `leadscore init`: prints a commented starter rules file.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "cli/starter_rules.h"

namespace leadscore::cli {

void setup_init(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("init", "Print a commented starter rules file");
  cmd->footer("\nExample:\n  leadscore init > rules.yaml && leadscore check rules.yaml\n");
}

ExitCode run_init() {
  std::string_view text = starter_rules();
  std::fwrite(text.data(), 1, text.size(), stdout);
  return std::fflush(stdout) == 0 ? ExitCode::kOk : ExitCode::kFailed;
}

}  // namespace leadscore::cli
