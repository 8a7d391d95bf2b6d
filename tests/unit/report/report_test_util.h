// Helpers for the report tests: rules from an inline YAML string, and leads
// given as {field, value} pairs scored into a Verdict, so each case reads as
// data. The scored values stay valid until the next call.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "leadscore/rules.h"
#include "leadscore/scorer.h"
#include "leadscore/values.h"

namespace leadscore::report::testing {

inline std::unique_ptr<RuleSet> rules_from(const std::string& yaml) {
  Diagnostics diags;
  auto rules = load_rules(yaml, "rules.yaml", diags);
  std::string text;
  for (const Diagnostic& d : diags) text += format_diagnostic(d) + "\n";
  if (!rules) FAIL("rules did not load:\n" << text);
  return std::make_unique<RuleSet>(std::move(*rules));
}

class LeadScorer {
 public:
  LeadScorer(const RuleSet& rules, const char* as_of = "2026-11-01") : rules_(rules), scorer_(rules, *parse_date(as_of)) {}

  const Scorer& scorer() const { return scorer_; }

  const Verdict& score(const std::map<std::string, std::string>& lead) {
    storage_.assign(rules_.fields.size(), std::string());
    for (const auto& [field, value] : lead) {
      // Fields these rules do not read are skipped: a diff gives the same
      // lead to two rule sets that may read different fields.
      int i = rules_.find_field(field);
      if (i >= 0) storage_[static_cast<size_t>(i)] = value;
    }
    values_.assign(storage_.begin(), storage_.end());
    scorer_.score(values_, scratch_, verdict_);
    return verdict_;
  }
  const std::vector<std::string_view>& values() const { return values_; }

 private:
  const RuleSet& rules_;
  Scorer scorer_;
  std::vector<std::string> storage_;
  std::vector<std::string_view> values_;
  LeadScratch scratch_;
  Verdict verdict_;
};

// Rules with every kind of thing a report counts: two categories, an owner
// per stage, a disqualifier and a creation date.
inline const char* kFunnelRules = R"(
name: Report test rules
created_field: created_at
criteria:
  - {id: senior, category: fit, when: {field: title, matches: '\bvp\b'}, points: 30}
  - {id: free_email, category: fit, when: {field: email, email_domain_in: [gmail.com]}, points: -10}
  - {id: demo, category: engagement, when: {field: demo, is: true}, points: 40}
  - {id: visits, category: engagement, points_per: {field: visits, points: 1}, max: 20}
score: {min: 0, max: 100}
disqualify:
  - {id: competitor, when: {field: email, email_domain_in: [rival.example]}}
stages:
  MQL: {min_score: 30, owner: marketing}
  SQL: {requires: [{field: demo, is: true}], owner: sales}
  SAO: {requires: [{field: accepted, is: true}], owner: sales}
)";

}  // namespace leadscore::report::testing
