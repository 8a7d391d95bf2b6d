// Loading rules files: what a valid file compiles to, and every problem the
// loader reports, with its exact text and position (FILE:LINE:COL).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "engine_test_util.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

// Criteria and stages that load, for files whose point is elsewhere.
const std::string kMinimal = yaml_lines({
    "criteria:",
    "  - {id: a, category: fit, points: 10}",
    "stages:",
    "  MQL: {min_score: 5}",
});

std::string diag_text(const Diagnostic& d) { return format_diagnostic(d); }

// The messages of all diagnostics, in order.
std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags) out.push_back(format_diagnostic(d));
  return out;
}

bool has_message(const Diagnostics& diags, const std::string& formatted) {
  return std::any_of(diags.begin(), diags.end(),
                     [&](const Diagnostic& d) { return format_diagnostic(d) == formatted; });
}

// A file with one criterion whose `when` is `condition`, and `fields` declared.
std::string with_condition(const std::string& condition, const std::string& fields = "") {
  std::string out;
  if (!fields.empty()) out += "fields: " + fields + "\n";
  out += "criteria:\n  - {id: a, category: fit, points: 10, when: " + condition + "}\nstages:\n  MQL: {min_score: 5}\n";
  return out;
}

// The message of the only diagnostic of a file with this condition.
std::string condition_error(const std::string& condition, const std::string& fields = "") {
  return load_error(with_condition(condition, fields)).message;
}

}  // namespace

// ---- valid files ------------------------------------------------------------------

TEST_CASE("a minimal rules file loads with defaults", "[loader][valid]") {
  auto rules = load_ok(kMinimal);
  CHECK(rules->file == kRulesFile);
  CHECK(rules->version == 1);
  CHECK(rules->id_field.empty());
  CHECK_FALSE(rules->as_of.has_value());
  REQUIRE(rules->criteria.size() == 1);
  const Criterion& a = rules->criteria[0];
  CHECK(a.id == "a");
  CHECK(a.category == Category::kFit);
  CHECK_FALSE(a.when.has_value());
  CHECK(a.points.kind == PointsKind::kFixed);
  CHECK(a.points.points == 10);
  CHECK(a.where.line == 2);
  CHECK(rules->gate(Stage::kMql).defined);
  CHECK(rules->gate(Stage::kMql).min_score == 5.0);
  CHECK_FALSE(rules->gate(Stage::kSql).defined);
  CHECK_FALSE(rules->gate(Stage::kSao).defined);
  CHECK_FALSE(rules->decay.has_value());
  CHECK(rules->fields.empty());
}

TEST_CASE("the SPEC's example rules file loads into the expected plan", "[loader][valid]") {
  auto rules = load_ok(R"(version: 1
name: B2B SaaS inbound
id_field: lead_id                 # used by explain --id, reports and diff
fields:                           # optional: map CRM export headers onto the names rules use, and give types
  company_size: {type: number, from: ["Number of Employees", NumberOfEmployees]}
  last_activity_at: {type: date, from: ["Last Activity Date"]}
criteria:
  - id: senior_title
    category: fit                 # fit | engagement
    when: {field: job_title, matches: '\b(vp|chief|head|director)\b'}
    points: 15
    reason: Senior decision maker
  - id: downloads
    category: engagement
    when: {field: content_downloads, gte: 1}
    points_per: {field: content_downloads, points: 5}
    max: 15
  - id: free_email
    category: fit
    when: {field: email, email_domain_in: [gmail.com, yahoo.com, hotmail.com, outlook.com]}
    points: -10
  - id: recent_activity
    category: engagement
    when: {field: last_activity_at, within_days: 30}
    points: 10
  - id: industry
    category: fit
    points_by: {field: industry, values: {software: 10, fintech: 8, healthcare: 6}, default: 0}
  - id: company_size
    category: fit
    points_by: {field: company_size, ranges: [{lt: 10, points: -10}, {between: [200, 5000], points: 10}, {gt: 5000, points: 5}]}
  - {id: opened_email, category: engagement, group: email, when: {field: email_opens, gte: 1}, points: 3}
  - {id: clicked_email, category: engagement, group: email, points_per: {field: email_clicks, points: 2}}
groups: {email: {max: 10}}         # a group's criteria together are bounded
score: {min: 0, max: 100}          # optional clamp of the final score
decay: {field: last_activity_at, half_life_days: 90, applies_to: engagement}   # optional
disqualify:                        # hard gates: the lead stays at Lead, with the reason
  - {id: competitor, when: {field: email, email_domain_in: [rival.example]}}
stages:
  MQL: {min_score: 40, owner: marketing}
  SQL:
    owner: sales
    requires:
      - any: [{field: demo_requested, is: true}, {field: meeting_booked, is: true}]
      - {field: budget, gte: 10000}
      - {field: authority, in: [decision_maker, influencer]}
      - {field: timeline, in: [this_quarter, next_quarter]}
  SAO: {requires: [{field: sales_accepted, is: true}], owner: sales}
)");
  CHECK(rules->name == "B2B SaaS inbound");
  CHECK(rules->id_field == "lead_id");

  const FieldSpec& size = rules->fields[static_cast<size_t>(rules->find_field("company_size"))];
  CHECK(size.declared);
  CHECK(size.type == FieldType::kNumber);
  CHECK(size.from == std::vector<std::string>{"Number of Employees", "NumberOfEmployees"});
  const FieldSpec& title = rules->fields[static_cast<size_t>(rules->find_field("job_title"))];
  CHECK_FALSE(title.declared);
  CHECK(title.type == FieldType::kAny);

  REQUIRE(rules->criteria.size() == 8);
  const Criterion& downloads = rules->criteria[1];
  CHECK(downloads.category == Category::kEngagement);
  CHECK(downloads.points.kind == PointsKind::kPerUnit);
  CHECK(downloads.points.points == 5);
  CHECK(downloads.max == 15.0);
  const Criterion& industry = rules->criteria[4];
  CHECK(industry.points.kind == PointsKind::kByValue);
  CHECK(industry.points.keys.size() == 3);
  CHECK(industry.points.key_points == std::vector<double>{10, 8, 6});
  CHECK(industry.points.default_points == 0.0);
  const Criterion& company = rules->criteria[5];
  CHECK(company.points.kind == PointsKind::kByRange);
  CHECK(company.points.ranges.size() == 3);
  CHECK(rules->criteria[6].group == 0);
  CHECK(rules->criteria[7].group == 0);

  REQUIRE(rules->groups.size() == 1);
  CHECK(rules->groups[0].name == "email");
  CHECK(rules->groups[0].max == 10.0);
  CHECK(rules->score_min == 0.0);
  CHECK(rules->score_max == 100.0);
  REQUIRE(rules->decay.has_value());
  CHECK(rules->decay->field == rules->find_field("last_activity_at"));
  CHECK(rules->decay->half_life_days == 90);
  CHECK_FALSE(rules->decay->applies_to_fit);
  REQUIRE(rules->disqualify.size() == 1);
  CHECK(rules->disqualify[0].id == "competitor");
  CHECK(rules->gate(Stage::kMql).owner == "marketing");
  CHECK(rules->gate(Stage::kSql).requires_all.size() == 4);
  CHECK(rules->gate(Stage::kSao).defined);
}

