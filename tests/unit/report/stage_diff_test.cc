// The diff's counters: the transition matrix, up and down, and the causes of
// each move (criteria matched by id across the two rule sets).
#include "report/stage_diff.h"

#include <catch2/catch.hpp>

#include "report_test_util.h"

using namespace leadscore;
using namespace leadscore::report;
using namespace leadscore::report::testing;

namespace {

const char* kOld = R"(
criteria:
  - {id: senior, category: fit, when: {field: title, matches: '\bvp\b'}, points: 30}
  - {id: demo, category: engagement, when: {field: demo, is: true}, points: 40}
disqualify:
  - {id: competitor, when: {field: email, email_domain_in: [rival.example]}}
stages:
  MQL: {min_score: 30}
  SQL: {requires: [{field: demo, is: true}]}
)";

// senior is worth 20, a new criterion `pricing`, MQL needs 35.
const char* kNew = R"(
criteria:
  - {id: pricing, category: engagement, when: {field: pricing, gte: 1}, points: 10}
  - {id: senior, category: fit, when: {field: title, matches: '\bvp\b'}, points: 20}
  - {id: demo, category: engagement, when: {field: demo, is: true}, points: 40}
disqualify:
  - {id: competitor, when: {field: email, email_domain_in: [rival.example, rival.test]}}
stages:
  MQL: {min_score: 35}
  SQL: {requires: [{field: demo, is: true}]}
)";

struct Fixture {
  std::unique_ptr<RuleSet> old_rules = rules_from(kOld);
  std::unique_ptr<RuleSet> new_rules = rules_from(kNew);
  LeadScorer old_scoring{*old_rules};
  LeadScorer new_scoring{*new_rules};
  StageDiff diff{*old_rules, *new_rules};

  bool add(const std::map<std::string, std::string>& lead) {
    Verdict o = old_scoring.score(lead);
    return diff.add(o, new_scoring.score(lead));
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "diff: matrix rows are old stages, columns new ones", "[diff]") {
  CHECK(add({{"title", "VP"}}));                             // 30 -> 20: MQL -> Lead
  CHECK_FALSE(add({{"title", "VP"}, {"demo", "yes"}}));      // 70 -> 60: SQL both
  CHECK_FALSE(add({{"demo", "yes"}}));                       // 40: SQL both
  CHECK(add({{"email", "a@rival.test"}, {"demo", "1"}}));    // SQL -> Lead (disqualified)
  CHECK_FALSE(add({{"title", "nobody"}, {"pricing", "1"}})); // 0 -> 10: Lead both
  const auto& m = diff.matrix();
  CHECK(m[1][0] == 1);
  CHECK(m[2][2] == 2);
  CHECK(m[2][0] == 1);
  CHECK(m[0][0] == 1);
  CHECK(diff.leads() == 5);
  CHECK(diff.moved_down() == 2);
  CHECK(diff.moved_up() == 0);
  CHECK(diff.unchanged() == 3);
  CHECK(diff.score_changed() == 3);
}

TEST_CASE_METHOD(Fixture, "diff: causes count moved leads per changed criterion, most first", "[diff]") {
  add({{"title", "VP"}});                               // senior 30 -> 20
  add({{"title", "VP"}, {"email", "x@rival.test"}});    // senior and competitor
  add({{"email", "a@rival.test"}, {"demo", "1"}});      // competitor only
  std::vector<StageDiff::Cause> causes = diff.causes();
  REQUIRE(causes.size() == 2);
  CHECK(causes[0].label == "senior");
  CHECK(causes[0].leads == 2);
  CHECK(causes[1].label == "disqualify:competitor");
  CHECK(causes[1].leads == 2);
  CHECK(diff.gates_only() == 0);
}

TEST_CASE_METHOD(Fixture, "diff: a move with no changed points is put down to the stage gates", "[diff]") {
  auto rules = rules_from(std::string(kOld).replace(std::string(kOld).find("min_score: 30"), 13, "min_score: 31"));
  LeadScorer stricter(*rules);
  StageDiff gates(*old_rules, *rules);
  Verdict o = old_scoring.score({{"title", "VP"}});
  CHECK(gates.add(o, stricter.score({{"title", "VP"}})));
  CHECK(gates.gates_only() == 1);
  CHECK(gates.causes().empty());
}

TEST_CASE_METHOD(Fixture, "diff: a criterion only in the new rules counts from 0", "[diff]") {
  auto with_pricing = rules_from(std::string(kNew).replace(std::string(kNew).find("min_score: 35"), 13, "min_score: 10"));
  LeadScorer scoring(*with_pricing);
  StageDiff d(*old_rules, *with_pricing);
  Verdict o = old_scoring.score({{"pricing", "1"}});
  CHECK(d.add(o, scoring.score({{"pricing", "1"}})));  // 0 -> 10: Lead -> MQL
  CHECK(d.moved_up() == 1);
  REQUIRE(d.causes().size() == 1);
  CHECK(d.causes()[0].label == "pricing");
}
