// The summary's counters: funnel, owners, bands, histogram bins, criterion
// tallies and lead velocity, each checked on a few hand-made leads.
#include "report/funnel_summary.h"

#include <catch2/catch.hpp>

#include "report_test_util.h"

using namespace leadscore;
using namespace leadscore::report;
using namespace leadscore::report::testing;

namespace {

struct Fixture {
  std::unique_ptr<RuleSet> rules = rules_from(kFunnelRules);
  LeadScorer scoring{*rules};
  FunnelSummary summary{scoring.scorer()};

  void add(const std::map<std::string, std::string>& lead) {
    const Verdict& v = scoring.score(lead);
    summary.add(v, scoring.values());
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "summary: funnel counts are per stage, reached is cumulative", "[summary]") {
  add({{"title", "VP Sales"}, {"demo", "yes"}, {"accepted", "yes"}});  // SAO
  add({{"title", "VP Sales"}, {"demo", "yes"}});                       // SQL
  add({{"title", "VP Sales"}});                                        // MQL
  add({{"title", "Analyst"}});                                         // Lead
  add({{"email", "x@rival.example"}, {"title", "VP"}, {"demo", "1"}}); // Lead (disqualified)
  CHECK(summary.leads == 5);
  CHECK(summary.at_stage == std::array<uint64_t, 4>{2, 1, 1, 1});
  CHECK(summary.reached(Stage::kLead) == 5);
  CHECK(summary.reached(Stage::kMql) == 3);
  CHECK(summary.reached(Stage::kSql) == 2);
  CHECK(summary.reached(Stage::kSao) == 1);
  CHECK(summary.disqualified == 1);
  CHECK(summary.disqualified_by == std::vector<uint64_t>{1});
}

TEST_CASE_METHOD(Fixture, "summary: owners group the stages they own, Lead has none", "[summary]") {
  add({{"title", "VP Sales"}, {"demo", "yes"}});
  add({{"title", "VP Sales"}, {"demo", "yes"}, {"accepted", "yes"}});
  add({{"title", "VP Sales"}});
  add({{"title", "nobody"}});
  std::vector<OwnerRow> rows = owner_rows(summary);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].owner == "marketing");
  CHECK(rows[0].stages == std::vector<Stage>{Stage::kMql});
  CHECK(rows[0].leads == 1);
  CHECK(rows[1].owner == "sales");
  CHECK(rows[1].stages == std::vector<Stage>{Stage::kSql, Stage::kSao});
  CHECK(rows[1].leads == 2);
  CHECK(rows[2].owner.empty());
  CHECK(rows[2].leads == 1);
}

TEST_CASE_METHOD(Fixture, "summary: matched counts the condition, fired the non-zero points", "[summary]") {
  add({{"visits", "0"}});   // visits: no `when`, so matched, but 0 points: not fired
  add({{"visits", "50"}});  // capped at 20
  add({{"title", "VP"}, {"email", "a@gmail.com"}});
  const auto& c = summary.criteria;
  CHECK(c[3].matched == 3);
  CHECK(c[3].fired == 1);
  CHECK(c[3].points == 20);
  CHECK(c[0].fired == 1);
  CHECK(c[0].points == 30);
  CHECK(c[1].fired == 1);
  CHECK(c[1].points == -10);
}

TEST_CASE_METHOD(Fixture, "summary: heat map bands come from the rules' highest points", "[summary]") {
  // Fit can reach 30 (bands of 5), engagement 60 (bands of 10).
  CHECK(summary.fit_bands.width == 5);
  CHECK(summary.engagement_bands.width == 10);
  CHECK(summary.fit_bands.label(0) == "<0");
  CHECK(summary.fit_bands.label(1) == "0-5");
  CHECK(summary.fit_bands.label(7) == "30+");
  CHECK(summary.engagement_bands.index(-0.5) == 0);
  CHECK(summary.engagement_bands.index(0) == 1);
  CHECK(summary.engagement_bands.index(9.99) == 1);
  CHECK(summary.engagement_bands.index(10) == 2);
  CHECK(summary.engagement_bands.index(1e9) == 7);
  add({{"title", "VP"}, {"demo", "yes"}, {"visits", "5"}});  // fit 30, engagement 45
  CHECK(summary.heat[7][5] == 1);
}