TEST_CASE("as_of, missing_values and declared fields are read", "[loader][valid]") {
  auto rules = load_ok(kMinimal + yaml_lines({
                                      "as_of: 2026-01-15",
                                      "missing_values: [Select, ' Unknown ', '-']",
                                      "fields:",
                                      "  signup: {type: date, date_format: '%d/%m/%Y', from: Signup Date}",
                                  }));
  CHECK(rules->as_of == 20468);
  CHECK(rules->missing_values == std::vector<std::string>{"select", "unknown", "-"});
  const FieldSpec& signup = rules->fields[0];
  CHECK(signup.name == "signup");
  CHECK(signup.type == FieldType::kDate);
  CHECK(signup.date_format == "%d/%m/%Y");
  CHECK(signup.from == std::vector<std::string>{"Signup Date"});
}

TEST_CASE("literals are pre-parsed as numbers, booleans and dates only when unquoted", "[loader][valid]") {
  auto rules = load_ok(yaml_lines({
      "criteria:",
      "  - {id: n, category: fit, points: 1, when: {field: x, equals: 10}}",
      "  - {id: q, category: fit, points: 1, when: {field: x, equals: '10'}}",
      "  - {id: b, category: fit, points: 1, when: {field: x, equals: true}}",
      "  - {id: d, category: fit, points: 1, when: {field: x, gte: 2026-01-15}}",
      "  - {id: s, category: fit, points: 1, when: {field: x, equals: Software}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const Literal& n = rules->criteria[0].when->literals[0];
  CHECK(n.number == 10.0);
  CHECK_FALSE(n.boolean.has_value());
  const Literal& q = rules->criteria[1].when->literals[0];
  CHECK_FALSE(q.number.has_value());
  CHECK(q.text == "10");
  CHECK(rules->criteria[2].when->literals[0].boolean == true);
  const Literal& d = rules->criteria[3].when->literals[0];
  CHECK(d.day == 20468);
  CHECK_FALSE(d.number.has_value());
  const Literal& s = rules->criteria[4].when->literals[0];
  CHECK(s.text == "Software");
  CHECK(s.folded == "software");
}

TEST_CASE("criterion references resolve to the criterion's index", "[loader][valid]") {
  auto rules = load_ok(yaml_lines({
      "criteria:",
      "  - {id: senior, category: fit, points: 10, when: {field: title, contains: vp}}",
      "  - {id: senior_buyer, category: fit, points: 5, when: {all: [{criterion: senior}, {field: budget, gt: 0}]}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const Condition& all = *rules->criteria[1].when;
  CHECK(all.op == Op::kAll);
  REQUIRE(all.children.size() == 2);
  CHECK(all.children[0].op == Op::kCriterion);
  CHECK(all.children[0].criterion == 0);
  CHECK(all.children[0].criterion_id == "senior");
}

TEST_CASE("a field without a declared type accepts every operator", "[loader][valid]") {
  auto rules = load_ok(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1, when: {field: x, gte: 5}}",
      "  - {id: b, category: fit, points: 1, when: {field: x, contains: abc}}",
      "  - {id: c, category: fit, points: 1, when: {field: x, within_days: 3}}",
      "  - {id: d, category: fit, points: 1, when: {field: x, is: true}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(rules->fields.size() == 1);
}

TEST_CASE("CRLF line ends load, and positions count lines the same", "[loader][valid][text]") {
  auto rules = load_ok("criteria:\r\n  - {id: a, category: fit, points: 10}\r\nstages:\r\n  MQL: {min_score: 5}\r\n");
  CHECK(rules->criteria[0].where.line == 2);
  CHECK(diag_text(load_error("criteria:\r\n  - {id: a, category: fit, points: x}\r\nstages:\r\n  MQL: {min_score: 5}\r\n")) ==
        "rules.yaml:2:36: error: criterion 'a'.points is 'x', expected a number");
}

TEST_CASE("points are at most 1e15 either way, wherever a rule gives them", "[rules][points]") {
  CHECK(diag_text(load_error("criteria:\n  - {id: a, category: fit, points: 1e16}\n")) ==
        "rules.yaml:2:36: error: criterion 'a'.points is 1e16, expected points between -1e15 and 1e15");
  CHECK(diag_text(load_error("fields: {n: {type: number}}\ncriteria:\n"
                             "  - {id: a, category: fit, points_per: {field: n, points: -2e15}}\n"))
            .find("expected points between -1e15 and 1e15") != std::string::npos);
  CHECK(diag_text(load_error("criteria:\n  - {id: a, category: fit, points_by: {field: n, values: {x: 1e300}}}\n"))
            .find("expected points between -1e15 and 1e15") != std::string::npos);
  CHECK(diag_text(load_error("criteria:\n  - {id: a, category: fit, points_by: {field: n, ranges: [{gte: 1, points: 1e20}]}}\n"))
            .find("expected points between -1e15 and 1e15") != std::string::npos);
  CHECK(diag_text(load_error("criteria:\n  - {id: a, category: fit, points_by: {field: n, values: {x: 1}, default: -1e16}}\n"))
            .find("expected points between -1e15 and 1e15") != std::string::npos);
  load_ok("criteria:\n  - {id: a, category: fit, points: -1e15}\n");
}

TEST_CASE("a tab after the indentation is not an error", "[loader][valid][text]") {
  auto rules = load_ok("name:\tDemo\n" + kMinimal);
  CHECK(rules->name == "Demo");
}

TEST_CASE("a UTF-8 byte order mark is accepted", "[loader][valid][text]") {
  auto rules = load_ok("\xEF\xBB\xBF" + kMinimal);
  CHECK(rules->criteria.size() == 1);
}

// ---- text-level problems -------------------------------------------------------------

TEST_CASE("an empty file is an error at 1:1", "[loader][errors][text]") {
  CHECK(diag_text(load_error("")) ==
        "rules.yaml:1:1: error: the rules file is empty, expected a mapping with criteria and stages");
  CHECK(load_error("# only a comment\n\n").message ==
        "the rules file is empty, expected a mapping with criteria and stages");
}

TEST_CASE("a list as the root is an error", "[loader][errors][text]") {
  CHECK(diag_text(load_error("- a\n- b\n")) == "rules.yaml:1:1: error: the rules file is a list, expected a mapping");
}

TEST_CASE("a scalar as the root is an error", "[loader][errors][text]") {
  CHECK(load_error("hello\n").message == "the rules file is 'hello', expected a mapping");
}

TEST_CASE("invalid YAML syntax is reported with its position", "[loader][errors][text]") {
  Diagnostic d = load_error("criteria: [a, b\nstages: {}\n");
  CHECK_THAT(d.message, Catch::StartsWith("invalid YAML: ") && Catch::EndsWith(", expected a well-formed YAML mapping"));
  CHECK(d.line >= 1);
  CHECK(d.file == kRulesFile);
}

TEST_CASE("invalid YAML: a bad indentation", "[loader][errors][text]") {
  Diagnostic d = load_error("criteria:\n  - id: a\n   category: fit\n");
  CHECK_THAT(d.message, Catch::StartsWith("invalid YAML: "));
  CHECK(d.line == 3);
}

TEST_CASE("tabs in indentation are reported on every such line", "[loader][errors][text]") {
  Diagnostics diags = load_errors("criteria:\n\t- {id: a, category: fit, points: 1}\nstages:\n  \tMQL: {min_score: 1}\n");
  REQUIRE(diags.size() == 2);
  CHECK(diag_text(diags[0]) ==
        "rules.yaml:2:1: error: tab character in indentation, expected spaces (YAML does not allow tabs)");
  CHECK(diag_text(diags[1]) ==
        "rules.yaml:4:3: error: tab character in indentation, expected spaces (YAML does not allow tabs)");
}

TEST_CASE("invalid UTF-8 is reported at its line and column", "[loader][errors][text]") {
  CHECK(diag_text(load_error("name: caf\xE9\n")) ==
        "rules.yaml:1:10: error: the rules file is not valid UTF-8 here, expected UTF-8 text");
  CHECK(diag_text(load_error("name: x\ndescription: \xC3\xA9t\xC3\n")) ==
        "rules.yaml:2:16: error: the rules file is not valid UTF-8 here, expected UTF-8 text");
  // Overlong encoding and UTF-16 surrogates are invalid too.
  CHECK(load_error("name: \xC0\xAF\n").line == 1);
  CHECK(load_error("name: \xED\xA0\x80\n").column == 7);
}

TEST_CASE("a NUL byte is an error", "[loader][errors][text]") {
  CHECK(diag_text(load_error(std::string("name: a\0b\n", 10))) ==
        "rules.yaml:1:8: error: the rules file contains a NUL byte, expected text");
}

TEST_CASE("a key given twice is an error at the second one", "[loader][errors][keys]") {
  Diagnostic d = load_error(kMinimal + "name: one\nname: two\n");
  CHECK(diag_text(d) == "rules.yaml:6:1: error: duplicate key 'name' in the rules file, expected each key once");
}

TEST_CASE("a key given twice inside a criterion is an error", "[loader][errors][keys]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 10, points: 20}",
      "stages:",
      "  MQL: {min_score: 5}",
  }));
  CHECK(diag_text(d) == "rules.yaml:2:40: error: duplicate key 'points' in criteria[0], expected each key once");
}

// ---- unknown keys ---------------------------------------------------------------------

TEST_CASE("an unknown top-level key suggests the closest known one", "[loader][errors][keys]") {
  Diagnostics diags = load_errors(yaml_lines({
      "critera:",
      "  - {id: a, category: fit, points: 10}",
      "stages:",
      "  MQL: {min_score: 5}",
  }));
  CHECK(messages(diags) == std::vector<std::string>{
                               "rules.yaml:1:1: error: unknown key 'critera' in the rules file, did you mean 'criteria'?",
                               "rules.yaml:1:1: error: the rules file has no 'criteria', expected a list of scoring criteria",
                           });
}

TEST_CASE("an unknown key in a criterion suggests the closest known one", "[loader][errors][keys]") {
  Diagnostics diags = load_errors(yaml_lines({
      "criteria:",
      "  - id: a",
      "    category: fit",
      "    pionts: 10",
      "stages:",
      "  MQL: {min_score: 5}",
  }));
  REQUIRE(diags.size() == 2);  // in the order of the file
  CHECK(diag_text(diags[0]) ==
        "rules.yaml:2:5: error: criterion 'a' has no points, expected exactly one of points, points_per, points_by");
  CHECK(diag_text(diags[1]) == "rules.yaml:4:5: error: unknown key 'pionts' in criteria[0], did you mean 'points'?");
}

// Found pass by pass (keys, then references, then stages), shown by place.
TEST_CASE("errors are listed in the order of the file, whatever pass found them", "[loader][errors]") {
  Diagnostics diags = load_errors(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1, when: {criterion: nope}}",
      "  - {id: b, category: fit, points: 1, when: {field: x, is: maybe}}",
      "stages:",
      "  SQL: {min_score: 5}",
  }));
  REQUIRE(diags.size() >= 3);
  for (size_t i = 1; i < diags.size(); ++i) {
    INFO(diag_text(diags[i - 1]) << "\n" << diag_text(diags[i]));
    CHECK((diags[i - 1].line < diags[i].line ||
           (diags[i - 1].line == diags[i].line && diags[i - 1].column <= diags[i].column)));
  }
}

