#include "leadscore/values.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <type_traits>

namespace leadscore {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at s[pos]; advances pos.
bool read_digits(std::string_view s, size_t& pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!is_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  pos += n;
  out = v;
  return true;
}

bool valid_ymd(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  int limit = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) limit = 29;
  return d <= limit;
}

int64_t floor_div64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Day numbers outside this range are not dates anyone scores leads by.
std::optional<int32_t> to_day(int64_t day) {
  if (day < -5000000 || day > 5000000) return std::nullopt;
  return static_cast<int32_t>(day);
}

std::optional<int32_t> floor_div(int64_t a, int64_t b) { return to_day(floor_div64(a, b)); }

}  // namespace

std::optional<double> parse_number(std::string_view s) {
  if (s.empty() || s.size() > 256) return std::nullopt;
  // Fast path: most CRM numbers are plain whole numbers (counts, sizes).
  if (s.size() <= 15) {
    uint64_t v = 0;
    size_t i = 0;
    while (i < s.size() && is_digit(s[i])) v = v * 10 + static_cast<uint64_t>(s[i++] - '0');
    if (i == s.size()) return static_cast<double>(v);
  }
  size_t pos = 0;
  bool negative = false;
  bool have_sign = false;
  auto take_sign = [&]() {
    if (!have_sign && pos < s.size() && (s[pos] == '-' || s[pos] == '+')) {
      negative = s[pos] == '-';
      have_sign = true;
      ++pos;
    }
  };
  auto take_currency = [&]() -> bool {
    if (pos < s.size() && s[pos] == '$') { ++pos; return true; }
    if (s.substr(pos, 3) == "\xE2\x82\xAC") { pos += 3; return true; }  // €
    if (s.substr(pos, 2) == "\xC2\xA3") { pos += 2; return true; }      // £
    return false;
  };
  take_sign();
  if (take_currency()) take_sign();
  if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) return std::nullopt;

  // Integer part with optional thousands separators, copied without them.
  char buf[300];
  size_t n = 0;
  if (negative) buf[n++] = '-';
  size_t group_len = 0, groups = 0;
  bool saw_comma = false;
  size_t int_digits = 0;
  while (pos < s.size()) {
    char c = s[pos];
    if (is_digit(c)) {
      buf[n++] = c;
      ++group_len;
      ++int_digits;
      ++pos;
    } else if (c == ',') {
      // A separator must follow a group of 1-3 digits (first) or exactly 3 (later).
      if (group_len == 0 || (groups == 0 ? group_len > 3 : group_len != 3)) return std::nullopt;
      saw_comma = true;
      ++groups;
      group_len = 0;
      ++pos;
    } else {
      break;
    }
  }
  if (saw_comma && group_len != 3) return std::nullopt;
  bool point = false, frac_digits = false;
  if (pos < s.size() && s[pos] == '.') {
    point = true;
    buf[n++] = '.';
    ++pos;
    while (pos < s.size() && is_digit(s[pos])) {
      buf[n++] = s[pos++];
      frac_digits = true;
    }
  }
  // README "Exact semantics": digits, then an optional `.fraction`; ".5" and "5." are not numbers.
  if (int_digits == 0 || (point && !frac_digits)) return std::nullopt;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    buf[n++] = 'e';
    ++pos;
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) buf[n++] = s[pos++];
    bool exp_digits = false;
    while (pos < s.size() && is_digit(s[pos])) {
      buf[n++] = s[pos++];
      exp_digits = true;
    }
    if (!exp_digits) return std::nullopt;
  }
  if (pos < s.size() && s[pos] == '%') ++pos;
  if (pos != s.size()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(buf, buf + n, v);
  if (ec != std::errc() || end != buf + n || !std::isfinite(v)) return std::nullopt;
  return v;
}

namespace {

// n bytes of s from `at` as one little-endian word, ASCII letters
// lower-cased, so that a spelling is compared with one test. Setting bit 5
// lower-cases a letter and maps nothing else onto a lower-case letter but its
// capital; every accepted spelling is made of letters.
template <size_t n>
uint32_t lowered(std::string_view s, size_t at) {
  static_assert(n == 1 || n == 2 || n == 4);
  using Word = std::conditional_t<n == 1, uint8_t, std::conditional_t<n == 2, uint16_t, uint32_t>>;
  Word w;
  std::memcpy(&w, s.data() + at, n);
  return static_cast<uint32_t>(w | static_cast<Word>(0x20202020u));
}

constexpr uint32_t word_of(std::string_view s) {
  uint32_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) w |= static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return w;
}

}  // namespace

