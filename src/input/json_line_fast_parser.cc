#include "input/json_line_fast_parser.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "common/byte_words.h"
#include "input/json_string_scan.h"
#include "input/text_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace leadscore {

namespace {

// Serials are unique across readers (and threads), so equal serials always
// mean equal names.
std::atomic<uint64_t> g_next_serial{1};

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The parse below keeps its place in a plain pointer, in a register. Once the
// line is known to end with '}', that brace stops every scan but a string's:
// blanks, digits and literals need no check against the end.
const char* skip_blanks(const char* p) {
  while (is_json_space(*p)) ++p;
  return p;
}

const char* skip_digits(const char* p) {
  while (is_digit(*p)) ++p;
  return p;
}

// Whether the bytes read are written exactly as compact JSON output writes
// them, numbers aside (those written otherwise are noted and rewritten): no
// blanks between tokens, only the escapes dump() writes.
struct Shape {
  bool compact = true;
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of the four hex digits at *p (moved past them), or -1.
int32_t read_hex4(const char*& p, const char* end) {
  if (end - p < 4) return -1;
  int32_t unit = 0;
  for (int i = 0; i < 4; ++i) {
    const int digit = hex_digit(*p++);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the escape at *p (a backslash; moved past it) onto `out`; false
// when it is not valid JSON (nlohmann also refuses lone surrogates).
bool unescape_one(const char*& p, const char* end, std::string& out, Shape& shape) {
  if (end - p < 2) return false;
  const char e = p[1];
  p += 2;
  switch (e) {
    case '"': out += '"'; return true;
    case '\\': out += '\\'; return true;
    case '/': out += '/'; shape.compact = false; return true;  // output writes it bare
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'u': break;
    default: return false;
  }
  const int32_t unit = read_hex4(p, end);
  if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return false;
  uint32_t cp = static_cast<uint32_t>(unit);
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    if (end - p < 2 || p[0] != '\\' || p[1] != 'u') return false;
    p += 2;
    const int32_t low = read_hex4(p, end);
    if (low < 0xDC00 || low > 0xDFFF) return false;
    cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<uint32_t>(low - 0xDC00);
  }
  // Output writes \u00xx, in lower case, only for control characters that
  // have no short form.
  const bool short_form = cp == '\b' || cp == '\f' || cp == '\n' || cp == '\r' || cp == '\t';
  if (cp >= 0x20 || short_form || (p[-1] >= 'A' && p[-1] <= 'F')) shape.compact = false;
  append_utf8(out, cp);
  return true;
}

// A string with a backslash, from its first byte `start` to the closing quote:
// its text unescaped is appended to `storage`. Returns the byte past the
// closing quote, or null when the string is not valid JSON.
const char* read_escaped(const char* start, const char* end, std::string& storage, Shape& shape) {
  const size_t from = storage.size();
  const char* p = start;
  for (;;) {
    const char* const run = p;
    p = json_scan::skip_plain(p, end);
    storage.append(run, p);
    if (p == end) return nullptr;
    const auto b = static_cast<unsigned char>(*p);
    if (b == '"') break;
    if (b == '\\') {
      if (!unescape_one(p, end, storage, shape)) return nullptr;
    } else if (b < 0x20) {
      return nullptr;
    } else {
      storage += *p++;  // not ASCII: checked below
    }
  }
  // Escapes decode to whole characters, so the text is valid UTF-8 exactly
  // when its raw bytes were.
  const std::string_view text = std::string_view(storage).substr(from);
  return find_invalid_utf8(text) == std::string_view::npos ? p + 1 : nullptr;
}

// Where a string's text is: in the line, or, when `stored`, appended to the
// parser's storage (an escaped string).
struct StringText {
  std::string_view view;
  bool stored = false;
};

// Any string but the plain ASCII ones (see read_string).
[[gnu::noinline]] const char* read_string_slowly(const char* start, const char* end, std::string& storage,
                                                 StringText* text, Shape& shape) {
  const char* p = start;
  for (;;) {
    p = json_scan::skip_plain(p, end);
    if (p == end) return nullptr;
    const auto b = static_cast<unsigned char>(*p);
    if (b == '"') break;
    if (b == '\\') {
      text->stored = true;
      return read_escaped(start, end, storage, shape);
    }
    if (b < 0x20) return nullptr;
    ++p;  // not ASCII: checked below
  }
  text->view = std::string_view(start, static_cast<size_t>(p - start));
  return find_invalid_utf8(text->view) == std::string_view::npos ? p + 1 : nullptr;
}

// Reads a string from its first byte `p`; returns the byte past its closing
// quote, or null when it is not valid JSON.
inline const char* read_string(const char* p, const char* end, std::string& storage, StringText& text,
                               Shape& shape) {
  const char* const close = json_scan::skip_plain(p, end);
  if (close < end && *close == '"') {
    text.view = std::string_view(p, static_cast<size_t>(close - p));
    text.stored = false;
    return close + 1;
  }
  // Its own variable, so that `text` need not leave registers on the way above.
  StringText slow;
  p = read_string_slowly(p, end, storage, &slow, shape);
  text = slow;
  return p;
}

// A number other than a short integer (see read_number). *rewritten, when not
// empty, is how JsonObjectParser writes it (held in `buf`).
[[gnu::noinline]] const char* read_number_slowly(const char* start, std::string_view* raw,
                                                 std::string_view* rewritten, char (&buf)[64]) {
  const char* p = start;
  const bool negative = *p == '-';
  if (negative) ++p;
  if (*p == '0') {
    ++p;
  } else if (is_digit(*p)) {
    p = skip_digits(p);
  } else {
    return nullptr;
  }
  bool whole = true;
  if (*p == '.') {
    if (!is_digit(*++p)) return nullptr;
    p = skip_digits(p);
    whole = false;
  }
  if (*p == 'e' || *p == 'E') {
    ++p;
    if (*p == '+' || *p == '-') ++p;
    if (!is_digit(*p)) return nullptr;
    p = skip_digits(p);
    whole = false;
  }
  *raw = std::string_view(start, static_cast<size_t>(p - start));
  if (whole) {
    // nlohmann keeps integers that fit int64 (below zero) or uint64, written
    // back digit for digit, except -0; longer ones become doubles.
    const std::string_view digits = raw->substr(negative ? 1 : 0);
    const std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
    if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) return nullptr;
    if (negative && digits == "0") *rewritten = "0";
    return p;
  }
  double d;
  const auto parsed = std::from_chars(start, p, d);
  if (parsed.ec != std::errc() || parsed.ptr != p || !std::isfinite(d)) return nullptr;
  const std::string_view written(buf, static_cast<size_t>(nlohmann::detail::to_chars(buf, buf + sizeof buf, d) - buf));
  if (written != *raw) *rewritten = written;
  return p;
}

// Reads a number (JSON's grammar) from `p`; returns the byte past it, or null
// for what JsonObjectParser does not read as an integer or a finite double.
// *raw is the number as written; *rewritten, when not empty, is how
// JsonObjectParser writes it instead.
inline const char* read_number(const char* p, std::string_view& raw, std::string_view& rewritten, char (&buf)[64]) {
  // Most are short integers, written back as they are.
  const char* const digits = *p == '-' ? p + 1 : p;
  const char* const after = skip_digits(digits);
  const size_t count = static_cast<size_t>(after - digits);
  if (count > 0 && count < 19 && (*digits != '0' || (count == 1 && digits == p)) && *after != '.' &&
      *after != 'e' && *after != 'E') {
    raw = std::string_view(p, static_cast<size_t>(after - p));
    rewritten = {};
    return after;
  }
  std::string_view slow_raw, slow_rewritten;  // its own, so that raw and rewritten may stay in registers
  p = read_number_slowly(p, &slow_raw, &slow_rewritten, buf);
  raw = slow_raw;
  rewritten = slow_rewritten;
  return p;
}

using bytes::same;

#if defined(__SSE2__)
// Whether the `size` (at most 32) bytes at p, of which 32 may be read, are
// those at `pattern` (32 may be read there too); `mask` has the low `size`
// bits set.
[[gnu::always_inline]] inline bool same_32(const char* pattern, const char* p, uint32_t size, uint32_t mask) {
  const auto* a = reinterpret_cast<const __m128i*>(p);
  const auto* b = reinterpret_cast<const __m128i*>(pattern);
  auto equal = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(a), _mm_loadu_si128(b))));
  if (size > 16) {
    equal |= static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(a + 1), _mm_loadu_si128(b + 1))))
             << 16;
  }
  return (~equal & mask) == 0;
}
#endif

}  // namespace