TEST_CASE("an unknown key with no close match lists the known ones", "[loader][errors][keys]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 10}",
      "stages:",
      "  MQL: {min_score: 5, colour: red}",
  }));
  CHECK(diag_text(d) == "rules.yaml:4:23: error: unknown key 'colour' in stages.MQL, expected one of: min_score, "
                        "min_fit, min_engagement, requires, owner, description");
}

TEST_CASE("an unknown stage name suggests the known one", "[loader][errors][keys]") {
  Diagnostics diags = load_errors(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 10}",
      "stages:",
      "  MQL: {min_score: 5}",
      "  Sql: {min_score: 8}",
  }));
  REQUIRE_FALSE(diags.empty());
  CHECK(diag_text(diags[0]) == "rules.yaml:5:3: error: unknown key 'Sql' in stages, did you mean 'SQL'?");
}

// ---- wrong types ------------------------------------------------------------------------

TEST_CASE("points that are not a number", "[loader][errors][types]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: ten}",
      "stages:",
      "  MQL: {min_score: 5}",
  }));
  CHECK(diag_text(d) == "rules.yaml:2:36: error: criterion 'a'.points is 'ten', expected a number");
}

TEST_CASE("a quoted number is text, not a number", "[loader][errors][types]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: '10'}",
      "stages:",
      "  MQL: {min_score: 5}",
  }));
  CHECK(d.message == "criterion 'a'.points is '10', expected a number");
}

