// Explanations reuse the buffers of earlier ones and the words prepared for
// their rule set: what one lead leaves behind must never show in the next.
#include <catch2/catch.hpp>

#include <string>

#include "engine_test_util.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

const std::string kRules = yaml_lines({
    "groups: {eng: {max: 12}}",
    "criteria:",
    "  - {id: senior, category: fit, when: {field: title, contains: vp}, points: 15, reason: Senior}",
    "  - {id: clicks, category: engagement, group: eng, when: {field: clicks, gte: 1}, points_per: {field: clicks, points: 5}, max: 15}",
    "  - {id: size, category: fit, points_by: {field: size, values: {big: 10}, default: 1}}",
    "decay: {field: seen, half_life_days: 30}",
    "disqualify:",
    "  - {id: rival, when: {field: email, ends_with: rival.example}, reason: Works for a rival}",
    "  - {id: student, when: {field: email, ends_with: .example}}",
    "stages:",
    "  MQL: {min_score: 20}",
    "  SQL: {requires: [{field: demo, is: true}, {field: budget, gte: 1000}]}",
});

// Everything an explanation says, as one text.
std::string all_of(const Explanation& e) {
  std::string out;
  for (const CriterionExplanation& c : e.criteria) {
    out += c.criterion->id + "|" + std::to_string(c.matched) + "|" + std::to_string(c.points) + "|" + c.field + "|" +
           c.value + "|" + std::to_string(c.missing) + "|" + c.reason + "\n";
  }
  for (const GroupExplanation& g : e.groups) out += g.group->name + std::to_string(g.total) + std::to_string(g.counted) + "\n";
  for (const std::string& d : e.disqualified) out += "dq " + d + "\n";
  for (const GateExplanation& g : e.gates) {
    out += std::string(stage_name(g.stage)) + std::to_string(g.defined) + std::to_string(g.passed) + "\n";
    for (const std::string& s : g.checks_failed) out += " x " + s + "\n";
    for (const std::string& s : g.checks_passed) out += " ok " + s + "\n";
  }
  out += "decay " + e.decay + "\n";
  if (e.clamped_from) out += "clamped " + std::to_string(*e.clamped_from) + "\n";
  return out;
}

const Lead kBusy = {{"title", "VP " + std::string(80, 'v')}, {"clicks", "9"}, {"size", "big"},
                    {"email", "spy@rival.example"}, {"seen", "2026-01-01"}, {"demo", "maybe"}, {"budget", "5"}};
const Lead kQuiet = {{"title", "intern"}};

}  // namespace

TEST_CASE("an explanation is the same whatever was explained before it", "[explain][reuse]") {
  std::string quiet_first, busy_first;
  {
    Scoring s(kRules);
    quiet_first = all_of(s.explain(kQuiet));
  }
  {
    Scoring s(kRules);
    busy_first = all_of(s.explain(kBusy));
  }
  Scoring s(kRules);
  for (int round = 0; round < 3; ++round) {
    CHECK(all_of(s.explain(kBusy)) == busy_first);
    CHECK(all_of(s.explain(kQuiet)) == quiet_first);
  }
  // Two alive at once: the second must not take the first one's buffers.
  Explanation busy = s.explain(kBusy);
  Explanation quiet = s.explain(kQuiet);
  CHECK(all_of(busy) == busy_first);
  CHECK(all_of(quiet) == quiet_first);
  CHECK(busy_first.find("dq rival: Works for a rival") != std::string::npos);
  CHECK(quiet_first.find("dq ") == std::string::npos);
}

TEST_CASE("explanations of two rule sets on one thread each use their own words", "[explain][reuse]") {
  Scoring a(kRules);
  Scoring b(yaml_lines({
      "criteria:",
      "  - {id: other, category: fit, when: {field: title, equals: boss}, points: 2, reason: Another reason}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  for (int round = 0; round < 2; ++round) {
    Explanation ea = a.explain({{"title", "VP"}});
    CHECK(ea.criteria[0].reason == "Senior: title 'VP' contains ['vp']");
    CHECK(a.reasons({{"title", "VP"}}) == "senior+15; size+1");
    Explanation eb = b.explain({{"title", "boss"}});
    REQUIRE(eb.criteria.size() == 1);
    CHECK(eb.criteria[0].reason == "Another reason: title 'boss' equals 'boss'");
    CHECK(b.reasons({{"title", "boss"}}) == "other+2");
  }
}

TEST_CASE("reasons show points that differ from the fixed ones", "[explain][reasons]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: capped, category: fit, points: 5, max: 3}",
      "  - {id: negative, category: fit, points: -2.5}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.reasons({}) == "capped+3; negative-2.5");
}
