// The explanation's JSON object is written piece by piece; it must be byte for
// byte the object a JSON tree of the same explanation dumps.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../engine/engine_test_util.h"
#include "output/json_number.h"
#include "output/result_writer.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

// The explanation as a JSON tree: the layout the output has always had.
std::string tree_json(const RuleSet& rules, const Verdict& v, const Explanation& e, int32_t as_of_day) {
  using Json = nlohmann::ordered_json;
  Json x;
  CivilDate d = civil_from_days(as_of_day);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02u-%02u", d.year, d.month, d.day);
  x["as_of"] = date;
  auto& criteria = x["criteria"] = Json::array();
  for (const CriterionExplanation& c : e.criteria) {
    Json item;
    item["id"] = c.criterion->id;
    item["category"] = category_name(c.criterion->category);
    item["matched"] = c.matched;
    item["points"] = json_number(c.points);
    item["field"] = c.field.empty() ? Json() : Json(c.field);
    item["value"] = c.missing || c.field.empty() ? Json() : Json(c.value);
    item["reason"] = c.reason;
    criteria.push_back(std::move(item));
  }
  if (!e.groups.empty()) {
    auto& groups = x["groups"] = Json::array();
    for (const GroupExplanation& g : e.groups) {
      groups.push_back({{"group", g.group->name}, {"total", json_number(g.total)}, {"counted", json_number(g.counted)}});
    }
  }
  if (rules.decay) x["decay"] = {{"factor", json_number(round2(v.decay_factor))}, {"reason", e.decay}};
  if (e.clamped_from) x["clamped_from"] = json_number(*e.clamped_from);
  x["disqualified"] = e.disqualified;
  auto& gates = x["gates"] = Json::array();
  for (const GateExplanation& g : e.gates) {
    Json item;
    item["stage"] = stage_name(g.stage);
    item["passed"] = g.passed;
    item["failed"] = g.checks_failed;
    item["held"] = g.checks_passed;
    gates.push_back(std::move(item));
  }
  return x.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const std::string kOddRules = yaml_lines({
    "groups: {\"mails \\\"and\\\" clicks\": {max: 10}}",
    "criteria:",
    "  - id: quoted",
    "    category: fit",
    "    when: {field: title, in: ['a \"b\"', 'c\\d', 'Zürich', '日本']}",
    "    points: 15",
    "    reason: \"Says \\\"hi\\\" \\\\ with a\\ttab and ümlauts\"",
    "  - {id: clicks, category: engagement, group: \"mails \\\"and\\\" clicks\", points_per: {field: clicks, points: 2.5}}",
    "  - {id: opened, category: engagement, group: \"mails \\\"and\\\" clicks\", points: 3}",
    "  - {id: by_size, category: fit, points_by: {field: size, values: {small: 1, big: 7.25}, default: -2}}",
    "score: {min: 0, max: 20}",
    "decay: {field: seen, half_life_days: 30}",
    "disqualify:",
    "  - {id: rival, when: {field: email, ends_with: '\"rival\"'}, reason: \"A \\\"rival\\\"\"}",
    "stages:",
    "  MQL: {min_score: 10, min_fit: 0.5}",
    "  SQL: {requires: [{field: title, matches: '^\\w+\\\\'}, {not: {field: email, exists: true}}]}",
});

}  // namespace

TEST_CASE("explanation JSON is what a JSON tree of it dumps, odd characters included", "[explanation_json]") {
  Scoring s(kOddRules);
  const std::vector<Lead> leads = {
      {},
      {{"title", "a \"b\""}, {"clicks", "3"}, {"size", "big"}, {"seen", "2026-01-30"}},
      {{"title", "c\\d"}, {"clicks", "1.5"}, {"email", "x@\"rival\""}, {"seen", "soon"}},
      {{"title", "Zürich\ttab\nline"}, {"clicks", "100"}, {"size", "tiny\x01"}, {"seen", "2027-01-01"}},
      {{"title", "日本"}, {"email", "\xC3 bad utf-8 \xFF"}, {"clicks", "-40"}},
      {{"title", std::string(70, 'x') + "é"}, {"size", "small"}},
  };
  for (size_t i = 0; i < leads.size(); ++i) {
    Explanation e = s.explain(leads[i]);
    std::string out = "prefix:";
    append_explanation_json(s.rules(), s.verdict(), e, day_of("2026-03-01"), out);
    INFO("lead " << i);
    CHECK(out == "prefix:" + tree_json(s.rules(), s.verdict(), e, day_of("2026-03-01")));
  }
}

TEST_CASE("explanation JSON of a hand-made explanation", "[explanation_json]") {
  Scoring s(kOddRules);
  s.score({});
  Explanation e;
  CriterionExplanation c;
  c.criterion = &s.rules().criteria[0];
  c.field = "ti\"tle";
  c.value = "v\\";
  c.reason = "r\x02";
  e.criteria.push_back(c);
  GateExplanation g;
  g.checks_failed = {"f\"1", "f2"};
  e.gates.push_back(g);
  e.disqualified = {"d\n"};
  std::string out;
  append_explanation_json(s.rules(), s.verdict(), e, day_of("2030-12-31"), out);
  CHECK(out == tree_json(s.rules(), s.verdict(), e, day_of("2030-12-31")));
}
