// CSV records from a block buffer: RFC 4180 (quoted fields, doubled quotes,
// line breaks inside quotes, CRLF), plus lone CR or LF line ends, and lenient
// where RFC 4180 says nothing. The views in each record point into the block
// buffer or into one unescape buffer, both owned by the reader, and stay valid
// until the next call to next().
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/input_buffer.h"
#include "input/open_input.h"
#include "input/raw_prefix.h"
#include "input/reader_limits.h"
#include "input/record.h"

namespace leadscore {

class CsvReader final : public RecordReader {
 public:
  // Parses from input offset `start` (past any BOM). A `delimiter` of 0 is
  // guessed from the first line by open().
  CsvReader(InputBuffer buffer, uint64_t start, std::string name, char delimiter,
            const InputOptions& options);

  // Picks the delimiter if needed, then reads the header row unless
  // options.has_header is false. Returns false, with diagnostics, when the
  // header is unusable (duplicate names, a bad field, a read error).
  bool open(Diagnostics& diags);

  ReadStatus next(InputRecord& out, RecordError& err) override;
  const std::vector<std::string>& header() const override { return header_; }
  InputFormat format() const override { return InputFormat::kCsv; }
  const std::string& io_error() const override { return buffer_.error(); }

  char delimiter() const { return delimiter_; }

  // Hands over the unread input after the header (call right after open(),
  // before next()): the buffer, the offset of the first data byte and its line.
  // The reader is unusable afterwards.
  InputBuffer release_rest(uint64_t* offset, uint64_t* line);
  size_t buffer_capacity() const { return buffer_.capacity(); }

 private:
  enum class State : uint8_t { kBetweenRecords, kFieldStart, kUnquoted, kQuoted, kQuotedQuote };
  enum class Scan : uint8_t { kRecord, kRejected, kEnd };
  // Why the current record is being skipped instead of kept. When several
  // limits are crossed the highest one is reported (an over-long field before
  // too many fields before an over-long record), whatever the block size.
  enum class Overflow : uint8_t { kNone, kRecord, kFields, kField };
  struct Field {
    uint64_t begin;  // input offsets; a quoted field includes its quotes
    uint64_t end;
    bool quoted;
    bool escaped;  // has doubled quotes or text after the closing quote
  };

  Scan scan_record(RecordError& err);
  void begin_record(uint64_t at);
  void end_field(uint64_t at);
  void end_field_slow(uint64_t at);
  void store_field(uint64_t at);
  Scan end_record(uint64_t terminator, char c, RecordError& err);
  Scan end_of_input(RecordError& err);
  Scan finish_record(RecordError& err);
  void check_limits();
  void start_overflow(Overflow kind, uint64_t now);
  Scan overflow_error(RecordError& err);
  std::string_view record_bytes() const;
  void fill_values(std::vector<std::string_view>& values);
  bool check_header(Diagnostics& diags);

  InputBuffer buffer_;
  std::string name_;
  char delimiter_;
  bool has_header_;
  const std::vector<std::string>* header_names_;  // given names when there is no header row
  uint64_t max_field_;
  uint64_t max_record_;
  // Bytes that end a run of plain field text, outside and inside quotes.
  std::array<uint8_t, 256> unquoted_stop_{};
  std::array<uint8_t, 256> quoted_stop_{};
  std::vector<std::string> header_;
  size_t max_stored_ = kMaxFields;  // fields kept per record
  uint64_t number_ = 0;

  // Scanner state, kept across calls so that a record may straddle refills.
  State state_ = State::kBetweenRecords;
  uint64_t pos_;
  uint64_t line_ = 1;
  bool skip_lf_ = false;  // the last line ended with CR: an LF next belongs to it
  uint64_t rec_start_ = 0;
  uint64_t rec_end_ = 0;
  uint64_t rec_line_ = 0;
  uint64_t field_start_ = 0;
  bool field_quoted_ = false;
  bool field_escaped_ = false;
  size_t field_count_ = 0;
  // The kept fields are fields_[0, stored_): the vector only grows, so that
  // storing a field is a plain write in the steady state.
  std::vector<Field> fields_;
  size_t stored_ = 0;
  size_t escaped_bytes_ = 0;  // raw size of the escaped fields kept
  Overflow overflow_ = Overflow::kNone;
  size_t overflow_field_ = 0;
  uint64_t overflow_bytes_ = 0;
  RawPrefix overflow_raw_;
  std::string scratch_;  // unescaped quoted fields of the current record
};

}  // namespace leadscore