std::optional<bool> parse_bool(std::string_view s) {
  // Each accepted spelling has its own length, so one comparison decides.
  switch (s.size()) {
    case 1:
      switch (ascii_lower(s[0])) {
        case 'y': case 't': case '1': return true;
        case 'n': case 'f': case '0': return false;
        default: return std::nullopt;
      }
    case 2: if (lowered<2>(s, 0) == word_of("no")) return false; break;
    case 3: if (lowered<2>(s, 0) == word_of("ye") && lowered<1>(s, 2) == 's') return true; break;
    case 4: if (lowered<4>(s, 0) == word_of("true")) return true; break;
    case 5: if (lowered<4>(s, 0) == word_of("fals") && lowered<1>(s, 4) == 'e') return false; break;
    default: break;
  }
  return std::nullopt;
}

int32_t days_from_civil(int32_t y, unsigned m, unsigned d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int32_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

CivilDate civil_from_days(int32_t z) {
  z += 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t y = static_cast<int32_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

namespace {

bool digits_at(std::string_view s, size_t pos, size_t n, int& out) { return read_digits(s, pos, n, out); }

// Days of recently read 10-byte dates, per thread: an export spans a few
// hundred distinct days, so most plain dates are found here, already checked.
struct DayMemo {
  uint64_t head;  // the text's first 8 bytes
  uint16_t tail;  // and its last 2
  bool used;
  int32_t day;
};
thread_local DayMemo t_day_memo[1024];

// The slot of a 10-byte text: for "2026-08-27", the day of a two-year cycle
// read from the digits' low bits (year parity, month 0-19, day 0-39), so
// dates of two years in a row never collide (a general hash spreads these
// few varying bits badly). Any other text gets some slot.
DayMemo& day_memo_slot(uint64_t head, uint16_t tail) {
  const uint64_t month = ((head >> 40) & 1) * 10 + ((head >> 48) & 0xF);
  const uint64_t day = (tail & 3) * 10 + ((tail >> 8) & 0xF);
  return t_day_memo[(((head >> 24) & 1) * 416 + month * 32 + day) & 1023];
}

}  // namespace

std::optional<int32_t> parse_date(std::string_view s) {
  if (s.empty()) return std::nullopt;
  // Plain YYYY-MM-DD, the common case; anything else takes the general path.
  int y = 0, mo = 0, d = 0;
  if (s.size() == 10) {
    uint64_t head;
    uint16_t tail;
    std::memcpy(&head, s.data(), 8);
    std::memcpy(&tail, s.data() + 8, 2);
    DayMemo& memo = day_memo_slot(head, tail);
    if (memo.used && memo.head == head && memo.tail == tail) return memo.day;
    if (s[4] == '-' && s[7] == '-' && digits_at(s, 0, 4, y) && digits_at(s, 5, 2, mo) && digits_at(s, 8, 2, d)) {
      if (!valid_ymd(y, mo, d)) return std::nullopt;
      const int32_t day = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
      memo = {head, tail, true, day};
      return day;
    }
  }
  // Epoch seconds (up to 11 digits) or milliseconds (12-13 digits).
  bool all_digits = true;
  for (char c : s) all_digits = all_digits && is_digit(c);
  if (all_digits) {
    if (s.size() > 13) return std::nullopt;
    int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.size() >= 12) v = floor_div64(v, 1000);  // milliseconds
    return floor_div(v, 86400);
  }
  size_t pos = 0;
  if (!read_digits(s, pos, 4, y) || pos >= s.size() || s[pos++] != '-' || !read_digits(s, pos, 2, mo) ||
      pos >= s.size() || s[pos++] != '-' || !read_digits(s, pos, 2, d) || !valid_ymd(y, mo, d)) {
    return std::nullopt;
  }
  int64_t day = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  if (pos == s.size()) return static_cast<int32_t>(day);
  if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
  ++pos;
  int hh, mm, ss = 0;
  if (!read_digits(s, pos, 2, hh) || pos >= s.size() || s[pos++] != ':' || !read_digits(s, pos, 2, mm)) {
    return std::nullopt;
  }
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!read_digits(s, pos, 2, ss)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < s.size() && is_digit(s[pos])) ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  if (hh > 24 || mm > 59 || ss > 60 || (hh == 24 && (mm != 0 || ss != 0))) return std::nullopt;
  int offset_minutes = 0;
  if (pos < s.size()) {
    char c = s[pos];
    if ((c == 'Z' || c == 'z') && pos + 1 == s.size()) {
      ++pos;
    } else if (c == '+' || c == '-') {
      ++pos;
      int oh, om = 0;
      if (!read_digits(s, pos, 2, oh)) return std::nullopt;
      if (pos < s.size()) {
        if (s[pos] == ':') ++pos;
        if (!read_digits(s, pos, 2, om)) return std::nullopt;
      }
      if (oh > 23 || om > 59) return std::nullopt;
      offset_minutes = (oh * 60 + om) * (c == '-' ? -1 : 1);
    }
    if (pos != s.size()) return std::nullopt;
  }
  // Local time minus offset = UTC.
  int64_t minutes = day * 1440 + hh * 60 + mm - offset_minutes;
  return floor_div(minutes, 1440);
}

