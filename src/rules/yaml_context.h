// Shared state and helpers for walking a rules YAML document: every check
// reports through here so that messages carry file, line and column and the
// loader can go on to find every problem in one pass.
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "leadscore/diagnostic.h"
#include "leadscore/rules.h"

namespace leadscore::rules_internal {

class YamlContext {
 public:
  YamlContext(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  const std::string& file() const { return file_; }
  size_t error_count() const { return errors_; }

  void error(const YAML::Node& at, std::string message);
  void error(SourceLocation at, std::string message);
  static SourceLocation where(const YAML::Node& node);

  // Reports every key of `map` not in `allowed` (with a "did you mean" hint)
  // and every key given twice. Returns false when `map` is not a mapping.
  bool check_map(const YAML::Node& map, std::string_view what, std::initializer_list<std::string_view> allowed);

  // Typed scalar readers: report and return nullopt on the wrong type.
  std::optional<std::string> string(const YAML::Node& node, std::string_view what);
  std::optional<double> number(const YAML::Node& node, std::string_view what);
  // A number of points: within kMaxPoints either way.
  std::optional<double> points(const YAML::Node& node, std::string_view what);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
  std::optional<int32_t> date(const YAML::Node& node, std::string_view what);
  std::optional<int64_t> whole_number(const YAML::Node& node, std::string_view what, int64_t min, int64_t max);

  // A plain (unquoted) scalar, as opposed to a quoted string.
  static bool is_plain(const YAML::Node& node);
  static std::string describe(const YAML::Node& node);  // "a list", "a mapping", "'abc'"

  // Criterion ids seen in the file, including those of criteria that failed
  // to load, so a reference to a broken criterion is not reported twice.
  std::set<std::string>& criterion_ids() { return criterion_ids_; }

 private:
  std::string file_;
  Diagnostics& diags_;
  size_t errors_ = 0;
  std::set<std::string> criterion_ids_;
};

// The closest of `candidates` to `word` within a small edit distance, or "".
std::string_view closest_match(std::string_view word, std::initializer_list<std::string_view> candidates);
std::string_view closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace leadscore::rules_internal
