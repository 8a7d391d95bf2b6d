#include "input/json_line_fast_parser.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>

#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace leadscore {

namespace {

// Serials are unique across readers (and threads), so equal serials always
// mean equal names.
std::atomic<uint64_t> g_next_serial{1};

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_back(std::string_view token) {
  while (!token.empty() && is_json_space(token.back())) token.remove_suffix(1);
  return token;
}

bool has_backslash(const char* from, const char* to) {
  return from < to && std::memchr(from, '\\', static_cast<size_t>(to - from)) != nullptr;
}

// Whether the escapes in a string's raw bytes are the ones compact output
// writes: \" \\ \b \f \n \r \t, and \u00xx (lower case) for other control
// characters. Anything else (\/, \u00e9, ...) is written differently.
bool escapes_as_output_writes(const char* from, const char* to) {
  for (const char* p = from; p < to; ++p) {
    if (*p != '\\') continue;
    ++p;
    if (*p != '\0' && std::strchr("\"\\bfnrt", *p) != nullptr) continue;
    if (*p != 'u' || to - p < 5 || p[1] != '0' || p[2] != '0' || (p[3] != '0' && p[3] != '1')) return false;
    const char last = p[4];
    const bool hex = (last >= '0' && last <= '9') || (last >= 'a' && last <= 'f');
    if (!hex || (p[3] == '0' && (last == '8' || last == '9' || last == 'a' || last == 'c' || last == 'd'))) {
      return false;  // those five have short forms
    }
    p += 4;
  }
  return true;
}

// The closing quote of the key whose value starts at `value`: back over the
// colon and any blanks around it.
const char* key_end(const char* value) {
  const char* p = value - 1;
  while (is_json_space(*p)) --p;
  --p;  // the colon
  while (is_json_space(*p)) --p;
  return p;
}

}  // namespace

namespace od = simdjson::ondemand;

struct JsonLineFastParser::Kernel {
  Kernel();
  ~Kernel();
  bool parse(std::string_view text, InputRecord& out);
  bool parse_object(std::string_view text, InputRecord& out);
  bool keys_unchanged() const;
  bool keys_distinct() const;

  od::parser parser_;
  std::string padded_;  // the line, with the padding simdjson reads past its end
  std::vector<std::string> names_;
  std::vector<std::string_view> keys_;  // this line's keys, until adopted in names_
  uint64_t serial_ = 0;                 // names_serial of names_, 0 before the first line
  std::string text_;  // numbers rewritten as JsonObjectParser writes them
  std::vector<std::pair<size_t, size_t>> text_spans_;  // (value index, offset into text_)
};

JsonLineFastParser::Kernel::Kernel() = default;
JsonLineFastParser::Kernel::~Kernel() = default;

bool JsonLineFastParser::Kernel::keys_unchanged() const {
  if (serial_ == 0 || keys_.size() != names_.size()) return false;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] != names_[i]) return false;
  }
  return true;
}

bool JsonLineFastParser::Kernel::keys_distinct() const {
  std::vector<std::string_view> sorted(keys_);
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

bool JsonLineFastParser::Kernel::parse(std::string_view text, InputRecord& out) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end: a copy with room
  // for that costs far less than parsing and keeps the caller's buffer as is.
  padded_.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  padded_.assign(text);
  if (!parse_object(padded_, out)) return false;
  out.object = nullptr;
  out.delimiter = 0;
  out.names_fixed = false;
  return true;
}

