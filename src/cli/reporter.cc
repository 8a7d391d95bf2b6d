#include "cli/reporter.h"

#include <cstdio>

namespace leadscore::cli {

void Reporter::error(const std::string& line) {
  if (++errors_ <= error_limit_) std::fprintf(stderr, "%s\n", line.c_str());
}

void Reporter::warning(const std::string& line) {
  ++warnings_;
  if (!quiet_ && warnings_ <= warning_limit_) std::fprintf(stderr, "%s\n", line.c_str());
}

void Reporter::print(const Diagnostic& d) {
  if (d.severity == Severity::kError) error(format_diagnostic(d));
  else warning(format_diagnostic(d));
}

void Reporter::print_all(const Diagnostics& list) {
  for (const Diagnostic& d : list) print(d);
}

void Reporter::count_hidden(uint64_t errors, uint64_t warnings) {
  errors_ += errors;
  warnings_ += warnings;
}

std::string bad_value_message(std::string_view file, uint64_t line, bool strict, std::string_view field,
                              std::string_view value, std::string_view problem) {
  constexpr size_t kMaxShown = 80;
  std::string out(file);
  out += ':';
  out += std::to_string(line);
  out += strict ? ": error: field " : ": warning: field ";
  out += field;
  out += ": '";
  if (value.size() > kMaxShown) {
    out += value.substr(0, kMaxShown);
    out += "...";
  } else {
    out += value;
  }
  out += "' ";
  out += problem;
  return out;
}

void Reporter::summarize() {
  if (errors_ > error_limit_) {
    std::fprintf(stderr, "leadscore: error: %llu more errors not shown\n",
                 static_cast<unsigned long long>(errors_ - error_limit_));
  }
  if (!quiet_ && warnings_ > warning_limit_) {
    std::fprintf(stderr, "leadscore: warning: %llu more warnings not shown (%llu in all)\n",
                 static_cast<unsigned long long>(warnings_ - warning_limit_),
                 static_cast<unsigned long long>(warnings_));
  }
}

}  // namespace leadscore::cli
