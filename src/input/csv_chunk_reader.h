// CSV records of one chunk (see chunk_splitter.h), read the fast way: one
// vectorised pass finds every field end (CsvStructure), then each record is
// a row of views into the chunk. From the first record that is anything but
// plain RFC 4180 with LF or CRLF line ends and the header's field count, the
// rest of the chunk goes to the full CsvReader, so that every edge case and
// every error message is exactly CsvReader's.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/csv_structure.h"
#include "input/open_input.h"
#include "input/record.h"

namespace leadscore {

class CsvChunkReader final : public RecordReader {
 public:
  // `bytes` and `header` (the column names, not empty) must outlive the reader.
  CsvChunkReader(std::string_view bytes, std::string name, char delimiter, const InputOptions& options,
                 const std::vector<std::string>& header);

  ReadStatus next(InputRecord& out, RecordError& err) override;
  const std::vector<std::string>& header() const override { return header_; }
  InputFormat format() const override { return InputFormat::kCsv; }
  const std::string& io_error() const override;

 private:
  // Reads the next record when it is a plain one; false leaves it to CsvReader.
  bool plain_record(InputRecord& out);
  std::string_view quoted_field_text(size_t begin, size_t end);
  ReadStatus next_from_full_reader(InputRecord& out, RecordError& err);

  std::string_view bytes_;
  std::string name_;
  char delimiter_;
  InputOptions options_;
  const std::vector<std::string>& header_;
  CsvStructure structure_;
  size_t next_end_ = 0;        // index into structure_.ends()
  size_t next_line_end_ = 0;   // index into structure_.line_ends()
  size_t next_quote_ = 0;      // index into structure_.quotes()
  size_t pos_ = 0;       // where the next record starts
  uint64_t line_ = 1;    // its line, counted from the chunk's start
  uint64_t number_ = 0;  // records handed out so far
  std::string unescaped_;  // quoted fields with doubled quotes, for the current record
  std::unique_ptr<RecordReader> full_;  // the rest of the chunk, once a record was not plain
  uint64_t full_lines_before_ = 0;
  uint64_t full_records_before_ = 0;
};

// The reader open_chunk_reader uses for CSV chunks that CsvChunkReader cannot
// take at all (no header names, or a chunk larger than a field may be).
std::unique_ptr<RecordReader> open_full_csv_chunk_reader(std::string_view bytes, char delimiter,
                                                         const std::string& name, const InputOptions& options,
                                                         const std::vector<std::string>* header);

}  // namespace leadscore
