// Explanations: why each criterion scored what it did, why each stage gate
// passed or failed, and the compact CSV `reasons` text.
#include <catch2/catch.hpp>

#include <string>

#include "engine_test_util.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

const std::string kRules = yaml_lines({
    "criteria:",
    "  - id: senior_title",
    "    category: fit",
    "    when: {field: job_title, matches: '\\b(vp|chief)\\b'}",
    "    points: 15",
    "    reason: Senior decision maker",
    "  - {id: downloads, category: engagement, when: {field: downloads, gte: 1}, points_per: {field: downloads, points: 5}, max: 15}",
    "  - {id: free_email, category: fit, when: {field: email, email_domain_in: [gmail.com, yahoo.com]}, points: -10}",
    "  - {id: recent, category: engagement, when: {field: last_activity, within_days: 30}, points: 10}",
    "  - {id: industry, category: fit, points_by: {field: industry, values: {software: 10, fintech: 8}, default: 2}}",
    "disqualify:",
    "  - {id: competitor, when: {field: email, email_domain_in: [rival.example]}, reason: Works for a rival}",
    "  - {id: student, when: {field: email, ends_with: .edu}}",
    "stages:",
    "  MQL: {min_score: 40}",
    "  SQL: {requires: [{field: demo, is: true}, {field: budget, gte: 10000}]}",
});

const CriterionExplanation& criterion(const Explanation& e, std::string_view id) {
  for (const CriterionExplanation& c : e.criteria) {
    if (c.criterion->id == id) return c;
  }
  FAIL("no criterion " << id);
  return e.criteria.front();
}

const GateExplanation& gate(const Explanation& e, Stage s) {
  for (const GateExplanation& g : e.gates) {
    if (g.stage == s) return g;
  }
  FAIL("no gate " << stage_name(s));
  return e.gates.front();
}

}  // namespace

// ---- criteria -------------------------------------------------------------------------

TEST_CASE("a matched criterion's reason starts with the rule's reason", "[explain][criteria]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"job_title", "VP Sales"}});
  const CriterionExplanation& c = criterion(e, "senior_title");
  CHECK(c.matched);
  CHECK(c.points == 15);
  CHECK(c.field == "job_title");
  CHECK(c.value == "VP Sales");
  CHECK_FALSE(c.missing);
  CHECK(c.reason == "Senior decision maker: job_title 'VP Sales' matches /\\b(vp|chief)\\b/");
}

TEST_CASE("an unmatched criterion says what was tested, without the rule's reason", "[explain][criteria]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"job_title", "Analyst"}});
  const CriterionExplanation& c = criterion(e, "senior_title");
  CHECK_FALSE(c.matched);
  CHECK(c.points == 0);
  CHECK(c.reason == "job_title 'Analyst' does not match /\\b(vp|chief)\\b/");
}

TEST_CASE("a criterion on a missing field says it was missing", "[explain][criteria][missing]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"job_title", " n/a "}});
  const CriterionExplanation& c = criterion(e, "senior_title");
  CHECK(c.missing);
  CHECK(c.field == "job_title");
  CHECK(c.value == "n/a");
  CHECK(c.reason == "job_title is missing");
}

TEST_CASE("points_per explains the value and the rate, and the max that bounded it", "[explain][criteria][points]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"downloads", "2"}});
  CHECK(criterion(e, "downloads").reason == "downloads '2' is >= 1; downloads '2' × 5 per unit");
  CHECK(criterion(e, "downloads").points == 10);
  e = s.explain({{"downloads", "7"}});
  CHECK(criterion(e, "downloads").reason == "downloads '7' is >= 1; downloads '7' × 5 per unit (bounded by max 15)");
  CHECK(criterion(e, "downloads").points == 15);
}

