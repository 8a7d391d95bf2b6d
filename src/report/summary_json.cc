// The summary as one JSON document for scripts. Counts are integers, shares
// are fractions of all leads rounded to 4 decimals, points are rounded to 2
// as everywhere else; absent things are null, never left out, so a script
// can rely on every key.
#include <cmath>

#include <nlohmann/json.hpp>

#include "output/json_number.h"
#include "report/report_format.h"
#include "report/summary_render.h"

namespace leadscore::report {

namespace {

using Json = nlohmann::ordered_json;

Json share(uint64_t part, uint64_t whole) {
  double r = ratio(part, whole);
  if (r == std::floor(r)) return static_cast<int64_t>(r);
  return r;
}

Json funnel(const FunnelSummary& s) {
  Json out = Json::array();
  uint64_t previous = 0;
  for (Stage st : defined_stages(s.rules)) {
    uint64_t reached = s.reached(st);
    out.push_back({{"stage", stage_name(st)},
                   {"leads", s.at_stage[static_cast<size_t>(st)]},
                   {"reached", reached},
                   {"share", share(reached, s.leads)},
                   {"step", st == Stage::kLead ? Json() : share(reached, previous)}});
    previous = reached;
  }
  return out;
}

Json owners(const FunnelSummary& s) {
  Json out = Json::array();
  for (const OwnerRow& r : owner_rows(s)) {
    Json stages = Json::array();
    for (Stage st : r.stages) stages.push_back(stage_name(st));
    out.push_back({{"owner", r.owner.empty() ? Json() : Json(r.owner)},
                   {"stages", stages},
                   {"leads", r.leads},
                   {"share", share(r.leads, s.leads)}});
  }
  return out;
}

Json heat_map(const FunnelSummary& s) {
  Json fit = Json::array();
  Json engagement = Json::array();
  for (int b = 0; b < kHeatBands; ++b) {
    fit.push_back(s.fit_bands.label(b));
    engagement.push_back(s.engagement_bands.label(b));
  }
  Json counts = Json::array();
  for (const auto& row : s.heat) counts.push_back(row);
  return {{"fit_bands", fit}, {"engagement_bands", engagement}, {"counts", counts}};
}

Json histogram(const FunnelSummary& s) {
  const Histogram& h = s.histogram;
  Json bins = Json::array();
  for (size_t i = 0; i < h.bins.size(); ++i) {
    double from = h.low + h.width * static_cast<double>(i);
    bins.push_back({{"from", json_number(from)}, {"to", json_number(std::min(h.high, from + h.width))}, {"leads", h.bins[i]}});
  }
  return {{"low", json_number(h.low)},
          {"high", json_number(h.high)},
          {"width", json_number(h.width)},
          {"bins", bins},
          {"below", h.open_below ? Json(h.below) : Json()},
          {"above", h.open_above ? Json(h.above) : Json()}};
}

Json criteria(const FunnelSummary& s) {
  Json out = Json::array();
  for (size_t i = 0; i < s.criteria.size(); ++i) {
    const CriterionTally& c = s.criteria[i];
    out.push_back({{"id", s.rules.criteria[i].id},
                   {"category", category_name(s.rules.criteria[i].category)},
                   {"matched", c.matched},
                   {"fired", c.fired},
                   {"fired_share", share(c.fired, s.leads)},
                   {"points", json_number(c.points)}});
  }
  return out;
}

Json velocity(const FunnelSummary& s) {
  if (s.rules.created_field < 0) return Json();
  Json months = Json::array();
  for (const VelocityRow& r : velocity_rows(s)) {
    months.push_back({{"month", month_label(r.month)},
                      {"leads", r.tally.leads},
                      {"qualified", r.tally.qualified},
                      {"growth_percent", r.has_growth ? json_number(r.growth_percent) : Json()}});
  }
  return {{"field", s.rules.fields[static_cast<size_t>(s.rules.created_field)].name},
          {"months", months},
          {"missing", s.created_missing},
          {"unreadable", s.created_unreadable}};
}

}  // namespace

std::string summary_json(const FunnelSummary& s, const SummaryContext& ctx) {
  double n = s.leads ? static_cast<double>(s.leads) : 1.0;
  Json disq = Json::array();
  for (size_t i = 0; i < s.disqualified_by.size(); ++i) {
    disq.push_back({{"id", s.rules.disqualify[i].id}, {"leads", s.disqualified_by[i]}});
  }
  Json doc = {{"rules", {{"file", ctx.rules_file}, {"name", s.rules.name}}},
              {"inputs", ctx.inputs},
              {"as_of", ctx.as_of},
              {"leads", s.leads},
              {"mean", {{"score", json_number(s.score_sum / n)},
                        {"fit", json_number(s.fit_sum / n)},
                        {"engagement", json_number(s.engagement_sum / n)}}},
              {"funnel", funnel(s)},
              {"owners", owners(s)},
              {"disqualified", {{"leads", s.disqualified}, {"by", disq}}},
              {"heat_map", heat_map(s)},
              {"histogram", histogram(s)},
              {"criteria", criteria(s)},
              {"velocity", velocity(s)}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leadscore::report