bool JsonLineFastParser::Kernel::parse_object(std::string_view text, InputRecord& out) {
  od::document doc;
  if (parser_.iterate(text.data(), text.size(), padded_.capacity()).get(doc)) return false;
  od::object object;
  if (doc.get_object().get(object)) return false;

  keys_.clear();
  out.values.clear();
  text_.clear();
  text_spans_.clear();
  // Most lines have no escape at all: one search saves one per string.
  const bool line_escaped = has_backslash(text.data(), text.data() + text.size());
  // Compact: no blanks between tokens, only the escapes dump() writes, numbers
  // in the form JsonObjectParser gives them. `expected` is where the next key
  // must start.
  bool compact = !text.empty() && text.front() == '{';
  const char* expected = text.data() + 1;
  const char* object_end = nullptr;  // the closing brace
  for (auto member : object) {
    od::field field;
    if (std::move(member).get(field)) return false;
    const char* key_raw = field.key().raw();  // just past the opening quote
    od::value value = field.value();
    const std::string_view token = value.raw_json_token();
    od::json_type type;
    if (value.type().get(type)) return false;
    const std::string_view bare = trim_back(token);
    object_end = token.data() + token.size();  // the ',' or '}' after the value
    // Stage 1 has checked UTF-8 and control characters, so text without a
    // backslash is its own unescaped form and needs no copy.
    const char* key_close = key_end(token.data());
    std::string_view key(key_raw, static_cast<size_t>(key_close - key_raw));
    const bool key_escaped = line_escaped && has_backslash(key_raw, key_close);
    if (key_escaped && field.unescaped_key().get(key)) return false;
    if (compact) {
      compact = key_raw - 1 == expected && key_close + 2 == token.data() && bare.size() == token.size() &&
                (!key_escaped || escapes_as_output_writes(key_raw, key_close));
      expected = object_end + 1;
    }
    keys_.push_back(key);
    switch (type) {
      case od::json_type::string: {
        const char* open = bare.data() + 1;
        const char* close = bare.data() + bare.size() - 1;
        if (!line_escaped || !has_backslash(open, close)) {
          out.values.emplace_back(open, static_cast<size_t>(close - open));
          break;
        }
        std::string_view s;
        if (value.get_string().get(s)) return false;
        out.values.push_back(s);
        compact = compact && escapes_as_output_writes(open, close);
        break;
      }
      case od::json_type::boolean: {
        bool b;
        if (value.get_bool().get(b)) return false;
        out.values.emplace_back(b ? "true" : "false");
        break;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (value.is_null().get(is_null) || !is_null) return false;
        out.values.emplace_back();
        break;
      }
      case od::json_type::number: {
        // As nlohmann reads numbers: integers that fit 64 bits are written
        // back with to_chars, anything else is a double written by its dump.
        char digits[64];
        char* end;
        if (bare.find_first_of(".eE") == std::string_view::npos) {
          if (bare.front() == '-') {
            int64_t i;
            if (value.get_int64().get(i)) return false;
            end = std::to_chars(digits, digits + sizeof digits, i).ptr;
          } else {
            uint64_t u;
            if (value.get_uint64().get(u)) return false;
            end = std::to_chars(digits, digits + sizeof digits, u).ptr;
          }
        } else {
          double d;
          if (value.get_double().get(d) || !std::isfinite(d)) return false;
          end = nlohmann::detail::to_chars(digits, digits + sizeof digits, d);
        }
        const std::string_view written(digits, static_cast<size_t>(end - digits));
        if (written == bare) {
          out.values.push_back(bare);  // no copy: the padded line outlives the record
        } else {
          compact = false;
          text_spans_.emplace_back(out.values.size(), text_.size());
          text_.append(written);
          out.values.emplace_back();
        }
        break;
      }
      default:
        return false;  // nested objects and arrays: JsonObjectParser writes them out
    }
  }
  if (keys_.empty() || object_end == nullptr) return false;  // {} is rare: not worth a path
  // Nothing but blanks may follow the object.
  const size_t rest = static_cast<size_t>(object_end + 1 - text.data());
  if (rest > text.size() || text.find_first_not_of(" \t\r\n", rest) != std::string_view::npos) return false;
  compact = compact && rest == text.size();

  if (!keys_unchanged()) {
    if (!keys_distinct()) return false;  // JsonObjectParser merges them
    names_.assign(keys_.begin(), keys_.end());
    serial_ = g_next_serial.fetch_add(1, std::memory_order_relaxed);
  }
  for (size_t k = 0; k < text_spans_.size(); ++k) {
    const size_t begin = text_spans_[k].second;
    const size_t end = k + 1 < text_spans_.size() ? text_spans_[k + 1].second : text_.size();
    out.values[text_spans_[k].first] = std::string_view(text_).substr(begin, end - begin);
  }
  out.names = &names_;
  out.names_serial = serial_;
  out.raw_compact = compact;
  return true;
}

JsonLineFastParser::JsonLineFastParser() : kernel_(std::make_unique<Kernel>()) {}

JsonLineFastParser::~JsonLineFastParser() = default;

bool JsonLineFastParser::parse(std::string_view text, InputRecord& out) {
  // Every simdjson call above has its error checked; should one still throw,
  // the line simply goes to the slow parser.
  try {
    return kernel_->parse(text, out);
  } catch (const simdjson::simdjson_error&) {
    return false;
  }
}

}  // namespace leadscore