TEST_CASE("points_per that scores 0 for a value that is there says why", "[explain][criteria][points]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: per_visit, category: engagement, when: {field: visits, gte: 1},",
      "     points_per: {field: downloads, points: 5}}",
      "  - {id: capped, category: engagement, when: {field: visits, gte: 1},",
      "     points_per: {field: downloads, points: 5}, max: 15}",
      "  - {id: floored, category: engagement, when: {field: visits, gte: 1},",
      "     points_per: {field: downloads, points: 5}, min: 0}",
      "stages:",
      "  MQL: {min_score: 40}",
  }));
  Explanation e = s.explain({{"visits", "1"}, {"downloads", "1e300"}});
  CHECK(criterion(e, "per_visit").reason ==
        "visits '1' is >= 1; downloads '1e300' × 5 per unit, more than ±1e15 points: 0");
  CHECK(criterion(e, "capped").reason == "visits '1' is >= 1; downloads '1e300' × 5 per unit (bounded by max 15)");
  // Not "(bounded by min 0)": the min did not make the 0.
  CHECK(criterion(e, "floored").reason ==
        "visits '1' is >= 1; downloads '1e300' × 5 per unit, more than ±1e15 points: 0");
  e = s.explain({{"visits", "1"}, {"downloads", "lots"}});
  CHECK(criterion(e, "per_visit").reason == "visits '1' is >= 1; downloads 'lots' × 5 per unit, which is not a number: 0");
  CHECK(criterion(e, "floored").reason == "visits '1' is >= 1; downloads 'lots' × 5 per unit, which is not a number: 0");
  e = s.explain({{"visits", "1"}, {"downloads", "0"}});
  CHECK(criterion(e, "per_visit").reason == "visits '1' is >= 1; downloads '0' × 5 per unit");  // 0 × 5 needs no word
}

TEST_CASE("a comparison on a value that is not a number says so", "[explain][criteria][bad]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"downloads", "many"}});
  CHECK(criterion(e, "downloads").reason == "downloads 'many' is not a number");
  CHECK_FALSE(criterion(e, "downloads").matched);
}

TEST_CASE("points_by explains the entry that matched or the default", "[explain][criteria][points]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"industry", "Software"}});
  CHECK(criterion(e, "industry").matched);
  CHECK(criterion(e, "industry").reason == "industry 'Software' scores 10");
  e = s.explain({{"industry", "retail"}});
  CHECK_FALSE(criterion(e, "industry").matched);
  CHECK(criterion(e, "industry").points == 2);
  CHECK(criterion(e, "industry").reason == "industry 'retail' has no entry, default 2");
}

TEST_CASE("points_by on a missing value says it was missing and gives the default", "[explain][criteria][points]") {
  Scoring s(kRules);
  Explanation e = s.explain({});
  const CriterionExplanation& c = criterion(e, "industry");
  CHECK(c.missing);
  CHECK(c.points == 2);
  CHECK(c.reason == "industry is missing, has no entry, default 2");
}

TEST_CASE("within_days explains the age of the date", "[explain][criteria][dates]") {
  Scoring s(kRules);
  CHECK(criterion(s.explain({{"last_activity", "2026-02-20"}}), "recent").reason ==
        "last_activity '2026-02-20' is 9 days old, within 30 days");
  CHECK(criterion(s.explain({{"last_activity", "2025-12-01"}}), "recent").reason ==
        "last_activity '2025-12-01' is 90 days old, not within 30 days");
  CHECK(criterion(s.explain({{"last_activity", "2026-04-01"}}), "recent").reason ==
        "last_activity '2026-04-01' is in the future, within 30 days");
  CHECK(criterion(s.explain({{"last_activity", "soon"}}), "recent").reason == "last_activity 'soon' is not a date");
}

TEST_CASE("email_domain_in names the domains it looked for", "[explain][criteria]") {
  Scoring s(kRules);
  CHECK(criterion(s.explain({{"email", "ann@gmail.com"}}), "free_email").reason ==
        "email 'ann@gmail.com' has a domain in ['gmail.com', 'yahoo.com']");
  CHECK(criterion(s.explain({{"email", "ann@corp.com"}}), "free_email").reason ==
        "email 'ann@corp.com' has no domain in ['gmail.com', 'yahoo.com']");
}

