#include "input/json_lines_reader.h"

#include <cstring>
#include <utility>

#include "input/reader_limits.h"
#include "input/text_scan.h"

namespace leadscore {

JsonLinesReader::JsonLinesReader(InputBuffer buffer, uint64_t start, std::string name,
                                 const InputOptions& options)
    : buffer_(std::move(buffer)),
      name_(std::move(name)),
      max_line_(record_limit(options)),
      line_start_(start),
      scan_(start) {}

std::string_view JsonLinesReader::bytes(uint64_t begin, uint64_t end) const {
  return {buffer_.data() + (begin - buffer_.base()), static_cast<size_t>(end - begin)};
}

ReadStatus JsonLinesReader::next(InputRecord& out, RecordError& err) {
  for (;;) {
    const char* const data = buffer_.data();
    const char* const from = data + (scan_ - buffer_.base());
    const size_t left = static_cast<size_t>(buffer_.end() - scan_);
    const auto* nl = static_cast<const char*>(left > 0 ? std::memchr(from, '\n', left) : nullptr);
    uint64_t line_end;
    uint64_t next_start;
    if (nl != nullptr) {
      line_end = buffer_.base() + static_cast<uint64_t>(nl - data);
      next_start = line_end + 1;
    } else {
      scan_ = buffer_.end();
      if (!overflow_ && scan_ - line_start_ > max_line_) {
        overflow_ = true;
        overflow_raw_.start(line_start_);
      }
      if (overflow_) overflow_raw_.collect(buffer_, scan_);
      if (buffer_.refill(overflow_ ? scan_ : line_start_)) continue;
      if (!buffer_.error().empty()) return ReadStatus::kEnd;
      if (!overflow_ && scan_ == line_start_) return ReadStatus::kEnd;
      line_end = next_start = scan_;  // a last line without a line end
    }
    const uint64_t line_number = line_++;
    const uint64_t begin = line_start_;
    line_start_ = scan_ = next_start;

    if (overflow_ || line_end - begin > max_line_) {
      if (!overflow_) overflow_raw_.start(begin);
      overflow_raw_.collect(buffer_, line_end);
      overflow_ = false;
      ++number_;
      err.line = line_number;
      err.column = 0;
      err.message = "line is " + std::to_string(line_end - begin) + " bytes, expected at most " +
                    std::to_string(max_line_);
      err.raw = overflow_raw_.take();
      return ReadStatus::kRejected;
    }
    std::string_view text = bytes(begin, line_end);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    // Blank lines are skipped; most lines open with their object's brace.
    if (text.empty() || (text.front() != '{' && text.find_first_not_of(" \t\r") == std::string_view::npos)) continue;

    ++number_;
    size_t error_offset;
    if (!fast_parser_.parse(text, out) && !parser_.parse(text, out, &err.message, &error_offset)) {
      err.line = line_number;
      err.column = error_offset == std::string_view::npos ? 0 : error_offset + 1;
      err.raw.assign(text);
      return ReadStatus::kRejected;
    }
    out.file = name_;
    out.line = line_number;
    out.number = number_;
    out.raw = text;
    return ReadStatus::kRecord;
  }
}

}  // namespace leadscore
