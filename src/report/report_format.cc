#include "report/report_format.h"

#include <cmath>
#include <cstdio>

#include "leadscore/values.h"

namespace leadscore::report {

std::string fmt_number(double v) {
  char buf[32];
  return std::string(format_number(v, buf));
}

std::string fmt_percent(uint64_t part, uint64_t whole) {
  if (whole == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

double ratio(uint64_t part, uint64_t whole) {
  if (whole == 0) return 0;
  return std::round(static_cast<double>(part) / static_cast<double>(whole) * 10000.0) / 10000.0;
}

std::string leads_count(uint64_t n) { return std::to_string(n) + (n == 1 ? " lead" : " leads"); }

std::string month_label(int32_t key) {
  // Floor division keeps years before 0 (nonsense, but possible input) correct.
  int32_t year = key >= 0 ? key / 12 : -((-key + 11) / 12);
  int32_t month = key - year * 12 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

size_t display_width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string pad_right(std::string s, size_t width) {
  size_t w = display_width(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string pad_left(std::string s, size_t width) {
  size_t w = display_width(s);
  if (w < width) s.insert(0, width - w, ' ');
  return s;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace leadscore::report