TEST_CASE("criteria that is not a list", "[loader][errors][types]") {
  Diagnostics diags = load_errors("criteria: {a: 1}\nstages:\n  MQL: {min_score: 5}\n");
  REQUIRE_FALSE(diags.empty());
  CHECK(diag_text(diags[0]) == "rules.yaml:1:11: error: criteria is a mapping, expected a list of criteria");
}

TEST_CASE("version other than 1", "[loader][errors][types]") {
  CHECK(diag_text(load_error("version: 2\n" + kMinimal)) ==
        "rules.yaml:1:10: error: version is 2, expected a whole number from 1 to 1");
  CHECK(load_error("version: one\n" + kMinimal).message == "version is 'one', expected a whole number");
}

TEST_CASE("as_of that is not a date", "[loader][errors][types]") {
  CHECK(load_error(kMinimal + "as_of: tomorrow\n").message == "as_of is 'tomorrow', expected a date like 2026-11-01");
  CHECK(load_error(kMinimal + "as_of: 2026-02-30\n").message ==
        "as_of is '2026-02-30', expected a date like 2026-11-01");
}

TEST_CASE("category other than fit or engagement", "[loader][errors][types]") {
  Diagnostic d = load_error("criteria:\n  - {id: a, category: hot, points: 1}\nstages:\n  MQL: {min_score: 1}\n");
  CHECK(d.message == "criterion 'a'.category is 'hot', expected fit or engagement");
}

TEST_CASE("a criterion without id or category", "[loader][errors][types]") {
  Diagnostics diags = load_errors("criteria:\n  - {points: 1}\nstages:\n  MQL: {min_score: 1}\n");
  CHECK(messages(diags) == std::vector<std::string>{
                               "rules.yaml:2:5: error: criteria[0] has no 'id', expected a unique name such as "
                               "senior_title",
                               "rules.yaml:2:5: error: criteria[0] has no 'category', expected fit or engagement",
                           });
}

TEST_CASE("an id with characters outside letters, digits, _ - .", "[loader][errors][types]") {
  Diagnostic d = load_error("criteria:\n  - {id: senior title, category: fit, points: 1}\nstages:\n  MQL: {min_score: 1}\n");
  CHECK(d.message == "criteria[0].id 'senior title' is not a valid id, expected letters, digits, '_', '-' or '.'");
}

TEST_CASE("case_sensitive that is not a boolean", "[loader][errors][types]") {
  CHECK(condition_error("{field: x, equals: a, case_sensitive: maybe}") ==
        "criterion 'a'.when.case_sensitive is 'maybe', expected true or false");
}

TEST_CASE("operands of the wrong shape", "[loader][errors][types]") {
  CHECK(condition_error("{field: x, in: foo}") == "criterion 'a'.when.in is 'foo', expected a non-empty list of values");
  CHECK(condition_error("{field: x, not_in: []}") ==
        "criterion 'a'.when.not_in is a list, expected a non-empty list of values");
  CHECK(condition_error("{field: x, equals: [a, b]}") == "criterion 'a'.when.equals is a list, expected a single value");
  CHECK(condition_error("{field: x, equals: null}") == "criterion 'a'.when.equals is nothing, expected a single value");
  CHECK(condition_error("{field: x, gte: abc}") ==
        "criterion 'a'.when.gte is 'abc', expected a number or a date like 2026-01-31");
  CHECK(condition_error("{field: x, between: [1]}") ==
        "criterion 'a'.when.between is a list, expected a list of two bounds [low, high]");
  CHECK(condition_error("{field: x, between: [10, 1]}") ==
        "criterion 'a'.when.between has its low bound above its high bound, expected [low, high]");
  CHECK(condition_error("{field: x, between: [1, 2026-01-01]}") ==
        "criterion 'a'.when.between mixes a number and a date, expected two numbers or two dates");
  CHECK(condition_error("{field: x, is: yes}") == "criterion 'a'.when.is is 'yes', expected true or false");
  CHECK(condition_error("{field: x, within_days: 7.5}") ==
        "criterion 'a'.when.within_days is '7.5', expected a whole number");
  CHECK(condition_error("{field: x, older_than_days: -1}") ==
        "criterion 'a'.when.older_than_days is -1, expected a whole number from 0 to 1000000");
  CHECK(condition_error("{field: x, contains: []}") ==
        "criterion 'a'.when.contains is an empty list, expected at least one value");
  CHECK(condition_error("{field: x, email_domain_in: ['@']}") ==
        "criterion 'a'.when.email_domain_in[0] is empty, expected some text");
  CHECK(condition_error("{field: x, starts_with: ''}") == "criterion 'a'.when.starts_with is empty, expected some text");
}

