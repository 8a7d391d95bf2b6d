// Small byte-level helpers shared by the readers and format sniffing: UTF-8
// validation, line/column location, and the CSV delimiter guess.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace leadscore {

// Offset of the first byte of `text` that is not part of valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or npos when all of it is valid.
size_t find_invalid_utf8(std::string_view text);

// Where `offset` lies in `text`, whose first byte is on line `first_line`
// at column `first_column`: line breaks are LF, CRLF and lone CR; columns
// are 1-based byte counts.
struct TextPosition {
  uint64_t line = 0;
  uint64_t column = 0;
};
TextPosition locate(std::string_view text, size_t offset, uint64_t first_line,
                    uint64_t first_column = 1);

// The first line of CSV text that is not blank, ending at the first CR or LF
// outside double quotes. *complete tells whether that line end was seen.
std::string_view first_csv_line(std::string_view text, bool* complete);

// The delimiter of a CSV header line: whichever of , ; TAB | occurs most
// often outside quotes; ties go to the earlier one in that list, none to ','.
char guess_delimiter(std::string_view line);

// Copies at most `limit` bytes of `text`, cut at a UTF-8 character boundary.
std::string truncated_copy(std::string_view text, size_t limit);

// "WHAT is N bytes" message helpers: "1 field" / "2 fields".
std::string plural(uint64_t count, std::string_view noun);

}  // namespace leadscore
