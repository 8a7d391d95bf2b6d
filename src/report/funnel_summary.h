// The funnel summary of a stream of scored leads, for `leadscore summary`.
// It keeps counters only (per stage, criterion, band, bin and creation
// month), so memory stays flat however many leads pass through. Leads are
// added one Verdict at a time; the renderers (text, JSON, HTML) read it after.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/scorer.h"

namespace leadscore::report {

// Heat map bands of one axis (fit or engagement): `<0`, six bands of equal
// width from 0, each holding its lower bound up to (not including) the next,
// and an open top band (`60+`). The width is the smallest of 5, 10, 15, 20,
// 25, 50, 75, 100, 150 ... whose six bands reach the most points the rules
// can give on that axis (10 when that is unbounded). Taken from the rules, not the data,
// so every input scored with the same rules gets a map of the same shape.
inline constexpr int kHeatBands = 8;
struct HeatBands {
  explicit HeatBands(double axis_max);
  int index(double points) const;
  std::string label(int band) const;
  double width = 10;
};

// Score histogram: bins of `width` from `low`, each holding its lower bound
// up to the next; the last regular bin also holds `high`. Without a clamp in
// the rules, scores below `low` or above `high` are counted apart.
struct Histogram {
  double low = 0;
  double high = 100;
  double width = 10;
  bool open_below = true;   // no score.min: a "<low" bin exists
  bool open_above = true;   // no score.max: a ">high" bin exists
  std::vector<uint64_t> bins;
  uint64_t below = 0;
  uint64_t above = 0;

  // low/high from the rules' score clamp (else 0 and 100); width 10 unless
  // that gives fewer than 4 or more than 20 bins, then the nearest of 1, 2,
  // 5, 10, 20, 25, 50, 100 ... that fits.
  explicit Histogram(const RuleSet& rules);
  void add(double score);
  std::string bin_label(size_t i) const;  // "40-50"
};

// How often one criterion mattered. `matched`: its `when` held (and for
// points_by a value or range matched). `fired`: it gave non-zero points,
// i.e. it appears in the lead's `reasons`. `points`: the sum of its points
// after its own max/min, before group bounds and decay.
struct CriterionTally {
  uint64_t matched = 0;
  uint64_t fired = 0;
  double points = 0;
};

// Leads created in one month, and how many of them are MQL or above now.
struct MonthTally {
  uint64_t leads = 0;
  uint64_t qualified = 0;
};

struct FunnelSummary {
  explicit FunnelSummary(const Scorer& scorer);

  // Counts one scored lead; `values` as given to Scorer::score.
  void add(const Verdict& v, std::span<const std::string_view> values);

  // Leads at stage s or above (the funnel is cumulative: SAO implies SQL ...).
  uint64_t reached(Stage s) const;

  const RuleSet& rules;
  uint64_t leads = 0;
  std::array<uint64_t, 4> at_stage{};  // by Stage
  double score_sum = 0;
  double fit_sum = 0;
  double engagement_sum = 0;
  std::vector<CriterionTally> criteria;  // parallel to rules.criteria
  uint64_t disqualified = 0;
  std::vector<uint64_t> disqualified_by;  // parallel to rules.disqualify
  HeatBands fit_bands;
  HeatBands engagement_bands;
  std::array<std::array<uint64_t, kHeatBands>, kHeatBands> heat{};  // [fit band][engagement band]
  Histogram histogram;
  // Lead velocity, when the rules name a created_field. Key: year*12 + month-1.
  std::map<int32_t, MonthTally> months;
  uint64_t created_missing = 0;     // no creation date
  uint64_t created_unreadable = 0;  // a value that is not a date

 private:
  const Scorer& scorer_;
};

// One row of the per-owner table: an owner named in the rules' stages, the
// stages it owns, and the leads now at those stages. Leads at a stage with no
// owner (always including Lead) are grouped under an empty owner, last.
struct OwnerRow {
  std::string owner;
  std::vector<Stage> stages;
  uint64_t leads = 0;
};
std::vector<OwnerRow> owner_rows(const FunnelSummary& s);

// One month of lead velocity: its qualified leads and the growth over the
// month before, in percent (none when that month had no qualified leads).
struct VelocityRow {
  int32_t month = 0;
  MonthTally tally;
  bool has_growth = false;
  double growth_percent = 0;
};
// Every month from the first to the last seen (empty months filled in, unless
// they span more than ten years; then only the months seen).
std::vector<VelocityRow> velocity_rows(const FunnelSummary& s);

}  // namespace leadscore::report