TEST_CASE("a condition that is not a mapping", "[loader][errors][types]") {
  CHECK(condition_error("[x]") ==
        "criterion 'a'.when is a list, expected a condition such as {field: budget, gte: 10000} or {any: [...]}");
  CHECK(condition_error("{all: []}") == "criterion 'a'.when.all is a list, expected a non-empty list of conditions");
  CHECK(condition_error("{any: [{field: x, gte: 1}], field: y}") ==
        "criterion 'a'.when mixes 'any' with other keys, expected 'any' alone in its mapping");
}

TEST_CASE("a leaf without a field", "[loader][errors][types]") {
  CHECK(condition_error("{gte: 1}") == "criterion 'a'.when has no 'field', expected the name of the field it tests");
  CHECK(condition_error("{field: ' ', gte: 1}") == "criterion 'a'.when.field is empty, expected a field name");
}

TEST_CASE("missing_values that is not a list", "[loader][errors][types]") {
  CHECK(load_error(kMinimal + "missing_values: {a: 1}\n").message ==
        "missing_values is a mapping, expected a list of text values");
}

TEST_CASE("a field type that does not exist", "[loader][errors][types]") {
  CHECK(load_error(kMinimal + "fields:\n  x: {type: integer}\n").message ==
        "fields.x.type is 'integer', expected number, date, bool or text");
}

TEST_CASE("a date_format on a non-date field or without a directive", "[loader][errors][types]") {
  CHECK(load_error(kMinimal + "fields:\n  x: {type: number, date_format: '%Y'}\n").message ==
        "fields.x has a date_format but type number, expected type: date");
  CHECK(load_error(kMinimal + "fields:\n  x: {type: date, date_format: 'YYYY-MM-DD'}\n").message ==
        "fields.x.date_format 'YYYY-MM-DD' has no % directive, expected a layout like \"%m/%d/%Y\"");
}

TEST_CASE("decay problems", "[loader][errors][types]") {
  CHECK(load_error(kMinimal + "decay: {field: seen, half_life_days: 0}\n").message ==
        "decay.half_life_days is 0, expected a number of days above 0");
  CHECK(load_error(kMinimal + "decay: {field: seen}\n").message ==
        "decay needs 'field' and 'half_life_days', expected {field: last_activity_at, half_life_days: 90}");
  CHECK(load_error(kMinimal + "decay: {field: seen, half_life_days: 30, applies_to: fit}\n").message ==
        "decay.applies_to is 'fit', expected engagement or score");
  CHECK(load_error(kMinimal + "fields:\n  seen: {type: text}\ndecay: {field: seen, half_life_days: 30}\n").message ==
        "decay.field 'seen' has type text, expected a date field");
}

TEST_CASE("score and group bounds in the wrong order", "[loader][errors][types]") {
  CHECK(load_error(kMinimal + "score: {min: 10, max: 0}\n").message == "score has min above max, expected min <= max");
  CHECK(load_error(kMinimal + "groups: {g: {min: 5, max: 1}}\n").message ==
        "groups.g has min above max, expected min <= max");
  CHECK(load_error(kMinimal + "groups: {g: {}}\n").message == "groups.g has no bound, expected max, min or both");
}

TEST_CASE("a disqualifier without when", "[loader][errors][types]") {
  CHECK(diag_text(load_error(kMinimal + "disqualify:\n  - {id: competitor}\n")) ==
        "rules.yaml:6:5: error: disqualify[0] has no 'when', expected the condition that disqualifies a lead");
}

// ---- operators ---------------------------------------------------------------------------

TEST_CASE("an unknown operator is reported once, as an unknown key", "[loader][errors][operators]") {
  Diagnostic d = load_error(with_condition("{field: x, greater: 5}"));
  CHECK(diag_text(d) ==
        "rules.yaml:2:57: error: unknown key 'greater' in criterion 'a'.when, expected one of: field, case_sensitive, "
        "equals, not_equals, in, not_in, contains, starts_with, ends_with, matches, gt, gte, lt, lte, between, is, "
        "exists, within_days, older_than_days, email_domain_in");
}

TEST_CASE("a leaf with a field but no operator", "[loader][errors][operators]") {
  Diagnostic d = load_error(with_condition("{field: x}"));
  CHECK(diag_text(d) ==
        "rules.yaml:2:46: error: criterion 'a'.when has no operator, expected one of: equals, not_equals, in, not_in, "
        "contains, starts_with, ends_with, matches, gt, gte, lt, lte, between, is, exists, within_days, "
        "older_than_days, email_domain_in, or all/any/not/criterion");
}

TEST_CASE("a misspelt operator suggests the right one", "[loader][errors][operators]") {
  Diagnostics diags = load_errors(with_condition("{field: x, equal: 5}"));
  REQUIRE_FALSE(diags.empty());
  CHECK(diag_text(diags[0]) ==
        "rules.yaml:2:57: error: unknown key 'equal' in criterion 'a'.when, did you mean 'equals'?");
}

TEST_CASE("two operators in one leaf", "[loader][errors][operators]") {
  Diagnostic d = load_error(with_condition("{field: x, gte: 1, lte: 5}"));
  CHECK(diag_text(d) == "rules.yaml:2:65: error: criterion 'a'.when has two operators ('gte' and 'lte'), expected one "
                        "per condition; combine conditions with all: [...]");
}

TEST_CASE("a regex that does not compile", "[loader][errors][operators]") {
  Diagnostic d = load_error(with_condition("{field: x, matches: '(vp|chief'}"));
  CHECK(d.message == "criterion 'a'.when.matches: the regex '(vp|chief' does not compile (missing ): (vp|chief), "
                     "expected RE2 syntax");
  CHECK(d.line == 2);
  CHECK(d.column == 66);
}

