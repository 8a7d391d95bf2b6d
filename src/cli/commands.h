// The subcommands. Each has an options struct filled by CLI11 in run.cc and a
// run function that returns the process exit code; the engine never sees CLI11.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/exit_code.h"
#include "input/record.h"

namespace CLI {
class App;
}

namespace leadscore::cli {

// Options shared by the commands that read leads.
struct InputFlags {
  std::vector<std::string> inputs;
  std::string input_format;  // csv | jsonl | json | "" (auto)
  std::string delimiter;     // one character, or \t / tab
  std::string as_of;         // YYYY-MM-DD
  bool quiet = false;
  bool strict = false;
};
void add_input_flags(CLI::App& cmd, InputFlags& flags);

struct ScoreOptions {
  std::string rules;
  InputFlags in;
  std::string output;
  std::string format;  // csv | jsonl | json | table | "" (as the input)
  bool explain = false;
};
void setup_score(CLI::App& app, ScoreOptions& opts);
ExitCode run_score(const ScoreOptions& opts);

struct ExplainOptions {
  std::string rules;
  InputFlags in;
  std::string id;
  std::optional<uint64_t> row;
  bool json = false;
};
void setup_explain(CLI::App& app, ExplainOptions& opts);
ExitCode run_explain(const ExplainOptions& opts);

struct CheckOptions {
  std::vector<std::string> rules;
};
void setup_check(CLI::App& app, CheckOptions& opts);
ExitCode run_check(const CheckOptions& opts);

void setup_init(CLI::App& app);
ExitCode run_init();

}  // namespace leadscore::cli
