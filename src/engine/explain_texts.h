// The fixed words of every explanation, written once per rule set: field
// names, operators, literal lists, reasons and thresholds. Explaining a lead
// then only adds what varies (values, ages, points) between these pieces.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "leadscore/rules.h"

namespace leadscore::engine_internal {

// One condition. A leaf's description is `value_prefix`, the lead's value
// (quoted, shortened), then `held`, `failed` or `unreadable`; a missing
// value is `missing` alone. Combinators only have `children`.
struct ConditionTexts {
  std::string missing;       // "budget is missing"
  std::string value_prefix;  // "budget '"
  std::string held;          // "' is >= 10000"  (dates in days: ", within 30 days")
  std::string failed;        // "' is not >= 10000"
  std::string unreadable;    // "' is not a number"
  std::string reference;     // criterion: "criterion senior (" / unknown id: "criterion senior"
  std::string not_reference; // criterion: "not criterion senior ("
  std::vector<ConditionTexts> children;
};

ConditionTexts condition_texts(const RuleSet& rules, const Condition& c);

struct CriterionTexts {
  ConditionTexts when;
  std::string reason_prefix;   // "Senior title: " ("" without a reason)
  int field = -1;              // the field it is about: its points field, else its condition's first
  std::string points_missing;  // "downloads is missing,"
  std::string points_value;    // "downloads '"
  std::string per_unit;        // " × 5 per unit"
  std::string no_entry;        // " has no entry, default 2"
  std::string bounded_max;     // " (bounded by max 15)"
  std::string bounded_min;
  // The `reasons` column: the whole "id+15" when the points are the fixed ones.
  bool fixed = false;
  double fixed_points = 0;
  std::string fixed_reason;
};

struct DisqualifierTexts {
  std::string prefix;  // "competitor: Works for a rival: "
  std::string reason;  // "disqualified:competitor"
  ConditionTexts when;
};

// "score 25 < min_score 40": the head, the value, then one of the tails.
struct ThresholdTexts {
  std::string head;  // "score "
  std::string met;   // " >= min_score 40"
  std::string short_of;  // " < min_score 40"
};

struct GateTexts {
  std::string undefined;  // "stage SAO is not defined in the rules"
  ThresholdTexts score, fit, engagement;
  std::vector<ConditionTexts> requires_all;
};

struct DecayTexts {
  std::string missing;     // "last_activity is missing: no decay"
  std::string value_prefix;  // "last_activity '"
  std::string half_life;   // " days old, half-life 30 days: ×"
};

// The `reasons` column's pieces, compact, for the per-lead loop.
struct ReasonsTable {
  struct Fixed {
    double points = 0;  // the fixed points, rounded; 0: the criterion has no fixed reason
    uint32_t at = 0;    // its "id+15" in `text`
    uint32_t size = 0;
  };
  std::vector<Fixed> fixed;  // parallel to RuleSet::criteria
  std::string text;          // the fixed reasons back to back, then kSlack spare bytes
  // Reasons are at most this long, not counting separators, of which there
  // are fewer than `items`.
  size_t bound = 0;
  size_t items = 0;
  static constexpr size_t kSlack = 16;  // so that a reason may be copied 16 bytes at a time
};

struct ExplainTexts {
  explicit ExplainTexts(const RuleSet& rules);
  std::vector<CriterionTexts> criteria;
  ReasonsTable reasons;
  std::vector<DisqualifierTexts> disqualify;
  std::vector<GateTexts> gates;  // MQL, SQL, SAO
  DecayTexts decay;
};

// The table for a rule set, built once per thread (see rule_set_cache.h).
const ExplainTexts& explain_texts(const RuleSet& rules);

// Calls f(std::string&) on every text an explanation is made of (JSON output
// keeps a copy of the table with each of them escaped).
template <class F>
void for_each_text(ConditionTexts& t, F& f) {
  for (std::string* s : {&t.missing, &t.value_prefix, &t.held, &t.failed, &t.unreadable, &t.reference,
                         &t.not_reference}) {
    f(*s);
  }
  for (ConditionTexts& child : t.children) for_each_text(child, f);
}

template <class F>
void for_each_text(ExplainTexts& t, F& f) {
  for (CriterionTexts& c : t.criteria) {
    for_each_text(c.when, f);
    for (std::string* s : {&c.reason_prefix, &c.points_missing, &c.points_value, &c.per_unit, &c.no_entry,
                           &c.bounded_max, &c.bounded_min}) {
      f(*s);
    }
  }
  for (DisqualifierTexts& d : t.disqualify) {
    f(d.prefix);
    for_each_text(d.when, f);
  }
  for (GateTexts& g : t.gates) {
    f(g.undefined);
    for (ThresholdTexts* th : {&g.score, &g.fit, &g.engagement}) {
      f(th->head);
      f(th->met);
      f(th->short_of);
    }
    for (ConditionTexts& c : g.requires_all) for_each_text(c, f);
  }
  f(t.decay.missing);
  f(t.decay.value_prefix);
  f(t.decay.half_life);
}

}  // namespace leadscore::engine_internal