TEST_CASE("a regex feature RE2 lacks (backreference) is an error", "[loader][errors][operators]") {
  CHECK_THAT(condition_error("{field: x, matches: '(a)\\1'}"),
             Catch::StartsWith("criterion 'a'.when.matches: the regex '(a)\\1' does not compile ("));
}

TEST_CASE("operators that do not fit a declared field type", "[loader][errors][operators][types]") {
  CHECK(condition_error("{field: x, gte: 5}", "{x: {type: text}}") ==
        "'gte' does not fit field 'x' of type text, expected equals, not_equals, in, not_in, contains, starts_with, "
        "ends_with, matches, email_domain_in or exists");
  CHECK(condition_error("{field: x, within_days: 5}", "{x: {type: number}}") ==
        "'within_days' does not fit field 'x' of type number, expected equals, not_equals, in, not_in, gt, gte, lt, "
        "lte, between (with numbers) or exists");
  CHECK(condition_error("{field: x, gte: 5}", "{x: {type: date}}") ==
        "'gte' does not fit field 'x' of type date, expected within_days, older_than_days, gt, gte, lt, lte, between "
        "(with dates) or exists");
  CHECK(condition_error("{field: x, in: [a]}", "{x: {type: bool}}") ==
        "'in' does not fit field 'x' of type bool, expected is, equals, not_equals or exists");
}

TEST_CASE("a type misfit is reported at the operand", "[loader][errors][operators][types]") {
  Diagnostic d = load_error(yaml_lines({
      "fields: {budget: {type: text}}",
      "criteria:",
      "  - {id: a, category: fit, points: 1, when: {field: budget, gte: 5}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(d.line == 3);
  CHECK(d.column == 66);
}

TEST_CASE("operators that do fit a declared field type", "[loader][operators][types]") {
  CHECK(load_ok(with_condition("{field: x, gte: 2026-01-01}", "{x: {type: date}}")));
  CHECK(load_ok(with_condition("{field: x, between: [1, 5]}", "{x: {type: number}}")));
  CHECK(load_ok(with_condition("{field: x, is: true}", "{x: {type: bool}}")));
  CHECK(load_ok(with_condition("{field: x, matches: abc}", "{x: {type: text}}")));
  CHECK(load_ok(with_condition("{field: x, exists: true}", "{x: {type: number}}")));
}

TEST_CASE("points_per on a non-number field", "[loader][errors][types]") {
  Diagnostic d = load_error(yaml_lines({
      "fields: {x: {type: text}}",
      "criteria:",
      "  - {id: a, category: fit, points_per: {field: x, points: 2}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(d.message == "criterion 'a'.points_per.field 'x' has type text, expected a number field");
}

// ---- criteria references --------------------------------------------------------------

TEST_CASE("a duplicate criterion id is reported at the second id", "[loader][errors][criteria]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1}",
      "  - {id: a, category: fit, points: 2}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(diag_text(d) == "rules.yaml:3:10: error: duplicate criterion id 'a', expected unique ids");
}

TEST_CASE("an unknown criterion reference suggests the closest id", "[loader][errors][criteria]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: senior, category: fit, points: 1, when: {field: t, contains: vp}}",
      "  - {id: b, category: fit, points: 2, when: {criterion: senor}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(diag_text(d) == "rules.yaml:3:57: error: unknown criterion 'senor', did you mean 'senior'?");
}

TEST_CASE("an unknown criterion reference without a close id", "[loader][errors][criteria]") {
  CHECK(condition_error("{criterion: zzzzzz}") ==
        "unknown criterion 'zzzzzz', expected the id of a criterion in this file");
}

TEST_CASE("a criterion reference in a stage gate and a disqualifier is resolved too", "[loader][errors][criteria]") {
  Diagnostics diags = load_errors(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1, when: {field: t, exists: true}}",
      "disqualify:",
      "  - {id: d, when: {criterion: nope}}",
      "stages:",
      "  MQL: {min_score: 1, requires: [{criterion: nada}]}",
  }));
  CHECK(messages(diags) == std::vector<std::string>{
                               "rules.yaml:4:31: error: unknown criterion 'nope', expected the id of a criterion in "
                               "this file",
                               "rules.yaml:6:46: error: unknown criterion 'nada', expected the id of a criterion in "
                               "this file",
                           });
}

TEST_CASE("criterion references that form a cycle", "[loader][errors][criteria]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1, when: {criterion: b}}",
      "  - {id: b, category: fit, points: 1, when: {any: [{field: x, exists: true}, {criterion: a}]}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(diag_text(d) ==
        "rules.yaml:2:10: error: criterion references form a cycle (a -> b -> a), expected references without cycles");
}

TEST_CASE("a criterion that references itself", "[loader][errors][criteria]") {
  CHECK(condition_error("{not: {criterion: a}}") ==
        "criterion references form a cycle (a -> a), expected references without cycles");
}

TEST_CASE("a reference to a criterion without when", "[loader][errors][criteria]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: always, category: fit, points: 1}",
      "  - {id: b, category: fit, points: 1, when: {criterion: always}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(diag_text(d) == "rules.yaml:3:57: error: criterion 'always' has no 'when' condition to reuse, expected a "
                        "criterion with a 'when'");
}

// ---- points --------------------------------------------------------------------------------

TEST_CASE("a criterion without points", "[loader][errors][points]") {
  CHECK(load_error("criteria:\n  - {id: a, category: fit}\nstages:\n  MQL: {min_score: 1}\n").message ==
        "criterion 'a' has no points, expected exactly one of points, points_per, points_by");
}

TEST_CASE("a criterion with two kinds of points", "[loader][errors][points]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1, points_per: {field: x, points: 2}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(diag_text(d) == "rules.yaml:2:5: error: criterion 'a' has more than one kind of points, expected exactly one "
                        "of points, points_per, points_by");
}

TEST_CASE("a criterion with all three kinds of points", "[loader][errors][points]") {
  CHECK(load_error(yaml_lines({
                       "criteria:",
                       "  - id: a",
                       "    category: fit",
                       "    points: 1",
                       "    points_per: {field: x, points: 2}",
                       "    points_by: {field: x, values: {a: 1}}",
                       "stages:",
                       "  MQL: {min_score: 1}",
                   }))
            .message == "criterion 'a' has more than one kind of points, expected exactly one of points, points_per, "
                        "points_by");
}

