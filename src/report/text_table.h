// An aligned text table for terminal reports: cells are collected row by
// row, then every column is padded to its widest cell (left-aligned text,
// right-aligned numbers), two spaces apart, with an indent.
#pragma once

#include <string>
#include <vector>

namespace leadscore::report {

class TextTable {
 public:
  enum class Align { kLeft, kRight };

  // One alignment per column; rows may have fewer cells than columns.
  explicit TextTable(std::vector<Align> aligns, size_t indent = 2) : aligns_(std::move(aligns)), indent_(indent) {}

  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // The table, one line per row, each ending in '\n' (trailing spaces trimmed).
  std::string render() const;

 private:
  std::vector<Align> aligns_;
  size_t indent_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace leadscore::report
