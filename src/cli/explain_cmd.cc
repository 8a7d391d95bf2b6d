// `leadscore explain`: the verdict for one lead, written for a person: every
// criterion with its points and the value that decided it, the stage reached,
// and exactly which gates of the next stage up failed and why.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/explain_text.h"
#include "cli/lead_pipeline.h"
#include "leadscore/explanation.h"
#include "leadscore/values.h"
#include "output/result_writer.h"

namespace leadscore::cli {

void setup_explain(CLI::App& app, ExplainOptions& opts) {
  CLI::App* cmd = app.add_subcommand("explain", "Explain the verdict for one lead, and why it did not reach the next stage");
  cmd->footer("\nExamples:\n  leadscore explain -r rules/b2b.yaml examples/leads.csv --id L-10042\n"
              "  leadscore explain -r rules/b2b.yaml examples/leads.csv --row 3\n");
  cmd->add_option("-r,--rules", opts.rules, "Rules file (YAML)")->required();
  cmd->add_option("inputs", opts.in.inputs, "Input files; - or none for standard input");
  auto* id = cmd->add_option("--id", opts.id, "The lead whose id field (id_field, else id, lead_id or email) equals this");
  auto* row = cmd->add_option("--row", opts.row, "The lead at this record number (1 = the first record after the header)")
                  ->check(CLI::Validator(
                      [](std::string& v) {
                        return v.find_first_not_of("0123456789") == std::string::npos && v.find_first_not_of('0') != std::string::npos
                                   ? std::string()
                                   : "records are numbered from 1, expected a whole number N >= 1";
                      },
                      "N"));
  id->excludes(row);
  cmd->add_flag("--json", opts.json, "Print the explanation as JSON instead of text");
  add_input_flags(*cmd, opts.in);
}

ExitCode run_explain(const ExplainOptions& opts) {
  Reporter reporter(opts.in.quiet);
  if (opts.id.empty() && !opts.row) {
    reporter.error("leadscore: error: explain needs --id ID or --row N, expected which lead to explain");
    return ExitCode::kFailed;
  }
  auto setup = prepare_scoring(opts.rules, opts.in, reporter);
  if (!setup) return ExitCode::kFailed;
  const RuleSet* rules = &setup->rules;
  const int32_t* as_of = &setup->as_of;
  const InputOptions* input = &setup->input;
  Scorer scorer(*rules, *as_of);
  PipelineOptions po;
  po.inputs = opts.in.inputs;
  po.input = *input;
  Reporter quiet_reporter(true);  // other leads' warnings are not this command's business
  LeadPipeline pipeline(scorer, po, quiet_reporter);
  if (!pipeline.open()) {
    reporter.error("leadscore: error: cannot open the input");
    return ExitCode::kFailed;
  }
  bool found = false;
  uint64_t seen = 0;
  std::string id_name;
  pipeline.run([&](const ScoredRecord& lead) {
    ++seen;
    id_name = pipeline.binder().id_name();
    bool match = opts.row ? seen == *opts.row : lead.id == opts.id;
    if (!match) return true;
    found = true;
    for (const BadValue& b : lead.verdict.bad_values) {
      reporter.warning(bad_value_message(lead.record.file, lead.record.line, false,
                                         rules->fields[static_cast<size_t>(b.field)].name,
                                         trim(lead.values[static_cast<size_t>(b.field)]), bad_value_text(*rules, b)));
    }
    Explanation e = explain(scorer, lead.values, lead.scratch, lead.verdict);
    std::string text;
    if (opts.json) {
      append_explanation_json(*rules, lead.verdict, e, *as_of, text);
      text += '\n';
    } else {
      std::string title = (lead.id.empty() ? "#" + std::to_string(lead.record.number) : std::string(lead.id)) + "  (" +
                          std::string(lead.record.file) + ":" + std::to_string(lead.record.line) + ", as of " +
                          format_day(*as_of) + ")";
      text = render_explanation(*rules, title, lead.verdict, e);
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return false;
  });
  if (!found) {
    std::string what = opts.row ? "record " + std::to_string(*opts.row) + " (the input has " + std::to_string(seen) + " scored records)"
                                : "lead with " + (id_name.empty() ? std::string("id") : id_name) + " '" + opts.id + "'";
    reporter.error("leadscore: error: no " + what + " in the input, expected an existing lead");
    return ExitCode::kFailed;
  }
  if (std::fflush(stdout) != 0) return ExitCode::kFailed;
  return ExitCode::kOk;
}

}  // namespace leadscore::cli
