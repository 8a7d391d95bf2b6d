// Malformed input from a fixed-seed generator: every reader must end, and give
// the same records and rejections at every block size.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "input/open_input.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {",",
                                                   ";",
                                                   "\"",
                                                   "\"\"",
                                                   "\r",
                                                   "\n",
                                                   "\r\n",
                                                   "{",
                                                   "}",
                                                   "[",
                                                   "]",
                                                   ":",
                                                   "\\",
                                                   " ",
                                                   "a",
                                                   "1",
                                                   "\xC3\xA9",
                                                   "\xFF",
                                                   "\t",
                                                   "\"k\":",
                                                   "true",
                                                   "null",
                                                   "\xEF\xBB\xBF",
                                                   "{\"a\":1}",
                                                   "\"x\"",
                                                   "-2.5e3"};
  std::string text;
  const unsigned mode = rng() % 3;
  if (mode == 1) text = "[";
  if (mode == 2) text = "a,b\n";
  const unsigned n = rng() % 200;
  for (unsigned i = 0; i < n; ++i) text += kPieces[rng() % kPieces.size()];
  return text;
}

TEST_CASE("random input reads the same at every block size", "[csv][jsonl][json]") {
  std::mt19937 rng(20261123);
  const char* const kSuffixes[] = {".csv", ".jsonl", ".json", ".txt"};
  size_t records = 0;
  size_t rejections = 0;
  for (int i = 0; i < 400; ++i) {
    const std::string text = random_text(rng);
    InputOptions options;
    options.max_field_bytes = rng() % 2 ? 1 + rng() % 12 : 100000;
    options.has_header = rng() % 3 != 0;
    if (rng() % 4 == 0) options.format = static_cast<InputFormat>(rng() % 4);
    INFO("case " << i);
    const ReadResult r = read_all_blocks(text, kSuffixes[i % 4], options);
    for (const Item& item : r.items) {
      if (item.rejected) {
        ++rejections;
        CHECK_FALSE(item.message.empty());
      } else {
        ++records;
        if (r.format == InputFormat::kCsv && options.has_header) {
          CHECK(item.values.size() == r.header.size());
        }
        if (r.format != InputFormat::kCsv) CHECK(item.names.size() == item.values.size());
      }
    }
  }
  // The generator must reach both outcomes, or this test checks little.
  CHECK(records > 100);
  CHECK(rejections > 100);
}

}  // namespace
}  // namespace leadscore::testing
