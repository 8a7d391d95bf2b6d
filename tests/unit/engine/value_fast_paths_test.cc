// The shortcuts in value reading (trim, missing markers, booleans, plain
// numbers and dates, rounding and printing) must agree exactly with the
// general rules they stand in for; each case here compares the two.
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "engine/lead_context.h"
#include "leadscore/values.h"

using namespace leadscore;

namespace {

// The general definitions, written the plain way.
std::string_view reference_trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  size_t b = 0, e = s.size();
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

bool reference_missing(std::string_view t) { return t.empty() || iequals(t, "null") || iequals(t, "n/a"); }

std::optional<bool> reference_bool(std::string_view s) {
  for (const char* yes : {"true", "yes", "y", "t"}) {
    if (iequals(s, yes)) return true;
  }
  if (s == "1") return true;
  for (const char* no : {"false", "no", "n", "f"}) {
    if (iequals(s, no)) return false;
  }
  if (s == "0") return false;
  return std::nullopt;
}

double reference_round2(double v) {
  double r = std::round(v * 100.0) / 100.0;
  return r == 0 ? 0.0 : r;
}

std::string reference_format(double v) {
  char buf[64];
  if (!(std::fabs(v) < 1e13)) {
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
  }
  long long cents = std::llround(v * 100.0);
  unsigned long long u = cents < 0 ? 0ULL - static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
  std::string out = cents < 0 ? "-" : "";
  out += std::to_string(u / 100);
  unsigned frac = static_cast<unsigned>(u % 100);
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

std::string fmt(double v) {
  char buf[32];
  return std::string(format_number(v, buf));
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// A fixed pseudo-random sequence (the test must be reproducible).
uint64_t next_random(uint64_t& state) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

}  // namespace

TEST_CASE("trim's shortcut agrees with the full scan", "[values][fast]") {
  for (const char* v : {"", " ", "a", " a", "a ", "\ta\n", "\v\f", "a b", " 12 ", "\r", "x\x01", "\x01x",
                        "\xC2\xA0", "\x7F", "!", "a\x0Eb"}) {
    INFO(v);
    CHECK(trim(v) == reference_trim(v));
  }
}

TEST_CASE("trim's shortcut sees every kind of ASCII white space at either end", "[values][fast]") {
  for (int c = 0; c < 256; ++c) {
    std::string front(1, static_cast<char>(c));
    front += "x";
    std::string back = "x" + std::string(1, static_cast<char>(c));
    INFO(c);
    CHECK(trim(front) == reference_trim(front));
    CHECK(trim(back) == reference_trim(back));
  }
}

TEST_CASE("the missing-marker check by length agrees with comparing every marker", "[values][fast]") {
  for (const char* v : {"", "n", "na", "n/a", "N/A", "n/b", "nul", "null", "NULL", "nulL", "nill", "nulls", "n/aa",
                        "0", "none", "true"}) {
    INFO(v);
    CHECK(is_builtin_missing(v) == reference_missing(v));
  }
}

TEST_CASE("parse_bool by length agrees with comparing every spelling", "[values][fast]") {
  for (const char* v : {"", "1", "0", "2", "y", "Y", "n", "N", "t", "T", "f", "F", "x", "no", "NO", "nO", "on",
                        "yes", "YES", "yEs", "yet", "true", "TRUE", "tRuE", "trUe ", "false", "FALSE", "falsy",
                        "10", "01", "truee", "yess", "-", " "}) {
    INFO(v);
    CHECK(parse_bool(v) == reference_bool(v));
  }
}

TEST_CASE("parse_bool's word comparison accepts only the letters' two cases", "[values][fast]") {
  // Each byte of each spelling, and every other byte value in its place: only
  // the letter in either case may be accepted.
  for (std::string spelling : {"no", "yes", "true", "false"}) {
    for (size_t i = 0; i < spelling.size(); ++i) {
      for (int b = 1; b < 256; ++b) {
        std::string v = spelling;
        v[i] = static_cast<char>(b);
        INFO(spelling << " with byte " << b << " at " << i);
        CHECK(parse_bool(v) == reference_bool(v));
      }
    }
  }
}

TEST_CASE("plain digit strings read as the same double as the general path", "[values][fast]") {
  auto general = [](const std::string& s) {
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  };
  for (const char* v : {"0", "00", "007", "1", "42", "999999999999999", "123456789012345", "9007199254740993",
                        "9007199254740992", "18446744073709551615", "18446744073709551616", "99999999999999999999"}) {
    INFO(v);
    auto n = parse_number(v);
    REQUIRE(n.has_value());
    CHECK(same_bits(*n, general(v)));
  }
  // Every length a digit string can have on and around the shortcut's limit.
  std::string digits;
  for (int len = 1; len <= 20; ++len) {
    digits += static_cast<char>('0' + (len * 7) % 10);
    INFO(digits);
    CHECK(same_bits(*parse_number(digits), general(digits)));
  }
}

TEST_CASE("numbers that are not plain digits still take the general path", "[values][fast]") {
  CHECK(parse_number("1e3") == 1000.0);
  CHECK(parse_number("-0").has_value());
  CHECK(std::signbit(*parse_number("-0")));
  CHECK(parse_number("+7") == 7.0);
  CHECK_FALSE(parse_number(" 12 ").has_value());  // callers trim first
  CHECK(parse_number("1,234") == 1234.0);
  CHECK(parse_number("50%") == 50.0);
  CHECK_FALSE(parse_number("12a").has_value());
}

TEST_CASE("plain YYYY-MM-DD dates agree with the same date read as a date-time", "[values][fast]") {
  for (const char* d : {"2026-01-01", "2024-02-29", "2000-02-29", "1970-01-01", "1969-12-31", "0000-01-01",
                        "0000-02-29", "9999-12-31", "2026-12-31", "0001-03-01"}) {
    std::string with_time = std::string(d) + "T00:00Z";
    INFO(d);
    auto fast = parse_date(d);
    REQUIRE(fast.has_value());
    CHECK(fast == parse_date(with_time));
  }
  for (const char* bad : {"2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00",
                          "2026-1-011", "2026/01/01", "20a6-01-01", "2026-0a-01", "-026-01-01"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
  CHECK(parse_date("2026-01-01") == days_from_civil(2026, 1, 1));
}

TEST_CASE("plain dates read again, from the memo of read dates, give the same day", "[values][fast]") {
  // Dates two years apart share a memo slot; a text that is not a date, or
  // differs in one byte, must never be taken for the date in its slot.
  const std::vector<std::string> texts = {"2026-08-27", "2028-08-27", "2026-08-27", "2028-08-27", "2026-08-2x",
                                          "2026-08-27", "2030-08-27", "2026-08-37", "2026-18-27", "2026-08-27",
                                          std::string(10, '\0'), "2026-08-27", "2027-02-29", "2027-02-28"};
  for (int round = 0; round < 3; ++round) {
    for (const std::string& t : texts) {
      INFO(round << " '" << t << "'");
      std::optional<int32_t> expected;
      int y, m, d;
      if (std::sscanf(t.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && t.size() == 10 && t[4] == '-' && t[7] == '-' &&
          parse_date(t + "T00:00Z")) {
        expected = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
      }
      CHECK(parse_date(t) == expected);
    }
  }
  CHECK(parse_date("2026-08-27") == days_from_civil(2026, 8, 27));
  CHECK(parse_date("2028-08-27") == days_from_civil(2028, 8, 27));
  CHECK_FALSE(parse_date("2026-08-2x").has_value());
}

TEST_CASE("round_half_away equals std::round on halves, edges and random values", "[values][fast]") {
  std::vector<double> values = {0.0,  0.5,   -0.5,  1.5,   -1.5,  2.5,   -2.5,   0.49999999999999994, -0.49999999999999994,
                                12.5, 100.5, 1e15,  -1e15, 4503599627370495.5, -4503599627370495.5, 4503599627370496.0,
                                9007199254740993.0, 1e300, -1e300, 0.125 * 100, 1.005 * 100, -2.675 * 100};
  uint64_t state = 88172645463325252ULL;
  for (int i = 0; i < 100000; ++i) {
    uint64_t r = next_random(state);
    double v = static_cast<double>(static_cast<int64_t>(r % 2000001) - 1000000) / 8.0;  // many exact halves
    values.push_back(v);
    values.push_back(static_cast<double>(static_cast<int64_t>(r >> 11)) * 1e-9 * ((r & 1) ? -1 : 1));
  }
  for (double v : values) {
    INFO(v);
    double expected = std::round(v);
    double got = round_half_away(v);
    CHECK((got == expected && (got != 0 || same_bits(std::fabs(got), std::fabs(expected)))));
  }
  CHECK(std::isnan(round_half_away(NAN)));
  CHECK(round_half_away(INFINITY) == INFINITY);
  CHECK(round_half_away(-INFINITY) == -INFINITY);
}

TEST_CASE("round2 without libm is bit-identical, including halves and negative zero", "[values][fast]") {
  std::vector<double> values = {0.125, 1.005, -2.675, 2.675, -0.125, 0.005, -0.005, -0.004, -0.0, 0.0, 1e13, -1e13,
                                1e20, 0.1 + 0.2, 7.335, -7.335, 1234567.895, 15, -10};
  uint64_t state = 1234567ULL;
  for (int i = 0; i < 100000; ++i) {
    uint64_t r = next_random(state);
    values.push_back(static_cast<double>(static_cast<int64_t>(r % 20000001) - 10000000) / 1000.0);
    values.push_back(static_cast<double>(static_cast<int64_t>(r >> 8)) * 1e-7 * ((r & 1) ? -1 : 1));
  }
  // Whole numbers take a path of their own, up to just below 1e13.
  for (int w = -3000; w <= 3000; ++w) values.push_back(w);
  for (double w : {9999999999999.0, -9999999999999.0, 4503599627370496.0, 9007199254740993.0, 1e15 + 1}) {
    values.push_back(w);
  }
  for (double v : values) {
    INFO(v);
    CHECK(same_bits(round2(v), reference_round2(v)));
  }
  CHECK(round2(1.005) == 1.0);  // README: on the binary value
  CHECK(same_bits(round2(-0.001), 0.0));
}

TEST_CASE("format_number without libm prints what the llround version printed", "[values][fast]") {
  std::vector<double> values = {0.0, -0.0, 0.125, 1.005, -2.675, -0.004, -0.005, 0.005, 15, -10, 12.5, 7.333,
                                9999999999999.99, -9999999999999.99, 1e13, -1e13, 1e300, 123.456};
  uint64_t state = 987654321ULL;
  for (int i = 0; i < 100000; ++i) {
    uint64_t r = next_random(state);
    values.push_back(static_cast<double>(static_cast<int64_t>(r % 2000000001) - 1000000000) / 1000.0);
  }
  // Whole numbers take a path of their own, up to just below 1e13.
  for (int w = -3000; w <= 3000; ++w) values.push_back(w);
  for (double w : {9999999999999.0, -9999999999999.0, 4294967296.0, -2147483649.0}) values.push_back(w);
  for (double v : values) {
    INFO(v);
    CHECK(fmt(v) == reference_format(v));
  }
  CHECK(fmt(-0.0) == "0");
  CHECK(fmt(-0.004) == "0");
  CHECK(fmt(0.125) == "0.13");
}

TEST_CASE("an e-mail domain matches a listed domain or any subdomain of it", "[values][fast]") {
  using engine_internal::domain_is_or_under;
  using engine_internal::email_domain_matches;
  CHECK(domain_is_or_under("gmail.com", "gmail.com"));
  CHECK(domain_is_or_under("GMail.COM", "gmail.com"));
  CHECK(domain_is_or_under("mail.gmail.com", "gmail.com"));
  CHECK_FALSE(domain_is_or_under("notgmail.com", "gmail.com"));
  CHECK_FALSE(domain_is_or_under("gmail.co", "gmail.com"));
  CHECK_FALSE(domain_is_or_under("", "gmail.com"));
  CHECK(domain_is_or_under("", ""));
  CHECK(domain_is_or_under("a.", ""));
  CHECK(email_domain_matches("x@y@gmail.com", "gmail.com"));
  CHECK_FALSE(email_domain_matches("gmail.com", "gmail.com"));
  CHECK(email_domain_matches("a@sub.Yahoo.com", "yahoo.com"));
}

TEST_CASE("ascii_lower_word lower-cases each byte as ascii_lower does", "[values][fast]") {
  // Every byte value, in every position, beside bytes that stress the carries.
  for (int b = 0; b < 256; ++b) {
    for (size_t pos = 0; pos < 8; ++pos) {
      for (int filler : {0x41, 0x7A, 0x40, 0x5B, 0xFF, 0x00, 0xC1}) {  // A z @ [ and high bytes
        std::string s(8, static_cast<char>(filler));
        s[pos] = static_cast<char>(b);
        std::string lowered = s;
        for (char& c : lowered) c = ascii_lower(c);
        INFO("byte " << b << " at " << pos << " among " << int(filler));
        REQUIRE(ascii_lower_word(short_text_word(s)) == short_text_word(lowered));
      }
    }
  }
}

TEST_CASE("YYYY-MM-DD read a word at a time agrees with the date-time path for every day and every byte", "[values][fast]") {
  char text[11] = {};
  // Every month and day number 00 to 39 in years around the leap rules.
  for (int y : {0, 1, 4, 100, 400, 1900, 1969, 1970, 2000, 2024, 2026, 2100, 9999}) {
    for (int m = 0; m <= 13; ++m) {
      for (int d = 0; d <= 39; ++d) {
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
        INFO(text);
        CHECK(parse_date(text) == parse_date(std::string(text) + "T00:00Z"));
      }
    }
  }
  // Each byte of a valid date replaced by each byte value: only the same
  // verdict as the general path (which reads a digit at a time) will do.
  const std::string good = "2024-02-29";
  for (size_t i = 0; i < good.size(); ++i) {
    for (int b = 0; b < 256; ++b) {
      std::string s = good;
      s[i] = static_cast<char>(b);
      INFO("byte " << i << " = " << b);
      CHECK(parse_date(s) == parse_date(s + "T00:00Z"));
    }
  }
}
