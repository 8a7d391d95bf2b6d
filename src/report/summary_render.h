// Renderers of a FunnelSummary: aligned text for a terminal, JSON for
// scripts, and a self-contained HTML page (inline SVG and CSS; no scripts,
// no network) that a person can open or mail. All return the whole document.
#pragma once

#include <string>
#include <vector>

#include "report/funnel_summary.h"

namespace leadscore::report {

// What the report is about, shown in its heading.
struct SummaryContext {
  std::string rules_file;
  std::vector<std::string> inputs;  // display names ("<stdin>" for standard input)
  std::string as_of;                // YYYY-MM-DD
};

std::string summary_text(const FunnelSummary& s, const SummaryContext& ctx);
std::string summary_json(const FunnelSummary& s, const SummaryContext& ctx);
std::string summary_html(const FunnelSummary& s, const SummaryContext& ctx);

// The stages a report lists: Lead, then each stage the rules define.
std::vector<Stage> defined_stages(const RuleSet& rules);
// "MQL, SQL"
std::string stage_list(const std::vector<Stage>& stages);

}  // namespace leadscore::report