bool JsonLineFastParser::names_distinct() const {
  std::vector<std::string_view> sorted(names_.begin(), names_.end());
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

void JsonLineFastParser::make_key_patterns() {
  patterns_.clear();
  key_patterns_.clear();
  for (const std::string& name : names_) {
    Pattern pattern;
    const bool literal = std::none_of(name.begin(), name.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
    });
    if (literal && name.size() + 4 <= UINT32_MAX - key_patterns_.size()) {
      pattern.offset = static_cast<uint32_t>(key_patterns_.size());
      pattern.size = static_cast<uint32_t>(name.size() + (patterns_.empty() ? 3 : 4));
      pattern.mask = pattern.size >= 32 ? UINT32_MAX : (uint32_t{1} << pattern.size) - 1;
      if (!patterns_.empty()) key_patterns_ += ',';
      key_patterns_ += '"';
      key_patterns_ += name;
      key_patterns_ += "\":";
    }
    patterns_.push_back(pattern);
  }
  key_patterns_.append(32, '\0');  // for 32-byte loads from any pattern
}

bool JsonLineFastParser::parse(std::string_view text, InputRecord& out) {
  if (!parse_object(text, out)) return false;
  out.object = nullptr;
  out.delimiter = 0;
  out.names_fixed = false;
  return true;
}

