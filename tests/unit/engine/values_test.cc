// How raw field text is read: trimming, missing markers, numbers, booleans,
// dates, rounding and number printing (values.h).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "leadscore/values.h"

using namespace leadscore;

namespace {

constexpr int32_t kJan1st2026 = 20454;  // 2026-01-01
constexpr int32_t kJan15th2026 = 20468;

std::string fmt(double v) {
  char buf[32];
  return std::string(format_number(v, buf));
}

}  // namespace

// ---- trim -------------------------------------------------------------------

TEST_CASE("trim removes surrounding ASCII white space only", "[values][trim]") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("\v\fx\f\v") == "x");
  CHECK(trim("abc") == "abc");
  CHECK(trim("") == "");
  CHECK(trim(" \t \n ") == "");
}

TEST_CASE("trim keeps non-ASCII spaces (a no-break space is data)", "[values][trim]") {
  CHECK(trim("\xC2\xA0x ") == "\xC2\xA0x");
}

// ---- is_builtin_missing ----------------------------------------------------------

TEST_CASE("is_builtin_missing: empty, null and n/a in any case", "[values][missing]") {
  for (const char* v : {"", "null", "NULL", "Null", "n/a", "N/A", "N/a"}) {
    INFO(v);
    CHECK(is_builtin_missing(v));
  }
}

TEST_CASE("is_builtin_missing: other placeholders are values", "[values][missing]") {
  for (const char* v : {"none", "-", "0", "nan", "na", "nil", "undefined", "null null", "n / a"}) {
    INFO(v);
    CHECK_FALSE(is_builtin_missing(v));
  }
}

// ---- parse_number --------------------------------------------------------------

TEST_CASE("parse_number reads plain decimals", "[values][number]") {
  CHECK(parse_number("42") == 42.0);
  CHECK(parse_number("0") == 0.0);
  CHECK(parse_number("-3.5") == -3.5);
  CHECK(parse_number("+7") == 7.0);
  CHECK(parse_number("007") == 7.0);
  CHECK(parse_number("0.25") == 0.25);
}

TEST_CASE("parse_number accepts a leading currency sign, before or after the sign", "[values][number]") {
  CHECK(parse_number("$1200") == 1200.0);
  CHECK(parse_number("\xE2\x82\xAC" "5") == 5.0);      // €5
  CHECK(parse_number("\xC2\xA3" "2.50") == 2.5);       // £2.50
  CHECK(parse_number("-$5") == -5.0);
  CHECK(parse_number("$-5") == -5.0);
  CHECK(parse_number("+$5") == 5.0);
}

TEST_CASE("parse_number accepts thousands separators between groups of three", "[values][number]") {
  CHECK(parse_number("1,200") == 1200.0);
  CHECK(parse_number("$1,234,567.89") == Approx(1234567.89));
  CHECK(parse_number("12,345") == 12345.0);
  CHECK(parse_number("999,999") == 999999.0);
  CHECK(parse_number("-1,000") == -1000.0);
}

TEST_CASE("parse_number rejects misplaced thousands separators", "[values][number]") {
  for (const char* v : {"1,2345", "12,34", "1,00", ",123", "1,,000", "1234,567", "1,000,00", "1,", "1,000.5,000"}) {
    INFO(v);
    CHECK_FALSE(parse_number(v).has_value());
  }
}

TEST_CASE("parse_number drops a trailing percent sign", "[values][number]") {
  CHECK(parse_number("50%") == 50.0);
  CHECK(parse_number("12.5%") == 12.5);
  CHECK_FALSE(parse_number("%").has_value());
  CHECK_FALSE(parse_number("50%%").has_value());
  CHECK_FALSE(parse_number("%50").has_value());
}

TEST_CASE("parse_number reads an exponent", "[values][number]") {
  CHECK(parse_number("1e3") == 1000.0);
  CHECK(parse_number("2.5E-1") == 0.25);
  CHECK(parse_number("1e+2") == 100.0);
  CHECK_FALSE(parse_number("1e").has_value());
  CHECK_FALSE(parse_number("1e+").has_value());
  CHECK_FALSE(parse_number("e5").has_value());
}

