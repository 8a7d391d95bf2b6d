#include "input/json_array_reader.h"

#include <cstdio>
#include <utility>

#include "input/reader_limits.h"
#include "input/text_scan.h"

namespace leadscore {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string describe_byte(char c) {
  if (c >= 0x20 && c < 0x7F) return std::string("'") + c + "'";
  char text[16];
  std::snprintf(text, sizeof text, "byte 0x%02X", static_cast<unsigned>(static_cast<uint8_t>(c)));
  return text;
}

}  // namespace

JsonArrayReader::JsonArrayReader(InputBuffer buffer, uint64_t start, std::string name,
                                 const InputOptions& options)
    : buffer_(std::move(buffer)),
      name_(std::move(name)),
      max_element_(record_limit(options)),
      pos_(start),
      line_begin_(start) {
  for (const char c : {'"', '{', '}', '[', ']', ',', '\n'})
    value_stop_[static_cast<uint8_t>(c)] = 1;
  for (const char c : {'"', '\\', '\n'}) string_stop_[static_cast<uint8_t>(c)] = 1;
}

std::string_view JsonArrayReader::bytes(uint64_t begin, uint64_t end) const {
  return {buffer_.data() + (begin - buffer_.base()), static_cast<size_t>(end - begin)};
}

bool JsonArrayReader::open(Diagnostics& diags) {
  for (;;) {
    const uint64_t end = buffer_.end();
    while (pos_ < end) {
      const char c = buffer_.data()[pos_ - buffer_.base()];
      if (!is_blank(c)) break;
      ++pos_;
      if (c == '\n') {
        ++line_;
        line_begin_ = pos_;
      }
    }
    if (pos_ < end) break;
    if (!buffer_.refill(pos_)) {
      phase_ = Phase::kDone;
      if (buffer_.error().empty()) return true;  // empty: no records
      diags.push_back({name_, 0, 0, Severity::kError, buffer_.error()});
      return false;
    }
  }
  const char c = buffer_.data()[pos_ - buffer_.base()];
  if (c != '[') {
    diags.push_back({name_, line_, pos_ - line_begin_ + 1, Severity::kError,
                     "found " + describe_byte(c) + ", expected '[' to start a JSON array"});
    return false;
  }
  ++pos_;
  phase_ = Phase::kBeforeElement;
  return true;
}

