// The word-at-a-time quoting test must agree with a byte loop for every cell
// length and every position of the byte that needs quotes, and must read
// nothing outside the cell (the sanitizer build checks that: each cell here
// is its own exactly sized allocation).
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "output/csv_quoting.h"

namespace {

bool needs_quotes_bytewise(std::string_view s) {
  for (char c : s) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

// An allocation exactly as large as the cell, so that a read past it is caught.
bool check(const std::string& cell) {
  std::unique_ptr<char[]> exact(new char[cell.size() + (cell.empty() ? 1 : 0)]);
  std::copy(cell.begin(), cell.end(), exact.get());
  return leadscore::csv_quoting::needs_quotes(std::string_view(exact.get(), cell.size()));
}

}  // namespace

TEST_CASE("needs_quotes agrees with a byte loop at every length and position") {
  for (size_t n = 0; n <= 70; ++n) {
    const std::string plain(n, 'a');
    CHECK_FALSE(check(plain));
    for (size_t at = 0; at < n; ++at) {
      for (char special : {',', '"', '\n', '\r'}) {
        std::string cell = plain;
        cell[at] = special;
        INFO("length " << n << ", byte " << at << " is " << int(special));
        CHECK(check(cell));
      }
    }
  }
}

TEST_CASE("needs_quotes ignores bytes near the special ones") {
  // Neighbours in the byte table, NUL (the padding of short words) and UTF-8.
  for (const std::string cell : {std::string("a+b-c.d"), std::string("tab\there"), std::string(3, '\0'),
                                 std::string(5, '\0'), std::string("\xC3\xA9t\xC3\xA9"), std::string("!#$%&'()*+-./"),
                                 std::string("\x0B\x0C\x0E\x1F 0123456789")}) {
    CHECK(check(cell) == needs_quotes_bytewise(cell));
    CHECK_FALSE(check(cell));
  }
}
