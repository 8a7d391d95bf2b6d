#include "report/text_table.h"

#include <algorithm>

#include "report/report_format.h"

namespace leadscore::report {

std::string TextTable::render() const {
  std::vector<size_t> widths(aligns_.size(), 0);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  std::string out;
  for (const auto& row : rows_) {
    std::string line(indent_, ' ');
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      if (i) line += "  ";
      line += aligns_[i] == Align::kLeft ? pad_right(row[i], widths[i]) : pad_left(row[i], widths[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace leadscore::report
