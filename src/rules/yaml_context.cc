#include "rules/yaml_context.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "leadscore/rules.h"
#include "leadscore/values.h"

namespace leadscore::rules_internal {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      size_t cost = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}

template <typename Range>
std::string_view closest(std::string_view word, const Range& candidates) {
  std::string_view best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace

std::string_view closest_match(std::string_view word, std::initializer_list<std::string_view> candidates) {
  return closest(word, candidates);
}

std::string_view closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  return closest(word, candidates);
}

SourceLocation YamlContext::where(const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  if (m.line < 0) return {};
  return {static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

void YamlContext::error(const YAML::Node& at, std::string message) { error(where(at), std::move(message)); }

void YamlContext::error(SourceLocation at, std::string message) {
  ++errors_;
  diags_.push_back(Diagnostic{file_, at.line, at.column, Severity::kError, std::move(message)});
}

bool YamlContext::is_plain(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "?"; }

std::string YamlContext::describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "'" + node.Scalar() + "'";
}

bool YamlContext::check_map(const YAML::Node& map, std::string_view what,
                            std::initializer_list<std::string_view> allowed) {
  if (!map.IsMap()) {
    error(map, std::string(what) + " is " + describe(map) + ", expected a mapping");
    return false;
  }
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    // By value: `it->` returns a proxy that dies with the expression, so a
    // reference into it would dangle (yaml-cpp Nodes are cheap handles).
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      error(key, "a key in " + std::string(what) + " is " + describe(key) + ", expected a name");
      continue;
    }
    const std::string& k = key.Scalar();
    if (!seen.insert(k).second) {
      error(key, "duplicate key '" + k + "' in " + std::string(what) + ", expected each key once");
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string message = "unknown key '" + k + "' in " + std::string(what);
    std::string_view hint = closest_match(k, allowed);
    if (!hint.empty()) {
      message += ", did you mean '" + std::string(hint) + "'?";
    } else {
      message += ", expected one of: ";
      bool first = true;
      for (std::string_view a : allowed) {
        if (!first) message += ", ";
        message += a;
        first = false;
      }
    }
    error(key, std::move(message));
  }
  return true;
}

std::optional<std::string> YamlContext::string(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(node, std::string(what) + " is " + describe(node) + ", expected text");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<double> YamlContext::number(const YAML::Node& node, std::string_view what) {
  if (is_plain(node)) {
    std::string_view t = trim(node.Scalar());
    // YAML numbers only: no currency signs or separators in rules files.
    bool plain = !t.empty() && t.find_first_of("$,%\xE2\xC2") == std::string_view::npos;
    if (plain) {
      if (auto v = parse_number(t)) return v;
    }
  }
  error(node, std::string(what) + " is " + describe(node) + ", expected a number");
  return std::nullopt;
}

std::optional<double> YamlContext::points(const YAML::Node& node, std::string_view what) {
  std::optional<double> v = number(node, what);
  if (v && !(std::fabs(*v) <= kMaxPoints)) {
    error(node, std::string(what) + " is " + node.Scalar() + ", expected points between -1e15 and 1e15");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> YamlContext::boolean(const YAML::Node& node, std::string_view what) {
  if (is_plain(node)) {
    const std::string& t = node.Scalar();
    if (t == "true" || t == "True" || t == "TRUE") return true;
    if (t == "false" || t == "False" || t == "FALSE") return false;
  }
  error(node, std::string(what) + " is " + describe(node) + ", expected true or false");
  return std::nullopt;
}

std::optional<int32_t> YamlContext::date(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    std::string_view t = trim(node.Scalar());
    if (t.size() == 10) {
      if (auto d = parse_date(t)) return d;
    }
  }
  error(node, std::string(what) + " is " + describe(node) + ", expected a date like 2026-11-01");
  return std::nullopt;
}

std::optional<int64_t> YamlContext::whole_number(const YAML::Node& node, std::string_view what, int64_t min,
                                                 int64_t max) {
  if (is_plain(node)) {
    std::string_view t = trim(node.Scalar());
    auto v = parse_number(t);
    if (v && *v == static_cast<double>(static_cast<int64_t>(*v)) && t.find_first_of(".eE$,%") == std::string_view::npos) {
      auto n = static_cast<int64_t>(*v);
      if (n >= min && n <= max) return n;
      error(node, std::string(what) + " is " + std::to_string(n) + ", expected a whole number from " +
                      std::to_string(min) + " to " + std::to_string(max));
      return std::nullopt;
    }
  }
  error(node, std::string(what) + " is " + describe(node) + ", expected a whole number");
  return std::nullopt;
}

}  // namespace leadscore::rules_internal
