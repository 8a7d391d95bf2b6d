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
  std::string max_field_size;  // bytes, or with a K, M or G suffix; "" = the default
  std::string header_from;     // CSV inputs have no header row; take the names from this file's first line
};
void add_input_flags(CLI::App& cmd, InputFlags& flags);

struct ScoreOptions {
  std::string rules;
  InputFlags in;
  std::string output;
  std::string format;  // csv | jsonl | json | table | "" (as the input)
  bool explain = false;
  bool no_header = false;  // CSV output without its header line (for shards)
  size_t jobs = 0;  // 0: one per core
  std::string rejects;  // --rejects FILE: rejected records' raw bytes
  bool excel = false;   // --excel: CSV for spreadsheets
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

struct SummaryOptions {
  std::string rules;
  InputFlags in;
  std::string format = "text";  // text | json
  std::string html;             // also write an HTML report here (atomically)
};
void setup_summary(CLI::App& app, SummaryOptions& opts);
ExitCode run_summary(const SummaryOptions& opts);

struct DiffOptions {
  std::string old_rules;
  std::string new_rules;
  InputFlags in;
  std::string output;  // the moved leads; empty: not written
  std::string format;  // csv | jsonl | "" (from the -o extension, else csv)
  bool fail_on_change = false;
};
void setup_diff(CLI::App& app, DiffOptions& opts);
ExitCode run_diff(const DiffOptions& opts);

struct TestOptions {
  std::string rules;
  std::vector<std::string> tests;
  std::string as_of;
  bool verbose = false;
};
void setup_test(CLI::App& app, TestOptions& opts);
ExitCode run_test(const TestOptions& opts);

void setup_init(CLI::App& app);
ExitCode run_init();

}  // namespace leadscore::cli
