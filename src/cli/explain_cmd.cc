// `leadscore explain`: the verdict for one lead, written for a person: every
// criterion with its points and the value that decided it, the stage reached,
// and exactly which gates of the next stage up failed and why.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/lead_pipeline.h"
#include "leadscore/explanation.h"
#include "leadscore/values.h"
#include "output/result_writer.h"

namespace leadscore::cli {

namespace {

std::string num(double v) {
  char buf[32];
  return std::string(format_number(v, buf));
}

std::string signed_num(double v) { return (v > 0 ? "+" : "") + num(v); }

std::string pad_right(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string render(const RuleSet& rules, const ScoredRecord& lead, const Explanation& e, int32_t as_of) {
  const Verdict& v = lead.verdict;
  std::string out;
  out += "Lead " + (lead.id.empty() ? "#" + std::to_string(lead.record.number) : std::string(lead.id)) + "  (" +
         std::string(lead.record.file) + ":" + std::to_string(lead.record.line) + ", as of " + format_day(as_of) + ")\n";
  out += "Stage: " + std::string(stage_name(v.stage)) + "    score " + num(v.score) + " = fit " + num(v.fit) +
         " + engagement " + num(v.engagement);
  if (e.clamped_from) out += " (clamped from " + num(*e.clamped_from) + ")";
  out += "\n";
  for (const std::string& d : e.disqualified) out += "Disqualified: " + d + "\n";

  size_t id_width = 4;
  for (const CriterionExplanation& c : e.criteria) id_width = std::max(id_width, c.criterion->id.size());
  out += "\nCriteria\n";
  for (const CriterionExplanation& c : e.criteria) {
    char mark = c.points > 0 ? '+' : c.points < 0 ? '-' : (c.matched ? '=' : ' ');
    out += "  ";
    out += mark;
    out += " " + pad_right(c.criterion->id, id_width) + "  " +
           pad_right(std::string(category_name(c.criterion->category)), 10) + " ";
    std::string pts = c.points == 0 ? "0" : signed_num(c.points);
    out += std::string(pts.size() < 6 ? 6 - pts.size() : 0, ' ') + pts + "  " + c.reason + "\n";
  }
  for (const GroupExplanation& g : e.groups) {
    if (g.total != g.counted) {
      out += "  group " + g.group->name + ": " + num(g.total) + " points, counted as " + num(g.counted) + "\n";
    }
  }
  if (!e.decay.empty()) out += "Decay: " + e.decay + "\n";

  out += "\nStage gates\n";
  for (const GateExplanation& g : e.gates) {
    const StageGate& gate = rules.gate(g.stage);
    out += "  " + pad_right(std::string(stage_name(g.stage)), 4);
    if (!g.defined) {
      out += "not defined in the rules\n";
      continue;
    }
    out += g.passed ? "passed" : "failed";
    if (!gate.owner.empty()) out += "  (owner: " + gate.owner + ")";
    out += "\n";
    for (const std::string& s : g.checks_failed) out += "        x " + s + "\n";
    for (const std::string& s : g.checks_passed) out += "        ok " + s + "\n";
  }

  // Why not higher: the first stage above the one reached.
  if (v.stage != Stage::kSao) {
    auto next = static_cast<Stage>(static_cast<int>(v.stage) + 1);
    out += "\nWhy not " + std::string(stage_name(next)) + ": ";
    if (v.disqualified()) {
      out += "the lead is disqualified (" + rules.disqualify[static_cast<size_t>(v.disqualified_by[0])].id + ")\n";
    } else {
      const GateExplanation& g = e.gates[static_cast<size_t>(next) - 1];
      if (!g.defined) out += "the rules do not define " + std::string(stage_name(next)) + "\n";
      else if (g.checks_failed.empty()) out += "its own gates hold, but a lower stage's do not\n";
      else {
        for (size_t i = 0; i < g.checks_failed.size(); ++i) out += (i ? "; " : "") + g.checks_failed[i];
        out += "\n";
      }
    }
  }
  return out;
}

}  // namespace

void setup_explain(CLI::App& app, ExplainOptions& opts) {
  CLI::App* cmd = app.add_subcommand("explain", "Explain the verdict for one lead, and why it did not reach the next stage");
  cmd->footer("\nExamples:\n  leadscore explain -r rules/b2b.yaml examples/leads.csv --id L0042\n"
              "  leadscore explain -r rules/b2b.yaml examples/leads.csv --row 3\n");
  cmd->add_option("-r,--rules", opts.rules, "Rules file (YAML)")->required();
  cmd->add_option("inputs", opts.in.inputs, "Input files; - or none for standard input");
  auto* id = cmd->add_option("--id", opts.id, "The lead whose id field (id_field, else id, lead_id or email) equals this");
  auto* row = cmd->add_option("--row", opts.row, "The lead at this record number (1 = the first record after the header)")
                  ->check(CLI::PositiveNumber);
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
  auto rules = load_rules_reporting(opts.rules, reporter);
  if (!rules) return ExitCode::kFailed;
  auto as_of = resolve_as_of(opts.in.as_of, *rules, reporter);
  auto input = input_options(opts.in, reporter);
  if (!as_of || !input) return ExitCode::kFailed;
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
      reporter.warning(std::string(lead.record.file) + ":" + std::to_string(lead.record.line) + ": warning: field " +
                       rules->fields[static_cast<size_t>(b.field)].name + ": '" +
                       std::string(trim(lead.values[static_cast<size_t>(b.field)])) + "' " +
                       std::string(value_problem_text(b.problem)));
    }
    Explanation e = explain(scorer, lead.values, lead.scratch, lead.verdict);
    std::string text;
    if (opts.json) {
      append_explanation_json(*rules, lead.verdict, e, *as_of, text);
      text += '\n';
    } else {
      text = render(*rules, lead, e, *as_of);
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
