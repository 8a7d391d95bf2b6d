// One JSON text -> one record: the parsed object plus its top-level keys and
// values as text. Shared by the JSON lines and JSON array readers; the object,
// names and value texts it hands out stay valid until its next parse().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "input/record.h"

namespace leadscore {

class JsonObjectParser {
 public:
  // Parses `text` as one JSON object. On success sets out.names, out.values
  // and out.object and returns true. Otherwise returns false with *message
  // ("WHAT, expected WHAT") and *error_offset, the byte offset into `text`
  // where the problem was found, or npos when not known.
  bool parse(std::string_view text, InputRecord& out, std::string* message, size_t* error_offset);

 private:
  nlohmann::ordered_json object_;
  std::vector<std::string> names_;
  std::string text_;  // numbers and nested values as text, for the views
  std::vector<std::pair<size_t, size_t>> text_spans_;  // (value index, offset into text_)
};

}  // namespace leadscore