TEST_CASE("points_by problems", "[loader][errors][points]") {
  auto err = [](const std::string& points_by) {
    return load_error("criteria:\n  - {id: a, category: fit, points_by: " + points_by +
                      "}\nstages:\n  MQL: {min_score: 1}\n")
        .message;
  };
  CHECK(err("{field: x, values: {a: 1}, ranges: [{gt: 1, points: 2}]}") ==
        "criterion 'a'.points_by needs exactly one of 'values' and 'ranges'");
  CHECK(err("{field: x}") == "criterion 'a'.points_by needs exactly one of 'values' and 'ranges'");
  CHECK(err("{values: {a: 1}}") ==
        "criterion 'a'.points_by has no 'field', expected the field whose value decides the points");
  CHECK(err("{field: x, values: [a]}") ==
        "criterion 'a'.points_by.values is a list, expected a mapping of value: points, like {software: 10}");
  CHECK(err("{field: x, values: {a: 1, A: 2}}") == "criterion 'a'.points_by.values has 'A' twice, expected each value once");
  CHECK(err("{field: x, ranges: [{points: 2}]}") ==
        "criterion 'a'.points_by.ranges[0] has no bound, expected gt, gte, lt, lte or between");
  CHECK(err("{field: x, ranges: [{gt: 2}]}") ==
        "criterion 'a'.points_by.ranges[0] has no 'points', expected the points for values in this range");
}

TEST_CASE("a misspelt key in a points_by range", "[loader][errors][points]") {
  Diagnostics diags = load_errors(
      "criteria:\n  - {id: a, category: fit, points_by: {field: x, ranges: [{gt: 2, pointz: 1}]}}\nstages:\n"
      "  MQL: {min_score: 1}\n");
  CHECK(messages(diags) ==
        std::vector<std::string>{
            "rules.yaml:2:59: error: criterion 'a'.points_by.ranges[0] has no 'points', expected the points for values "
            "in this range",
            "rules.yaml:2:67: error: unknown key 'pointz' in criterion 'a'.points_by.ranges[0], did you mean 'points'?",
        });
}

// ---- groups -----------------------------------------------------------------------------

TEST_CASE("a group that is not defined suggests the closest one", "[loader][errors][groups]") {
  Diagnostic d = load_error(yaml_lines({
      "groups: {email: {max: 10}}",
      "criteria:",
      "  - {id: a, category: fit, points: 1, group: emial}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(diag_text(d) == "rules.yaml:3:46: error: criterion 'a'.group 'emial' is not defined under groups, did you "
                        "mean 'email'?");
}

TEST_CASE("a group when no groups are defined", "[loader][errors][groups]") {
  CHECK(load_error("criteria:\n  - {id: a, category: fit, points: 1, group: g}\nstages:\n  MQL: {min_score: 1}\n")
            .message == "criterion 'a'.group 'g' is not defined under groups, expected a group defined under 'groups:'");
}

TEST_CASE("a group whose criteria mix categories", "[loader][errors][groups]") {
  Diagnostic d = load_error(yaml_lines({
      "groups: {email: {max: 10}}",
      "criteria:",
      "  - {id: opened, category: engagement, points: 3, group: email}",
      "  - {id: domain, category: fit, points: 2, group: email}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(diag_text(d) == "rules.yaml:4:10: error: criterion 'domain' is fit but group 'email' already holds engagement "
                        "criterion 'opened', expected one category per group");
}

// ---- stages ---------------------------------------------------------------------------

TEST_CASE("SQL without MQL can never be reached", "[loader][errors][stages]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 10}",
      "stages:",
      "  SQL: {min_score: 5}",
  }));
  CHECK(diag_text(d) ==
        "rules.yaml:4:8: error: stage SQL can never be reached because MQL is not defined, expected an MQL stage");
}

TEST_CASE("SAO without SQL can never be reached", "[loader][errors][stages]") {
  Diagnostic d = load_error(kMinimal + "  SAO: {min_score: 5}\n");
  CHECK(diag_text(d) ==
        "rules.yaml:5:8: error: stage SAO can never be reached because SQL is not defined, expected an SQL stage");
}

TEST_CASE("a min_score above the highest possible score", "[loader][errors][stages]") {
  Diagnostic d = load_error(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 10}",
      "  - {id: b, category: engagement, points: 15}",
      "  - {id: c, category: fit, points: -20}",
      "stages:",
      "  MQL: {min_score: 25.5}",
  }));
  CHECK(diag_text(d) == "rules.yaml:6:8: error: stage MQL can never be reached: min_score is 25.5 but the highest "
                        "possible is 25, expected a reachable threshold");
}

TEST_CASE("the highest possible score counts criterion max, group max and the score clamp", "[loader][errors][stages]") {
  Diagnostics diags = load_errors(yaml_lines({
      "groups: {g: {max: 4}}",
      "criteria:",
      "  - {id: a, category: fit, points: 10, max: 6}",
      "  - {id: b, category: engagement, points: 3, group: g}",
      "  - {id: c, category: engagement, points: 3, group: g}",
      "  - {id: d, category: engagement, points_per: {field: x, points: 1}}",
      "score: {max: 50}",
      "stages:",
      "  MQL: {min_fit: 7}",
      "  SQL: {min_engagement: 1000000}",
      "  SAO: {min_score: 51}",
  }));
  CHECK(messages(diags) ==
        std::vector<std::string>{
            "rules.yaml:9:8: error: stage MQL can never be reached: min_fit is 7 but the highest possible is 6, "
            "expected a reachable threshold",
            "rules.yaml:11:8: error: stage SAO can never be reached: min_score is 51 but the highest possible is 50, "
            "expected a reachable threshold",
        });
}

