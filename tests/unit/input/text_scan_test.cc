// Byte-level helpers: UTF-8 validation, positions, delimiter guess.
#include "input/text_scan.h"

#include <string>

#include <catch2/catch.hpp>

namespace leadscore {
namespace {

constexpr size_t npos = std::string_view::npos;

TEST_CASE("utf8: valid text", "[csv]") {
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("plain ascii, 123") == npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9") == npos);       // 2 bytes
  CHECK(find_invalid_utf8("\xE2\x82\xAC 5") == npos);    // 3 bytes
  CHECK(find_invalid_utf8("\xF0\x9F\x98\x80") == npos);  // 4 bytes
  CHECK(find_invalid_utf8("\xEF\xBF\xBD") == npos);      // U+FFFD
  CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == npos);  // U+10FFFF
  CHECK(find_invalid_utf8(std::string(1000, 'a') + "\xC3\xA9") == npos);
}

TEST_CASE("utf8: invalid text is found at its first bad byte", "[csv]") {
  CHECK(find_invalid_utf8("caf\xE9") == 3);           // Latin-1
  CHECK(find_invalid_utf8("ab\x80") == 2);            // lone continuation
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong
  CHECK(find_invalid_utf8("\xC1\xBF") == 0);          // overlong
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);      // overlong
  CHECK(find_invalid_utf8("\xF0\x80\x80\xAF") == 0);  // overlong
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);     // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
  CHECK(find_invalid_utf8("\xFF") == 0);
  CHECK(find_invalid_utf8("ok\xE2\x82") == 2);  // cut short
  CHECK(find_invalid_utf8("\xE2\x82x") == 0);   // bad continuation
  CHECK(find_invalid_utf8(std::string(17, 'a') + "\xC3") == 17);
}

TEST_CASE("locate: lines and columns", "[csv]") {
  const std::string_view text = "ab\ncd\r\nef\rgh";
  CHECK(locate(text, 0, 5).line == 5);
  CHECK(locate(text, 0, 5).column == 1);
  CHECK(locate(text, 1, 5).column == 2);
  CHECK(locate(text, 4, 5).line == 6);
  CHECK(locate(text, 4, 5).column == 2);
  CHECK(locate(text, 7, 5).line == 7);
  CHECK(locate(text, 7, 5).column == 1);
  CHECK(locate(text, 11, 5).line == 8);
  CHECK(locate(text, 11, 5).column == 2);
  CHECK(locate("abc", 2, 1, 10).column == 12);
}

TEST_CASE("sniff: delimiter guess", "[sniff]") {
  CHECK(guess_delimiter("a,b,c") == ',');
  CHECK(guess_delimiter("a;b;c") == ';');
  CHECK(guess_delimiter("a\tb") == '\t');
  CHECK(guess_delimiter("a|b") == '|');
  CHECK(guess_delimiter("abc") == ',');
  CHECK(guess_delimiter("a;b,c") == ',');
  CHECK(guess_delimiter("\"a,b,c\";d") == ';');
  CHECK(guess_delimiter("a|b|c|d;e") == '|');
  CHECK(guess_delimiter("a|b|c;d;e") == ';');  // a tie
}

TEST_CASE("sniff: first CSV line", "[sniff]") {
  bool complete = false;
  CHECK(first_csv_line("\r\n\na,b\nc", &complete) == "a,b");
  CHECK(complete);
  CHECK(first_csv_line("\"a\nb\",c\rd", &complete) == "\"a\nb\",c");
  CHECK(complete);
  CHECK(first_csv_line("a,\"b", &complete) == "a,\"b");
  CHECK_FALSE(complete);
}

TEST_CASE("raw: truncated copies end on a character boundary", "[csv]") {
  CHECK(truncated_copy("abcdef", 10) == "abcdef");
  CHECK(truncated_copy("abcdef", 3) == "abc");
  CHECK(truncated_copy("ab\xC3\xA9z", 3) == "ab");
  CHECK(truncated_copy("ab\xE2\x82\xAC", 4) == "ab");
}

}  // namespace
}  // namespace leadscore
