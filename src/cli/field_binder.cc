#include "cli/field_binder.h"

#include <algorithm>
#include <cstdint>

#include "leadscore/values.h"

namespace leadscore::cli {

FieldBinder::FieldBinder(const RuleSet& rules)
    : rules_(rules), seen_(rules.fields.size(), false), nested_text_(rules.fields.size()) {}

int FieldBinder::find_column(const std::vector<std::string>& names, const FieldSpec* spec,
                             std::string_view name) const {
  std::vector<std::string_view> candidates{name};
  if (spec) {
    for (const std::string& alias : spec->from) candidates.push_back(alias);
  }
  // SPEC: an exact header match first, then case-insensitive with spaces trimmed.
  for (std::string_view c : candidates) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == c) return static_cast<int>(i);
    }
  }
  for (std::string_view c : candidates) {
    std::string_view want = trim(c);
    for (size_t i = 0; i < names.size(); ++i) {
      if (iequals(trim(names[i]), want)) return static_cast<int>(i);
    }
  }
  return -1;
}

void FieldBinder::resolve(const InputRecord& rec) {
  columns_seen_ = false;
  const std::vector<std::string>& names = *rec.names;
  columns_.assign(rules_.fields.size(), -1);
  absent_.clear();
  for (size_t f = 0; f < rules_.fields.size(); ++f) {
    columns_[f] = find_column(names, &rules_.fields[f], rules_.fields[f].name);
    // JSON records (with or without a tree) have their own names each.
    if (columns_[f] < 0 && !rec.object && rec.names_fixed) absent_.push_back(static_cast<int>(f));
  }
  id_column_ = -1;
  id_name_.clear();
  if (!rules_.id_field.empty()) {
    int f = rules_.find_field(rules_.id_field);
    id_column_ = f >= 0 ? columns_[static_cast<size_t>(f)] : find_column(names, nullptr, rules_.id_field);
  } else {
    for (std::string_view candidate : {"id", "lead_id", "email"}) {
      id_column_ = find_column(names, nullptr, candidate);
      if (id_column_ >= 0) break;
    }
  }
  if (id_column_ >= 0) id_name_ = names[static_cast<size_t>(id_column_)];
  // A record with this many values binds by column alone, unless a dotted
  // name without a column may reach into a nested object.
  direct_count_ = 0;
  for (size_t f = 0; f < columns_.size(); ++f) {
    if (columns_[f] >= 0) direct_count_ = std::max(direct_count_, static_cast<size_t>(columns_[f]) + 1);
    else if (rules_.fields[f].name.find('.') != std::string::npos) direct_count_ = SIZE_MAX;
  }
}

const nlohmann::ordered_json* FieldBinder::tree(const InputRecord& rec) {
  if (rec.object || rec.names_fixed || rec.delimiter != 0) return rec.object;
  if (!tree_parsed_) {
    tree_parsed_ = true;
    std::string message;
    size_t offset;
    tree_ = tree_parser_.parse(rec.raw, tree_record_, &message, &offset) ? tree_record_.object : nullptr;
  }
  return tree_;
}

std::string_view FieldBinder::nested(const InputRecord& rec, size_t field) {
  const std::string& name = rules_.fields[field].name;
  if (name.find('.') == std::string::npos) return {};
  const nlohmann::ordered_json* node = tree(rec);
  if (!node) return {};
  size_t start = 0;
  while (start <= name.size()) {
    size_t dot = name.find('.', start);
    if (dot == std::string::npos) dot = name.size();
    std::string_view key(name.data() + start, dot - start);
    if (!node->is_object()) return {};
    const nlohmann::ordered_json* next = nullptr;
    for (auto it = node->begin(); it != node->end(); ++it) {
      if (it.key() == key) { next = &it.value(); break; }
    }
    if (!next) {
      for (auto it = node->begin(); it != node->end(); ++it) {
        if (iequals(it.key(), key)) { next = &it.value(); break; }
      }
    }
    if (!next) return {};
    node = next;
    start = dot + 1;
  }
  std::string& text = nested_text_[field];
  if (node->is_string()) text = node->get<std::string>();
  else if (node->is_null()) text.clear();
  else text = node->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return text;
}

void FieldBinder::bind(const InputRecord& rec, std::vector<std::string_view>& values) {
  header_changed_ = false;
  tree_parsed_ = false;
  // A CSV header never changes under the same pointer; JSON keys may, unless
  // the reader vouches for them with the same serial.
  bool same;
  if (rec.names_fixed) same = rec.names == cached_names_ && cached_fixed_;
  else if (rec.names_serial != 0 && rec.names_serial == cached_serial_) same = true;
  else same = rec.names == cached_names_ && !cached_fixed_ && *rec.names == cached_copy_;
  if (same && !rec.names_fixed) cached_serial_ = rec.names_serial;  // a new reader, same keys
  if (!same) {
    cached_names_ = rec.names;
    cached_fixed_ = rec.names_fixed;
    cached_serial_ = rec.names_fixed ? 0 : rec.names_serial;
    if (rec.names_fixed) cached_copy_.clear();
    else cached_copy_ = *rec.names;
    resolve(rec);
    header_changed_ = true;
  }
  values.resize(rules_.fields.size());
  std::string_view* out = values.data();
  const std::string_view* in = rec.values.data();
  const size_t count = rec.values.size();
  if (count >= direct_count_) {
    // Every field is a column of this record, or absent.
#pragma GCC unroll 4
    for (size_t f = 0; f < columns_.size(); ++f) {
      const int c = columns_[f];
      out[f] = c >= 0 ? in[c] : std::string_view{};
    }
  } else {
    for (size_t f = 0; f < columns_.size(); ++f) {
      const int c = columns_[f];
      if (c >= 0 && static_cast<size_t>(c) < count) {
        out[f] = in[c];
      } else {
        out[f] = nested(rec, f);
        if (!out[f].empty()) seen_[f] = true;
      }
    }
  }
  // Fields read from a column count as seen; once all of them have been,
  // there is nothing left to note for this header.
  if (!columns_seen_) {
    columns_seen_ = true;
    for (size_t f = 0; f < columns_.size(); ++f) {
      const int c = columns_[f];
      if (c >= 0 && static_cast<size_t>(c) < count) seen_[f] = true;
      else if (c >= 0) columns_seen_ = false;
    }
  }
  id_ = id_column_ >= 0 && static_cast<size_t>(id_column_) < rec.values.size()
            ? trim(rec.values[static_cast<size_t>(id_column_)])
            : std::string_view{};
}

std::vector<int> FieldBinder::never_seen() const {
  std::vector<int> out;
  for (size_t f = 0; f < seen_.size(); ++f) {
    if (!seen_[f]) out.push_back(static_cast<int>(f));
  }
  return out;
}

}  // namespace leadscore::cli
