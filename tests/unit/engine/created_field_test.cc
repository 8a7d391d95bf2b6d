// The rules' optional `created_field`: the lead's creation date, read only by
// reports (summary's lead velocity).
#include <catch2/catch.hpp>

#include "leadscore/rules.h"

using namespace leadscore;

namespace {

const char* kBase = "criteria: [{id: a, category: fit, points: 10}]\nstages: {MQL: {min_score: 5}}\n";

std::vector<std::string> load_messages(const std::string& yaml, std::optional<RuleSet>& rules) {
  Diagnostics diags;
  rules = load_rules(yaml, "rules.yaml", diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags) out.push_back(format_diagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("rules: created_field names a field, declared or not", "[rules][created_field]") {
  std::optional<RuleSet> rules;
  CHECK(load_messages(std::string("created_field: created_at\n") + kBase, rules).empty());
  REQUIRE(rules);
  REQUIRE(rules->created_field >= 0);
  CHECK(rules->fields[static_cast<size_t>(rules->created_field)].name == "created_at");

  std::string declared = std::string("created_field: signup\nfields: {signup: {type: date, from: [Create Date]}}\n") + kBase;
  CHECK(load_messages(declared, rules).empty());
  REQUIRE(rules);
  CHECK(rules->created_field == rules->find_field("signup"));
  CHECK(rules->fields[static_cast<size_t>(rules->created_field)].from == std::vector<std::string>{"Create Date"});
}

TEST_CASE("rules: without created_field there is none", "[rules][created_field]") {
  std::optional<RuleSet> rules;
  CHECK(load_messages(kBase, rules).empty());
  REQUIRE(rules);
  CHECK(rules->created_field == -1);
}

TEST_CASE("rules: created_field must be a date field and a name", "[rules][created_field]") {
  std::optional<RuleSet> rules;
  CHECK(load_messages(std::string("created_field: size\nfields: {size: {type: number}}\n") + kBase, rules) ==
        std::vector<std::string>{
            "rules.yaml:1:16: error: created_field 'size' has type number, expected a date field"});
  CHECK_FALSE(rules);
  CHECK(load_messages(std::string("created_field: [a, b]\n") + kBase, rules) ==
        std::vector<std::string>{"rules.yaml:1:16: error: created_field is a list, expected text"});
  CHECK(load_messages(std::string("created_feld: x\n") + kBase, rules) ==
        std::vector<std::string>{
            "rules.yaml:1:1: error: unknown key 'created_feld' in the rules file, did you mean 'created_field'?"});
}
