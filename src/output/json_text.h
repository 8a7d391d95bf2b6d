// JSON text written directly into a buffer, byte for byte what nlohmann's
// dump() writes (no ASCII escaping, invalid UTF-8 replaced by U+FFFD), so
// output built from pieces matches output built from a JSON tree.
#pragma once

#include <string>
#include <string_view>

namespace leadscore {

// `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

// "a; b; c" (a reasons text) as the JSON array ["a","b","c"]. A last "; "
// ends the list rather than starting an empty item.
void append_json_list(std::string& out, std::string_view items);

// A number as json_number() gives it: rounded to 2 decimals, whole values as
// integers, infinities and NaN as null.
void append_json_number(std::string& out, double v);
// The same text written into `buf` (at least 64 bytes); returns its end.
char* write_json_number(char* buf, double v);

}  // namespace leadscore
