// Helpers for the engine tests: load rules from an inline YAML string (the
// test fails with every diagnostic when they do not load), and score a lead
// given as {field, value} pairs, so that each case reads as data.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "leadscore/diagnostic.h"
#include "leadscore/explanation.h"
#include "leadscore/rules.h"
#include "leadscore/scorer.h"
#include "leadscore/values.h"
#include "leadscore/verdict.h"

namespace leadscore::testing {

inline constexpr const char* kRulesFile = "rules.yaml";

// Lines joined with "\n" (and a final one): line N of the file is element N-1,
// which keeps expected line numbers in the tests obvious.
inline std::string yaml_lines(std::initializer_list<std::string_view> lines) {
  std::string out;
  for (std::string_view l : lines) {
    out.append(l);
    out += '\n';
  }
  return out;
}

inline std::string describe(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags) out += format_diagnostic(d) + "\n";
  return out;
}

// Loads rules that must be valid; FAILs the test with the diagnostics otherwise.
inline std::unique_ptr<RuleSet> load_ok(std::string_view yaml) {
  Diagnostics diags;
  std::optional<RuleSet> rules = load_rules(yaml, kRulesFile, diags);
  if (!rules) FAIL("rules did not load:\n" << describe(diags) << "--- yaml:\n" << yaml);
  INFO(describe(diags));
  CHECK_FALSE(has_errors(diags));
  return std::make_unique<RuleSet>(std::move(*rules));
}

// Loads rules that must be invalid; returns the diagnostics.
inline Diagnostics load_errors(std::string_view yaml) {
  Diagnostics diags;
  std::optional<RuleSet> rules = load_rules(yaml, kRulesFile, diags);
  INFO("yaml:\n" << yaml);
  CHECK_FALSE(rules.has_value());
  CHECK(has_errors(diags));
  return diags;
}

// The only diagnostic of invalid rules (FAILs when there are several).
inline Diagnostic load_error(std::string_view yaml) {
  Diagnostics diags = load_errors(yaml);
  if (diags.size() != 1) FAIL("expected exactly one diagnostic, got:\n" << describe(diags));
  return diags[0];
}

struct FieldValue {
  std::string field;
  std::string value;
};
using Lead = std::vector<FieldValue>;

inline int32_t day_of(std::string_view iso) {
  std::optional<int32_t> d = parse_date(iso);
  REQUIRE(d.has_value());
  return *d;
}

// Rules plus a scorer for them; score() fills verdict for one lead.
class Scoring {
 public:
  explicit Scoring(std::string_view yaml, std::string_view as_of = "2026-03-01")
      : rules_(load_ok(yaml)), scorer_(*rules_, day_of(as_of)) {}

  const RuleSet& rules() const { return *rules_; }
  const Scorer& scorer() const { return scorer_; }

  const Verdict& score(const Lead& lead) {
    storage_.assign(rules_->fields.size(), std::string());
    for (const FieldValue& fv : lead) {
      int i = rules_->find_field(fv.field);
      if (i < 0) FAIL("the rules read no field named '" << fv.field << "'");
      storage_[static_cast<size_t>(i)] = fv.value;
    }
    values_.assign(storage_.begin(), storage_.end());
    scorer_.score(values_, scratch_, verdict_);
    return verdict_;
  }

  const Verdict& verdict() const { return verdict_; }

  Explanation explain(const Lead& lead) {
    score(lead);
    return leadscore::explain(scorer_, values_, scratch_, verdict_);
  }

  std::string reasons(const Lead& lead) {
    score(lead);
    std::string out;
    append_reasons(*rules_, verdict_, out);
    return out;
  }

  // Outcome of the criterion with this id in the last verdict.
  const CriterionOutcome& outcome(std::string_view id) const {
    int i = rules_->find_criterion(id);
    REQUIRE(i >= 0);
    return verdict_.criteria[static_cast<size_t>(i)];
  }

  int field(std::string_view name) const {
    int i = rules_->find_field(name);
    REQUIRE(i >= 0);
    return i;
  }

 private:
  std::unique_ptr<RuleSet> rules_;
  Scorer scorer_;
  LeadScratch scratch_;
  Verdict verdict_;
  std::vector<std::string> storage_;
  std::vector<std::string_view> values_;
};

// Rules with one fit criterion `c` (1 point) whose `when` is `condition`
// (a one-line flow mapping), plus `extra` top-level YAML.
inline std::string one_condition_rules(std::string_view condition, std::string_view extra = "") {
  std::string out = "criteria:\n  - id: c\n    category: fit\n    points: 1\n    when: ";
  out.append(condition);
  out += "\nstages:\n  MQL: {min_score: 1}\n";
  out.append(extra);
  return out;
}

// Whether `condition` holds for a lead, scored as of 2026-03-01.
inline bool holds(std::string_view condition, const Lead& lead, std::string_view extra = "") {
  Scoring s(one_condition_rules(condition, extra));
  return s.score(lead).criteria.at(0).matched;
}

}  // namespace leadscore::testing
