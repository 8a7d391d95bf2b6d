// The per-field memo of leaf verdicts by raw value: a value finds its own
// verdicts again and never another value's, the table grows while it misses
// and switches off for values that do not repeat, and scoring with it gives
// what scoring without it gives, warnings included.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "engine_test_util.h"
#include "leadscore/value_memo.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

void gathered_words(const std::string& v, uint64_t& lo, uint64_t& hi) {
  lo = hi = 0;
  for (size_t i = 0; i < v.size(); ++i) (i < 8 ? lo : hi) |= uint64_t{static_cast<unsigned char>(v[i])} << (8 * (i % 8));
}

}  // namespace

TEST_CASE("a value's words are its bytes, zero-padded, for every length", "[value_memo]") {
  std::mt19937 random(7);
  for (size_t n = 0; n <= ValueMemo::kMaxValue; ++n) {
    for (int round = 0; round < 50; ++round) {
      // Read from the middle of a buffer, so that bytes past the value are not zero.
      std::string buffer(40, '\xff');
      for (char& c : buffer) c = static_cast<char>(random());
      const std::string value = buffer.substr(12, n);
      uint64_t lo, hi, want_lo, want_hi;
      ValueMemo::words(std::string_view(buffer).substr(12, n), lo, hi);
      gathered_words(value, want_lo, want_hi);
      INFO("length " << n);
      REQUIRE(lo == want_lo);
      REQUIRE(hi == want_hi);
    }
  }
}

TEST_CASE("a value gets its own verdicts back and never another value's", "[value_memo]") {
  ValueMemo memo;
  uint32_t lead = 1;
  for (size_t n = 0; n <= ValueMemo::kMaxValue; ++n) {
    const std::string base(n, 'a');
    ValueMemo::Slot* s = memo.find(base, lead++);
    REQUIRE(s != nullptr);
    s->known = 1;
    s->held = 1;
    // One byte changed anywhere, or a NUL appended (the same words, one byte
    // longer), is another value: nothing known about it.
    std::vector<std::string> others;
    for (size_t at = 0; at < n; ++at) others.push_back(std::string(base).replace(at, 1, "b"));
    if (n < ValueMemo::kMaxValue) others.push_back(base + std::string(1, '\0'));
    for (const std::string& other : others) {
      INFO("length " << n << ": " << other.size() << " bytes");
      ValueMemo::Slot* o = memo.find(other, lead++);
      REQUIRE(o != nullptr);
      CHECK(o->known == 0);
      o->known = 2;  // the other value's verdict, which base must not see
    }
    ValueMemo::Slot* again = memo.find(base, lead++);
    REQUIRE(again != nullptr);
    CHECK((again->known == 1 || again->known == 0));  // kept, or its slot taken by a colliding value
  }
  CHECK(memo.find(std::string(ValueMemo::kMaxValue + 1, 'a'), lead) == nullptr);
}

TEST_CASE("the table grows while values miss, up to its bound", "[value_memo]") {
  ValueMemo memo;
  CHECK(memo.slots() == ValueMemo::kFirstSlots);
  // 1,000 values a few times over, one lookup a lead.
  uint32_t lead = 1;
  for (int round = 0; round < 20; ++round) {
    for (int v = 0; v < 1000; ++v) memo.find(std::to_string(v), lead++);
  }
  CHECK(memo.slots() > 1000);
  CHECK(memo.slots() <= ValueMemo::kMaxSlots);
  CHECK_FALSE(memo.off());
  // Once grown, the values are found again.
  int found = 0;
  for (int v = 0; v < 1000; ++v) {
    ValueMemo::Slot* s = memo.find(std::to_string(v), lead++);
    REQUIRE(s != nullptr);
    s->known = 1;
  }
  for (int v = 0; v < 1000; ++v) {
    ValueMemo::Slot* s = memo.find(std::to_string(v), lead++);
    REQUIRE(s != nullptr);
    found += s->known == 1;
  }
  CHECK(found > 950);
}

