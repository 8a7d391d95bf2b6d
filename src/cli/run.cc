#include "cli/run.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>

#include "cli/commands.h"

namespace leadscore::cli {

namespace {

constexpr const char* kExitCodes =
    "\nExit status:\n"
    "  0  clean run\n"
    "  1  the run finished but some records were rejected (and reported on standard error);\n"
    "     test: a case failed; diff --fail-on-change: a lead changed stage\n"
    "  2  usage error, unreadable input or invalid rules (nothing written; an input that fails\n"
    "     partway leaves no -o file, but standard output holds the leads scored before it)\n";

}  // namespace

int run(int argc, char** argv) {
  // A closed pipe (`leadscore score ... | head`) ends the run quietly with the
  // usual status 141, even when the parent process ignored SIGPIPE.
  std::signal(SIGPIPE, SIG_DFL);
  CLI::App app{"leadscore: score sales leads from CSV or JSON with a YAML rules file and label each\n"
               "Lead, MQL, SQL or SAO, explaining every criterion and stage gate."};
  app.name("leadscore");
  app.set_version_flag("-V,--version", std::string("leadscore ") + LEADSCORE_VERSION);
  app.require_subcommand(1);
  app.footer(std::string("\nRun 'leadscore COMMAND --help' for a command's options.\n") + kExitCodes);

  ScoreOptions score;
  ExplainOptions explain;
  CheckOptions check;
  SummaryOptions summary;
  DiffOptions diff;
  TestOptions test;
  setup_score(app, score);
  setup_explain(app, explain);
  setup_check(app, check);
  setup_summary(app, summary);
  setup_diff(app, diff);
  setup_test(app, test);
  setup_init(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version go through CLI11; usage errors get our one-line form and
    // exit 2 (CLI11's own codes are 100 and up).
    if (e.get_exit_code() == 0) return app.exit(e);
    std::fprintf(stderr, "leadscore: error: %s\nRun 'leadscore --help' or 'leadscore COMMAND --help' for usage.\n", e.what());
    return static_cast<int>(ExitCode::kFailed);
  }

  ExitCode code = ExitCode::kFailed;
  if (app.got_subcommand("score")) code = run_score(score);
  else if (app.got_subcommand("explain")) code = run_explain(explain);
  else if (app.got_subcommand("check")) code = run_check(check);
  else if (app.got_subcommand("summary")) code = run_summary(summary);
  else if (app.got_subcommand("diff")) code = run_diff(diff);
  else if (app.got_subcommand("test")) code = run_test(test);
  else if (app.got_subcommand("init")) code = run_init();
  return static_cast<int>(code);
}

}  // namespace leadscore::cli
