// `leadscore score`: every lead of the inputs, scored and labelled, written
// as CSV, JSON lines, JSON or a table, in input order.
#include <CLI/CLI.hpp>

#include <optional>
#include <thread>

#include "cli/chunked_scoring.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/lead_pipeline.h"
#include "cli/rejects_file.h"
#include "leadscore/explanation.h"
#include "output/result_writer.h"

namespace leadscore::cli {

namespace {

// One record at a time, on this thread: for tables (whose column widths come
// from the first rows), JSON arrays, and JSON into CSV.
void score_sequentially(const Scorer& scorer, const ScoreOptions& opts, const WriterOptions& wo,
                        LeadPipeline& pipeline, Reporter& reporter, OutputSink& sink) {
  auto writer = make_writer(scorer.rules(), wo);
  std::string piece;
  JsonArrayJoin join(wo.format == OutputFormat::kJson);
  bool begun = false;
  // The output opens with the first input's columns: a CSV header even when
  // no record follows, else the first JSON record's keys.
  auto begin_with = [&](const std::vector<std::string>& names) {
    if (begun) return;
    begun = true;
    piece.clear();
    writer->begin(names, piece);
    sink.write(piece);
  };
  if (!pipeline.first_header().empty()) begin_with(pipeline.first_header());
  size_t warnings_shown = 0;
  pipeline.run([&](const ScoredRecord& lead) {
    begin_with(*lead.record.names);
    Explanation explanation;
    if (opts.explain) explanation = explain_deferred(scorer, lead.values, lead.scratch, lead.verdict);
    piece.clear();
    writer->write(ScoredLead{&lead.record, &lead.verdict, opts.explain ? &explanation : nullptr, lead.id}, piece);
    sink.write(join(piece));
    while (warnings_shown < writer->warnings().size()) reporter.warning(writer->warnings()[warnings_shown++]);
    return true;
  });
  begin_with({});
  piece.clear();
  writer->finish(piece);
  sink.write(piece);
}

}  // namespace

void setup_score(CLI::App& app, ScoreOptions& opts) {
  CLI::App* cmd = app.add_subcommand("score", "Score leads and label each Lead, MQL, SQL or SAO");
  cmd->footer(
      "\nExamples:\n"
      "  leadscore score -r rules/b2b.yaml contacts.csv -o scored.csv\n"
      "  cat leads.jsonl | leadscore score -r rules.yaml -f jsonl | jq 'select(.stage==\"SQL\")'\n"
      "  leadscore score -r rules/b2b.yaml examples/leads.csv -f table\n");
  cmd->add_option("-r,--rules", opts.rules, "Rules file (YAML)")->required();
  cmd->add_option("inputs", opts.in.inputs, "Input files: CSV, JSON lines or a JSON array; - or none for standard input");
  cmd->add_option("-o,--output", opts.output, "Write here (atomically: a temporary file renamed on success) [default: standard output]");
  cmd->add_option("-f,--format", opts.format, "Output format: csv, jsonl, json or table [default: as the input]")
      ->check(CLI::IsMember({"csv", "jsonl", "json", "table"}));
  cmd->add_option("-j,--jobs", opts.jobs, "Worker threads [default: one per core]; the output is the same for any number")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--explain", opts.explain, "Add an explanation of every criterion and stage gate (JSON, or a CSV column)");
  cmd->add_flag("--no-header", opts.no_header, "CSV output without its header line (to score shards, see --header-from)");
  cmd->add_option("--rejects", opts.rejects,
                  "Write every rejected record here as read (CSV: after the header line), atomically like -o");
  cmd->add_flag("--excel", opts.excel,
                "CSV for spreadsheets: UTF-8 BOM, CRLF, and text cells starting with = + - @ prefixed with '");
  add_input_flags(*cmd, opts.in);
}

ExitCode run_score(const ScoreOptions& opts) {
  Reporter reporter(opts.in.quiet);
  auto setup = prepare_scoring(opts.rules, opts.in, reporter);
  if (!setup) return ExitCode::kFailed;
  const RuleSet* rules = &setup->rules;
  const int32_t* as_of = &setup->as_of;
  const InputOptions* input = &setup->input;
  if (opts.explain && opts.format == "table") {
    reporter.error("leadscore: error: --explain does not fit -f table, expected -f csv, jsonl or json (or use 'leadscore explain')");
    return ExitCode::kFailed;
  }
  const bool output_to_stdout = opts.output.empty() || opts.output == "-";
  if (!opts.rejects.empty() && (opts.rejects == "-" ? output_to_stdout : opts.rejects == opts.output)) {
    reporter.error("leadscore: error: --rejects names the same file as the output ('" + opts.rejects +
                   "'), expected another file");
    return ExitCode::kFailed;
  }

  Scorer scorer(*rules, *as_of);
  std::optional<RejectsFile> rejects;
  PipelineOptions po = pipeline_options(opts.in, *input);
  if (!opts.rejects.empty()) po.on_reject = [&rejects](size_t i, std::string_view raw) { rejects->add(i, raw); };
  LeadPipeline pipeline(scorer, po, reporter);
  if (!pipeline.open()) return ExitCode::kFailed;

  WriterOptions wo;
  wo.explain = opts.explain;
  wo.header = !opts.no_header;
  wo.as_of_day = *as_of;
  if (opts.format == "csv") wo.format = OutputFormat::kCsv;
  else if (opts.format == "jsonl") wo.format = OutputFormat::kJsonLines;
  else if (opts.format == "json") wo.format = OutputFormat::kJson;
  else if (opts.format == "table") wo.format = OutputFormat::kTable;
  else {
    switch (pipeline.first_format()) {
      case InputFormat::kJsonLines: wo.format = OutputFormat::kJsonLines; break;
      case InputFormat::kJsonArray: wo.format = OutputFormat::kJson; break;
      default: wo.format = OutputFormat::kCsv; break;
    }
  }
  if (opts.excel && wo.format != OutputFormat::kCsv) {
    reporter.error("leadscore: error: --excel applies to CSV output only, expected -f csv");
    return ExitCode::kFailed;
  }
  wo.excel = opts.excel;

  OutputSink sink;
  std::string error;
  install_interrupt_cleanup();
  if (!sink.open(opts.output, error)) {
    reporter.error(error);
    return ExitCode::kFailed;
  }
  if (!opts.rejects.empty()) {
    rejects.emplace(pipeline.readers());
    if (!rejects->open(opts.rejects, error)) {
      reporter.error(error);
      return ExitCode::kFailed;
    }
  }
  if (wo.format == OutputFormat::kTable) wo.width = sink.to_terminal() ? terminal_width() : 0;
  bool io_failed = false;
  uint64_t rejected = 0;
  if (ChunkedScoring::supports(pipeline.readers(), wo.format)) {
    ChunkedOptions co;
    co.jobs = opts.jobs > 0 ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
    co.input = *input;
    co.writer = wo;
    co.strict = opts.in.strict;
    co.on_reject = po.on_reject;
    ChunkedScoring chunked(scorer, co, reporter);
    chunked.run(std::move(pipeline.readers()), pipeline.input_names(), [&](std::string_view s) { sink.write(s); });
    io_failed = chunked.io_failed();
    rejected = chunked.rejected();
  } else {
    score_sequentially(scorer, opts, wo, pipeline, reporter, sink);
    io_failed = pipeline.io_failed();
    rejected = pipeline.rejected();
  }
  if (io_failed) {
    reporter.summarize();
    return ExitCode::kFailed;  // the sink's destructor removes the temporary file
  }
  if (!sink.commit(error) || (rejects && !rejects->commit(error))) {
    reporter.error(error.find(": error: ") == std::string::npos ? "leadscore: error: " + error : error);
    return ExitCode::kFailed;
  }
  reporter.summarize();
  return rejected > 0 ? ExitCode::kRecordsRejected : ExitCode::kOk;
}

}  // namespace leadscore::cli