TEST_CASE("parse_number needs digits on both sides of the decimal point", "[values][number][decisions]") {
  // README "Exact semantics": "digits with optional , thousands separators ..., optional .fraction".
  CHECK_FALSE(parse_number(".5").has_value());
  CHECK_FALSE(parse_number("-.5").has_value());
  CHECK_FALSE(parse_number("5.").has_value());
  CHECK_FALSE(parse_number(".").has_value());
  CHECK_FALSE(parse_number("$.5").has_value());
}

TEST_CASE("parse_number rejects everything else", "[values][number]") {
  for (const char* v : {"", "abc", "1.2.3", "--5", "+-5", "$", "$$5", "5$", "5 000", "0x10", "inf", "nan", "-",
                        "1e400", "12abc", "ten", "5-", "$-", "\xE2\x82\xAC"}) {
    INFO(v);
    CHECK_FALSE(parse_number(v).has_value());
  }
}

TEST_CASE("parse_number refuses very long input without reading past it", "[values][number]") {
  CHECK_FALSE(parse_number(std::string(300, '9')).has_value());
  CHECK(parse_number(std::string(200, '9')).has_value());
}

// ---- parse_bool ---------------------------------------------------------------------

TEST_CASE("parse_bool reads every accepted spelling, case-insensitively", "[values][bool]") {
  for (const char* v : {"true", "TRUE", "True", "yes", "YES", "y", "Y", "t", "T", "1"}) {
    INFO(v);
    CHECK(parse_bool(v) == true);
  }
  for (const char* v : {"false", "FALSE", "False", "no", "NO", "n", "N", "f", "F", "0"}) {
    INFO(v);
    CHECK(parse_bool(v) == false);
  }
}

TEST_CASE("parse_bool rejects other text", "[values][bool]") {
  for (const char* v : {"", "2", "on", "off", "yess", "tru", "-1", "01", "1.0", "nope"}) {
    INFO(v);
    CHECK_FALSE(parse_bool(v).has_value());
  }
}

// ---- parse_date -------------------------------------------------------------------

TEST_CASE("parse_date reads YYYY-MM-DD as a day number", "[values][date]") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("1970-01-02") == 1);
  CHECK(parse_date("1969-12-31") == -1);
  CHECK(parse_date("2026-01-01") == kJan1st2026);
  CHECK(parse_date("2024-02-29") == 19782);
}

