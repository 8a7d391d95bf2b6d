// Evaluation state for one lead: the raw values, the caches of parsed values
// (each field is trimmed and parsed at most once per lead, whatever the number
// of criteria reading it), and the condition evaluator.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "leadscore/scorer.h"

namespace leadscore::engine_internal {

class LeadContext {
 public:
  LeadContext(const RuleSet& rules, int32_t as_of_day, std::span<const std::string_view> values,
              LeadScratch& scratch, Verdict& verdict)
      : rules_(rules), as_of_(as_of_day), values_(values), scratch_(scratch), verdict_(verdict) {}

  // Clears the caches for a new lead (no allocation once sized).
  void reset();

  bool missing(int field);
  std::string_view text(int field);  // trimmed
  // Parsed values; nullopt when missing or unreadable. `report` records an
  // unreadable value as a BadValue in the verdict (once per field and kind).
  std::optional<double> number(int field, bool report);
  std::optional<bool> boolean(int field, bool report);
  std::optional<int32_t> day(int field, bool report);

  bool eval(const Condition& c);
  bool criterion_holds(int criterion);
  bool literal_equals(const Literal& lit, int field, bool case_sensitive);

  int32_t as_of() const { return as_of_; }
  const RuleSet& rules() const { return rules_; }

 private:
  bool eval_leaf(const Condition& c);
  void report(int field, ValueProblem p, uint8_t flag);

  const RuleSet& rules_;
  int32_t as_of_;
  std::span<const std::string_view> values_;
  LeadScratch& scratch_;
  Verdict& verdict_;
};

// Case-insensitive (ASCII) substring tests against an already lower-cased needle.
bool icontains(std::string_view hay, std::string_view folded_needle);
bool istarts_with(std::string_view s, std::string_view folded_prefix);
bool iends_with(std::string_view s, std::string_view folded_suffix);
// The part after the last '@' is `domain` or a subdomain of it.
bool email_domain_matches(std::string_view email, std::string_view folded_domain);

}  // namespace leadscore::engine_internal
