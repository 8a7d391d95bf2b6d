// How raw field text is read, exactly as the rules contract says: what counts
// as missing, and how numbers, booleans and dates are parsed. Every function
// here is pure, allocation-free and safe on any bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace leadscore {

// Surrounding ASCII white space removed.
std::string_view trim(std::string_view s);

// True for a (trimmed) empty value, `null`, `N/A` (ASCII case-insensitive).
// Extra rule-defined missing markers are checked by the scorer.
bool is_builtin_missing(std::string_view trimmed);

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

// Rounds to 2 decimals, half away from zero.
double round2(double v);

// Formats a number rounded to 2 decimals with trailing zeros trimmed:
// 15, 12.5, 7.33, -10. Writes into buf (at least 32 bytes); returns the view.
std::string_view format_number(double v, char* buf);

// ASCII case-insensitive comparison and lower-casing helpers.
bool iequals(std::string_view a, std::string_view b);
char ascii_lower(char c);

}  // namespace leadscore
