#include "output/column_layout.h"

#include "leadscore/values.h"
#include "output/result_writer.h"

namespace leadscore {

std::string fold_name(std::string_view name) {
  std::string out(trim(name));
  for (char& c : out) c = ascii_lower(c);
  return out;
}

void ColumnLayout::build(const std::vector<std::string>& input_names, bool with_explanation) {
  built_ = true;
  columns_ = input_names;
  input_columns_ = input_names.size();
  is_result_.assign(columns_.size(), false);
  for (size_t i = 0; i < columns_.size(); ++i) index_.emplace(fold_name(columns_[i]), i);
  std::vector<std::string> results(std::begin(kResultColumns), std::end(kResultColumns));
  if (with_explanation) results.emplace_back("explanation");
  for (const std::string& r : results) {
    auto it = index_.find(r);
    if (it != index_.end()) {
      result_columns_.push_back(it->second);
      is_result_[it->second] = true;
    } else {
      result_columns_.push_back(columns_.size());
      index_.emplace(r, columns_.size());
      columns_.push_back(r);
      is_result_.push_back(true);
    }
  }
}

const std::vector<int>& ColumnLayout::map(const std::vector<std::string>* names, bool fixed, uint64_t serial,
                                         std::vector<std::string>* dropped) {
  if (!fixed && serial != 0 && serial == cached_serial_) return mapping_;
  if (names == cached_names_ && names->size() == cached_size_ && (fixed ? cached_fixed_ : *names == cached_copy_)) {
    if (!fixed) cached_serial_ = serial;
    return mapping_;
  }
  cached_names_ = names;
  cached_size_ = names->size();
  cached_fixed_ = fixed;
  cached_serial_ = fixed ? 0 : serial;
  if (fixed) cached_copy_.clear();
  else cached_copy_ = *names;
  mapping_.assign(names->size(), -1);
  for (size_t i = 0; i < names->size(); ++i) {
    auto it = index_.find(fold_name((*names)[i]));
    if (it == index_.end()) {
      if (dropped) dropped->push_back((*names)[i]);
      continue;
    }
    if (is_result_[it->second]) continue;  // the new result replaces the old value
    mapping_[i] = static_cast<int>(it->second);
  }
  identity_ = names->size() == input_columns_ && columns_.size() >= input_columns_;
  for (size_t i = 0; identity_ && i < mapping_.size(); ++i) identity_ = mapping_[i] == static_cast<int>(i);
  return mapping_;
}

}  // namespace leadscore
