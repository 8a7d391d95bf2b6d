// Opening an input: a path or "-" (standard input), its format chosen by the
// caller, else by the file extension, else sniffed from the first bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/record.h"
#include "leadscore/diagnostic.h"

namespace leadscore {

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  char delimiter = 0;  // CSV; 0 = sniff from the header line (, ; \t |)
  bool has_header = true;  // CSV: false when the header comes from elsewhere
  // CSV without a header row: the column names to use (and to check every
  // row's field count against). Must outlive the reader.
  const std::vector<std::string>* header = nullptr;
  size_t max_field_bytes = size_t{16} << 20;  // a longer field rejects its record
};

// Returns nullptr and appends an error diagnostic (file, line, column when
// known) when the input cannot be opened or its header is unusable (for
// example duplicate column names). An empty input opens fine with no records.
std::unique_ptr<RecordReader> open_input(const std::string& path, const InputOptions& options,
                                         Diagnostics& diags);

// A reader over one chunk of an input (see chunk_splitter.h): CSV without a
// header row, with a known delimiter and the input's column names, or JSON lines. `bytes` must outlive it;
// its records' lines count from 1 at the chunk's start.
std::unique_ptr<RecordReader> open_chunk_reader(std::string_view bytes, InputFormat format, char delimiter,
                                                const std::string& name, const InputOptions& options,
                                                const std::vector<std::string>* header);

// The name used in messages for a path: "<stdin>" for "-".
std::string display_name(const std::string& path);

}  // namespace leadscore
