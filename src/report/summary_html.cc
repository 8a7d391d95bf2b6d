// The summary as one self-contained HTML page: inline CSS and SVG only (no
// scripts, no fonts or images fetched), so it opens offline, in a mail
// client, or from an archive years later and looks the same.
#include <cmath>
#include <cstdio>

#include "report/report_format.h"
#include "report/summary_render.h"
#include "report/summary_svg.h"

namespace leadscore::report {

namespace {

constexpr const char* kStyle =
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#102a43;"
    "background:#fff;max-width:1080px;margin:24px auto;padding:0 20px}"
    "h1{font-size:22px;margin:0 0 4px}"
    "h2{font-size:16px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #d9e2ec}"
    ".meta{color:#486581;margin:0}"
    ".note{color:#627d98;font-size:12px;margin:6px 0 0}"
    ".row{display:flex;flex-wrap:wrap;gap:32px}"
    ".row>section{flex:1 1 440px}"
    "table{border-collapse:collapse;font-variant-numeric:tabular-nums}"
    "th,td{padding:3px 10px;text-align:right;white-space:nowrap}"
    "th{color:#486581;font-weight:600;border-bottom:1px solid #bcccdc}"
    "th:first-child,td:first-child,td.l,th.l{text-align:left}"
    "tr:nth-child(even) td{background:#f5f7fa}"
    ".bar{display:inline-block;height:10px;background:#2186eb;border-radius:2px;vertical-align:middle}"
    ".neg{background:#e12d39}"
    "svg{display:block;max-width:100%;height:auto}"
    "svg text{font-family:inherit}";

std::string cell(const std::string& v, bool left = false) {
  return std::string(left ? "<td class=\"l\">" : "<td>") + html_escape(v) + "</td>";
}

// `align` has one letter per column: l (text, left) or r (numbers, right).
std::string head_row(std::initializer_list<const char*> names, std::string_view align) {
  std::string out = "<tr>";
  size_t i = 0;
  for (const char* n : names) out += std::string(align[i++] == 'l' ? "<th class=\"l\">" : "<th>") + n + "</th>";
  return out + "</tr>";
}

std::string owners_table(const FunnelSummary& s) {
  std::string out = "<table>" + head_row({"owner", "stages", "leads", "share"}, "llrr");
  for (const OwnerRow& r : owner_rows(s)) {
    out += "<tr>" + cell(r.owner.empty() ? "(none)" : r.owner) + cell(stage_list(r.stages), true) +
           cell(std::to_string(r.leads)) + cell(fmt_percent(r.leads, s.leads)) + "</tr>";
  }
  return out + "</table>";
}

std::string disqualified_table(const FunnelSummary& s) {
  std::string out = "<p class=\"meta\">" + leads_count(s.disqualified) + " disqualified (" +
                    fmt_percent(s.disqualified, s.leads) + ")</p>";
  if (s.disqualified_by.empty()) return out;
  out += "<table>" + head_row({"rule", "leads", "share"}, "lrr");
  for (size_t i = 0; i < s.disqualified_by.size(); ++i) {
    out += "<tr>" + cell(s.rules.disqualify[i].id) + cell(std::to_string(s.disqualified_by[i])) +
           cell(fmt_percent(s.disqualified_by[i], s.leads)) + "</tr>";
  }
  return out + "</table>";
}

std::string criteria_table(const FunnelSummary& s) {
  std::string out = "<table>" + head_row({"criterion", "category", "matched", "fired", "fired %", "", "points"}, "llrrrlr");
  for (size_t i = 0; i < s.criteria.size(); ++i) {
    const CriterionTally& c = s.criteria[i];
    double pct = s.leads ? 100.0 * static_cast<double>(c.fired) / static_cast<double>(s.leads) : 0;
    char width[32];
    std::snprintf(width, sizeof width, "%.1f", pct * 1.2);
    std::string bar = std::string("<td class=\"l\"><span class=\"bar") + (c.points < 0 ? " neg" : "") +
                      "\" style=\"width:" + width + "px\"></span></td>";
    out += "<tr>" + cell(s.rules.criteria[i].id) + cell(std::string(category_name(s.rules.criteria[i].category)), true) +
           cell(std::to_string(c.matched)) + cell(std::to_string(c.fired)) + cell(fmt_percent(c.fired, s.leads)) + bar +
           cell(fmt_number(c.points)) + "</tr>";
  }
  return out + "</table><p class=\"note\">matched: the criterion's condition held; fired: it gave points; points: "
               "their sum, before group bounds and decay.</p>";
}

std::string velocity_table(const FunnelSummary& s) {
  const std::string& field = s.rules.fields[static_cast<size_t>(s.rules.created_field)].name;
  std::string out = "<table>" + head_row({"month", "leads", "qualified", "growth"}, "lrrr");
  for (const VelocityRow& r : velocity_rows(s)) {
    std::string growth = r.has_growth ? (r.growth_percent > 0 ? "+" : "") + fmt_number(r.growth_percent) + "%" : "";
    out += "<tr>" + cell(month_label(r.month)) + cell(std::to_string(r.tally.leads)) +
           cell(std::to_string(r.tally.qualified)) + cell(growth) + "</tr>";
  }
  out += "</table><p class=\"note\">By " + html_escape(field) +
         "; qualified: MQL or above now; growth: qualified leads against the month before.";
  if (s.created_missing) out += " " + leads_count(s.created_missing) + " without " + html_escape(field) + ".";
  if (s.created_unreadable) {
    out += " " + leads_count(s.created_unreadable) + " with a " + html_escape(field) + " that is not a date.";
  }
  return out + "</p>";
}

}  // namespace

std::string summary_html(const FunnelSummary& s, const SummaryContext& ctx) {
  std::string title = s.rules.name.empty() ? "Lead funnel" : "Lead funnel: " + s.rules.name;
  std::string inputs;
  for (size_t i = 0; i < ctx.inputs.size(); ++i) inputs += (i ? ", " : "") + ctx.inputs[i];
  std::string meta = leads_count(s.leads) + " from " + inputs + " scored with " + ctx.rules_file +
                     ", as of " + ctx.as_of;
  if (s.leads) meta += "; mean score " + fmt_number(s.score_sum / static_cast<double>(s.leads));

  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n<p class=\"meta\">" + html_escape(meta) + "</p>\n";
  out += "<div class=\"row\">\n<section><h2>Funnel</h2>\n" + funnel_svg(s) +
         "\n<p class=\"note\">Leads at each stage or above; step: the share of the stage below that got this far.</p>"
         "</section>\n";
  out += "<section><h2>Fit &#215; engagement</h2>\n" + heat_map_svg(s) +
         "\n<p class=\"note\">Leads per band of fit (rows) and engagement (columns); a band runs from its lower bound "
         "up to the next.</p></section>\n</div>\n";
  out += "<h2>Score histogram</h2>\n" + histogram_svg(s) + "\n";
  out += "<div class=\"row\">\n<section><h2>By owner</h2>\n" + owners_table(s) + "</section>\n";
  out += "<section><h2>Disqualified</h2>\n" + disqualified_table(s) + "</section>\n</div>\n";
  out += "<h2>Criteria</h2>\n" + criteria_table(s) + "\n";
  if (s.rules.created_field >= 0) out += "<h2>Lead velocity</h2>\n" + velocity_table(s) + "\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace leadscore::report
