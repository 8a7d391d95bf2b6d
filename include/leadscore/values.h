// How raw field text is read, exactly as the rules contract says: what counts
// as missing, and how numbers, booleans and dates are parsed. Every function
// here is pure, allocation-free and safe on any bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace leadscore {

// ASCII case-insensitive comparison and lower-casing helpers. Inline: the
// scorer calls them several times per field of every lead.
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// Up to 8 bytes of text as one word (byte i in bits 8i to 8i+7, the rest
// zero), and that word ASCII lower-cased: text tests on short values (country
// codes, stages, sources) compare words instead of bytes.
inline uint64_t short_text_word(std::string_view s) {
  uint64_t w = 0;
  for (size_t i = 0; i < s.size() && i < 8; ++i) w |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return w;
}

inline uint64_t ascii_lower_word(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const uint64_t low7 = w & (0x7F * kOnes);
  // Per byte, bit 7 set when the byte (below 0x80) is at least 'A', or above 'Z'.
  const uint64_t from_a = low7 + (0x80 - 'A') * kOnes;
  const uint64_t past_z = low7 + (0x80 - 'Z' - 1) * kOnes;
  const uint64_t upper = from_a & ~past_z & ~w & (0x80 * kOnes);
  return w | (upper >> 2);  // 0x80 >> 2 is 0x20, the case bit
}

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Surrounding ASCII white space removed.
inline std::string_view trim(std::string_view s) {
  // Most values have nothing to trim; two tests say so.
  if (!s.empty() && !is_ascii_space(s.front()) && !is_ascii_space(s.back())) return s;
  size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(s[b])) ++b;
  while (e > b && is_ascii_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// True for a (trimmed) empty value, `null`, `N/A` (ASCII case-insensitive).
// Extra rule-defined missing markers are checked by the scorer.
inline bool is_builtin_missing(std::string_view trimmed) {
  // The length decides which marker could match, so most values cost one test.
  switch (trimmed.size()) {
    case 0: return true;
    case 3: return iequals(trimmed, "n/a");
    case 4: return iequals(trimmed, "null");
    default: return false;
  }
}

// A plain decimal, optionally signed, with an optional leading currency sign
// ($, €, £), `,` thousands separators between groups of three digits, an
// optional exponent and an optional trailing `%` (which is dropped: "50%" is 50).
std::optional<double> parse_number(std::string_view trimmed);

// true/false, yes/no, y/n, t/f, 1/0, ASCII case-insensitive.
std::optional<bool> parse_bool(std::string_view trimmed);

// Days since 1970-01-01 (may be negative) of the UTC calendar day of a date or
// date-time: YYYY-MM-DD, ISO 8601 date-times with `T` or a space, optional
// seconds and fraction, `Z` or an offset (±HH:MM, ±HHMM, ±HH); epoch seconds
// (up to 11 digits) or milliseconds (12 or 13 digits).
std::optional<int32_t> parse_date(std::string_view trimmed);

// Like parse_date but with a strftime-style layout (%Y %m %d %H %M %S %y %b %B
// %e %j %p %I %z %% and literal characters); the layout must consume the
// whole value.
std::optional<int32_t> parse_date_with_format(std::string_view trimmed, std::string_view format);

// Days since 1970-01-01 for a proleptic Gregorian date; no validation.
int32_t days_from_civil(int32_t year, unsigned month, unsigned day);

// YYYY-MM-DD for a day number.
struct CivilDate {
  int32_t year;
  unsigned month;
  unsigned day;
};
CivilDate civil_from_days(int32_t days);

// Today's UTC day number, from the system clock. Only the front end calls it.
int32_t today_utc();

// std::round without the library call: the nearest whole number, halves away
// from zero. Equal to std::round except that it may return +0 where std::round
// returns -0.
double round_half_away(double v);

// Rounds to 2 decimals, half away from zero.
double round2(double v);

// Formats a number rounded to 2 decimals with trailing zeros trimmed:
// 15, 12.5, 7.33, -10. Writes into buf (at least 32 bytes); returns the view.
std::string_view format_number(double v, char* buf);

}  // namespace leadscore