TEST_CASE("parse_date rejects days that do not exist", "[values][date]") {
  for (const char* v : {"2025-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                        "1900-02-29"}) {
    INFO(v);
    CHECK_FALSE(parse_date(v).has_value());
  }
  CHECK(parse_date("2000-02-29").has_value());
}

TEST_CASE("parse_date reads date-times with T or a space", "[values][date]") {
  CHECK(parse_date("2026-01-15T10:20:30Z") == kJan15th2026);
  CHECK(parse_date("2026-01-15T10:20") == kJan15th2026);
  CHECK(parse_date("2026-01-15 10:20") == kJan15th2026);
  CHECK(parse_date("2026-01-15 23:59:59") == kJan15th2026);
  CHECK(parse_date("2026-01-15t10:20:30z") == kJan15th2026);
  CHECK(parse_date("2026-01-15T10:20:30.123456Z") == kJan15th2026);
}

TEST_CASE("parse_date converts an offset to the UTC day", "[values][date]") {
  CHECK(parse_date("2026-01-15T23:30:00-05:00") == kJan15th2026 + 1);
  CHECK(parse_date("2026-01-15T00:30:00+01:00") == kJan15th2026 - 1);
  CHECK(parse_date("2026-01-15T00:30+0100") == kJan15th2026 - 1);
  CHECK(parse_date("2026-01-15T00:30+01") == kJan15th2026 - 1);
  CHECK(parse_date("2026-01-15T12:00:00+05:30") == kJan15th2026);
  CHECK(parse_date("2026-01-15T20:00:00-04") == kJan15th2026 + 1);
  // No offset: already UTC.
  CHECK(parse_date("2026-01-15T23:59") == kJan15th2026);
}

TEST_CASE("parse_date reads epoch seconds up to 11 digits and milliseconds with 12-13", "[values][date]") {
  CHECK(parse_date("0") == 0);
  CHECK(parse_date("86399") == 0);
  CHECK(parse_date("86400") == 1);
  CHECK(parse_date("1767225600") == kJan1st2026);
  CHECK(parse_date("1767225600000") == kJan1st2026);
  CHECK(parse_date("10000000000") == 115740);          // 11 digits: seconds (2286-11-20)
  CHECK(parse_date("100000000000") == 1157);           // 12 digits: milliseconds
  CHECK_FALSE(parse_date("17672256000000").has_value());  // 14 digits
}

TEST_CASE("parse_date rejects other layouts and malformed times", "[values][date]") {
  for (const char* v : {"", "abc", "2026/01/15", "15-01-2026", "2026-1-15", "2026-01-15T", "2026-01-15T10",
                        "2026-01-15T25:00", "2026-01-15T10:60", "2026-01-15x", "2026-01-15T10:00Zjunk",
                        "2026-01-15T10:00+24:00", "2026-01-15T10:00+1", "2026-01-15T10:00:00.", "Jan 15 2026",
                        "-86400", "2026-01-15T10:00:00 Z"}) {
    INFO(v);
    CHECK_FALSE(parse_date(v).has_value());
  }
}

// ---- parse_date_with_format -----------------------------------------------------

TEST_CASE("parse_date_with_format reads day-first and month-first layouts", "[values][date][date_format]") {
  CHECK(parse_date_with_format("15/01/2026", "%d/%m/%Y") == kJan15th2026);
  CHECK(parse_date_with_format("01/15/2026", "%m/%d/%Y") == kJan15th2026);
  CHECK(parse_date_with_format("1/15/2026", "%m/%d/%Y") == kJan15th2026);
  CHECK(parse_date_with_format("15.01.26", "%d.%m.%y") == kJan15th2026);
  CHECK(parse_date_with_format("01.01.70", "%d.%m.%y") == 0);
}

TEST_CASE("parse_date_with_format reads month names", "[values][date][date_format]") {
  CHECK(parse_date_with_format("15 Jan 2026", "%d %b %Y") == kJan15th2026);
  CHECK(parse_date_with_format("January 15, 2026", "%B %d, %Y") == kJan15th2026);
  CHECK(parse_date_with_format("15-JAN-2026", "%d-%b-%Y") == kJan15th2026);
  CHECK_FALSE(parse_date_with_format("15 Jnu 2026", "%d %b %Y").has_value());
}

TEST_CASE("parse_date_with_format: 12-hour clock and offsets move the UTC day", "[values][date][date_format]") {
  CHECK(parse_date_with_format("2026-01-15 11:30 PM", "%Y-%m-%d %I:%M %p") == kJan15th2026);
  CHECK(parse_date_with_format("2026-01-15 11:30 PM -0100", "%Y-%m-%d %I:%M %p %z") == kJan15th2026 + 1);
  CHECK(parse_date_with_format("2026-01-15T00:30+01:00", "%Y-%m-%dT%H:%M%z") == kJan15th2026 - 1);
  CHECK(parse_date_with_format("2026-01-15T00:30Z", "%Y-%m-%dT%H:%M%z") == kJan15th2026);
  CHECK_FALSE(parse_date_with_format("2026-01-15 13:30 PM", "%Y-%m-%d %I:%M %p").has_value());
}

TEST_CASE("parse_date_with_format reads a day of the year", "[values][date][date_format]") {
  CHECK(parse_date_with_format("2026-015", "%Y-%j") == kJan15th2026);
  CHECK(parse_date_with_format("2026-032", "%Y-%j") == 20485);  // 2026-02-01
  CHECK_FALSE(parse_date_with_format("2026-000", "%Y-%j").has_value());
}

TEST_CASE("parse_date_with_format must consume the whole value and a valid date", "[values][date][date_format]") {
  CHECK_FALSE(parse_date_with_format("15/01/2026x", "%d/%m/%Y").has_value());
  CHECK_FALSE(parse_date_with_format("15/01", "%d/%m/%Y").has_value());
  CHECK_FALSE(parse_date_with_format("15-01-2026", "%d/%m/%Y").has_value());
  CHECK_FALSE(parse_date_with_format("31/04/2026", "%d/%m/%Y").has_value());
  CHECK_FALSE(parse_date_with_format("2026-01-15", "%d/%m/%Y").has_value());
}

TEST_CASE("parse_date_with_format: %Y takes exactly four digits", "[values][date][date_format][regression]") {
  CHECK_FALSE(parse_date_with_format("1/15/26", "%m/%d/%Y").has_value());
  CHECK_FALSE(parse_date_with_format("1/15/202", "%m/%d/%Y").has_value());
  CHECK_FALSE(parse_date_with_format("1/15/20266", "%m/%d/%Y").has_value());
  CHECK(parse_date_with_format("1/15/2026", "%m/%d/%Y") == kJan15th2026);
  CHECK(parse_date_with_format("20260115", "%Y%m%d") == kJan15th2026);
}

TEST_CASE("parse_date_with_format rejects unknown directives and a dangling %", "[values][date][date_format]") {
  CHECK_FALSE(parse_date_with_format("2026", "%Q").has_value());
  CHECK_FALSE(parse_date_with_format("2026", "%Y%").has_value());
  CHECK(parse_date_with_format("2026%01%15", "%Y%%%m%%%d") == kJan15th2026);
}

// ---- civil dates ----------------------------------------------------------------

TEST_CASE("days_from_civil and civil_from_days are inverse", "[values][date]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2026, 1, 1) == kJan1st2026);
  for (int32_t day : {-719468, -1, 0, 59, 11016, kJan1st2026, 2932896}) {
    CivilDate c = civil_from_days(day);
    INFO(day);
    CHECK(days_from_civil(c.year, c.month, c.day) == day);
  }
  CivilDate leap = civil_from_days(19782);
  CHECK(leap.year == 2024);
  CHECK(leap.month == 2u);
  CHECK(leap.day == 29u);
}

TEST_CASE("today_utc is a plausible day", "[values][date]") {
  CHECK(today_utc() > kJan1st2026 - 365);
}

// ---- round2 / format_number -----------------------------------------------------------

TEST_CASE("round2 rounds half away from zero at two decimals", "[values][round]") {
  // Binary-exact halves, so the tie rule is what is tested.
  CHECK(round2(0.125) == 0.13);
  CHECK(round2(-0.125) == -0.13);
  CHECK(round2(1.625) == 1.63);
  CHECK(round2(2.375) == 2.38);
  CHECK(round2(1.234) == 1.23);
  CHECK(round2(7.0 + 1.0 / 3) == 7.33);
  CHECK(round2(15) == 15.0);
}

TEST_CASE("round2 never returns negative zero", "[values][round]") {
  CHECK_FALSE(std::signbit(round2(-0.004)));
  CHECK_FALSE(std::signbit(round2(-0.0)));
  CHECK(round2(-0.004) == 0.0);
}

TEST_CASE("format_number trims trailing zeros", "[values][format]") {
  CHECK(fmt(15) == "15");
  CHECK(fmt(12.5) == "12.5");
  CHECK(fmt(7.0 + 1.0 / 3) == "7.33");
  CHECK(fmt(-10) == "-10");
  CHECK(fmt(100.10) == "100.1");
  CHECK(fmt(0.1 + 0.2) == "0.3");
  CHECK(fmt(2.0 / 3) == "0.67");
  CHECK(fmt(1234567.891) == "1234567.89");
  CHECK(fmt(-2.5) == "-2.5");
  CHECK(fmt(0.125) == "0.13");
}

TEST_CASE("format_number prints zero and negative zero as 0", "[values][format]") {
  CHECK(fmt(0) == "0");
  CHECK(fmt(-0.0) == "0");
  CHECK(fmt(-0.001) == "0");
  CHECK(fmt(0.004) == "0");
}

// ---- ASCII helpers ----------------------------------------------------------------

TEST_CASE("iequals and ascii_lower fold ASCII letters only", "[values][ascii]") {
  CHECK(iequals("Gmail.COM", "gmail.com"));
  CHECK_FALSE(iequals("gmail.com", "gmail.co"));
  CHECK_FALSE(iequals("\xC3\x89", "\xC3\xA9"));  // É vs é: bytes differ, not folded
  CHECK(ascii_lower('Q') == 'q');
  CHECK(ascii_lower('1') == '1');
  CHECK(ascii_lower('\xC3') == '\xC3');
}
