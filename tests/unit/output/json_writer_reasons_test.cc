// JSON output writes a lead's reasons as an array of strings straight from
// the verdict; it must hold exactly the items of the CSV `reasons` text,
// escaped when the rules' ids need it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../engine/engine_test_util.h"
#include "output/result_writer.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

const std::string kRules = yaml_lines({
    "criteria:",
    "  - {id: senior, category: fit, when: {field: title, contains: vp}, points: 15}",
    "  - {id: capped, category: fit, when: {field: size, gte: 10}, points: 30, max: 20}",
    "  - {id: clicks, category: engagement, when: {field: clicks, gte: 1}, points_per: {field: clicks, points: 2.5}}",
    "  - {id: free, category: fit, when: {field: email, email_domain_in: [gmail.com]}, points: -10}",
    "  - {id: tiny, category: fit, when: {field: size, lt: 2}, points: 0.001}",
    "decay: {field: seen, half_life_days: 30}",
    "disqualify:",
    "  - {id: rival, when: {field: email, ends_with: rival.example}}",
    "  - {id: nobody, when: {not: {field: title, exists: true}}}",
});

const std::vector<Lead> kLeads = {
    {},
    {{"title", "vp"}},
    {{"title", "cto"}},
    {{"title", "vp"}, {"size", "50"}, {"clicks", "3"}, {"seen", "2026-03-01"}},
    {{"title", "vp"}, {"size", "1"}, {"email", "a@gmail.com"}, {"seen", "2026-01-01"}},
    {{"title", "cto"}, {"email", "b@rival.example"}, {"clicks", "1"}, {"seen", "2026-02-28"}},
    {{"title", "vp"}, {"size", "12"}, {"email", "c@x.com"}, {"seen", "2026-02-27"}},
};

// The reasons array of one lead written through a JSON lines writer, the
// record being a compact line (the path that copies it and appends results).
nlohmann::json written_reasons(const RuleSet& rules, const Verdict& v) {
  static const std::vector<std::string> names = {"id"};
  InputRecord rec;
  rec.names = &names;
  rec.names_serial = 0;
  rec.values = {"1"};
  rec.raw = "{\"id\":\"1\"}";
  rec.compact = rec.raw;
  WriterOptions options;
  options.format = OutputFormat::kJsonLines;
  auto writer = make_writer(rules, options);
  std::string out;
  writer->begin(names, out);
  writer->write(ScoredLead{&rec, &v, nullptr, "1"}, out);
  REQUIRE(!out.empty());
  REQUIRE(out.back() == '\n');
  return nlohmann::json::parse(out)["reasons"];
}

// The items of the CSV text, split at "; ".
nlohmann::json text_items(const RuleSet& rules, const Verdict& v) {
  std::string text;
  append_reasons(rules, v, text);
  nlohmann::json items = nlohmann::json::array();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("; ", start);
    if (end == std::string::npos) end = text.size();
    items.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return items;
}

}  // namespace

TEST_CASE("JSON reasons hold the items of the CSV reasons text", "[json_writer]") {
  Scoring s(kRules);
  bool saw_empty = false, saw_many = false;
  for (const Lead& lead : kLeads) {
    const Verdict& v = s.score(lead);
    const nlohmann::json got = written_reasons(s.rules(), v);
    INFO(got.dump());
    CHECK(got == text_items(s.rules(), v));
    saw_empty = saw_empty || got.empty();
    saw_many = saw_many || got.size() >= 3;
  }
  CHECK(saw_empty);
  CHECK(saw_many);
}

TEST_CASE("JSON reasons escape ids of rules made in code", "[json_writer]") {
  Scoring s(kRules);
  // The loader allows plain ids only; a rule set assembled in code may hold any.
  auto& rules = const_cast<RuleSet&>(s.rules());
  rules.criteria[0].id = "say \"vp\" \\ now";
  rules.serial = 0;  // tables derived from the rules are rebuilt, not reused
  const Verdict& v = s.score({{"title", "vp"}, {"email", "b@rival.example"}});
  const nlohmann::json got = written_reasons(s.rules(), v);
  CHECK(got == text_items(s.rules(), v));
  CHECK(got == nlohmann::json::array({"disqualified:rival", "say \"vp\" \\ now+15"}));
}
