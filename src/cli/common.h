// Helpers shared by the commands: loading rules with their diagnostics,
// reading --as-of, and turning input flags into reader options.
#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/lead_pipeline.h"
#include "cli/reporter.h"
#include "input/open_input.h"
#include "leadscore/rules.h"

namespace leadscore::cli {

// What every lead-reading command starts from: the rules, the as-of day and
// the reader options, each checked and reported.
struct ScoringSetup {
  RuleSet rules;
  int32_t as_of = 0;
  InputOptions input;
};
std::optional<ScoringSetup> prepare_scoring(const std::string& rules_path, const InputFlags& flags,
                                            Reporter& reporter);

// The scoring loop's options from the shared input flags.
PipelineOptions pipeline_options(const InputFlags& flags, const InputOptions& input);

// Loads a rules file, printing every problem; nullopt when it is invalid.
std::optional<RuleSet> load_rules_reporting(const std::string& path, Reporter& reporter);

// The as-of day: the flag, else the rules' as_of, else today (UTC).
// nullopt (after reporting) when the flag is not a date.
std::optional<int32_t> resolve_as_of(const std::string& flag, const RuleSet& rules, Reporter& reporter);

// Reader options from the flags; nullopt (after reporting) on a bad value.
std::optional<InputOptions> input_options(const InputFlags& flags, Reporter& reporter);

std::string format_day(int32_t day);

// Columns of the terminal on standard output, or 0 when it is not one.
size_t terminal_width();

}  // namespace leadscore::cli
