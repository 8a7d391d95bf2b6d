// Rule test files: what loads, every problem reported with its position, and
// how a verdict is checked against a case's expectations.
#include "report/lead_tests.h"

#include <catch2/catch.hpp>

#include "report_test_util.h"

using namespace leadscore;
using namespace leadscore::report;
using namespace leadscore::report::testing;

namespace {

std::vector<std::string> errors_of(const std::string& yaml, const RuleSet& rules) {
  Diagnostics diags;
  auto suite = load_lead_tests(yaml, "t.yaml", rules, diags);
  CHECK_FALSE(suite.has_value());
  std::vector<std::string> out;
  for (const Diagnostic& d : diags) out.push_back(format_diagnostic(d));
  return out;
}

LeadTestSuite load_ok(const std::string& yaml, const RuleSet& rules) {
  Diagnostics diags;
  auto suite = load_lead_tests(yaml, "t.yaml", rules, diags);
  std::string text;
  for (const Diagnostic& d : diags) text += format_diagnostic(d) + "\n";
  if (!suite) FAIL("test file did not load:\n" << text);
  return *suite;
}

}  // namespace

TEST_CASE("lead tests: a case loads its lead by field name, alias or case", "[lead_tests]") {
  auto rules = rules_from(std::string(kFunnelRules) + "fields: {title: {from: [Job Title]}}\n");
  LeadTestSuite s = load_ok(R"(
as_of: 2026-11-01
cases:
  - name: one
    lead: {Job Title: VP Sales, DEMO: "yes", visits: 3, created_at: ~}
    stage: sql
    score: {min: 70, max: 100}
    fired: [senior, demo]
    not_fired: free_email
    disqualified: false
)", *rules);
  REQUIRE(s.cases.size() == 1);
  const LeadTestCase& c = s.cases[0];
  CHECK(s.as_of == parse_date("2026-11-01"));
  CHECK(c.where.line == 4);
  CHECK(c.values[static_cast<size_t>(rules->find_field("title"))] == "VP Sales");
  CHECK(c.values[static_cast<size_t>(rules->find_field("demo"))] == "yes");
  CHECK(c.values[static_cast<size_t>(rules->find_field("created_at"))].empty());
  CHECK(c.stage == Stage::kSql);
  CHECK(c.score_min == 70);
  CHECK(c.fired.size() == 2);
  CHECK(c.not_fired == std::vector<int>{1});
  CHECK(c.disqualified == false);
}

TEST_CASE("lead tests: every problem is reported with line and column", "[lead_tests]") {
  auto rules = rules_from(kFunnelRules);
  std::vector<std::string> errors = errors_of(R"(cases:
  - name: a
    lead: {titel: VP, demo: [1]}
    stage: MQL
    score: {min: 5, max: 1}
    fired: [senoir]
    disqualified: rivals
  - name: a
    lead: {}
    stage: Opportunity
  - lead: {}
)", *rules);
  CHECK(errors == std::vector<std::string>{
      "t.yaml:3:12: error: field 'titel' in case 'a'.lead is not read by the rules, did you mean 'title'?",
      "t.yaml:3:29: error: case 'a'.lead.demo is a list, expected a single value",
      "t.yaml:5:12: error: case 'a'.score has min above max, expected min <= max",
      "t.yaml:6:13: error: case 'a'.fired names 'senoir', which is not a criterion of the rules, did you mean 'senior'?",
      "t.yaml:7:19: error: case 'a'.disqualified is 'rivals', which is not a disqualify id of the rules, expected true "
      "or false, or a disqualify id: competitor",
      "t.yaml:8:11: error: duplicate case name 'a', expected unique names",
      "t.yaml:10:12: error: case 'a'.stage is 'Opportunity', expected Lead, MQL, SQL or SAO",
      "t.yaml:11:5: error: cases[2] has no 'name', expected what the case shows",
      "t.yaml:11:5: error: cases[2] has no 'stage', expected the stage it must get: Lead, MQL, SQL or SAO",
  });
}

TEST_CASE("lead tests: unknown keys and an empty file are errors", "[lead_tests]") {
  auto rules = rules_from(kFunnelRules);
  CHECK(errors_of("case: []\n", *rules) ==
        std::vector<std::string>{"t.yaml:1:1: error: unknown key 'case' in the test file, did you mean 'cases'?",
                                 "t.yaml:1:1: error: the test file has no 'cases', expected a list of {name, lead, stage}"});
  CHECK(errors_of("", *rules) ==
        std::vector<std::string>{"t.yaml:1:1: error: the test file is empty, expected a mapping with cases"});
  CHECK(errors_of("cases:\n  - {name: x, lead: {}, stage: Lead, expect: MQL}\n", *rules) ==
        std::vector<std::string>{"t.yaml:2:38: error: unknown key 'expect' in cases[0], expected one of: name, "
                                 "description, lead, stage, score, fired, not_fired, disqualified"});
}

TEST_CASE("lead tests: the id field may be given and is ignored", "[lead_tests]") {
  auto rules = rules_from(std::string(kFunnelRules) + "id_field: lead_id\n");
  LeadTestSuite s = load_ok("cases: [{name: x, lead: {lead_id: L1, title: VP}, stage: MQL}]\n", *rules);
  CHECK(s.cases.size() == 1);
}

TEST_CASE("lead tests: a verdict is checked against every expectation", "[lead_tests]") {
  auto rules = rules_from(kFunnelRules);
  LeadScorer scoring(*rules);
  LeadTestSuite s = load_ok(R"(cases:
  - name: passes
    lead: {title: VP, demo: yes}
    stage: SQL
    score: 70
    fired: [senior, demo]
    not_fired: [free_email]
    disqualified: false
  - name: fails everywhere
    lead: {title: VP, email: a@gmail.com}
    stage: SQL
    score: {min: 50}
    fired: [demo]
    not_fired: [free_email]
    disqualified: competitor
)", *rules);
  auto run = [&](const LeadTestCase& c) {
    std::map<std::string, std::string> lead;
    for (size_t f = 0; f < c.values.size(); ++f) {
      if (!c.values[f].empty()) lead[rules->fields[f].name] = c.values[f];
    }
    return check_lead_test(c, *rules, scoring.score(lead));
  };
  CHECK(run(s.cases[0]).empty());
  CHECK(run(s.cases[1]) == std::vector<std::string>{
      "stage is Lead, expected SQL",
      "score is 20, expected at least 50",
      "demo did not fire, expected it to",
      "free_email fired (-10), expected it not to",
      "not disqualified, expected disqualified by competitor",
  });
}