ReadStatus JsonArrayReader::next(InputRecord& out, RecordError& err) {
  for (;;) {
    const char* const data = buffer_.data();
    const uint64_t base = buffer_.base();
    const char* const end = data + buffer_.size();
    const char* p = data + (pos_ - base);
    const auto at = [&](const char* q) { return base + static_cast<uint64_t>(q - data); };
    while (p < end) {
      switch (phase_) {
        case Phase::kBeforeElement: {
          const char c = *p;
          if (is_blank(c)) {
            ++p;
            if (c == '\n') {
              ++line_;
              line_begin_ = at(p);
            }
          } else if (c == ',' || c == ']') {
            // `[,`, `,,` or `,]`; a plain `[]` is an empty array.
            const uint64_t where = at(p);
            const bool empty_element = c == ',' || after_comma_;
            ++p;
            pos_ = at(p);
            after_comma_ = c == ',';
            if (c == ']') phase_ = Phase::kAfterArray;
            if (empty_element)
              return report(where, "empty array element, expected a JSON object", err);
          } else {
            element_start_ = at(p);
            element_line_ = line_;
            element_column_ = element_start_ - line_begin_ + 1;
            depth_ = 0;
            in_string_ = false;
            escape_ = false;
            overflow_ = false;
            phase_ = Phase::kInElement;
          }
          break;
        }
        case Phase::kInElement: {
          if (in_string_) {
            while (p < end) {
              if (escape_) {
                escape_ = false;
                ++p;
                continue;
              }
              while (!string_stop_[static_cast<uint8_t>(*p)]) ++p;  // stops at the sentinel
              if (p == end) break;
              const char c = *p++;
              if (c == '\\') {
                escape_ = true;
              } else if (c == '"') {
                in_string_ = false;
                break;
              } else {  // a raw line break: invalid in a string, but it is a line
                ++line_;
                line_begin_ = at(p);
              }
            }
            break;
          }
          while (!value_stop_[static_cast<uint8_t>(*p)]) ++p;  // stops at the sentinel
          if (p == end) break;
          const char c = *p;
          if (c == '"') {
            in_string_ = true;
          } else if (c == '{' || c == '[') {
            ++depth_;
          } else if (c == '}' || (depth_ > 0 && (c == ']' || c == ','))) {
            // Brackets are counted, not matched: a mismatch fails the element's parse.
            if (c != ',' && depth_ > 0) --depth_;
          } else if (c == '\n') {
            ++line_;
            line_begin_ = at(p) + 1;
          } else {  // ',' or ']' at depth 0: the element ends here
            const uint64_t element_end = at(p);
            ++p;
            pos_ = at(p);
            after_comma_ = c == ',';
            phase_ = c == ',' ? Phase::kBeforeElement : Phase::kAfterArray;
            return element_done(element_end, out, err);
          }
          ++p;
          break;
        }
        case Phase::kAfterArray: {
          const char c = *p;
          if (!is_blank(c)) {
            phase_ = Phase::kDone;
            pos_ = at(p);
            return report(
                pos_, "unexpected data after the closing ']', expected the end of the input", err);
          }
          ++p;
          if (c == '\n') {
            ++line_;
            line_begin_ = at(p);
          }
          break;
        }
        case Phase::kDone:
          return ReadStatus::kEnd;
      }
    }
    pos_ = at(p);
    if (phase_ == Phase::kDone) return ReadStatus::kEnd;
    const bool in_element = phase_ == Phase::kInElement;
    if (in_element && !overflow_ && pos_ - element_start_ > max_element_) {
      overflow_ = true;
      overflow_raw_.start(element_start_);
    }
    if (in_element && overflow_) overflow_raw_.collect(buffer_, pos_);
    if (buffer_.refill(in_element && !overflow_ ? element_start_ : pos_)) continue;

    // End of input.
    const Phase phase = std::exchange(phase_, Phase::kDone);
    if (!buffer_.error().empty()) return ReadStatus::kEnd;
    if (phase == Phase::kBeforeElement) {
      return report(pos_, "unexpected end of input, expected ']' to close the JSON array", err);
    }
    if (phase == Phase::kInElement) {
      // A complete element still counts; the missing ']' is reported next.
      // An incomplete one fails its parse, and that one error says it all.
      if (depth_ == 0 && !in_string_) {
        phase_ = Phase::kBeforeElement;
        after_comma_ = false;
      }
      return element_done(pos_, out, err);
    }
    return ReadStatus::kEnd;
  }
}

ReadStatus JsonArrayReader::element_done(uint64_t end, InputRecord& out, RecordError& err) {
  ++number_;
  if (overflow_ || end - element_start_ > max_element_) {
    if (!overflow_) overflow_raw_.start(element_start_);
    overflow_raw_.collect(buffer_, end);
    overflow_ = false;
    err.line = element_line_;
    err.column = element_column_;
    err.message = "array element is " + std::to_string(end - element_start_) +
                  " bytes, expected at most " + std::to_string(max_element_);
    err.raw = overflow_raw_.take();
    return ReadStatus::kRejected;
  }
  std::string_view text = bytes(element_start_, end);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  size_t error_offset;
  if (!parser_.parse(text, out, &err.message, &error_offset)) {
    if (error_offset == std::string_view::npos) {
      err.line = element_line_;
      err.column = 0;
    } else {
      const TextPosition where = locate(text, error_offset, element_line_, element_column_);
      err.line = where.line;
      err.column = where.column;
    }
    err.raw.assign(text);
    return ReadStatus::kRejected;
  }
  out.file = name_;
  out.line = element_line_;
  out.number = number_;
  out.raw = text;
  return ReadStatus::kRecord;
}

ReadStatus JsonArrayReader::report(uint64_t at, std::string message, RecordError& err) {
  err.line = line_;
  err.column = at - line_begin_ + 1;
  err.message = std::move(message);
  err.raw.clear();
  return ReadStatus::kRejected;
}

}  // namespace leadscore
