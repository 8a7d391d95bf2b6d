// Small formatting helpers shared by the report renderers (summary, diff):
// numbers as the rest of leadscore prints them, percentages, padding that
// counts UTF-8 characters rather than bytes, and HTML escaping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace leadscore::report {

// 2 decimals, trailing zeros trimmed: 15, 12.5, 7.33 (as `score` prints).
std::string fmt_number(double v);

// part / whole as a percentage with one decimal ("42.5%"); "-" when whole is 0.
std::string fmt_percent(uint64_t part, uint64_t whole);

// part / whole rounded to 4 decimals (0.4253), for JSON; 0 when whole is 0.
double ratio(uint64_t part, uint64_t whole);

// "1 lead", "2 leads".
std::string leads_count(uint64_t n);

// Month key (year * 12 + month - 1) as "YYYY-MM".
std::string month_label(int32_t key);

// Display width of UTF-8 text: code points, not bytes.
size_t display_width(std::string_view s);
std::string pad_right(std::string s, size_t width);
std::string pad_left(std::string s, size_t width);

// Text made safe inside HTML elements and attribute values.
std::string html_escape(std::string_view s);

}  // namespace leadscore::report
