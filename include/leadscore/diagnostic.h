// Diagnostics: located problems found in rules files or input data.
// The engine never prints and never exits; it appends Diagnostics to a list
// that the caller turns into text (`FILE:LINE:COL: error: WHAT, expected WHAT`).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace leadscore {

enum class Severity : uint8_t { kError, kWarning };

struct Diagnostic {
  std::string file;     // as the user named it; empty when not about a file
  uint64_t line = 0;    // 1-based; 0 when unknown
  uint64_t column = 0;  // 1-based; 0 when unknown
  Severity severity = Severity::kError;
  std::string message;  // "WHAT, expected WHAT"
};

using Diagnostics = std::vector<Diagnostic>;

// "FILE:LINE:COL: error: MESSAGE" (parts that are unknown are left out).
std::string format_diagnostic(const Diagnostic& d);

// True when any diagnostic in the list is an error.
bool has_errors(const Diagnostics& list);

}  // namespace leadscore
