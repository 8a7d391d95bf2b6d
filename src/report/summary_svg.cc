// SVG drawing for the HTML summary. Coordinates are printed with one decimal
// so the page is byte-identical from run to run; every label is escaped.
#include "report/summary_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/report_format.h"
#include "report/summary_render.h"

namespace leadscore::report {

namespace {

std::string n1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string rect(double x, double y, double w, double h, const std::string& fill, const std::string& extra = "") {
  return "<rect x=\"" + n1(x) + "\" y=\"" + n1(y) + "\" width=\"" + n1(w) + "\" height=\"" + n1(h) + "\" fill=\"" +
         fill + "\"" + extra + "/>";
}

std::string text(double x, double y, const std::string& body, const std::string& attrs = "") {
  return "<text x=\"" + n1(x) + "\" y=\"" + n1(y) + "\"" + attrs + ">" + html_escape(body) + "</text>";
}

std::string svg_open(int width, int height, const std::string& label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
         "\" role=\"img\" aria-label=\"" + html_escape(label) + "\">";
}

// A colour between a pale and a deep blue, t in [0, 1].
std::string blue(double t) {
  const int from[3] = {0xe8, 0xf1, 0xfa};
  const int to[3] = {0x0b, 0x4f, 0x8a};
  char buf[16];
  int c[3];
  for (int i = 0; i < 3; ++i) c[i] = static_cast<int>(std::lround(from[i] + (to[i] - from[i]) * t));
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
  return buf;
}

const char* stage_colour(Stage s) {
  switch (s) {
    case Stage::kLead: return "#9fb3c8";
    case Stage::kMql: return "#47a3f3";
    case Stage::kSql: return "#2186eb";
    case Stage::kSao: return "#0b5cad";
  }
  return "#9fb3c8";
}

}  // namespace

std::string funnel_svg(const FunnelSummary& s) {
  std::vector<Stage> stages = defined_stages(s.rules);
  const double bar_h = 46, gap = 10, label_w = 56, area_w = 300, text_x = label_w + area_w + 16;
  int height = static_cast<int>(stages.size() * (bar_h + gap) + gap);
  std::string out = svg_open(540, height, "Funnel: leads reaching each stage");
  uint64_t previous = 0;
  for (size_t i = 0; i < stages.size(); ++i) {
    Stage st = stages[i];
    uint64_t reached = s.reached(st);
    double frac = s.leads ? static_cast<double>(reached) / static_cast<double>(s.leads) : 0;
    double w = std::max(2.0, area_w * frac);
    double y = gap + static_cast<double>(i) * (bar_h + gap);
    out += rect(label_w + (area_w - w) / 2, y, w, bar_h, stage_colour(st), " rx=\"4\"");
    out += text(0, y + bar_h / 2 + 5, std::string(stage_name(st)), " font-size=\"15\" font-weight=\"600\" fill=\"#243b53\"");
    out += text(text_x, y + 20, std::to_string(reached) + " (" + fmt_percent(reached, s.leads) + ")",
                " font-size=\"15\" fill=\"#102a43\"");
    if (st != Stage::kLead) {
      out += text(text_x, y + 38, "step " + fmt_percent(reached, previous) + " of " + std::string(stage_name(stages[i - 1])),
                  " font-size=\"12\" fill=\"#627d98\"");
    }
    previous = reached;
  }
  return out + "</svg>";
}

std::string heat_map_svg(const FunnelSummary& s) {
  const double cell_w = 58, cell_h = 34, left = 64, top = 8;
  const double grid_w = cell_w * kHeatBands, grid_h = cell_h * kHeatBands;
  int width = static_cast<int>(left + grid_w + 8), height = static_cast<int>(top + grid_h + 48);
  uint64_t most = 0;
  for (const auto& row : s.heat) most = std::max(most, *std::max_element(row.begin(), row.end()));
  std::string out = svg_open(width, height, "Fit by engagement heat map");
  for (int f = 0; f < kHeatBands; ++f) {
    double y = top + (kHeatBands - 1 - f) * cell_h;  // high fit at the top
    out += text(left - 8, y + cell_h / 2 + 4, s.fit_bands.label(f), " font-size=\"12\" text-anchor=\"end\" fill=\"#486581\"");
    for (int e = 0; e < kHeatBands; ++e) {
      uint64_t n = s.heat[static_cast<size_t>(f)][static_cast<size_t>(e)];
      double t = most ? std::sqrt(static_cast<double>(n) / static_cast<double>(most)) : 0;
      double x = left + e * cell_w;
      out += rect(x + 1, y + 1, cell_w - 2, cell_h - 2, n ? blue(t) : "#f5f7fa");
      if (n) {
        out += text(x + cell_w / 2, y + cell_h / 2 + 4, std::to_string(n),
                    std::string(" font-size=\"12\" text-anchor=\"middle\" fill=\"") + (t > 0.55 ? "#ffffff" : "#102a43") + "\"");
      }
    }
  }
  for (int e = 0; e < kHeatBands; ++e) {
    out += text(left + e * cell_w + cell_w / 2, top + grid_h + 16, s.engagement_bands.label(e),
                " font-size=\"11\" text-anchor=\"middle\" fill=\"#486581\"");
  }
  out += text(left + grid_w / 2, top + grid_h + 38, "engagement", " font-size=\"13\" text-anchor=\"middle\" fill=\"#243b53\"");
  out += text(14, top + grid_h / 2, "fit", " font-size=\"13\" text-anchor=\"middle\" fill=\"#243b53\" transform=\"rotate(-90 14 " +
                                                n1(top + grid_h / 2) + ")\"");
  return out + "</svg>";
}

std::string histogram_svg(const FunnelSummary& s) {
  const Histogram& h = s.histogram;
  std::vector<std::pair<std::string, uint64_t>> bars;
  if (h.open_below) bars.emplace_back("<" + fmt_number(h.low), h.below);
  for (size_t i = 0; i < h.bins.size(); ++i) bars.emplace_back(h.bin_label(i), h.bins[i]);
  if (h.open_above) bars.emplace_back(">" + fmt_number(h.high), h.above);
  uint64_t most = 1;
  for (const auto& b : bars) most = std::max(most, b.second);
  const double width = 1000, left = 8, top = 22, plot_h = 200;
  double slot = (width - 2 * left) / static_cast<double>(bars.size());
  std::string out = svg_open(static_cast<int>(width), static_cast<int>(top + plot_h + 30), "Score histogram");
  out += rect(left, top + plot_h, width - 2 * left, 1, "#bcccdc");
  for (size_t i = 0; i < bars.size(); ++i) {
    double x = left + slot * static_cast<double>(i);
    double hgt = plot_h * static_cast<double>(bars[i].second) / static_cast<double>(most);
    if (bars[i].second) out += rect(x + slot * 0.12, top + plot_h - hgt, slot * 0.76, hgt, "#2186eb", " rx=\"2\"");
    out += text(x + slot / 2, top + plot_h - hgt - 6, std::to_string(bars[i].second),
                " font-size=\"12\" text-anchor=\"middle\" fill=\"#243b53\"");
    out += text(x + slot / 2, top + plot_h + 18, bars[i].first, " font-size=\"12\" text-anchor=\"middle\" fill=\"#486581\"");
  }
  return out + "</svg>";
}

}  // namespace leadscore::report
