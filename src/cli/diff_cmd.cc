// `leadscore diff`: what a rules change does before it goes live. Every lead
// is scored under the old and the new rules; the report shows the stage
// transition matrix, how many moved up and down and which changes moved
// them, and -o writes the moved leads for a closer look.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/field_binder.h"
#include "cli/lead_pipeline.h"
#include "leadscore/values.h"
#include "output/sink.h"
#include "report/diff_render.h"
#include "report/stage_diff.h"

namespace leadscore::cli {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

void append_csv_field(std::string& out, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(v);
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// One moved lead, as a CSV row or a JSON line.
void append_moved(std::string& out, bool jsonl, const std::string& id, const Verdict& o, const Verdict& n) {
  char a[32], b[32];
  std::string_view old_score = format_number(o.score, a), new_score = format_number(n.score, b);
  if (jsonl) {
    out += "{\"id\":" + nlohmann::json(id).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
           ",\"old_stage\":\"" + std::string(stage_name(o.stage)) + "\",\"new_stage\":\"" +
           std::string(stage_name(n.stage)) + "\",\"old_score\":" + std::string(old_score) +
           ",\"new_score\":" + std::string(new_score) + "}\n";
    return;
  }
  append_csv_field(out, id);
  out += "," + std::string(stage_name(o.stage)) + "," + std::string(stage_name(n.stage)) + "," +
         std::string(old_score) + "," + std::string(new_score) + "\n";
}

// The new rules' bad values, except those the pipeline already reported for
// the old rules (same field name, same problem).
bool report_new_bad_values(const ScoredRecord& lead, const RuleSet& old_rules, const RuleSet& new_rules,
                           const std::vector<std::string_view>& values, const Verdict& v, bool strict,
                           Reporter& reporter) {
  bool any = false;
  for (const BadValue& b : v.bad_values) {
    const std::string& field = new_rules.fields[static_cast<size_t>(b.field)].name;
    bool seen = false;
    for (const BadValue& o : lead.verdict.bad_values) {
      // For a points_per the value passes: the same criterion, by id.
      const bool same_criterion =
          b.criterion < 0 || (o.criterion >= 0 && old_rules.criteria[static_cast<size_t>(o.criterion)].id ==
                                                      new_rules.criteria[static_cast<size_t>(b.criterion)].id);
      seen = seen || (o.problem == b.problem && same_criterion &&
                      old_rules.fields[static_cast<size_t>(o.field)].name == field);
    }
    if (seen) continue;
    any = true;
    std::string line = bad_value_message(lead.record.file, lead.record.line, strict, field,
                                         trim(values[static_cast<size_t>(b.field)]), bad_value_text(new_rules, b, strict));
    if (strict) reporter.error(line);
    else reporter.warning(line);
  }
  return any;
}

}  // namespace

void setup_diff(CLI::App& app, DiffOptions& opts) {
  CLI::App* cmd = app.add_subcommand("diff", "What a rule change does: stage transition matrix, leads that move");
  cmd->footer(
      "\nExamples:\n"
      "  leadscore diff --old rules/b2b.yaml --new b2b-next.yaml examples/leads.csv\n"
      "  leadscore diff --old rules/b2b.yaml --new b2b-next.yaml contacts.csv -o moved.csv\n"
      "  leadscore diff --old main.yaml --new branch.yaml contacts.csv --fail-on-change   # in CI\n"
      "\nExit status: 0, or 1 with --fail-on-change when any lead changed stage (or when records were rejected);\n"
      "2 on a usage error, unreadable input or invalid rules.\n");
  cmd->add_option("--old", opts.old_rules, "The rules file in use (YAML)")->required();
  cmd->add_option("--new", opts.new_rules, "The changed rules file (YAML)")->required();
  cmd->add_option("inputs", opts.in.inputs, "Input files: CSV, JSON lines or a JSON array; - or none for standard input");
  cmd->add_option("-o,--output", opts.output,
                  "Write the leads that changed stage here: id, old_stage, new_stage, old_score, new_score (atomically)");
  cmd->add_option("-f,--format", opts.format, "Format of the -o file: csv or jsonl [default: from its extension, else csv]")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_flag("--fail-on-change", opts.fail_on_change, "Exit 1 when any lead changes stage");
  add_input_flags(*cmd, opts.in);
}

ExitCode run_diff(const DiffOptions& opts) {
  Reporter reporter(opts.in.quiet);
  if (!opts.format.empty() && opts.output.empty()) {
    reporter.error("leadscore: error: --format applies to the moved leads written with -o, expected -o FILE too");
    return ExitCode::kFailed;
  }
  auto old_rules = load_rules_reporting(opts.old_rules, reporter);
  auto new_rules = load_rules_reporting(opts.new_rules, reporter);
  if (!old_rules || !new_rules) return ExitCode::kFailed;
  auto old_as_of = resolve_as_of(opts.in.as_of, *old_rules, reporter);
  auto new_as_of = old_as_of ? resolve_as_of(opts.in.as_of, *new_rules, reporter) : std::nullopt;
  auto input = input_options(opts.in, reporter);
  if (!old_as_of || !new_as_of || !input) return ExitCode::kFailed;
  bool jsonl = opts.format == "jsonl" ||
               (opts.format.empty() && (ends_with(opts.output, ".jsonl") || ends_with(opts.output, ".ndjson")));

  Scorer old_scorer(*old_rules, *old_as_of);
  Scorer new_scorer(*new_rules, *new_as_of);
  PipelineOptions po = pipeline_options(opts.in, *input);
  LeadPipeline pipeline(old_scorer, po, reporter);
  if (!pipeline.open()) return ExitCode::kFailed;

  std::string error;
  OutputSink out;
  OutputSink moved;
  install_interrupt_cleanup();
  if (!out.open("", error) || (!opts.output.empty() && !moved.open(opts.output, error))) {
    reporter.error(error);
    return ExitCode::kFailed;
  }
  if (!opts.output.empty() && !jsonl) moved.write("id,old_stage,new_stage,old_score,new_score\n");

  // The pipeline binds and scores under the old rules; the new rules may read
  // other fields, so they get a binder of their own on the same record.
  FieldBinder new_binder(*new_rules);
  std::vector<std::string_view> new_values;
  LeadScratch new_scratch;
  Verdict new_verdict;
  report::StageDiff diff(*old_rules, *new_rules);
  uint64_t rejected_new = 0;
  pipeline.run([&](const ScoredRecord& lead) {
    new_binder.bind(lead.record, new_values);
    if (new_binder.header_changed()) {
      for (int f : new_binder.absent_in_header()) {
        const std::string& name = new_rules->fields[static_cast<size_t>(f)].name;
        if (old_rules->find_field(name) >= 0) continue;  // the pipeline warned already
        reporter.warning(std::string(lead.record.file) + ":1: warning: no column for field '" + name +
                         "' of the new rules, so it is missing in every lead of this input");
      }
    }
    new_scorer.score(new_values, new_scratch, new_verdict);
    if (report_new_bad_values(lead, *old_rules, *new_rules, new_values, new_verdict, opts.in.strict, reporter) &&
        opts.in.strict) {
      ++rejected_new;
      return true;
    }
    if (diff.add(lead.verdict, new_verdict) && !opts.output.empty()) {
      std::string id = lead.id.empty() ? "#" + std::to_string(lead.record.number) : std::string(lead.id);
      append_moved(moved.buffer(), jsonl, id, lead.verdict, new_verdict);
      moved.flush_if_large();
    }
    return true;
  });
  if (pipeline.io_failed()) {
    reporter.summarize();
    return ExitCode::kFailed;
  }

  report::DiffContext ctx;
  ctx.old_rules_file = opts.old_rules;
  ctx.new_rules_file = opts.new_rules;
  for (const std::string& in : opts.in.inputs.empty() ? std::vector<std::string>{"-"} : opts.in.inputs) {
    ctx.inputs.push_back(display_name(in));
  }
  ctx.as_of = format_day(*old_as_of);
  if (*new_as_of != *old_as_of) ctx.as_of += " (old), " + format_day(*new_as_of) + " (new)";
  out.write(report::diff_text(diff, ctx));
  if (!opts.output.empty() && !moved.commit(error)) {
    reporter.error(error);
    return ExitCode::kFailed;
  }
  if (!out.commit(error)) {
    reporter.error("leadscore: error: " + error);
    return ExitCode::kFailed;
  }
  reporter.summarize();
  if (pipeline.rejected() + rejected_new > 0) return ExitCode::kRecordsRejected;
  if (opts.fail_on_change && diff.moved_up() + diff.moved_down() > 0) return ExitCode::kChecksFailed;
  return ExitCode::kOk;
}

}  // namespace leadscore::cli
