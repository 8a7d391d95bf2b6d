// Both ways of stepping over a JSON string's plain bytes stop at the same
// byte as a byte-by-byte look, wherever the special byte lies.
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "input/json_string_scan.h"

namespace leadscore::testing {
namespace {

const char* skip_plain_bytewise(const char* p, const char* end) {
  while (p < end && json_scan::is_plain(*p)) ++p;
  return p;
}

TEST_CASE("json scan: which bytes are plain", "[jsonl][scan]") {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool expected = b >= 0x20 && b < 0x80 && c != '"' && c != '\\';
    CAPTURE(b);
    CHECK(json_scan::is_plain(c) == expected);
  }
}

TEST_CASE("json scan: every special byte at every place", "[jsonl][scan]") {
  for (const char special : {'"', '\\', '\0', '\x1f', '\n', '\x80', '\xC3', '\xFF'}) {
    for (size_t length = 0; length <= 40; ++length) {
      for (size_t at = 0; at <= length; ++at) {
        std::string text(length, 'a');
        if (at < length) text[at] = special;
        text += std::string(8, '"');  // bytes past the end must not count
        const char* begin = text.data();
        const char* end = begin + length;
        CAPTURE(static_cast<int>(static_cast<unsigned char>(special)), length, at);
        CHECK(json_scan::skip_plain(begin, end) - begin == static_cast<ptrdiff_t>(at));
        CHECK(json_scan::skip_plain_by_words(begin, end) - begin == static_cast<ptrdiff_t>(at));
      }
    }
  }
}

TEST_CASE("json scan: random bytes", "[jsonl][scan]") {
  std::mt19937 random(7);
  for (int round = 0; round < 5000; ++round) {
    std::string text(random() % 70, ' ');
    for (char& c : text) {
      // Mostly plain, now and then anything.
      c = random() % 16 == 0 ? static_cast<char>(random() % 256) : static_cast<char>(0x20 + random() % 0x5f);
    }
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* from = begin; from <= end; from += 1 + random() % 5) {
      const char* expected = skip_plain_bytewise(from, end);
      CHECK(json_scan::skip_plain(from, end) == expected);
      CHECK(json_scan::skip_plain_by_words(from, end) == expected);
    }
  }
}

}  // namespace
}  // namespace leadscore::testing
