// The text form of one lead's explanation, as `leadscore explain` prints it
// and `leadscore test` shows under a failing case: the stage and score, every
// criterion with its points and reason, every stage gate, and why the lead
// did not reach the next stage.
#pragma once

#include <string>
#include <string_view>

#include "leadscore/explanation.h"

namespace leadscore::cli {

// `title` follows "Lead " on the first line: the lead's name and where it
// comes from, e.g. "L-10042  (contacts.csv:43, as of 2026-11-01)".
std::string render_explanation(const RuleSet& rules, std::string_view title, const Verdict& v, const Explanation& e);

}  // namespace leadscore::cli