namespace {

constexpr const char* kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                   "august", "september", "october", "november", "december"};

// Reads 1..max digits.
bool read_number(std::string_view s, size_t& pos, size_t max, int& out) {
  size_t start = pos;
  int v = 0;
  while (pos < s.size() && pos - start < max && is_digit(s[pos])) v = v * 10 + (s[pos++] - '0');
  out = v;
  return pos > start;
}

}  // namespace

std::optional<int32_t> parse_date_with_format(std::string_view s, std::string_view f) {
  int y = 1970, mo = 1, d = 1, hh = 0, mm = 0, ss = 0, yday = -1, offset = 0;
  bool pm = false, have_ampm = false;
  size_t pos = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    char fc = f[i];
    if (fc != '%') {
      if (fc == ' ') {
        while (pos < s.size() && s[pos] == ' ') ++pos;
        continue;
      }
      if (pos >= s.size() || s[pos] != fc) return std::nullopt;
      ++pos;
      continue;
    }
    if (++i >= f.size()) return std::nullopt;
    switch (f[i]) {
      case 'Y': {
        bool neg = pos < s.size() && s[pos] == '-';
        if (neg) ++pos;
        // Exactly four digits: "1/5/26" under %m/%d/%Y is a data error, not the year 26.
        if (!read_digits(s, pos, 4, y)) return std::nullopt;
        if (neg) y = -y;
        break;
      }
      case 'y':
        if (!read_number(s, pos, 2, y)) return std::nullopt;
        y += y < 69 ? 2000 : 1900;
        break;
      case 'm': if (!read_number(s, pos, 2, mo)) return std::nullopt; break;
      case 'd':
      case 'e':
        while (f[i] == 'e' && pos < s.size() && s[pos] == ' ') ++pos;
        if (!read_number(s, pos, 2, d)) return std::nullopt;
        break;
      case 'H': if (!read_number(s, pos, 2, hh)) return std::nullopt; break;
      case 'I': if (!read_number(s, pos, 2, hh)) return std::nullopt; break;
      case 'M': if (!read_number(s, pos, 2, mm)) return std::nullopt; break;
      case 'S': if (!read_number(s, pos, 2, ss)) return std::nullopt; break;
      case 'j': if (!read_number(s, pos, 3, yday)) return std::nullopt; break;
      case 'p': {
        if (pos + 2 > s.size()) return std::nullopt;
        std::string_view ap = s.substr(pos, 2);
        if (iequals(ap, "am")) pm = false;
        else if (iequals(ap, "pm")) pm = true;
        else return std::nullopt;
        have_ampm = true;
        pos += 2;
        break;
      }
      case 'b':
      case 'h':
      case 'B': {
        bool found = false;
        for (int k = 0; k < 12 && !found; ++k) {
          std::string_view full = kMonths[k];
          if (pos + full.size() <= s.size() && iequals(s.substr(pos, full.size()), full)) {
            pos += full.size();
            mo = k + 1;
            found = true;
          } else if (pos + 3 <= s.size() && iequals(s.substr(pos, 3), full.substr(0, 3))) {
            pos += 3;
            mo = k + 1;
            found = true;
          }
        }
        if (!found) return std::nullopt;
        break;
      }
      case 'z': {
        if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) { ++pos; break; }
        if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return std::nullopt;
        int sign = s[pos++] == '-' ? -1 : 1;
        int oh, om = 0;
        if (!read_digits(s, pos, 2, oh)) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (pos < s.size() && is_digit(s[pos]) && !read_digits(s, pos, 2, om)) return std::nullopt;
        offset = sign * (oh * 60 + om);
        break;
      }
      case '%':
        if (pos >= s.size() || s[pos] != '%') return std::nullopt;
        ++pos;
        break;
      default:
        return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;
  if (have_ampm) {
    if (hh < 1 || hh > 12) return std::nullopt;
    hh = hh % 12 + (pm ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  int64_t day;
  if (yday >= 0) {
    if (yday < 1 || yday > 366) return std::nullopt;
    day = days_from_civil(y, 1, 1) + yday - 1;
  } else {
    if (!valid_ymd(y, mo, d)) return std::nullopt;
    day = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  }
  return floor_div(day * 1440 + hh * 60 + mm - offset, 1440);
}

double round_half_away(double v) {
  // Doubles this large are whole already (and NaN and infinities stay as they are).
  if (!(std::fabs(v) < 4503599627370496.0)) return v;  // 2^52
  double whole = static_cast<double>(static_cast<int64_t>(v));  // truncated, exact
  double fraction = v - whole;                                   // exact too
  if (fraction >= 0.5) return whole + 1;
  if (fraction <= -0.5) return whole - 1;
  return whole;
}

int32_t today_utc() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now);
  return static_cast<int32_t>(days.time_since_epoch().count());
}

