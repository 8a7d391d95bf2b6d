// The output columns of a tabular result: the first input's columns with the
// result columns replacing same-named ones in place or appended. Later inputs
// (or JSON records) are mapped onto these columns by name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace leadscore {

class ColumnLayout {
 public:
  // Builds the layout from the first record's column names.
  void build(const std::vector<std::string>& input_names, bool with_explanation);
  bool built() const { return built_; }

  const std::vector<std::string>& columns() const { return columns_; }
  // Output column of each result (score, fit, engagement, stage, reasons[, explanation]).
  const std::vector<size_t>& result_columns() const { return result_columns_; }

  // Maps a record's columns onto output columns (-1: not in the layout).
  // Cached while the same names vector (same pointer and size) comes back.
  // `fixed`: the names never change under this pointer (a CSV header).
  // `serial`: InputRecord::names_serial; equal non-zero serials vouch for
  // equal names, so they are not compared.
  const std::vector<int>& map(const std::vector<std::string>* names, bool fixed, uint64_t serial,
                              std::vector<std::string>* dropped);
  // True when the last mapped names are exactly the layout's input columns,
  // in order, with no result column among them: rows can then be copied as written.
  bool identity() const { return identity_; }

 private:
  bool built_ = false;
  std::vector<std::string> columns_;
  std::vector<size_t> result_columns_;
  std::vector<bool> is_result_;
  std::unordered_map<std::string, size_t> index_;  // folded name -> column
  const std::vector<std::string>* cached_names_ = nullptr;
  size_t cached_size_ = 0;
  uint64_t cached_serial_ = 0;
  std::vector<std::string> cached_copy_;
  std::vector<int> mapping_;
  bool cached_fixed_ = false;
  bool identity_ = false;
  size_t input_columns_ = 0;  // columns taken from the first input
};

std::string fold_name(std::string_view name);

}  // namespace leadscore
