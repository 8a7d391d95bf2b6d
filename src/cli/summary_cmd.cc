// `leadscore summary`: the funnel of a set of leads: how many reach each
// stage, per owner, a fit x engagement heat map, the score histogram, how
// often each criterion fired, and lead velocity. Text for a terminal, JSON
// for scripts, and optionally a self-contained HTML page. Counters only, so
// memory stays flat in the number of leads.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/lead_pipeline.h"
#include "output/sink.h"
#include "report/funnel_summary.h"
#include "report/summary_render.h"

namespace leadscore::cli {

void setup_summary(CLI::App& app, SummaryOptions& opts) {
  CLI::App* cmd = app.add_subcommand("summary", "Funnel counts and rates per stage, criterion hit rates, score histogram");
  cmd->footer(
      "\nExamples:\n"
      "  leadscore summary -r rules/b2b.yaml examples/leads.csv\n"
      "  leadscore summary -r rules/b2b.yaml contacts.csv -f json | jq '.funnel'\n"
      "  leadscore summary -r rules/b2b.yaml contacts.csv --html funnel.html\n");
  cmd->add_option("-r,--rules", opts.rules, "Rules file (YAML)")->required();
  cmd->add_option("inputs", opts.in.inputs, "Input files: CSV, JSON lines or a JSON array; - or none for standard input");
  cmd->add_option("-f,--format", opts.format, "Report format on standard output: text or json [default: text]")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--html", opts.html,
                  "Also write the report as a self-contained HTML page here (atomically: a temporary file renamed on "
                  "success)");
  add_input_flags(*cmd, opts.in);
}

ExitCode run_summary(const SummaryOptions& opts) {
  Reporter reporter(opts.in.quiet);
  auto setup = prepare_scoring(opts.rules, opts.in, reporter);
  if (!setup) return ExitCode::kFailed;
  const RuleSet* rules = &setup->rules;
  const int32_t* as_of = &setup->as_of;
  const InputOptions* input = &setup->input;

  Scorer scorer(*rules, *as_of);
  PipelineOptions po = pipeline_options(opts.in, *input);
  LeadPipeline pipeline(scorer, po, reporter);
  if (!pipeline.open()) return ExitCode::kFailed;

  // Both outputs are opened before the run, so a bad --html path fails early.
  std::string error;
  OutputSink out;
  OutputSink html;
  install_interrupt_cleanup();
  if (!out.open("", error) || (!opts.html.empty() && !html.open(opts.html, error))) {
    reporter.error(error);
    return ExitCode::kFailed;
  }

  report::FunnelSummary summary(scorer);
  pipeline.run([&](const ScoredRecord& lead) {
    summary.add(lead.verdict, lead.values);
    return true;
  });
  if (pipeline.io_failed()) {
    reporter.summarize();
    return ExitCode::kFailed;
  }

  report::SummaryContext ctx;
  ctx.rules_file = opts.rules;
  for (const std::string& in : opts.in.inputs.empty() ? std::vector<std::string>{"-"} : opts.in.inputs) {
    ctx.inputs.push_back(display_name(in));
  }
  ctx.as_of = format_day(*as_of);
  out.write(opts.format == "json" ? report::summary_json(summary, ctx) : report::summary_text(summary, ctx));
  if (!opts.html.empty()) {
    html.write(report::summary_html(summary, ctx));
    if (!html.commit(error)) {
      reporter.error(error);
      return ExitCode::kFailed;
    }
  }
  if (!out.commit(error)) {
    reporter.error("leadscore: error: " + error);
    return ExitCode::kFailed;
  }
  reporter.summarize();
  return pipeline.rejected() > 0 ? ExitCode::kRecordsRejected : ExitCode::kOk;
}

}  // namespace leadscore::cli
