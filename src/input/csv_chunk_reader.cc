#include "input/csv_chunk_reader.h"

#include <cstring>

#include "input/byte_source.h"
#include "input/chunk_splitter.h"
#include "input/csv_reader.h"
#include "input/input_buffer.h"

namespace leadscore {

std::unique_ptr<RecordReader> open_full_csv_chunk_reader(std::string_view bytes, char delimiter,
                                                         const std::string& name, const InputOptions& options,
                                                         const std::vector<std::string>* header) {
  ByteSource source;
  source.open_memory(bytes.data(), bytes.size());
  // One block holds the whole chunk, so the reader never slides its window.
  InputBuffer buffer(std::move(source), bytes.size() + 1);
  InputOptions chunk_options = options;
  chunk_options.has_header = false;
  chunk_options.header = header;
  auto reader = std::make_unique<CsvReader>(std::move(buffer), 0, name, delimiter, chunk_options);
  Diagnostics ignored;  // without a header and with a delimiter, open() only sets up
  reader->open(ignored);
  return reader;
}

CsvChunkReader::CsvChunkReader(std::string_view bytes, std::string name, char delimiter,
                               const InputOptions& options, const std::vector<std::string>& header)
    : bytes_(bytes), name_(std::move(name)), delimiter_(delimiter), options_(options), header_(header) {
  // A chunk no larger than the field limit cannot hold an over-long field or record.
  if (header_.empty() || bytes_.size() > options_.max_field_bytes || bytes_.size() >= (size_t{1} << 32)) {
    full_ = open_full_csv_chunk_reader(bytes_, delimiter_, name_, options_, &header_);
    return;
  }
  structure_.start(bytes_, delimiter_);
}

const std::string& CsvChunkReader::io_error() const {
  static const std::string kNone;
  return full_ ? full_->io_error() : kNone;
}

namespace {

// Most quoted fields hold a comma or a quote, not a line break: two memchr
// calls say so sooner than counting.
bool has_line_break(std::string_view raw) {
  return std::memchr(raw.data(), '\n', raw.size()) != nullptr || std::memchr(raw.data(), '\r', raw.size()) != nullptr;
}

}  // namespace

ReadStatus CsvChunkReader::next(InputRecord& out, RecordError& err) {
  if (full_) return next_from_full_reader(out, err);
  if (pos_ >= bytes_.size()) return ReadStatus::kEnd;
  if (plain_record(out)) return ReadStatus::kRecord;
  full_lines_before_ = line_ - 1;
  full_records_before_ = number_;
  full_ = open_full_csv_chunk_reader(bytes_.substr(pos_), delimiter_, name_, options_, &header_);
  return next_from_full_reader(out, err);
}

ReadStatus CsvChunkReader::next_from_full_reader(InputRecord& out, RecordError& err) {
  const ReadStatus status = full_->next(out, err);
  if (status == ReadStatus::kRecord) {
    out.line += full_lines_before_;
    out.number += full_records_before_;
  } else if (status == ReadStatus::kRejected) {
    err.line += full_lines_before_;
  }
  return status;
}

// A quoted field's text: quotes removed, doubled quotes made single (into
// unescaped_, which has room for the whole rest of the chunk, so that earlier
// views stay valid). Kept out of line: most fields are not quoted.
[[gnu::noinline]] std::string_view CsvChunkReader::quoted_field_text(size_t begin, size_t end) {
  const char* b = bytes_.data() + begin + 1;
  const size_t n = end - begin - 2;  // the closing quote is at end - 1 (CsvStructure checked)
  const char* q = static_cast<const char*>(std::memchr(b, '"', n));
  if (q == nullptr) return {b, n};
  if (unescaped_.capacity() < bytes_.size() - pos_) unescaped_.reserve(bytes_.size() - pos_);
  const size_t at = unescaped_.size();
  const char* e = b + n;
  while (q != nullptr) {
    unescaped_.append(b, q + 1);  // text and one quote of the pair
    b = q + 2;
    q = static_cast<const char*>(std::memchr(b, '"', static_cast<size_t>(e - b)));
  }
  unescaped_.append(b, e);
  return {unescaped_.data() + at, unescaped_.size() - at};
}

bool CsvChunkReader::plain_record(InputRecord& out) {
  const size_t n = bytes_.size();
  const size_t columns = header_.size();
  // Index just far enough ahead to see this record's last field end and LF.
  while ((structure_.end_count() - next_end_ < columns || next_line_end_ == structure_.line_end_count()) &&
         !structure_.done()) {
    structure_.advance(next_end_, next_line_end_, next_quote_);
    next_end_ = next_line_end_ = next_quote_ = 0;
  }
  const uint32_t* ends = structure_.ends() + next_end_;
  const size_t listed = structure_.end_count() - next_end_;
  const bool lf_left = next_line_end_ < structure_.line_end_count();
  const char* d = bytes_.data();

  // The record's last byte: its LF, or the chunk's end when the input ends
  // without one. It has the header's field count exactly when its
  // columns-th field end is the first LF from here (fewer fields meet the
  // LF sooner, more meet it later: CsvReader reports both).
  size_t last;
  if (listed >= columns && lf_left) {
    last = ends[columns - 1];
    if (last != structure_.line_ends()[next_line_end_]) return false;
  } else if (listed + 1 == columns && !lf_left) {
    last = n - 1;
  } else {
    return false;
  }
  if (structure_.unusual() <= last) return false;
  size_t raw_end = d[last] == '\n' ? last : n;
  if (raw_end > pos_ && raw_end == last && d[last - 1] == '\r') --raw_end;
  if (raw_end == pos_ && columns == 1) return false;  // a blank line: CsvReader skips it

  out.values.resize(columns);
  std::string_view* values = out.values.data();
  const uint32_t* quotes = structure_.quotes();
  const bool quoted = next_quote_ < structure_.quote_count() && quotes[next_quote_] <= last;
  size_t begin = pos_;
  if (!quoted) [[likely]] {
#pragma GCC unroll 4
    for (size_t k = 0; k + 1 < columns; ++k) {
      const size_t end = ends[k];
      values[k] = {d + begin, end - begin};
      begin = end + 1;
    }
    values[columns - 1] = {d + begin, raw_end - begin};
  } else {
    unescaped_.clear();
    for (size_t k = 0; k + 1 < columns; ++k) {
      const size_t end = ends[k];
      values[k] = d[begin] == '"' ? quoted_field_text(begin, end) : std::string_view{d + begin, end - begin};
      begin = end + 1;
    }
    values[columns - 1] = begin < raw_end && d[begin] == '"' ? quoted_field_text(begin, raw_end)
                                                              : std::string_view{d + begin, raw_end - begin};
    while (next_quote_ < structure_.quote_count() && quotes[next_quote_] <= last) ++next_quote_;
  }

  out.file = name_;
  out.line = line_;
  out.number = ++number_;
  out.names = &header_;
  out.names_fixed = true;
  out.delimiter = delimiter_;
  out.object = nullptr;
  out.raw = bytes_.substr(pos_, raw_end - pos_);
  // Line breaks inside quoted fields count as lines, as CsvReader counts them.
  line_ += 1 + (quoted && has_line_break(out.raw) ? count_lines(out.raw.data(), out.raw.size()) : 0);
  pos_ = last + 1;
  next_end_ += listed >= columns ? columns : listed;
  next_line_end_ += lf_left ? 1 : 0;
  return true;
}

}  // namespace leadscore
