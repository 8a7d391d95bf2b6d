// One LeadScratch serves lead after lead (and rule set after rule set): nothing
// read, parsed or reported for one lead may show through in the next.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "engine_test_util.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

const char* const kRules = R"(criteria:
  - id: big
    category: fit
    when: {field: size, gte: 100}
    points: 10
  - id: active
    category: engagement
    when: {field: active, is: true}
    points: 5
  - id: named
    category: fit
    when: {field: title, in: [ceo, cto]}
    points: 1
stages:
  MQL: {min_score: 10}
)";

}  // namespace

TEST_CASE("a reused scratch forgets the previous lead's values and problems", "[scorer][scratch]") {
  Scoring s(kRules);
  const Verdict& v1 = s.score({{"size", " 500 "}, {"active", "yes"}, {"title", "CEO"}});
  CHECK(v1.fit == 11);
  CHECK(v1.engagement == 5);
  CHECK(v1.bad_values.empty());

  const Verdict& v2 = s.score({{"size", "lots"}, {"active", "maybe"}, {"title", "null"}});
  CHECK(v2.fit == 0);
  CHECK(v2.engagement == 0);
  CHECK(v2.bad_values.size() == 2);

  const Verdict& v3 = s.score({});
  CHECK(v3.fit == 0);
  CHECK(v3.bad_values.empty());
  CHECK_FALSE(v3.criteria[0].matched);

  const Verdict& v4 = s.score({{"size", "100"}, {"active", "N/A"}, {"title", " cto\t"}});
  CHECK(v4.fit == 11);
  CHECK(v4.engagement == 0);
  CHECK(v4.bad_values.empty());
}

TEST_CASE("a scratch moves from one rule set to another of a different size", "[scorer][scratch]") {
  auto small = load_ok(one_condition_rules("{field: a, equals: x}"));
  auto large = load_ok(kRules);
  Scorer small_scorer(*small, 0), large_scorer(*large, 0);
  LeadScratch scratch;
  Verdict verdict;

  std::vector<std::string_view> large_values(large->fields.size(), "");
  large_values[static_cast<size_t>(large->find_field("size"))] = "300";
  large_scorer.score(large_values, scratch, verdict);
  CHECK(verdict.fit == 10);

  std::vector<std::string_view> small_values(small->fields.size(), "X");
  small_scorer.score(small_values, scratch, verdict);
  CHECK(verdict.fit == 1);
  CHECK(verdict.criteria.size() == 1);

  large_scorer.score(large_values, scratch, verdict);
  CHECK(verdict.fit == 10);
  CHECK(verdict.criteria.size() == 3);
}
