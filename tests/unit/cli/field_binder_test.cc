// FieldBinder: each rule field's value found in a record by column (name,
// alias, case-insensitive), absent fields empty, dotted names reaching into a
// nested JSON object, and records with fewer values than the header.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/field_binder.h"
#include "leadscore/rules.h"

namespace leadscore::cli {
namespace {

RuleSet rules_from(const std::string& yaml) {
  Diagnostics diags;
  auto rules = load_rules(yaml, "rules.yaml", diags);
  REQUIRE(rules);
  return std::move(*rules);
}

const char* const kRules = R"(version: 1
fields:
  title: {from: ["Job Title"]}
  size: {type: number}
  company.industry: {}
criteria:
  - {id: senior, category: fit, points: 10, when: {field: title, contains: vp}}
  - {id: big, category: fit, points: 5, when: {field: size, gte: 100}}
  - {id: saas, category: fit, points: 5, when: {field: company.industry, equals: saas}}
)";

std::string field(const RuleSet& rules, const std::vector<std::string_view>& values, const char* name) {
  const int f = rules.find_field(name);
  REQUIRE(f >= 0);
  return std::string(values[static_cast<size_t>(f)]);
}

TEST_CASE("field binder: columns by alias, absent fields empty, short rows", "[cli][binder]") {
  const RuleSet rules = rules_from(kRules);
  FieldBinder binder(rules);
  const std::vector<std::string> header{"lead_id", " job title ", "size"};
  InputRecord rec;
  rec.names = &header;
  rec.names_fixed = true;
  rec.values = {"L1", "VP Sales", "250"};
  std::vector<std::string_view> values;
  binder.bind(rec, values);
  CHECK(field(rules, values, "title") == "VP Sales");
  CHECK(field(rules, values, "size") == "250");
  CHECK(field(rules, values, "company.industry").empty());
  CHECK(binder.id() == "L1");
  // A row shorter than the header (kept by a lenient reader): the missing
  // columns bind as empty, the others as always.
  rec.values = {"L2", "Intern"};
  binder.bind(rec, values);
  CHECK(field(rules, values, "title") == "Intern");
  CHECK(field(rules, values, "size").empty());
  CHECK(binder.id() == "L2");
}

TEST_CASE("field binder: a dotted name reaches into a nested JSON object", "[cli][binder]") {
  const RuleSet rules = rules_from(kRules);
  FieldBinder binder(rules);
  const nlohmann::ordered_json object =
      nlohmann::ordered_json::parse(R"({"id":"L3","size":12,"company":{"industry":"SaaS"}})");
  const std::vector<std::string> names{"id", "size", "company"};
  InputRecord rec;
  rec.names = &names;
  rec.object = &object;
  rec.values = {"L3", "12", R"({"industry":"SaaS"})"};
  std::vector<std::string_view> values;
  binder.bind(rec, values);
  CHECK(field(rules, values, "company.industry") == "SaaS");
  CHECK(field(rules, values, "size") == "12");
  CHECK(field(rules, values, "title").empty());
  CHECK(binder.never_seen() == std::vector<int>{rules.find_field("title")});
}

}  // namespace
}  // namespace leadscore::cli
