// One JSON line -> one record without building a JSON tree, with simdjson's
// On-Demand parser. It takes only lines whose record it can reproduce exactly
// as JsonObjectParser would (an object of strings, numbers, booleans and
// nulls, with distinct keys); for any other line (nested values, duplicate
// keys, invalid JSON or UTF-8, ...) it declines and the caller uses
// JsonObjectParser, which also words the error messages.
// (simdjson picks its SIMD code for finding the tokens when the program runs.)
#pragma once

#include <memory>
#include <string_view>

#include "input/record.h"

namespace leadscore {

class JsonLineFastParser {
 public:
  JsonLineFastParser();
  ~JsonLineFastParser();
  JsonLineFastParser(const JsonLineFastParser&) = delete;
  JsonLineFastParser& operator=(const JsonLineFastParser&) = delete;

  // True when `out` holds the line's record (names, values, names_serial,
  // raw_compact; object is null). The views stay valid until the next call.
  bool parse(std::string_view text, InputRecord& out);

 private:
  struct Kernel;  // keeps simdjson's header out of this one
  std::unique_ptr<Kernel> kernel_;
};

}  // namespace leadscore
