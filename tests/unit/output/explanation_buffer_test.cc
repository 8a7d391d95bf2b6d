// The explanation buffer escapes a lead's values itself (a fast path for
// plain ASCII, blocks of 16 bytes): whatever the text, it must write what
// append_json_string() writes between the quotes.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "output/explanation_buffer.h"
#include "output/json_text.h"

using namespace leadscore;

namespace {

std::string contents(std::string_view s) {
  std::string quoted;
  append_json_string(quoted, s);
  return quoted.substr(1, quoted.size() - 2);
}

std::string escaped(std::string_view s) {
  ExplanationBuffer b;
  b.append_json_contents(s);
  return std::string(b.view());
}

}  // namespace

TEST_CASE("the explanation buffer appends words and characters", "[explanation_buffer]") {
  ExplanationBuffer b;
  CHECK(b.view().empty());
  b += "{\"as_of\":";
  b += '"';
  b += std::string("x");
  b += std::string_view("\"}");
  CHECK(b.view() == "{\"as_of\":\"x\"}");
  b.clear();
  CHECK(b.size() == 0);
  b += "again";
  CHECK(b.view() == "again");
}

TEST_CASE("the explanation buffer grows past its first size", "[explanation_buffer]") {
  ExplanationBuffer b;
  std::string expected;
  for (int i = 0; i < 5000; ++i) {
    const std::string piece = "piece " + std::to_string(i) + ";";
    b += piece;
    b.append_json_contents(piece);
    expected += piece + piece;
  }
  CHECK(b.view() == expected);
}

TEST_CASE("values of every length are escaped as append_json_string escapes them", "[explanation_buffer]") {
  // Each length up to a few blocks, with a character needing a look at each place.
  const std::string odd[] = {"\"", "\\", "\n", "\x01", "\x7f", "\xC3\xA9", "\xE6\x97\xA5", "\xFF", "\xC3"};
  for (size_t n = 0; n <= 40; ++n) {
    const std::string plain(n, 'a');
    CHECK(escaped(plain) == plain);
    for (size_t at = 0; at < n; ++at) {
      for (const std::string& o : odd) {
        std::string s = plain;
        s.replace(at, 1, o);
        INFO("length " << n << ", at " << at);
        CHECK(escaped(s) == contents(s));
      }
    }
  }
}

TEST_CASE("random bytes are escaped as append_json_string escapes them", "[explanation_buffer]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string s(rng() % 48, ' ');
    const unsigned range = round % 3 == 0 ? 256 : 96;  // mostly printable, sometimes anything
    for (char& c : s) c = static_cast<char>(range == 256 ? rng() % 256 : 32 + rng() % range);
    INFO("round " << round);
    CHECK(escaped(s) == contents(s));
  }
}

TEST_CASE("the last value escaped can be repeated", "[explanation_buffer]") {
  ExplanationBuffer b;
  const std::string value = "Z\xC3\xBCrich \"HQ\"";
  b.append_json_contents(value);
  b += " | ";
  b.repeat_json_contents();
  b += " | ";
  b.append_json_contents("VP");
  b.repeat_json_contents();
  CHECK(b.view() == contents(value) + " | " + contents(value) + " | VPVP");
  b.clear();
  b.repeat_json_contents();  // nothing written since clear()
  CHECK(b.view().empty());
}

TEST_CASE("an empty buffer, never written to, can be appended to another", "[explanation_buffer]") {
  // A gate with nothing held appends the held buffer's empty view: memcpy
  // from its null pointer was undefined behaviour (UBSan, e2e_determinism).
  ExplanationBuffer never_written, out;
  out += never_written.view();
  out += std::string_view();
  ExplanationBuffer fresh;
  fresh.repeat_json_contents();
  fresh.append_json_contents(std::string_view());
  CHECK(out.view().empty());
  CHECK(fresh.view().empty());
  out += "x";
  out += never_written.view();
  CHECK(out.view() == "x");
}