TEST_CASE("summary: heat bands widen for large rules and fall back to 10 when unbounded", "[summary]") {
  CHECK(HeatBands(130).width == 25);
  CHECK(HeatBands(75).width == 15);
  CHECK(HeatBands(0).width == 10);
  CHECK(HeatBands(std::numeric_limits<double>::infinity()).width == 10);
  CHECK(HeatBands(5000).width == 1000);
}

TEST_CASE_METHOD(Fixture, "summary: histogram bins follow the clamp; 100 joins the last bin", "[summary]") {
  const Histogram& h = summary.histogram;
  CHECK_FALSE(h.open_below);
  CHECK_FALSE(h.open_above);
  REQUIRE(h.bins.size() == 10);
  CHECK(h.bin_label(0) == "0-10");
  CHECK(h.bin_label(9) == "90-100");
  add({{"title", "VP"}, {"demo", "yes"}, {"visits", "20"}});  // 90
  add({{"title", "VP"}, {"demo", "yes"}, {"visits", "40"}});  // 90 (visits capped)
  add({{"visits", "9"}});                                     // 9
  CHECK(h.bins[9] == 2);
  CHECK(h.bins[0] == 1);
}

TEST_CASE("summary: without a clamp the histogram counts scores outside 0-100 apart", "[summary]") {
  auto rules = rules_from("criteria: [{id: a, category: fit, points_per: {field: n, points: 1}}]\n");
  Histogram h(*rules);
  CHECK(h.open_below);
  CHECK(h.open_above);
  h.add(-5);
  h.add(100);
  h.add(100.5);
  CHECK(h.below == 1);
  CHECK(h.bins[9] == 1);
  CHECK(h.above == 1);
}

TEST_CASE("summary: a clamp of 0-1000 gets bins of 50", "[summary]") {
  auto rules = rules_from("criteria: [{id: a, category: fit, points: 1}]\nscore: {min: 0, max: 1000}\n");
  Histogram h(*rules);
  CHECK(h.width == 50);
  CHECK(h.bins.size() == 20);
}

TEST_CASE_METHOD(Fixture, "summary: velocity counts qualified leads per creation month, gaps filled", "[summary]") {
  add({{"title", "VP"}, {"created_at", "2026-01-05"}});         // qualified
  add({{"title", "nobody"}, {"created_at", "2026-01-20T10:00Z"}});
  add({{"title", "VP"}, {"created_at", "2026-03-01"}});
  add({{"title", "VP"}, {"created_at", "2026-03-31"}});
  add({{"title", "VP"}});                                        // no date
  add({{"title", "VP"}, {"created_at", "last week"}});           // not a date
  CHECK(summary.created_missing == 1);
  CHECK(summary.created_unreadable == 1);
  std::vector<VelocityRow> rows = velocity_rows(summary);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].tally.leads == 2);
  CHECK(rows[0].tally.qualified == 1);
  CHECK_FALSE(rows[0].has_growth);
  CHECK(rows[1].tally.leads == 0);  // February, filled in
  CHECK(rows[1].has_growth);
  CHECK(rows[1].growth_percent == -100);
  CHECK(rows[2].tally.qualified == 2);
  CHECK_FALSE(rows[2].has_growth);  // from 0: no growth rate
}

TEST_CASE_METHOD(Fixture, "summary: velocity growth is against the month before", "[summary]") {
  for (int i = 0; i < 3; ++i) add({{"title", "VP"}, {"created_at", "2026-04-10"}});
  for (int i = 0; i < 4; ++i) add({{"title", "VP"}, {"created_at", "2026-05-10"}});
  std::vector<VelocityRow> rows = velocity_rows(summary);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].growth_percent == 33.33);
}
