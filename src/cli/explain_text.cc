#include "cli/explain_text.h"

#include <algorithm>

#include "leadscore/values.h"

namespace leadscore::cli {

namespace {

std::string num(double v) {
  char buf[32];
  return std::string(format_number(v, buf));
}

std::string signed_num(double v) { return (v > 0 ? "+" : "") + num(v); }

std::string pad_right(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

std::string render_explanation(const RuleSet& rules, std::string_view title, const Verdict& v, const Explanation& e) {
  std::string out = "Lead " + std::string(title) + "\n";
  out += "Stage: " + std::string(stage_name(v.stage)) + "    score " + num(v.score) + " = fit " + num(v.fit) +
         " + engagement " + num(v.engagement);
  if (e.clamped_from) out += " (clamped from " + num(*e.clamped_from) + ")";
  out += "\n";
  for (const std::string& d : e.disqualified) out += "Disqualified: " + d + "\n";

  size_t id_width = 4;
  for (const CriterionExplanation& c : e.criteria) id_width = std::max(id_width, c.criterion->id.size());
  out += "\nCriteria\n";
  for (const CriterionExplanation& c : e.criteria) {
    char mark = c.points > 0 ? '+' : c.points < 0 ? '-' : (c.matched ? '=' : ' ');
    out += "  ";
    out += mark;
    out += " " + pad_right(c.criterion->id, id_width) + "  " +
           pad_right(std::string(category_name(c.criterion->category)), 10) + " ";
    std::string pts = c.points == 0 ? "0" : signed_num(c.points);
    out += std::string(pts.size() < 6 ? 6 - pts.size() : 0, ' ') + pts + "  " + c.reason + "\n";
  }
  for (const GroupExplanation& g : e.groups) {
    if (g.total != g.counted) {
      out += "  group " + g.group->name + ": " + num(g.total) + " points, counted as " + num(g.counted) + "\n";
    }
  }
  if (!e.decay.empty()) out += "Decay: " + e.decay + "\n";

  out += "\nStage gates\n";
  for (const GateExplanation& g : e.gates) {
    const StageGate& gate = rules.gate(g.stage);
    out += "  " + pad_right(std::string(stage_name(g.stage)), 4);
    if (!g.defined) {
      out += "not defined in the rules\n";
      continue;
    }
    out += g.passed ? "passed" : "failed";
    if (!gate.owner.empty()) out += "  (owner: " + gate.owner + ")";
    out += "\n";
    for (const std::string& s : g.checks_failed) out += "        x " + s + "\n";
    for (const std::string& s : g.checks_passed) out += "        ok " + s + "\n";
  }

  // Why not higher: the first stage above the one reached.
  if (v.stage != Stage::kSao) {
    auto next = static_cast<Stage>(static_cast<int>(v.stage) + 1);
    out += "\nWhy not " + std::string(stage_name(next)) + ": ";
    if (v.disqualified()) {
      out += "the lead is disqualified (" + rules.disqualify[static_cast<size_t>(v.disqualified_by[0])].id + ")\n";
    } else {
      const GateExplanation& g = e.gates[static_cast<size_t>(next) - 1];
      if (!g.defined) out += "the rules do not define " + std::string(stage_name(next)) + "\n";
      else if (g.checks_failed.empty()) out += "its own gates hold, but a lower stage's do not\n";
      else {
        for (size_t i = 0; i < g.checks_failed.size(); ++i) out += (i ? "; " : "") + g.checks_failed[i];
        out += "\n";
      }
    }
  }
  return out;
}

}  // namespace leadscore::cli
