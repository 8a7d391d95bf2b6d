#include "report/stage_diff.h"

#include <algorithm>

namespace leadscore::report {

namespace {

template <typename Item>
void pair_by_id(const std::vector<Item>& old_items, const std::vector<Item>& new_items, const std::string& prefix,
                auto& pairs) {
  for (size_t i = 0; i < old_items.size(); ++i) pairs.push_back({prefix + old_items[i].id, static_cast<int>(i), -1});
  for (size_t j = 0; j < new_items.size(); ++j) {
    bool found = false;
    for (auto& p : pairs) {
      if (p.old_index >= 0 && old_items[static_cast<size_t>(p.old_index)].id == new_items[j].id) {
        p.new_index = static_cast<int>(j);
        found = true;
      }
    }
    if (!found) pairs.push_back({prefix + new_items[j].id, -1, static_cast<int>(j)});
  }
}

double points_of(const Verdict& v, int index) {
  return index < 0 ? 0 : v.criteria[static_cast<size_t>(index)].points;
}

bool held(const Verdict& v, int index) {
  return index >= 0 && std::find(v.disqualified_by.begin(), v.disqualified_by.end(), index) != v.disqualified_by.end();
}

}  // namespace

StageDiff::StageDiff(const RuleSet& old_rules, const RuleSet& new_rules) {
  pair_by_id(old_rules.criteria, new_rules.criteria, "", criteria_);
  pair_by_id(old_rules.disqualify, new_rules.disqualify, "disqualify:", disqualifiers_);
  criterion_counts_.assign(criteria_.size(), 0);
  disqualifier_counts_.assign(disqualifiers_.size(), 0);
}

bool StageDiff::add(const Verdict& old_v, const Verdict& new_v) {
  ++leads_;
  ++matrix_[static_cast<size_t>(old_v.stage)][static_cast<size_t>(new_v.stage)];
  // Compare what is printed: scores are already rounded to 2 decimals.
  if (old_v.score != new_v.score) ++score_changed_;
  if (old_v.stage == new_v.stage) return false;
  if (new_v.stage > old_v.stage) ++up_;
  else ++down_;
  bool any_cause = false;
  for (size_t i = 0; i < criteria_.size(); ++i) {
    if (points_of(old_v, criteria_[i].old_index) != points_of(new_v, criteria_[i].new_index)) {
      ++criterion_counts_[i];
      any_cause = true;
    }
  }
  for (size_t i = 0; i < disqualifiers_.size(); ++i) {
    if (held(old_v, disqualifiers_[i].old_index) != held(new_v, disqualifiers_[i].new_index)) {
      ++disqualifier_counts_[i];
      any_cause = true;
    }
  }
  if (!any_cause) ++gates_only_;
  return true;
}

std::vector<StageDiff::Cause> StageDiff::causes() const {
  std::vector<Cause> out;
  for (size_t i = 0; i < criteria_.size(); ++i) {
    if (criterion_counts_[i]) out.push_back({criteria_[i].label, criterion_counts_[i]});
  }
  for (size_t i = 0; i < disqualifiers_.size(); ++i) {
    if (disqualifier_counts_[i]) out.push_back({disqualifiers_[i].label, disqualifier_counts_[i]});
  }
  std::stable_sort(out.begin(), out.end(), [](const Cause& a, const Cause& b) { return a.leads > b.leads; });
  return out;
}

}  // namespace leadscore::report