TEST_CASE("all, any, not and criterion references are described", "[explain][criteria][combinators]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: senior, category: fit, points: 1, when: {field: title, contains: vp}}",
      "  - {id: both, category: fit, points: 1, when: {all: [{field: a, equals: 1}, {field: b, equals: x}]}}",
      "  - {id: either, category: fit, points: 1, when: {any: [{field: a, gt: 5}, {field: b, in: [y, z]}]}}",
      "  - {id: neither, category: fit, points: 1, when: {not: {field: b, equals: x}}}",
      "  - {id: ref, category: fit, points: 1, when: {criterion: senior}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  Explanation e = s.explain({{"title", "VP"}, {"a", "1"}, {"b", "x"}});
  CHECK(criterion(e, "both").reason == "a '1' equals 1 and b 'x' equals 'x'");
  CHECK(criterion(e, "either").reason == "none of: a '1' is not > 5 / b 'x' is not in ['y', 'z']");
  CHECK(criterion(e, "neither").reason == "not (b 'x' equals 'x')");
  CHECK(criterion(e, "ref").reason == "criterion senior (title 'VP' contains ['vp'])");

  e = s.explain({{"a", "2"}, {"b", "z"}});
  // A failed `all` names only the parts that failed.
  CHECK(criterion(e, "both").reason == "a '2' does not equal 1; b 'z' does not equal 'x'");
  CHECK(criterion(e, "either").reason == "b 'z' is in ['y', 'z']");
  CHECK(criterion(e, "ref").reason == "not criterion senior (title is missing)");
}

TEST_CASE("exists is described for present and missing values", "[explain][criteria][missing]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: has_phone, category: fit, points: 1, when: {field: phone, exists: true}}",
      "  - {id: no_phone, category: fit, points: 1, when: {field: phone, exists: false}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  Explanation e = s.explain({});
  CHECK(criterion(e, "has_phone").reason == "phone is missing");
  CHECK(criterion(e, "no_phone").reason == "phone is missing, as required");
  e = s.explain({{"phone", "555"}});
  CHECK(criterion(e, "has_phone").reason == "phone '555' is present");
  CHECK(criterion(e, "no_phone").reason == "phone '555' is present, expected it missing");
}

TEST_CASE("long values are shortened in explanations", "[explain][criteria]") {
  Scoring s(one_condition_rules("{field: x, equals: a}"));
  Explanation e = s.explain({{"x", std::string(100, 'b')}});
  CHECK(e.criteria[0].reason == "x '" + std::string(60, 'b') + "...' does not equal 'a'");
  // The value itself is kept whole.
  CHECK(e.criteria[0].value == std::string(100, 'b'));
}

// ---- groups, decay, clamp, disqualify ------------------------------------------------------

