// One JSON line -> one record without building a JSON tree: a single pass
// over the bytes of a flat object. It takes only lines whose record it can
// reproduce exactly as JsonObjectParser would (an object of strings, numbers,
// booleans and nulls, with distinct keys, in valid UTF-8); for any other line
// (nested values, duplicate keys, invalid JSON or UTF-8, numbers out of range,
// ...) it declines and the caller uses JsonObjectParser, which also words the
// error messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/record.h"

namespace leadscore {

class JsonLineFastParser {
 public:
  // True when `out` holds the line's record (names, values, names_serial,
  // compact; object is null; raw is left to the caller). The views, into
  // `text` and this parser, stay valid until the next call and while `text`
  // does.
  bool parse(std::string_view text, InputRecord& out);

 private:
  // Text this parser had to write (an unescaped string, a number rewritten):
  // which key or value it is and where it lies in text_, viewed once text_
  // is complete.
  struct Stored {
    bool key = false;
    size_t index = 0;
    size_t begin = 0;
    size_t end = 0;
  };

  bool parse_object(std::string_view text, InputRecord& out);
  template <class ShapeT>
  const char* read_value(const char* p, const char* line, const char* end, size_t k, ShapeT& shape,
                         std::string_view& value);
  template <class ShapeT>
  const char* read_value_after_blanks(const char* p, const char* line, const char* end, size_t k, ShapeT& shape,
                                      std::string_view& value);
  // The line with every number in rewrites_ written as JSON output writes it.
  std::string_view rewritten_line(std::string_view line);
  bool names_distinct() const;
  void make_key_patterns();

  std::vector<std::string> names_;
  uint64_t serial_ = 0;                 // names_serial of names_, 0 before the first line
  std::vector<std::string_view> keys_;  // this line's keys that differ from names_, until adopted
  std::string text_;
  std::vector<Stored> stored_;
  // Numbers JSON output writes otherwise (1.50 as 1.5): where each lies in
  // the line and where its rewritten form is in text_. A line compact but
  // for these is copied into compact_ with them rewritten.
  struct Rewrite {
    size_t line_begin = 0;
    size_t line_end = 0;
    size_t begin = 0;
    size_t end = 0;
  };
  std::vector<Rewrite> rewrites_;
  std::string compact_;
  // Per name in names_: where `"NAME":` (`,"NAME":` after the first) is in
  // key_patterns_, or size kNotLiteral when NAME is not written as it is in
  // JSON (it has a quote, a backslash or a control character). Bytes that
  // match a pattern where the key should start are that key, and valid: they
  // are those of a name read before.
  static constexpr uint32_t kNotLiteral = UINT32_MAX;
  struct Pattern {
    uint32_t offset = 0;
    uint32_t size = kNotLiteral;
    uint32_t mask = 0;  // the low `size` bits (all, from 32 on)
  };
  std::vector<Pattern> patterns_;
  std::string key_patterns_;
};

}  // namespace leadscore
