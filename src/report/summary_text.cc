// The summary as aligned text for a terminal. Every table is built with
// TextTable so columns line up whatever the counts; zero cells of the heat
// map are shown as "." so the populated ones stand out.
#include <algorithm>
#include <cmath>

#include "report/report_format.h"
#include "report/summary_render.h"
#include "report/text_table.h"

namespace leadscore::report {

namespace {

using Align = TextTable::Align;
constexpr size_t kBarWidth = 40;

std::string heading(const FunnelSummary& s, const SummaryContext& ctx) {
  std::string out = (s.rules.name.empty() ? std::string("Rules") : s.rules.name) + " (" + ctx.rules_file + "), as of " +
                    ctx.as_of + "\n";
  out += leads_count(s.leads) + " from ";
  for (size_t i = 0; i < ctx.inputs.size(); ++i) out += (i ? ", " : "") + ctx.inputs[i];
  if (s.leads > 0) {
    double n = static_cast<double>(s.leads);
    out += "; mean score " + fmt_number(s.score_sum / n) + " (fit " + fmt_number(s.fit_sum / n) + ", engagement " +
           fmt_number(s.engagement_sum / n) + ")";
  }
  return out + "\n";
}

std::string funnel(const FunnelSummary& s) {
  TextTable t({Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  t.add({"stage", "leads", "reached", "share", "step"});
  uint64_t previous = 0;
  for (Stage st : defined_stages(s.rules)) {
    uint64_t reached = s.reached(st);
    t.add({std::string(stage_name(st)), std::to_string(s.at_stage[static_cast<size_t>(st)]), std::to_string(reached),
           fmt_percent(reached, s.leads), st == Stage::kLead ? "" : fmt_percent(reached, previous)});
    previous = reached;
  }
  return "\nFunnel (reached: at this stage or above; step: reached / reached at the stage below)\n" + t.render();
}

std::string owners(const FunnelSummary& s) {
  TextTable t({Align::kLeft, Align::kLeft, Align::kRight, Align::kRight});
  t.add({"owner", "stages", "leads", "share"});
  for (const OwnerRow& r : owner_rows(s)) {
    t.add({r.owner.empty() ? "(none)" : r.owner, stage_list(r.stages), std::to_string(r.leads),
           fmt_percent(r.leads, s.leads)});
  }
  return "\nBy owner (leads now at the stages each owner has)\n" + t.render();
}

std::string disqualified(const FunnelSummary& s) {
  std::string out = "\nDisqualified: " + leads_count(s.disqualified) + " (" +
                    fmt_percent(s.disqualified, s.leads) + ")\n";
  TextTable t({Align::kLeft, Align::kRight, Align::kRight});
  for (size_t i = 0; i < s.disqualified_by.size(); ++i) {
    t.add({s.rules.disqualify[i].id, std::to_string(s.disqualified_by[i]), fmt_percent(s.disqualified_by[i], s.leads)});
  }
  return out + t.render();
}

std::string heat_map(const FunnelSummary& s) {
  std::vector<Align> aligns(kHeatBands + 1, Align::kRight);
  aligns[0] = Align::kLeft;
  TextTable t(aligns);
  std::vector<std::string> head{"fit \\ engagement"};
  for (int e = 0; e < kHeatBands; ++e) head.push_back(s.engagement_bands.label(e));
  t.add(head);
  for (int f = kHeatBands - 1; f >= 0; --f) {
    std::vector<std::string> row{s.fit_bands.label(f)};
    for (int e = 0; e < kHeatBands; ++e) {
      uint64_t n = s.heat[static_cast<size_t>(f)][static_cast<size_t>(e)];
      row.push_back(n ? std::to_string(n) : ".");
    }
    t.add(row);
  }
  return "\nFit x engagement (leads per band; a band runs from its lower bound up to the next)\n" + t.render();
}

std::string histogram(const FunnelSummary& s) {
  const Histogram& h = s.histogram;
  uint64_t most = std::max(h.below, h.above);
  for (uint64_t b : h.bins) most = std::max(most, b);
  auto bar = [&](uint64_t n) {
    if (n == 0 || most == 0) return std::string();
    auto w = static_cast<size_t>(std::lround(static_cast<double>(n) * kBarWidth / static_cast<double>(most)));
    return std::string(std::max<size_t>(w, 1), '#');
  };
  TextTable t({Align::kLeft, Align::kRight, Align::kRight, Align::kLeft});
  if (h.open_below) t.add({"<" + fmt_number(h.low), std::to_string(h.below), fmt_percent(h.below, s.leads), bar(h.below)});
  for (size_t i = 0; i < h.bins.size(); ++i) {
    t.add({h.bin_label(i), std::to_string(h.bins[i]), fmt_percent(h.bins[i], s.leads), bar(h.bins[i])});
  }
  if (h.open_above) t.add({">" + fmt_number(h.high), std::to_string(h.above), fmt_percent(h.above, s.leads), bar(h.above)});
  return "\nScore histogram (a bin runs from its lower bound up to the next; the last one includes " +
         fmt_number(h.high) + ")\n" + t.render();
}

std::string criteria(const FunnelSummary& s) {
  TextTable t({Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  t.add({"criterion", "category", "matched", "fired", "fired %", "points"});
  for (size_t i = 0; i < s.criteria.size(); ++i) {
    const CriterionTally& c = s.criteria[i];
    t.add({s.rules.criteria[i].id, std::string(category_name(s.rules.criteria[i].category)), std::to_string(c.matched),
           std::to_string(c.fired), fmt_percent(c.fired, s.leads), fmt_number(c.points)});
  }
  return "\nCriteria (matched: its condition held; fired: it gave points; points: their sum before group bounds and "
         "decay)\n" + t.render();
}

std::string velocity(const FunnelSummary& s) {
  const std::string& field = s.rules.fields[static_cast<size_t>(s.rules.created_field)].name;
  std::string out = "\nLead velocity (by " + field + "; qualified: MQL or above now; growth: qualified against the "
                    "month before)\n";
  TextTable t({Align::kLeft, Align::kRight, Align::kRight, Align::kRight});
  t.add({"month", "leads", "qualified", "growth"});
  for (const VelocityRow& r : velocity_rows(s)) {
    std::string growth;
    if (r.has_growth) growth = (r.growth_percent > 0 ? "+" : "") + fmt_number(r.growth_percent) + "%";
    t.add({month_label(r.month), std::to_string(r.tally.leads), std::to_string(r.tally.qualified), growth});
  }
  out += t.render();
  if (s.created_missing) out += "  " + leads_count(s.created_missing) + " without " + field + "\n";
  if (s.created_unreadable) out += "  " + leads_count(s.created_unreadable) + " with a " + field + " that is not a date\n";
  return out;
}

}  // namespace

std::vector<Stage> defined_stages(const RuleSet& rules) {
  std::vector<Stage> out{Stage::kLead};
  for (Stage st : {Stage::kMql, Stage::kSql, Stage::kSao}) {
    if (rules.gate(st).defined) out.push_back(st);
  }
  return out;
}

std::string stage_list(const std::vector<Stage>& stages) {
  std::string out;
  for (size_t i = 0; i < stages.size(); ++i) out += (i ? ", " : "") + std::string(stage_name(stages[i]));
  return out;
}

std::string summary_text(const FunnelSummary& s, const SummaryContext& ctx) {
  std::string out = heading(s, ctx) + funnel(s) + owners(s);
  if (!s.rules.disqualify.empty()) out += disqualified(s);
  out += heat_map(s) + histogram(s) + criteria(s);
  if (s.rules.created_field >= 0) out += velocity(s);
  return out;
}

}  // namespace leadscore::report