TEST_CASE("thresholds at exactly the highest possible score are reachable", "[loader][stages]") {
  auto rules = load_ok(yaml_lines({
      "groups: {g: {max: 4}}",
      "criteria:",
      "  - {id: a, category: fit, points: 10, max: 6}",
      "  - {id: b, category: engagement, points: 3, group: g}",
      "  - {id: c, category: engagement, points: 3, group: g}",
      "stages:",
      "  MQL: {min_fit: 6, min_engagement: 4, min_score: 10}",
  }));
  CHECK(rules->gate(Stage::kMql).min_score == 10.0);
}

TEST_CASE("a score clamp minimum makes a low threshold reachable", "[loader][stages][regression]") {
  // Every lead scores at least score.min, so a gate at or below it always holds.
  auto rules = load_ok(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 10}",
      "score: {min: 50, max: 100}",
      "stages:",
      "  MQL: {min_score: 50}",
  }));
  CHECK(rules->gate(Stage::kMql).min_score == 50.0);
}

TEST_CASE("a stage without any gate", "[loader][errors][stages]") {
  Diagnostic d = load_error("criteria:\n  - {id: a, category: fit, points: 10}\nstages:\n  MQL: {owner: marketing}\n");
  CHECK(diag_text(d) == "rules.yaml:4:8: error: stages.MQL has no gate, expected at least one of min_score, min_fit, "
                        "min_engagement, requires");
}

TEST_CASE("no stages at all is a scoring-only rule set", "[loader][stages]") {
  // README: without stages every lead stays a Lead; that is not an error.
  Diagnostics diags;
  auto rules = load_rules("criteria:\n  - {id: a, category: fit, points: 10}\n", "rules.yaml", diags);
  REQUIRE(rules.has_value());
  CHECK(diags.empty());
  CHECK_FALSE(rules->gate(Stage::kMql).defined);
  auto empty = load_rules("criteria:\n  - {id: a, category: fit, points: 10}\nstages: {}\n", "rules.yaml", diags);
  CHECK(empty.has_value());
}

TEST_CASE("requires that is not a list", "[loader][errors][stages]") {
  CHECK(load_error("criteria:\n  - {id: a, category: fit, points: 10}\nstages:\n  MQL: {requires: {field: x, is: true}}\n")
            .message == "stages.MQL.requires is a mapping, expected a list of conditions");
}

// ---- several problems at once -------------------------------------------------------------

TEST_CASE("every problem in a file is reported, in file order", "[loader][errors][many]") {
  Diagnostics diags = load_errors(yaml_lines({
      "version: 1",
      "nmae: demo",
      "criteria:",
      "  - {id: a, category: fit, points: ten}",
      "  - {id: b, category: engagment, points: 5}",
      "  - {id: c, category: fit, points: 1, when: {field: x, gte: 1, lt: 5}}",
      "  - {id: d, category: fit, points: 1, when: {field: y, matches: '[z'}}",
      "stages:",
      "  MQL: {min_score: 5, requires: [{field: x, within_days: soon}]}",
  }));
  std::vector<std::string> got = messages(diags);
  INFO(describe(diags));
  REQUIRE(got.size() == 6);
  CHECK(got[0] == "rules.yaml:2:1: error: unknown key 'nmae' in the rules file, did you mean 'name'?");
  CHECK(got[1] == "rules.yaml:4:36: error: criterion 'a'.points is 'ten', expected a number");
  CHECK(got[2] == "rules.yaml:5:23: error: criterion 'b'.category is 'engagment', expected fit or engagement");
  CHECK_THAT(got[3], Catch::StartsWith("rules.yaml:6:64: error: criterion 'c'.when has two operators"));
  CHECK_THAT(got[4], Catch::StartsWith("rules.yaml:7:65: error: criterion 'd'.when.matches: the regex '[z'"));
  CHECK(got[5] == "rules.yaml:9:58: error: stages.MQL.requires[0].within_days is 'soon', expected a whole number");
}

// ---- files and diagnostics -----------------------------------------------------------------

TEST_CASE("load_rules_file reports an unreadable file", "[loader][errors][file]") {
  Diagnostics diags;
  CHECK_FALSE(load_rules_file("/nonexistent/dir/rules.yaml", diags).has_value());
  REQUIRE(diags.size() == 1);
  CHECK(format_diagnostic(diags[0]) ==
        "/nonexistent/dir/rules.yaml: error: cannot read the rules file, expected a readable YAML file");
}

TEST_CASE("format_diagnostic leaves out unknown parts", "[loader][diagnostic]") {
  CHECK(format_diagnostic(Diagnostic{"r.yaml", 3, 7, Severity::kError, "bad"}) == "r.yaml:3:7: error: bad");
  CHECK(format_diagnostic(Diagnostic{"r.yaml", 3, 0, Severity::kWarning, "meh"}) == "r.yaml:3: warning: meh");
  CHECK(format_diagnostic(Diagnostic{"r.yaml", 0, 0, Severity::kError, "bad"}) == "r.yaml: error: bad");
  CHECK(format_diagnostic(Diagnostic{"", 0, 0, Severity::kError, "bad"}) == "leadscore: error: bad");
  CHECK(has_errors({Diagnostic{"", 0, 0, Severity::kWarning, "w"}, Diagnostic{"", 0, 0, Severity::kError, "e"}}));
  CHECK_FALSE(has_errors({Diagnostic{"", 0, 0, Severity::kWarning, "w"}}));
}

TEST_CASE("hostile input does not crash the loader", "[loader][errors][robustness]") {
  std::string deep = "criteria:\n  - {id: a, category: fit, points: 1, when: ";
  for (int i = 0; i < 40; ++i) deep += "{not: ";
  deep += "{field: x, exists: true}";
  for (int i = 0; i < 40; ++i) deep += "}";
  deep += "}\nstages:\n  MQL: {min_score: 1}\n";
  Diagnostics diags = load_errors(deep);
  CHECK_THAT(describe(diags), Catch::Contains("is nested more than 32 levels deep"));

  for (const char* text : {"{", "[", ":", "a: [}", "*x", "&a [*a]", "? [a]\n: b\n", "!!binary x", "%YAML 9.9\n---\na: 1\n"}) {
    INFO(text);
    Diagnostics d;
    CHECK_FALSE(load_rules(text, kRulesFile, d).has_value());
    CHECK(has_errors(d));
  }
}
