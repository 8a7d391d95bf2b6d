// Explanations: the verdict of one lead in words — every criterion with the
// value that decided it, every stage gate with what failed. Built on demand,
// so plain scoring pays nothing for it; explaining every lead of a file is
// cheap too: the fixed words are prepared once per rule set, and the buffers
// of an Explanation are handed on to the next one explained on its thread.
// Output that only writes explanations out skips the structure altogether
// (explain_deferred): their JSON is written straight from the lead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leadscore/scorer.h"

namespace leadscore {

struct CriterionExplanation {
  const Criterion* criterion = nullptr;
  bool matched = false;
  double points = 0;
  std::string field;   // the field that decided it ("" when none)
  std::string value;   // its trimmed value as seen
  bool missing = false;
  std::string reason;  // one line: the rule's reason and what was tested
};

struct GateExplanation {
  Stage stage = Stage::kMql;
  bool defined = false;
  bool passed = false;  // this stage's own gates
  std::vector<std::string> checks_failed;
  std::vector<std::string> checks_passed;
};

struct GroupExplanation {
  const Group* group = nullptr;
  double total = 0;    // members' points before the bound
  double counted = 0;  // after it
};

// The lead an explanation is of, as scored.
struct ExplainedLead {
  const Scorer* scorer = nullptr;
  std::span<const std::string_view> values;
  LeadScratch* scratch = nullptr;
  Verdict* verdict = nullptr;
};

struct Explanation {
  // Set by explain_deferred(), and then the only member set: the lead, to be
  // explained when written out (see append_explanation_json).
  std::optional<ExplainedLead> deferred;
  std::vector<CriterionExplanation> criteria;
  std::vector<GroupExplanation> groups;
  std::vector<std::string> disqualified;  // "competitor: email 'x@rival.example' has a domain in [...]"
  std::vector<GateExplanation> gates;     // MQL, SQL, SAO
  std::string decay;                      // "" or "last_activity_at '2026-06-01' is 153 days old: ×0.31"
  std::optional<double> clamped_from;     // the score before the clamp, when it changed

  Explanation() = default;
  Explanation(const Explanation&) = default;
  Explanation(Explanation&&) noexcept = default;
  Explanation& operator=(const Explanation&) = default;
  Explanation& operator=(Explanation&&) noexcept = default;
  // Gives its buffers (with their grown capacity) to the next explain() on this thread.
  ~Explanation();
};

// Explains a lead just scored with `scorer.score(values, scratch, verdict)`.
// Allocates nothing once the buffers of earlier explanations have grown.
Explanation explain(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
                    Verdict& verdict);

// An explanation for output writers, made of the lead alone: writing it (in
// JSON) explains the lead then, straight into the output, without building
// the structure above. `values`, `scratch` and `verdict` must stay as they are
// until it has been written.
Explanation explain_deferred(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
                             Verdict& verdict);

// One-line description of a condition for this lead ("budget '5000' is not >= 10000").
std::string describe_condition(const Scorer& scorer, const Condition& c, std::span<const std::string_view> values,
                               LeadScratch& scratch, Verdict& verdict);

// The compact CSV `reasons` text: "disqualified:ID; id+15; id-10; decay×0.71".
// Another separator writes the same items joined by it (JSON output joins
// them as the strings of an array).
void append_reasons(const RuleSet& rules, const Verdict& v, std::string& out, std::string_view separator = "; ");

}  // namespace leadscore
