// A JSON array of objects, streamed: element boundaries are found by scanning
// (string, escape and bracket state) and one element is parsed at a time, so
// memory holds one element and a block however long the array is.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/input_buffer.h"
#include "input/json_object_parser.h"
#include "input/open_input.h"
#include "input/raw_prefix.h"
#include "input/record.h"

namespace leadscore {

class JsonArrayReader final : public RecordReader {
 public:
  // Parses from input offset `start` (past any BOM).
  JsonArrayReader(InputBuffer buffer, uint64_t start, std::string name,
                  const InputOptions& options);

  // Reads up to the opening '['. Returns false, with a diagnostic, when the
  // input holds something else; an empty input is fine (no records).
  bool open(Diagnostics& diags);

  ReadStatus next(InputRecord& out, RecordError& err) override;
  const std::vector<std::string>& header() const override { return no_header_; }
  InputFormat format() const override { return InputFormat::kJsonArray; }
  const std::string& io_error() const override { return buffer_.error(); }

  size_t buffer_capacity() const { return buffer_.capacity(); }

 private:
  enum class Phase : uint8_t { kBeforeElement, kInElement, kAfterArray, kDone };

  ReadStatus element_done(uint64_t end, InputRecord& out, RecordError& err);
  ReadStatus report(uint64_t at, std::string message, RecordError& err);
  std::string_view bytes(uint64_t begin, uint64_t end) const;

  InputBuffer buffer_;
  std::string name_;
  uint64_t max_element_;
  std::vector<std::string> no_header_;
  std::array<uint8_t, 256> value_stop_{};   // bytes that matter outside strings
  std::array<uint8_t, 256> string_stop_{};  // and inside them

  Phase phase_ = Phase::kDone;
  uint64_t pos_;
  uint64_t line_ = 1;
  uint64_t line_begin_;  // input offset where the current line begins
  uint64_t number_ = 0;
  bool after_comma_ = false;
  // The element being scanned.
  uint64_t element_start_ = 0;
  uint64_t element_line_ = 0;
  uint64_t element_column_ = 0;
  uint64_t depth_ = 0;
  bool in_string_ = false;
  bool escape_ = false;
  bool overflow_ = false;  // too long: skipped as it streams past
  RawPrefix overflow_raw_;
  JsonObjectParser parser_;
};

}  // namespace leadscore
