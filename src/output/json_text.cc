#include "output/json_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#include "input/json_string_scan.h"
#include "leadscore/values.h"

namespace leadscore {

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0.
size_t utf8_length(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  auto tail = [](unsigned b) { return b >= 0x80 && b <= 0xBF; };
  const unsigned b0 = at(0), b1 = at(1);
  if (b0 >= 0xC2 && b0 <= 0xDF) return tail(b1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return b1 >= lo && b1 <= hi && tail(at(2)) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return b1 >= lo && b1 <= hi && tail(at(2)) && tail(at(3)) ? 4 : 0;
  }
  return 0;
}

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(u, sizeof u);
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const size_t start = out.size();
  out += '"';
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* done = begin;  // copied up to here
  // Runs of bytes with nothing to escape or check (most strings are one) go
  // by 16 bytes a step.
  for (const char* p = json_scan::skip_plain(begin, end); p < end; p = json_scan::skip_plain(p, end)) {
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x80) {
      const size_t n = utf8_length(text, static_cast<size_t>(p - begin));
      if (n == 0) {
        // Rare: leave invalid UTF-8 to the library's own replacement rules.
        out.resize(start);
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      p += n;
    } else {
      out.append(done, p);
      append_escape(out, c);
      done = ++p;
    }
  }
  out.append(done, end);
  out += '"';
}

void append_json_list(std::string& out, std::string_view items) {
  const char* const end = items.data() + items.size();
  if (!items.empty() && json_scan::skip_plain(items.data(), end) == end) {
    // Nothing to escape (the usual reasons): "; " becomes "," between quotes.
    if (items.size() >= 2 && items.substr(items.size() - 2) == "; ") items.remove_suffix(2);
    out.append("[\"", 2);
    size_t start = 0;
    for (size_t sep; (sep = items.find("; ", start)) != std::string_view::npos; start = sep + 2) {
      out.append(items.data() + start, sep - start);
      out.append("\",\"", 3);
    }
    out.append(items.data() + start, items.size() - start);
    out.append("\"]", 2);
    return;
  }
  out += '[';
  size_t start = 0;
  while (start < items.size()) {
    size_t sep = items.find("; ", start);
    if (sep == std::string_view::npos) sep = items.size();
    if (start > 0) out += ',';
    append_json_string(out, items.substr(start, sep - start));
    start = sep + 2;
  }
  out += ']';
}

char* write_json_number(char* buf, double v) {
  // Whole numbers below 1e13 (most scores) are their own round2: written
  // without rounding or a floor (-0 becomes 0, as round2 makes it).
  if (v > -1e13 && v < 1e13) {
    const auto whole = static_cast<int64_t>(v);
    if (static_cast<double>(whole) == v) return std::to_chars(buf, buf + 64, whole).ptr;
  }
  v = round2(v);
  if (v == std::floor(v) && std::fabs(v) < 9e15) return std::to_chars(buf, buf + 64, static_cast<int64_t>(v)).ptr;
  if (std::isfinite(v)) return nlohmann::detail::to_chars(buf, buf + 64, v);
  std::memcpy(buf, "null", 4);
  return buf + 4;
}

void append_json_number(std::string& out, double v) {
  char buf[64];
  out.append(buf, write_json_number(buf, v));
}

}  // namespace leadscore
