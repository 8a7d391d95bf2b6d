// Opening an input: a path or "-" (standard input), its format chosen by the
// caller, else by the file extension, else sniffed from the first bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "input/record.h"
#include "leadscore/diagnostic.h"

namespace leadscore {

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  char delimiter = 0;  // CSV; 0 = sniff from the header line (, ; \t |)
  bool has_header = true;  // CSV: false when the header comes from elsewhere
  size_t max_field_bytes = size_t{16} << 20;  // a longer field rejects its record
};

// Returns nullptr and appends an error diagnostic (file, line, column when
// known) when the input cannot be opened or its header is unusable (for
// example duplicate column names). An empty input opens fine with no records.
std::unique_ptr<RecordReader> open_input(const std::string& path, const InputOptions& options,
                                         Diagnostics& diags);

// The name used in messages for a path: "<stdin>" for "-".
std::string display_name(const std::string& path);

}  // namespace leadscore
