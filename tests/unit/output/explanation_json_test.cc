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

// A lead scored and kept as it is, for explanations made both ways.
class KeptLead {
 public:
  KeptLead(const RuleSet& rules, const Lead& lead, int32_t as_of_day) : scorer_(rules, as_of_day) {
    storage_.assign(rules.fields.size(), std::string());
    for (const FieldValue& fv : lead) storage_[static_cast<size_t>(rules.find_field(fv.field))] = fv.value;
    values_.assign(storage_.begin(), storage_.end());
    scorer_.score(values_, scratch_, verdict_);
  }

  // The JSON of explain()'s structure, and that of an explanation deferred to the writing.
  std::string structured_json() {
    Explanation e = explain(scorer_, values_, scratch_, verdict_);
    std::string out = "prefix:";
    append_explanation_json(scorer_.rules(), verdict_, e, scorer_.as_of_day(), out);
    return out;
  }
  std::string deferred_json() {
    Explanation e = explain_deferred(scorer_, values_, scratch_, verdict_);
    CHECK(e.criteria.empty());
    std::string out = "prefix:";
    append_explanation_json(scorer_.rules(), verdict_, e, scorer_.as_of_day(), out);
    return out;
  }

 private:
  Scorer scorer_;
  LeadScratch scratch_;
  Verdict verdict_;
  std::vector<std::string> storage_;
  std::vector<std::string_view> values_;
};

const std::string kManyRules = yaml_lines({
    "groups: {eng: {max: 12}}",
    "missing_values: [n/a]",
    "criteria:",
    "  - {id: senior, category: fit, when: {field: title, matches: '\\b(vp|head)\\b'}, points: 15, reason: Senior \"title\"}",
    "  - {id: capped, category: fit, when: {field: size, between: [10, 500]}, points: 30, max: 20, reason: Sized}",
    "  - {id: floor, category: fit, when: {field: size, gt: 1000}, points: -30, min: -5}",
    "  - {id: demo, category: engagement, when: {field: demo, is: true}, points: 10, reason: Demo}",
    "  - {id: recent, category: engagement, when: {field: seen, within_days: 30}, points: 5, reason: Recent}",
    "  - {id: stale, category: engagement, when: {field: seen, older_than_days: 90}, points: -5}",
    "  - {id: since, category: engagement, when: {field: seen, gte: 2026-01-01}, points: 1}",
    "  - {id: clicks, category: engagement, group: eng, when: {field: clicks, gte: 1}, points_per: {field: clicks, points: 5}, max: 15}",
    "  - {id: opens, category: engagement, group: eng, points_per: {field: opens, points: 0.5}}",
    "  - {id: by_size, category: fit, points_by: {field: tier, values: {small: 1, big: 7.25}, default: -2}}",
    "  - {id: both, category: fit, when: {all: [{field: title, contains: vp}, {field: country, in: [US, DE]}]}, points: 3}",
    "  - {id: either, category: fit, when: {any: [{field: country, equals: FR}, {not: {field: email, exists: true}}]}, points: 2}",
    "  - {id: ref, category: fit, when: {criterion: senior}, points: 1}",
    "  - {id: free, category: fit, when: {field: email, email_domain_in: [gmail.com]}, points: -10, reason: Free mail}",
    "score: {min: -10, max: 40}",
    "decay: {field: seen, half_life_days: 30}",
    "disqualify:",
    "  - {id: rival, when: {field: email, ends_with: rival.example}, reason: Works for a rival}",
    "  - {id: nobody, when: {not: {field: title, exists: true}}}",
    "stages:",
    "  MQL: {min_score: 10, min_fit: 1, min_engagement: 0}",
    "  SQL: {requires: [{any: [{field: demo, is: true}, {field: title, starts_with: head}]}, {field: size, gte: 100}]}",
});

const std::vector<Lead> kManyLeads = {
    {},
    {{"title", "VP Sales"}, {"size", "200"}, {"demo", "yes"}, {"seen", "2026-02-20"}, {"clicks", "9"}, {"opens", "3"},
     {"tier", "big"}, {"country", "US"}, {"email", "vp@gmail.com"}},
    {{"title", "Head of \"Growth\""}, {"size", "5000"}, {"demo", "maybe"}, {"seen", "yesterday"}, {"clicks", "x"},
     {"tier", "huge"}, {"country", "FR"}, {"email", "spy@rival.example"}},
    {{"title", "intern"}, {"size", "n/a"}, {"demo", "no"}, {"seen", "2027-01-01"}, {"clicks", "0"}, {"opens", "-100"},
     {"tier", "small"}, {"country", "DE"}},
    {{"title", " " + std::string(70, 'v') + "\xC3\xA9 "}, {"size", "12"}, {"seen", "2025-01-01"}, {"email", "\xC3 bad \xFF"},
     {"country", "Z\xC3\xBCrich\t\n"}, {"tier", "\x01"}},
    {{"title", "vp"}, {"size", "1001"}, {"demo", "1"}, {"seen", "2026-03-01"}, {"clicks", "2.5"}, {"opens", "7"}},
};

}  // namespace

TEST_CASE("a deferred explanation is written as explain()'s structure is", "[explanation_json][deferred]") {
  for (const std::string& yaml : {kManyRules, kOddRules}) {
    std::unique_ptr<RuleSet> rules = load_ok(yaml);
    for (size_t i = 0; i < kManyLeads.size(); ++i) {
      Lead lead;
      for (const FieldValue& fv : kManyLeads[i]) {
        if (rules->find_field(fv.field) >= 0) lead.push_back(fv);
      }
      KeptLead kept(*rules, lead, day_of("2026-03-01"));
      INFO("lead " << i << " of rules:\n" << yaml);
      CHECK(kept.deferred_json() == kept.structured_json());
    }
  }
}

TEST_CASE("a deferred explanation is exact when the rules' words are not valid UTF-8", "[explanation_json][deferred]") {
  // The literal is shortened to 60 bytes in the words, cutting the 'é' in two.
  std::unique_ptr<RuleSet> rules = load_ok(yaml_lines({
      "criteria:",
      "  - {id: long, category: fit, when: {field: title, in: ['" + std::string(59, 'x') + "\u00e9', b]}, points: 1}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  for (const Lead& lead : std::vector<Lead>{{}, {{"title", "b"}}, {{"title", "\x80\xA9"}}, {{"title", "\xC3"}}}) {
    KeptLead kept(*rules, lead, day_of("2026-03-01"));
    CHECK(kept.deferred_json() == kept.structured_json());
  }
  // The cut 'é' is replaced as it would be in the whole text.
  KeptLead kept(*rules, {{"title", "b"}}, day_of("2026-03-01"));
  CHECK(kept.deferred_json().find("x\xEF\xBF\xBD...', 'b']") != std::string::npos);
}

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
