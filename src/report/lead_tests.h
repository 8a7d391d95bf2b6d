// Rule tests: example leads with the verdict sales and marketing agreed each
// must get, kept in a YAML file beside the rules and run by `leadscore test`
// the way engineers run unit tests. Loading is as strict as the rules loader:
// every unknown key, wrong type or unknown field or criterion is an error
// with its line and column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/diagnostic.h"
#include "leadscore/verdict.h"

namespace leadscore::report {

struct LeadTestCase {
  std::string name;
  SourceLocation where;              // of the case's `name`
  std::vector<std::string> values;   // per rules field, "" when the lead does not give it
  Stage stage = Stage::kLead;
  std::optional<double> score;       // exact (compared after rounding to 2 decimals)
  std::optional<double> score_min;   // inclusive bounds
  std::optional<double> score_max;
  std::vector<int> fired;            // criteria (indices) that must give non-zero points
  std::vector<int> not_fired;        // criteria that must give none
  std::optional<bool> disqualified;
  int disqualified_by = -1;          // `disqualified: ID`: this disqualifier must hold
};

struct LeadTestSuite {
  std::string file;
  std::optional<int32_t> as_of;  // the file's `as_of`
  std::vector<LeadTestCase> cases;
};

// Loads a test file for `rules`: lead fields are matched to the rules' fields
// (by name or `from` alias, exactly or ignoring case), criterion ids checked.
// Appends every problem to `diags`; nullopt when any is an error.
std::optional<LeadTestSuite> load_lead_tests(std::string_view yaml_text, const std::string& file,
                                             const RuleSet& rules, Diagnostics& diags);
std::optional<LeadTestSuite> load_lead_tests_file(const std::string& path, const RuleSet& rules, Diagnostics& diags);

// What a verdict gets wrong against a case, one phrase per expectation that
// fails ("stage is MQL, expected SQL"); empty when the case passes.
std::vector<std::string> check_lead_test(const LeadTestCase& c, const RuleSet& rules, const Verdict& v);

}  // namespace leadscore::report
