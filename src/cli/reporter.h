// Prints diagnostics to standard error, one line each. Warnings are shown up
// to a limit per run and then counted, so a million bad values do not flood
// a terminal or a cron mail; --quiet hides warnings but never errors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "leadscore/diagnostic.h"

namespace leadscore::cli {

class Reporter {
 public:
  explicit Reporter(bool quiet, uint64_t warning_limit = 20, uint64_t error_limit = 100)
      : quiet_(quiet), warning_limit_(warning_limit), error_limit_(error_limit) {}

  void error(const std::string& line);      // an already formatted line
  void warning(const std::string& line);
  void print(const Diagnostic& d);
  void print_all(const Diagnostics& list);
  // Counts lines that were held back before they reached the reporter.
  void count_hidden(uint64_t errors, uint64_t warnings);
  // Says how many lines were held back; call once at the end.
  void summarize();

  uint64_t errors() const { return errors_; }
  uint64_t warnings() const { return warnings_; }

 private:
  bool quiet_;
  uint64_t warning_limit_;
  uint64_t error_limit_;
  uint64_t errors_ = 0;
  uint64_t warnings_ = 0;
};

// "FILE:LINE: warning: field budget: 'unknown' is not a number" (an error
// under --strict); long values are cut.
std::string bad_value_message(std::string_view file, uint64_t line, bool strict, std::string_view field,
                              std::string_view value, std::string_view problem);

}  // namespace leadscore::cli
