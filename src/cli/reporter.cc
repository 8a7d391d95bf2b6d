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
