// The three pictures of the HTML summary, each an inline <svg> element with
// its own size and text, drawn from the counters alone: the funnel, the
// fit x engagement heat map and the score histogram.
#pragma once

#include <string>

#include "report/funnel_summary.h"

namespace leadscore::report {

std::string funnel_svg(const FunnelSummary& s);
std::string heat_map_svg(const FunnelSummary& s);
std::string histogram_svg(const FunnelSummary& s);

}  // namespace leadscore::report