// Reads the value that starts at p (after any blanks) for key k: its text in
// `value`, and in text_ (noted in stored_) when it had to be written. Returns
// the byte past it, or null when JsonObjectParser must read the line.
template <class ShapeT>
[[gnu::always_inline]] inline const char* JsonLineFastParser::read_value(const char* p, const char* line,
                                                                         const char* end, size_t k, ShapeT& shape,
                                                                         std::string_view& value) {
  switch (*p) {
    case '"': {
      StringText string;
      const size_t from = text_.size();
      p = read_string(p + 1, end, text_, string, shape);
      if (p == nullptr) return nullptr;
      if (string.stored) stored_.push_back({false, k, from, text_.size()});
      value = string.view;
      return p;
    }
    case 't':
      if (end - p < 5 || std::memcmp(p, "true", 4) != 0) return nullptr;
      value = "true";
      return p + 4;
    case 'f':
      if (end - p < 6 || std::memcmp(p, "false", 5) != 0) return nullptr;
      value = "false";
      return p + 5;
    case 'n':
      if (end - p < 5 || std::memcmp(p, "null", 4) != 0) return nullptr;
      value = {};  // null reads as empty
      return p + 4;
    case ' ':
    case '\t':
    case '\n':
    case '\r':
      // Blanks before a value (after the colon): not compact, but read here,
      // so that the key loop need not look for them.
      return read_value_after_blanks(p, line, end, k, shape, value);
    default: {
      // Nested objects and arrays go to JsonObjectParser, which writes them out.
      if (*p != '-' && !is_digit(*p)) return nullptr;
      std::string_view rewritten;
      char buf[64];
      const char* const start = p;
      p = read_number(p, value, rewritten, buf);
      if (p == nullptr) return nullptr;
      if (!rewritten.empty()) {
        const size_t at = text_.size();
        stored_.push_back({false, k, at, at + rewritten.size()});
        rewrites_.push_back({static_cast<size_t>(start - line), static_cast<size_t>(p - line), at,
                             at + rewritten.size()});
        text_.append(rewritten);
      }
      return p;
    }
  }
}

template <class ShapeT>
[[gnu::noinline]] const char* JsonLineFastParser::read_value_after_blanks(const char* p, const char* line,
                                                                          const char* end, size_t k, ShapeT& shape,
                                                                          std::string_view& value) {
  shape.compact = false;
  p = skip_blanks(p);  // the line's closing brace stops it
  return read_value(p, line, end, k, shape, value);
}