TEST_CASE("values that never repeat switch the memo off", "[value_memo]") {
  ValueMemo memo;
  uint32_t lead = 1;
  for (int v = 0; v < 100000 && !memo.off(); ++v) memo.find("id" + std::to_string(v), lead++);
  CHECK(memo.off());
  CHECK(memo.find("id1", lead) == nullptr);
}

TEST_CASE("leaf verdicts are the same from the memo as without it", "[value_memo][scorer]") {
  Scoring s(yaml_lines({
      "fields:",
      "  views: {type: number}",
      "  seen: {type: date}",
      "  demo: {type: bool}",
      "missing_values: [n/a]",
      "criteria:",
      "  - {id: some, category: engagement, points: 1, when: {field: views, gte: 10}}",
      "  - {id: many, category: engagement, points: 2, when: {field: views, between: [20, 30]}}",
      "  - {id: has, category: engagement, points: 4, when: {field: views, exists: true}}",
      "  - {id: recent, category: engagement, points: 8, when: {field: seen, within_days: 30}}",
      "  - {id: demo, category: engagement, points: 16, when: {field: demo, is: true}}",
      "  - {id: us, category: fit, points: 32, when: {field: country, in: [US], case_sensitive: true}}",
  }));
  struct Case {
    const char* views;
    const char* seen;
    const char* demo;
    const char* country;
    double score;
  };
  const Case cases[] = {
      {"12", "2026-02-20", "true", "US", 1 + 4 + 8 + 16 + 32},
      {" 12 ", "2026-01-01", "yes", "us", 1 + 4 + 16},  // spaces trimmed; yes reads as true
      {"25", "", "false", " US", 1 + 2 + 4 + 32},
      {"n/a", "2026-02-28", "0", "USA", 8},  // a missing marker is missing
      {"", "2026-03-05", "", "", 8},       // future dates count as recent
  };
  for (int round = 0; round < 3; ++round) {  // later rounds read the memo
    for (const Case& c : cases) {
      INFO("round " << round << ", views '" << c.views << "', country '" << c.country << "'");
      CHECK(s.score({{"views", c.views}, {"seen", c.seen}, {"demo", c.demo}, {"country", c.country}}).score == c.score);
    }
  }
  // A value with a NUL byte after "12" is a different value, not a number.
  std::string views_nul("12\0", 3);
  const Verdict& v = s.score({{"views", views_nul}, {"seen", ""}, {"demo", ""}, {"country", ""}});
  CHECK(v.score == 4);  // exists, but neither comparison holds
  CHECK(v.bad_values.size() == 1);
}

TEST_CASE("an unreadable value is reported on every lead that has it", "[value_memo][scorer]") {
  Scoring s(yaml_lines({
      "fields:",
      "  views: {type: number}",
      "criteria:",
      "  - {id: has, category: engagement, points: 1, when: {field: views, exists: true}}",
      "  - {id: some, category: engagement, points: 2, when: {field: views, gte: 10}}",
      "stages:",
      "  MQL: {requires: [{field: views, lt: 100}]}",
  }));
  for (int lead = 0; lead < 5; ++lead) {
    INFO("lead " << lead);
    const Verdict& v = s.score({{"views", "ten"}});
    CHECK(v.score == 1);
    REQUIRE(v.bad_values.size() == 1);
    CHECK(v.bad_values[0].problem == ValueProblem::kNotNumber);
    CHECK(s.score({{"views", "12"}}).bad_values.empty());
  }
}

TEST_CASE("one scratch scored with two as-of dates keeps their recency apart", "[value_memo][scorer]") {
  auto rules = load_ok(one_condition_rules("{field: seen, within_days: 10}"));
  const Scorer march(*rules, day_of("2026-03-01"));
  const Scorer june(*rules, day_of("2026-06-01"));
  LeadScratch scratch;
  Verdict verdict;
  std::vector<std::string_view> values(rules->fields.size());
  values[static_cast<size_t>(rules->find_field("seen"))] = "2026-02-25";
  for (int round = 0; round < 3; ++round) {
    march.score(values, scratch, verdict);
    CHECK(verdict.criteria[0].matched);
    june.score(values, scratch, verdict);
    CHECK_FALSE(verdict.criteria[0].matched);
  }
}