double round2(double v) {
  // Whole numbers (most points and scores) round to themselves: no division.
  // Below 1e13, v * 100 is exact, so this is what the general path gives.
  if (std::fabs(v) < 1e13 && v == static_cast<double>(static_cast<int64_t>(v))) return v == 0 ? 0.0 : v;
  double r = round_half_away(v * 100.0) / 100.0;
  return r == 0 ? 0.0 : r;  // no negative zero
}

std::string_view format_number(double v, char* buf) {
  // Beyond 1e13 two decimals are noise (and cents would not fit an int64 safely).
  if (!(std::fabs(v) < 1e13)) {
    int n = std::snprintf(buf, 32, "%.15g", v);
    return {buf, n > 0 && n < 32 ? static_cast<size_t>(n) : 0};
  }
  // Printed by hand from whole cents: this runs three times per scored lead.
  // Whole numbers (most scores) have no cents, and need no arithmetic for them.
  const bool whole = v == static_cast<double>(static_cast<int64_t>(v));
  const long long units = whole ? static_cast<long long>(v) : static_cast<long long>(round_half_away(v * 100.0));
  unsigned frac = 0;  // cents
  const bool negative = units < 0;
  unsigned long long u = negative ? 0ULL - static_cast<unsigned long long>(units) : static_cast<unsigned long long>(units);
  if (!whole) {
    frac = static_cast<unsigned>(u % 100);
    u /= 100;
  }
  char* p = buf + 32;
  if (frac != 0) {
    if (frac % 10 != 0) *--p = static_cast<char>('0' + frac % 10);
    *--p = static_cast<char>('0' + frac / 10);
    *--p = '.';
  }
  // Two digits a step: scores are mostly below 100, so mostly one step.
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  while (u >= 100) {
    p -= 2;
    std::memcpy(p, kPairs + 2 * (u % 100), 2);
    u /= 100;
  }
  if (u >= 10) {
    p -= 2;
    std::memcpy(p, kPairs + 2 * u, 2);
  } else {
    *--p = static_cast<char>('0' + u);
  }
  if (negative) *--p = '-';
  return {p, static_cast<size_t>(buf + 32 - p)};
}

}  // namespace leadscore
