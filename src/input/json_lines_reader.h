// JSON lines: one JSON object per line; blank lines are skipped, CRLF is
// accepted. Flat objects are read in one pass over their bytes, the rest with
// nlohmann/json (see JsonLineFastParser). A line is never kept whole beyond
// the record limit: a longer one is skipped as it streams past and reported.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "input/input_buffer.h"
#include "input/json_line_fast_parser.h"
#include "input/json_object_parser.h"
#include "input/open_input.h"
#include "input/raw_prefix.h"
#include "input/record.h"

namespace leadscore {

class JsonLinesReader final : public RecordReader {
 public:
  // Parses from input offset `start` (past any BOM).
  JsonLinesReader(InputBuffer buffer, uint64_t start, std::string name,
                  const InputOptions& options);

  ReadStatus next(InputRecord& out, RecordError& err) override;
  const std::vector<std::string>& header() const override { return no_header_; }
  InputFormat format() const override { return InputFormat::kJsonLines; }
  const std::string& io_error() const override { return buffer_.error(); }

  size_t buffer_capacity() const { return buffer_.capacity(); }

  // Hands over the unread input (call before next()); see CsvReader.
  InputBuffer release_rest(uint64_t* offset, uint64_t* line) {
    *offset = line_start_;
    *line = line_;
    return std::move(buffer_);
  }

 private:
  std::string_view bytes(uint64_t begin, uint64_t end) const;

  InputBuffer buffer_;
  std::string name_;
  uint64_t max_line_;
  std::vector<std::string> no_header_;
  uint64_t line_start_;  // input offset where the current line begins
  uint64_t scan_;        // where the search for its end goes on
  uint64_t line_ = 1;
  uint64_t number_ = 0;
  bool overflow_ = false;  // the current line is too long and being skipped
  RawPrefix overflow_raw_;
  JsonLineFastParser fast_parser_;  // most lines
  JsonObjectParser parser_;         // the lines it declines, and their errors
};

}  // namespace leadscore