bool JsonLineFastParser::parse_object(std::string_view text, InputRecord& out) {
  const char* p = text.data();
  const char* end = p + text.size();
  Shape shape;
  // Blanks around the object are fine, though not compact; then '}' ends
  // the line, where the scans below stop.
  while (p < end && is_json_space(*p)) ++p;
  while (end > p && is_json_space(end[-1])) --end;
  if (end - p < 2 || *p != '{' || end[-1] != '}') return false;
  shape.compact = p == text.data() && end == text.data() + text.size();
  keys_.clear();
  if (serial_ == 0) out.values.clear();
  text_.clear();
  stored_.clear();
  rewrites_.clear();
  const std::string* const last_names = names_.data();
  const size_t last_count = names_.size();
  ++p;
  size_t k = 0;
  bool done = false;  // the closing brace reached
  if (serial_ != 0) {
    // Mostly the keys are the last line's, in the same order, with no blank
    // before the colon: each key with its quotes, colon and the comma before
    // it is compared with the last line's at once. At anything else the loop
    // below takes over, at the start of key k.
    const Pattern* const patterns = patterns_.data();
    const char* const key_patterns = key_patterns_.data();
    // Values go straight into place; the vector keeps its size from line to line.
    out.values.resize(last_count);
    std::string_view* const values = out.values.data();
    // Up to here 32 bytes may be read, and a pattern of up to 32 bytes
    // leaves at least one byte (its value's) in the line.
    const char* const roomy_end = end - text.data() > 32 ? end - 32 : text.data();
    for (; k < last_count; ++k) {
      const Pattern pattern = patterns[k];
#if defined(__SSE2__)
      if (p < roomy_end && pattern.size <= 32) [[likely]] {
        if (!same_32(key_patterns + pattern.offset, p, pattern.size, pattern.mask)) break;
      } else
#endif
      {
        // Near the line's end, and for every name not written as it is (size kNotLiteral).
        if (static_cast<size_t>(end - p) <= pattern.size) break;
        if (!same(key_patterns + pattern.offset, p, pattern.size)) break;
      }
      const char* const value_start = p + pattern.size;
      p = read_value(value_start, text.data(), end, k, shape, values[k]);
      if (p == nullptr) return false;
      if (*p == '}') {
        done = true;
        break;
      }
    }
    out.values.resize(done ? k + 1 : k);
    if (!done && k > 0) {
      // p is past value k - 1: on to key k.
      if (*p == ',' && p[1] == '"') {
        ++p;
      } else {
        // Blanks or anything else after the value: as the loop below does.
        if (*p != ',' && *p != '}') {
          shape.compact = false;
          p = skip_blanks(p);
        }
        if (*p == '}') {
          done = true;
        } else {
          if (*p != ',') return false;
          ++p;
          if (*p != '"') {
            shape.compact = false;
            p = skip_blanks(p);
            if (*p != '"') return false;
          }
        }
      }
    }
  }
  // The keys are compared with the last line's as they come; only those from
  // the first that differs on (`matched`) are kept, in keys_.
  bool same_keys = serial_ != 0;
  size_t matched = 0;
  if (!done && k == 0 && *p != '"') {
    shape.compact = false;
    p = skip_blanks(p);
    if (*p != '"') return false;  // {} is rare: not worth a path
  }
  for (; !done; ++k) {
    StringText key;
    const size_t from = text_.size();
    p = read_string(p + 1, end, text_, key, shape);
    if (p == nullptr) return false;
    if (key.stored) {
      // Viewed for now; text_ may move before the end, where it is viewed again.
      key.view = std::string_view(text_).substr(from);
      stored_.push_back({true, k, from, text_.size()});
    }
    if (same_keys) {
      same_keys = k < last_count && last_names[k].size() == key.view.size() &&
                  same(last_names[k].data(), key.view.data(), key.view.size());
      matched = k;
    }
    if (!same_keys) keys_.push_back(key.view);
    if (*p != ':') {
      shape.compact = false;
      p = skip_blanks(p);
      if (*p != ':') return false;
    }
    ++p;
    if (is_json_space(*p)) {
      shape.compact = false;
      p = skip_blanks(p);
    }
    std::string_view value;
    p = read_value(p, text.data(), end, k, shape, value);
    if (p == nullptr) return false;
    out.values.push_back(value);
    if (*p != ',' && *p != '}') {
      shape.compact = false;
      p = skip_blanks(p);
    }
    if (*p == '}') break;
    if (*p != ',') return false;
    ++p;
    if (*p != '"') {
      shape.compact = false;
      p = skip_blanks(p);
      if (*p != '"') return false;
    }
  }
  if (p != end - 1) return false;  // a '}' before the last one

  if (same_keys) matched = out.values.size();
  for (const Stored& s : stored_) {
    const std::string_view view = std::string_view(text_).substr(s.begin, s.end - s.begin);
    if (!s.key) out.values[s.index] = view;
    else if (s.index >= matched) keys_[s.index - matched] = view;
  }
  if (matched != last_count || !keys_.empty()) {
    // New names: the leading ones that matched stay.
    names_.resize(matched);
    names_.insert(names_.end(), keys_.begin(), keys_.end());
    if (!names_distinct()) {
      serial_ = 0;     // names_ no longer holds the last line's keys
      return false;  // JsonObjectParser merges them
    }
    serial_ = g_next_serial.fetch_add(1, std::memory_order_relaxed);
    make_key_patterns();
  }
  out.names = &names_;
  out.names_serial = serial_;
  out.compact = !shape.compact ? std::string_view() : rewrites_.empty() ? text : rewritten_line(text);
  return true;
}

std::string_view JsonLineFastParser::rewritten_line(std::string_view line) {
  compact_.clear();
  size_t from = 0;
  for (const Rewrite& r : rewrites_) {
    compact_.append(line.substr(from, r.line_begin - from));
    compact_.append(std::string_view(text_).substr(r.begin, r.end - r.begin));
    from = r.line_end;
  }
  compact_.append(line.substr(from));
  return compact_;
}

}  // namespace leadscore