TEST_CASE("a group's total and the part counted after its bound", "[explain][groups]") {
  Scoring s(yaml_lines({
      "groups: {email: {max: 10}}",
      "criteria:",
      "  - {id: opened, category: engagement, group: email, points: 3}",
      "  - {id: clicked, category: engagement, group: email, points_per: {field: clicks, points: 2}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  Explanation e = s.explain({{"clicks", "5"}});
  REQUIRE(e.groups.size() == 1);
  CHECK(e.groups[0].group->name == "email");
  CHECK(e.groups[0].total == 13);
  CHECK(e.groups[0].counted == 10);
}

TEST_CASE("decay is explained with the age, the half-life and the factor", "[explain][decay]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: eng, category: engagement, points: 10}",
      "decay: {field: last_activity, half_life_days: 30}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.explain({{"last_activity", "2026-01-30"}}).decay ==
        "last_activity '2026-01-30' is 30 days old, half-life 30 days: ×0.5");
  CHECK(s.explain({}).decay == "last_activity is missing: no decay");
  CHECK(s.explain({{"last_activity", "2026-03-01"}}).decay == "last_activity '2026-03-01' is not in the past: no decay");
  CHECK(s.explain({{"last_activity", "someday"}}).decay == "last_activity 'someday' is not a date: no decay");
  CHECK(Scoring(kRules).explain({}).decay.empty());
}

TEST_CASE("a clamped score records the score before the clamp", "[explain][clamp]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points_per: {field: n, points: 1}}",
      "score: {min: 0, max: 100}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.explain({{"n", "150"}}).clamped_from == 150.0);
  CHECK(s.explain({{"n", "-5"}}).clamped_from == -5.0);
  CHECK_FALSE(s.explain({{"n", "50"}}).clamped_from.has_value());
}

TEST_CASE("each disqualifier that held is explained, with its reason", "[explain][disqualify]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"email", "spy@lab.rival.example"}});
  REQUIRE(e.disqualified.size() == 1);
  CHECK(e.disqualified[0] ==
        "competitor: Works for a rival: email 'spy@lab.rival.example' has a domain in ['rival.example']");
  e = s.explain({{"email", "kid@school.edu"}});
  REQUIRE(e.disqualified.size() == 1);
  CHECK(e.disqualified[0] == "student: email 'kid@school.edu' ends with ['.edu']");
  CHECK(s.explain({{"email", "a@corp.com"}}).disqualified.empty());
}

// ---- stage gates -------------------------------------------------------------------------

TEST_CASE("a gate that failed on the score says by how much", "[explain][gates]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"job_title", "VP"}, {"industry", "software"}});  // 15 + 10 = 25
  const GateExplanation& mql = gate(e, Stage::kMql);
  CHECK(mql.defined);
  CHECK_FALSE(mql.passed);
  CHECK(mql.checks_failed == std::vector<std::string>{"score 25 < min_score 40"});
  CHECK(mql.checks_passed.empty());
}

TEST_CASE("a gate that passed lists what passed", "[explain][gates]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"job_title", "VP"}, {"industry", "software"}, {"downloads", "3"}});  // 40
  const GateExplanation& mql = gate(e, Stage::kMql);
  CHECK(mql.passed);
  CHECK(mql.checks_passed == std::vector<std::string>{"score 40 >= min_score 40"});
  CHECK(mql.checks_failed.empty());
}

TEST_CASE("a gate's failed requirements are described one by one", "[explain][gates]") {
  Scoring s(kRules);
  Explanation e = s.explain({{"demo", "no"}, {"budget", "5,000"}});
  const GateExplanation& sql = gate(e, Stage::kSql);
  CHECK_FALSE(sql.passed);
  CHECK(sql.checks_failed == std::vector<std::string>{"demo 'no' is not true", "budget '5,000' is not >= 10000"});
  e = s.explain({{"demo", "yes"}});
  CHECK(gate(e, Stage::kSql).checks_passed == std::vector<std::string>{"demo 'yes' is true"});
  CHECK(gate(e, Stage::kSql).checks_failed == std::vector<std::string>{"budget is missing"});
}

TEST_CASE("min_fit and min_engagement gates are explained", "[explain][gates]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: f, category: fit, points_per: {field: f, points: 1}}",
      "  - {id: e, category: engagement, points_per: {field: e, points: 1}}",
      "stages:",
      "  MQL: {min_fit: 10, min_engagement: 5.5}",
  }));
  Explanation e = s.explain({{"f", "12"}, {"e", "2.25"}});
  const GateExplanation& mql = gate(e, Stage::kMql);
  CHECK(mql.checks_passed == std::vector<std::string>{"fit 12 >= min_fit 10"});
  CHECK(mql.checks_failed == std::vector<std::string>{"engagement 2.25 < min_engagement 5.5"});
}

TEST_CASE("a stage not defined in the rules is explained as such", "[explain][gates]") {
  Scoring s(kRules);
  Explanation e = s.explain({});
  REQUIRE(e.gates.size() == 3);
  const GateExplanation& sao = gate(e, Stage::kSao);
  CHECK_FALSE(sao.defined);
  CHECK_FALSE(sao.passed);
  CHECK(sao.checks_failed == std::vector<std::string>{"stage SAO is not defined in the rules"});
}

