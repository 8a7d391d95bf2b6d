#include "cli/rejects_file.h"

#include <cstdint>

#include "input/csv_reader.h"

namespace leadscore::cli {

namespace {

// The header row as CSV with the input's delimiter, quoting where needed.
std::string header_line(const std::vector<std::string>& names, char delimiter) {
  std::string line;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) line += delimiter;
    const std::string& name = names[i];
    if (name.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string::npos) {
      line += name;
      continue;
    }
    line += '"';
    for (char c : name) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  line += '\n';
  return line;
}

}  // namespace

RejectsFile::RejectsFile(const std::vector<std::unique_ptr<RecordReader>>& readers) {
  for (const auto& reader : readers) {
    const auto* csv = dynamic_cast<const CsvReader*>(reader.get());
    headers_.push_back(csv != nullptr ? header_line(csv->header(), csv->delimiter()) : std::string{});
  }
}

bool RejectsFile::open(const std::string& path, std::string& error) {
  if (!sink_.open(path, error)) return false;
  if (!headers_.empty() && !headers_.front().empty()) {
    sink_.write(headers_.front());
    written_header_ = 0;
  }
  return true;
}

void RejectsFile::add(size_t input, std::string_view raw) {
  if (input < headers_.size() && !headers_[input].empty() &&
      (written_header_ == SIZE_MAX || headers_[written_header_] != headers_[input])) {
    sink_.write(headers_[input]);
    written_header_ = input;
  }
  sink_.write(raw);
  if (raw.empty() || (raw.back() != '\n' && raw.back() != '\r')) sink_.write("\n");
}

}  // namespace leadscore::cli
