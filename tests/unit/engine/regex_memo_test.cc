// The per-field memo of regex verdicts: distinct values get distinct entries,
// an entry keeps its verdict bits, and the memo stays bounded.
#include <catch2/catch.hpp>

#include <string>

#include "engine_test_util.h"

using namespace leadscore;
using namespace leadscore::testing;

TEST_CASE("a value finds its own entry again, other values get others", "[regex][memo]") {
  RegexMemo memo;
  RegexMemo::Entry* vp = memo.find_or_add("VP Sales");
  REQUIRE(vp != nullptr);
  vp->known = 1;
  vp->held = 1;
  RegexMemo::Entry* intern = memo.find_or_add("Intern");
  REQUIRE(intern != nullptr);
  CHECK(intern->known == 0);
  // Many more values make the table grow; earlier verdicts survive the move.
  for (int i = 0; i < 1000; ++i) REQUIRE(memo.find_or_add("title " + std::to_string(i)) != nullptr);
  RegexMemo::Entry* again = memo.find_or_add("VP Sales");
  REQUIRE(again != nullptr);
  CHECK(again->known == 1);
  CHECK(again->held == 1);
  CHECK(memo.find_or_add("vp sales")->known == 0);  // keys are exact: case is the regex's business
  CHECK(memo.size() == 1003);
}

TEST_CASE("keys of every length that differ in one byte get their own entries", "[regex][memo]") {
  // The hash and the comparison read words; each byte must still count,
  // whatever the key's length and wherever the byte sits.
  RegexMemo memo;
  size_t added = 0;
  for (size_t n = 0; n <= 40; ++n) {
    const std::string base(n, 'a');
    RegexMemo::Entry* first = memo.find_or_add(base);
    REQUIRE(first != nullptr);
    first->known = n + 1;
    ++added;
    for (size_t at = 0; at < n; ++at) {
      std::string other = base;
      other[at] = 'b';
      INFO("length " << n << ", byte " << at);
      RegexMemo::Entry* e = memo.find_or_add(other);
      REQUIRE(e != nullptr);
      CHECK(e->known == 0);
      e->known = 1000 + n * 64 + at;
      ++added;
      CHECK(RegexMemo::hash(other) != RegexMemo::hash(base));
    }
  }
  CHECK(memo.size() == added);
  for (size_t n = 0; n <= 40; ++n) {
    const std::string base(n, 'a');
    CHECK(memo.find_or_add(base)->known == n + 1);
    for (size_t at = 0; at < n; ++at) {
      std::string other = base;
      other[at] = 'b';
      CHECK(memo.find_or_add(other)->known == 1000 + n * 64 + at);
    }
  }
}

TEST_CASE("the memo is bounded in entries and key length", "[regex][memo]") {
  RegexMemo memo;
  CHECK(memo.find_or_add(std::string(RegexMemo::kMaxKeySize + 1, 'x')) == nullptr);
  CHECK(memo.find_or_add(std::string(RegexMemo::kMaxKeySize, 'x')) != nullptr);
  for (size_t i = 1; i < RegexMemo::kMaxEntries; ++i) REQUIRE(memo.find_or_add(std::to_string(i)) != nullptr);
  CHECK(memo.size() == RegexMemo::kMaxEntries);
  CHECK(memo.find_or_add("one more") == nullptr);
  CHECK(memo.find_or_add("17") != nullptr);  // known values are still found
}

TEST_CASE("regexes on one field share its memo without mixing verdicts", "[regex][memo][scorer]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: senior, category: fit, points: 10, when: {field: title, matches: '\\b(vp|head)\\b'}}",
      "  - {id: junior, category: fit, points: -5, when: {field: title, matches: '\\bintern\\b'}}",
      "  - {id: exact, category: fit, points: 1, when: {field: title, matches: 'Head', case_sensitive: true}}",
      "  - {id: other, category: fit, points: 100, when: {field: team, matches: 'intern'}}",
  }));
  for (int round = 0; round < 2; ++round) {  // the second round reads the memo
    CHECK(s.score({{"title", "Head of Sales"}, {"team", "x"}}).fit == 11);
    CHECK(s.score({{"title", "head intern"}, {"team", "x"}}).fit == 5);
    CHECK(s.score({{"title", "Marketing Intern"}, {"team", "Marketing Intern"}}).fit == 95);
    CHECK(s.score({{"title", "Headhunter"}, {"team", "internal"}}).fit == 101);  // only the exact 'Head'
  }
}

TEST_CASE("in and equals on text literals compare by text, with and without case", "[scorer][in]") {
  CHECK(holds("{field: c, in: [US, CA], case_sensitive: true}", {{"c", " US "}}));
  CHECK_FALSE(holds("{field: c, in: [US, CA], case_sensitive: true}", {{"c", "us"}}));
  CHECK(holds("{field: c, in: [US, CA]}", {{"c", "ca"}}));
  CHECK_FALSE(holds("{field: c, in: [US, CA]}", {{"c", "USA"}}));
  CHECK(holds("{field: c, not_in: [US, CA]}", {{"c", "DE"}}));
  CHECK(holds("{field: c, equals: Software}", {{"c", "SOFTWARE"}}));
  CHECK(holds("{field: c, not_equals: Software}", {{"c", "Soft"}}));
  // A literal that reads as a number still compares as a number.
  CHECK(holds("{field: c, in: [x, 10]}", {{"c", "10.0"}}));
}