TEST_CASE("describe_condition describes one condition for a lead", "[explain][describe]") {
  Scoring s(kRules);
  s.score({{"budget", "$12,000"}});
  std::vector<std::string_view> values(s.rules().fields.size());
  values[static_cast<size_t>(s.field("budget"))] = "$12,000";
  LeadScratch scratch;
  Verdict verdict;
  s.scorer().score(values, scratch, verdict);
  const Condition& budget = s.rules().gate(Stage::kSql).requires_all[1];
  CHECK(describe_condition(s.scorer(), budget, values, scratch, verdict) == "budget '$12,000' is >= 10000");
}

// ---- append_reasons -----------------------------------------------------------------------

TEST_CASE("reasons list criteria with non-zero points in rules order", "[explain][reasons]") {
  Scoring s(kRules);
  CHECK(s.reasons({{"job_title", "VP"}, {"downloads", "2.5"}, {"email", "a@gmail.com"}, {"industry", "fintech"}}) ==
        "senior_title+15; downloads+12.5; free_email-10; industry+8");
}

TEST_CASE("reasons include a points_by default, which is not a match", "[explain][reasons]") {
  Scoring s(kRules);
  CHECK(s.reasons({}) == "industry+2");
}

TEST_CASE("reasons are empty when no criterion scored", "[explain][reasons]") {
  Scoring s(one_condition_rules("{field: x, exists: true}"));
  CHECK(s.reasons({}).empty());
}

TEST_CASE("reasons leave out matched criteria bounded to zero and points that round to zero", "[explain][reasons]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: capped, category: fit, points: 5, max: 0}",
      "  - {id: tiny, category: fit, points: 0.004}",
      "  - {id: third, category: fit, points_per: {field: n, points: 0.333}}",
      "  - {id: real, category: fit, points: 1}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.reasons({{"n", "1"}}) == "third+0.33; real+1");
  CHECK(s.outcome("capped").matched);
}

TEST_CASE("reasons start with every disqualifier that held", "[explain][reasons][disqualify]") {
  Scoring s(kRules);
  CHECK(s.reasons({{"email", "spy@rival.example"}, {"job_title", "Chief of Staff"}}) ==
        "disqualified:competitor; senior_title+15; industry+2");
  Scoring both(yaml_lines({
      "criteria:",
      "  - {id: x, category: fit, points: 0.5, when: {field: email, exists: true}}",
      "disqualify:",
      "  - {id: student, when: {field: email, ends_with: .edu}}",
      "  - {id: competitor, when: {field: email, email_domain_in: [rival.edu]}}",
      "stages:",
      "  MQL: {min_score: 0.5}",
  }));
  CHECK(both.reasons({{"email", "x@rival.edu"}}) == "disqualified:student; disqualified:competitor; x+0.5");
}

TEST_CASE("reasons end with the decay factor rounded to 2 decimals", "[explain][reasons][decay]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: eng, category: engagement, points: 10}",
      "decay: {field: seen, half_life_days: 30}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  // Criteria show their own points, before decay.
  CHECK(s.reasons({{"seen", "2026-01-30"}}) == "eng+10; decay×0.5");
  CHECK(s.reasons({{"seen", "2026-02-19"}}) == "eng+10; decay×0.79");
  CHECK(s.reasons({{"seen", "2026-03-01"}}) == "eng+10");
  CHECK(s.reasons({}) == "eng+10");
}

TEST_CASE("the decay factor is listed even when nothing else is", "[explain][reasons][decay]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: eng, category: engagement, points: 10, when: {field: x, exists: true}}",
      "decay: {field: seen, half_life_days: 10}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.reasons({{"seen", "2026-02-09"}}) == "decay×0.25");
}

TEST_CASE("append_reasons appends to what the buffer holds", "[explain][reasons]") {
  Scoring s(kRules);
  s.score({{"job_title", "vp"}});
  std::string out = "prefix,";
  append_reasons(s.rules(), s.verdict(), out);
  CHECK(out == "prefix,senior_title+15; industry+2");
}
