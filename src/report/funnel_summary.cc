#include "report/funnel_summary.h"

#include <cmath>

#include "leadscore/values.h"
#include "report/report_format.h"
#include "rules/rules_checks.h"

namespace leadscore::report {

namespace {

constexpr int kMaxFilledMonths = 120;

// Histogram widths people read easily.
double nice_width(double span) {
  if (span / 10 >= 4 && span / 10 <= 20) return 10;
  for (double scale = 1; scale < 1e15; scale *= 10) {
    for (double w : {1.0, 2.0, 2.5, 5.0}) {
      double width = w * scale;
      if (span / width <= 20) return width;
    }
  }
  return span;
}

std::optional<int32_t> read_day(const FieldSpec& spec, std::string_view raw) {
  std::string_view t = trim(raw);
  return spec.date_format.empty() ? parse_date(t) : parse_date_with_format(t, spec.date_format);
}

}  // namespace

HeatBands::HeatBands(double axis_max) {
  constexpr int kClosed = kHeatBands - 2;
  if (!std::isfinite(axis_max) || axis_max <= 0) return;
  width = 5;
  for (double scale = 10; width * kClosed < axis_max && scale < 1e15; scale *= 10) {
    for (double w : {1.0, 1.5, 2.0, 2.5, 5.0, 7.5}) {
      width = w * scale;
      if (width * kClosed >= axis_max) return;
    }
  }
}

int HeatBands::index(double points) const {
  if (points < 0) return 0;
  double band = std::floor(points / width) + 1;
  return band >= kHeatBands - 1 ? kHeatBands - 1 : static_cast<int>(band);
}

std::string HeatBands::label(int band) const {
  if (band == 0) return "<0";
  double low = (band - 1) * width;
  if (band == kHeatBands - 1) return fmt_number(low) + "+";
  return fmt_number(low) + "-" + fmt_number(low + width);
}

Histogram::Histogram(const RuleSet& rules) {
  open_below = !rules.score_min;
  open_above = !rules.score_max;
  low = rules.score_min.value_or(0);
  high = rules.score_max.value_or(std::max(low + 100, 100.0));
  if (high <= low) high = low + 10;
  width = nice_width(high - low);
  bins.assign(static_cast<size_t>(std::ceil((high - low) / width - 1e-9)), 0);
}

void Histogram::add(double score) {
  if (score < low) {
    ++below;  // only without a clamp (the clamp keeps scores in range)
    return;
  }
  if (score > high) {
    ++above;
    return;
  }
  auto i = static_cast<size_t>(std::floor((score - low) / width));
  if (i >= bins.size()) i = bins.size() - 1;  // `high` itself joins the last bin
  ++bins[i];
}

std::string Histogram::bin_label(size_t i) const {
  double from = low + width * static_cast<double>(i);
  double to = std::min(high, from + width);
  return fmt_number(from) + "-" + fmt_number(to);
}

FunnelSummary::FunnelSummary(const Scorer& scorer)
    : rules(scorer.rules()),
      criteria(scorer.rules().criteria.size()),
      disqualified_by(scorer.rules().disqualify.size(), 0),
      fit_bands(rules_internal::highest_possible(scorer.rules()).fit_max),
      engagement_bands(rules_internal::highest_possible(scorer.rules()).engagement_max),
      histogram(scorer.rules()),
      scorer_(scorer) {}

void FunnelSummary::add(const Verdict& v, std::span<const std::string_view> values) {
  ++leads;
  ++at_stage[static_cast<size_t>(v.stage)];
  score_sum += v.score;
  fit_sum += v.fit;
  engagement_sum += v.engagement;
  for (size_t i = 0; i < criteria.size() && i < v.criteria.size(); ++i) {
    const CriterionOutcome& o = v.criteria[i];
    criteria[i].matched += o.matched;
    criteria[i].fired += o.points != 0;
    criteria[i].points += o.points;
  }
  if (v.disqualified()) ++disqualified;
  for (int d : v.disqualified_by) ++disqualified_by[static_cast<size_t>(d)];
  ++heat[static_cast<size_t>(fit_bands.index(v.fit))][static_cast<size_t>(engagement_bands.index(v.engagement))];
  histogram.add(v.score);

  if (rules.created_field < 0) return;
  auto f = static_cast<size_t>(rules.created_field);
  std::string_view raw = f < values.size() ? values[f] : std::string_view{};
  if (scorer_.is_missing(raw)) {
    ++created_missing;
    return;
  }
  auto day = read_day(rules.fields[f], raw);
  if (!day) {
    ++created_unreadable;
    return;
  }
  CivilDate d = civil_from_days(*day);
  MonthTally& m = months[d.year * 12 + static_cast<int32_t>(d.month) - 1];
  ++m.leads;
  m.qualified += v.stage >= Stage::kMql;
}

uint64_t FunnelSummary::reached(Stage s) const {
  uint64_t n = 0;
  for (size_t i = static_cast<size_t>(s); i < at_stage.size(); ++i) n += at_stage[i];
  return n;
}

std::vector<OwnerRow> owner_rows(const FunnelSummary& s) {
  std::vector<OwnerRow> rows;
  OwnerRow unowned;
  for (Stage st : {Stage::kLead, Stage::kMql, Stage::kSql, Stage::kSao}) {
    if (st != Stage::kLead && !s.rules.gate(st).defined) continue;
    const std::string& owner = st == Stage::kLead ? unowned.owner : s.rules.gate(st).owner;
    OwnerRow* row = &unowned;
    if (!owner.empty()) {
      row = nullptr;
      for (OwnerRow& r : rows) {
        if (r.owner == owner) row = &r;
      }
      if (!row) {
        rows.push_back(OwnerRow{owner, {}, 0});
        row = &rows.back();
      }
    }
    row->stages.push_back(st);
    row->leads += s.at_stage[static_cast<size_t>(st)];
  }
  rows.push_back(std::move(unowned));
  return rows;
}

std::vector<VelocityRow> velocity_rows(const FunnelSummary& s) {
  std::vector<VelocityRow> rows;
  if (s.months.empty()) return rows;
  int32_t first = s.months.begin()->first;
  int32_t last = s.months.rbegin()->first;
  bool fill = last - first < kMaxFilledMonths;
  auto tally_of = [&](int32_t m) {
    auto it = s.months.find(m);
    return it == s.months.end() ? MonthTally{} : it->second;
  };
  auto push = [&](int32_t m) {
    VelocityRow r{m, tally_of(m), false, 0};
    uint64_t before = tally_of(m - 1).qualified;
    if (before > 0) {
      r.has_growth = true;
      r.growth_percent = round2((static_cast<double>(r.tally.qualified) - static_cast<double>(before)) /
                                static_cast<double>(before) * 100.0);
    }
    rows.push_back(r);
  };
  if (fill) {
    for (int32_t m = first; m <= last; ++m) push(m);
  } else {
    for (const auto& [m, t] : s.months) push(m);
  }
  return rows;
}

}  // namespace leadscore::report
