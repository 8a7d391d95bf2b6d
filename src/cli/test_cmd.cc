// `leadscore test`: runs the rule tests of a rules file: named example leads
// with the verdict the team agreed each must get. Prints one line per failing
// case and the full explanation of its verdict, then `N passed, N failed`;
// exits 1 when a case fails, 2 when a file is invalid.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/explain_text.h"
#include "leadscore/explanation.h"
#include "leadscore/values.h"
#include "output/sink.h"
#include "report/lead_tests.h"

namespace leadscore::cli {

namespace {

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out += prefix;
    out.append(text, start, end - start);
    out += '\n';
    start = end + 1;
  }
  return out;
}

struct Tally {
  uint64_t passed = 0;
  uint64_t failed = 0;
};

// Runs one file's cases, appending failures (and with -v, passes) to `out`.
void run_suite(const report::LeadTestSuite& suite, const RuleSet& rules, int32_t as_of, bool verbose,
               Reporter& reporter, std::string& out, Tally& tally) {
  Scorer scorer(rules, as_of);
  LeadScratch scratch;
  Verdict verdict;
  std::vector<std::string_view> values(rules.fields.size());
  for (const report::LeadTestCase& c : suite.cases) {
    for (size_t f = 0; f < values.size(); ++f) values[f] = c.values[f];
    scorer.score(values, scratch, verdict);
    std::string where = suite.file + ":" + std::to_string(c.where.line);
    for (const BadValue& b : verdict.bad_values) {
      reporter.warning(bad_value_message(suite.file, c.where.line, false, rules.fields[static_cast<size_t>(b.field)].name,
                                         trim(values[static_cast<size_t>(b.field)]), bad_value_text(rules, b)));
    }
    std::vector<std::string> failures = report::check_lead_test(c, rules, verdict);
    if (failures.empty()) {
      ++tally.passed;
      if (verbose) out += where + ": ok: " + c.name + "\n";
      continue;
    }
    ++tally.failed;
    out += where + ": FAIL: " + c.name + ": ";
    for (size_t i = 0; i < failures.size(); ++i) out += (i ? "; " : "") + failures[i];
    out += "\n";
    Explanation e = explain(scorer, values, scratch, verdict);
    std::string title = "'" + c.name + "'  (" + where + ", as of " + format_day(as_of) + ")";
    out += indent(render_explanation(rules, title, verdict, e), "    ") + "\n";
  }
}

}  // namespace

void setup_test(CLI::App& app, TestOptions& opts) {
  CLI::App* cmd = app.add_subcommand("test", "Run rule tests: example leads and the stage each must get");
  cmd->footer(
      "\nExamples:\n"
      "  leadscore test rules/b2b.yaml rules/tests/b2b.yaml\n"
      "\nA test file (YAML):\n"
      "  as_of: 2026-11-01                  # optional; --as-of overrides, else the rules' as_of\n"
      "  cases:\n"
      "    - name: VP at a software company who asked for a demo is an SQL\n"
      "      lead: {job_title: VP Sales, industry: software, demo_requested: yes, budget: 20000}\n"
      "      stage: SQL                     # Lead, MQL, SQL or SAO\n"
      "      score: {min: 50, max: 100}     # optional; or an exact score: 75\n"
      "      fired: [senior_title]          # optional: criteria that must give points\n"
      "      not_fired: [free_email]        # optional: criteria that must give none\n"
      "      disqualified: false            # optional: true, false or a disqualify id\n"
      "\nExit status: 0 all cases passed; 1 a case failed; 2 a file is invalid.\n");
  cmd->add_option("rules", opts.rules, "Rules file (YAML)")->required();
  cmd->add_option("tests", opts.tests, "Test files (YAML)")->required();
  cmd->add_option("--as-of", opts.as_of, "Score as of this day, YYYY-MM-DD [default: the test file's as_of, else the "
                                         "rules' as_of, else today UTC]");
  cmd->add_flag("-v,--verbose", opts.verbose, "Also list the cases that pass");
}

ExitCode run_test(const TestOptions& opts) {
  Reporter reporter(false);
  auto rules = load_rules_reporting(opts.rules, reporter);
  if (!rules) return ExitCode::kFailed;
  std::vector<report::LeadTestSuite> suites;
  bool valid = true;
  for (const std::string& path : opts.tests) {
    Diagnostics diags;
    auto suite = report::load_lead_tests_file(path, *rules, diags);
    reporter.print_all(diags);
    if (suite) suites.push_back(std::move(*suite));
    else valid = false;
  }
  if (!valid) return ExitCode::kFailed;

  std::string out;
  Tally tally;
  for (const report::LeadTestSuite& suite : suites) {
    std::optional<int32_t> as_of = opts.as_of.empty() && suite.as_of ? suite.as_of
                                                                     : resolve_as_of(opts.as_of, *rules, reporter);
    if (!as_of) return ExitCode::kFailed;
    run_suite(suite, *rules, *as_of, opts.verbose, reporter, out, tally);
  }
  out += std::to_string(tally.passed) + " passed, " + std::to_string(tally.failed) + " failed\n";
  OutputSink sink;
  std::string error;
  sink.open("", error);
  sink.write(out);
  if (!sink.commit(error)) {
    reporter.error("leadscore: error: " + error);
    return ExitCode::kFailed;
  }
  reporter.summarize();
  return tally.failed > 0 ? ExitCode::kChecksFailed : ExitCode::kOk;
}

}  // namespace leadscore::cli
