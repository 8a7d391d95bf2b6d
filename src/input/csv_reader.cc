#include "input/csv_reader.h"

#include <cstring>
#include <unordered_map>
#include <utility>

#include "input/text_scan.h"

namespace leadscore {

namespace {

// The delimiter is guessed from at most this much of the first line.
constexpr size_t kSniffBytes = size_t{1} << 20;

// Appends a quoted field's text to `out`: `begin` points at its opening quote.
// Doubled quotes become one; after the closing quote the rest is literal,
// matching the scanner.
void unescape(const char* begin, const char* end, std::string& out) {
  const char* p = begin + 1;
  while (p < end) {
    const auto* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
    if (q == nullptr) break;
    out.append(p, q);
    if (q + 1 < end && q[1] == '"') {
      out += '"';
      p = q + 2;
      continue;
    }
    p = q + 1;
    break;
  }
  out.append(p, end);
}

std::string trim_fold(std::string_view name) {
  size_t b = 0, e = name.size();
  while (b < e && (name[b] == ' ' || name[b] == '\t')) ++b;
  while (e > b && (name[e - 1] == ' ' || name[e - 1] == '\t')) --e;
  std::string out(name.substr(b, e - b));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

CsvReader::CsvReader(InputBuffer buffer, uint64_t start, std::string name, char delimiter,
                     const InputOptions& options)
    : buffer_(std::move(buffer)),
      name_(std::move(name)),
      delimiter_(delimiter),
      has_header_(options.has_header),
      header_names_(options.header),
      max_field_(options.max_field_bytes),
      max_record_(record_limit(options)),
      pos_(start) {}

bool CsvReader::open(Diagnostics& diags) {
  if (delimiter_ == 0) {
    // Bring the whole first line into view, then count candidates in it.
    for (;;) {
      const std::string_view bytes(buffer_.data() + (pos_ - buffer_.base()),
                                   static_cast<size_t>(buffer_.end() - pos_));
      bool complete = false;
      const std::string_view line = first_csv_line(bytes, &complete);
      if (complete || buffer_.at_end() || bytes.size() >= kSniffBytes) {
        delimiter_ = guess_delimiter(line);
        break;
      }
      buffer_.refill(pos_);
    }
  }
  for (const char c : {delimiter_, '\r', '\n'}) unquoted_stop_[static_cast<uint8_t>(c)] = 1;
  for (const char c : {'"', '\r', '\n'}) quoted_stop_[static_cast<uint8_t>(c)] = 1;

  bool ok = true;
  if (!has_header_ && header_names_) {
    header_ = *header_names_;
    max_stored_ = header_.size();
  }
  if (has_header_) {
    RecordError err;
    switch (scan_record(err)) {
      case Scan::kEnd:
        break;
      case Scan::kRejected:
        diags.push_back({name_, err.line, err.column, Severity::kError, err.message});
        ok = false;
        break;
      case Scan::kRecord:
        ok = check_header(diags);
        break;
    }
  }
  if (ok && !buffer_.error().empty()) {
    diags.push_back({name_, 0, 0, Severity::kError, buffer_.error()});
    ok = false;
  }
  return ok;
}

InputBuffer CsvReader::release_rest(uint64_t* offset, uint64_t* line) {
  // A header ended by CR may be followed by the LF of a CRLF pair.
  if (skip_lf_) {
    while (buffer_.end() <= pos_ && buffer_.refill(pos_)) {
    }
    if (pos_ < buffer_.end() && buffer_.data()[pos_ - buffer_.base()] == '\n') ++pos_;
    skip_lf_ = false;
  }
  *offset = pos_;
  *line = line_;
  return std::move(buffer_);
}

bool CsvReader::check_header(Diagnostics& diags) {
  const std::string_view raw = record_bytes();
  if (const size_t bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
    const TextPosition where = locate(raw, bad, rec_line_);
    diags.push_back(
        {name_, where.line, where.column, Severity::kError,
         "invalid UTF-8 at column " + std::to_string(where.column) + ", expected UTF-8 text"});
    return false;
  }
  std::vector<std::string_view> names;
  fill_values(names);
  header_.assign(names.begin(), names.end());

  // Names that differ only in case or surrounding spaces would match the same
  // rules field, so they are refused. Empty names (trailing delimiters in
  // many CRM exports) cannot be matched by any rule and are let through.
  bool ok = true;
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < header_.size(); ++i) {
    std::string key = trim_fold(header_[i]);
    if (key.empty()) continue;
    const auto [it, inserted] = seen.emplace(std::move(key), i);
    if (!inserted) {
      diags.push_back({name_, rec_line_, i + 1, Severity::kError,
                       "duplicate column name '" + header_[i] + "' (also column " +
                           std::to_string(it->second + 1) + "), expected unique column names"});
      ok = false;
    }
  }
  max_stored_ = header_.size();
  return ok;
}

ReadStatus CsvReader::next(InputRecord& out, RecordError& err) {
  const Scan scan = scan_record(err);
  if (scan == Scan::kEnd) return ReadStatus::kEnd;
  ++number_;  // rejected records count too, so numbers match the file
  if (scan == Scan::kRejected) return ReadStatus::kRejected;

  const std::string_view raw = record_bytes();
  if ((has_header_ || header_names_) && field_count_ != header_.size()) {
    err.line = rec_line_;
    err.column = 0;
    err.message = "row has " + plural(field_count_, "field") + ", expected " +
                  std::to_string(header_.size()) + " as in the header";
    err.raw.assign(raw);
    return ReadStatus::kRejected;
  }
  if (const size_t bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
    const TextPosition where = locate(raw, bad, rec_line_);
    err.line = where.line;
    err.column = where.column;
    err.message =
        "invalid UTF-8 at column " + std::to_string(where.column) + ", expected UTF-8 text";
    err.raw.assign(raw);
    return ReadStatus::kRejected;
  }
  out.file = name_;
  out.line = rec_line_;
  out.number = number_;
  out.names = &header_;
  out.names_fixed = true;
  out.delimiter = delimiter_;
  out.object = nullptr;
  out.raw = raw;
  fill_values(out.values);
  return ReadStatus::kRecord;
}

inline void CsvReader::store_field(uint64_t at) {
  if (stored_ == fields_.size()) fields_.resize(stored_ + stored_ / 2 + 16);
  fields_[stored_++] = {field_start_, at, field_quoted_, field_escaped_};
  if (field_escaped_) escaped_bytes_ += static_cast<size_t>(at - field_start_);
}

// The common case, kept small so that it is inlined into the scan loop.
inline void CsvReader::end_field(uint64_t at) {
  if (overflow_ == Overflow::kNone && at - field_start_ <= max_field_ && stored_ < max_stored_ &&
      field_count_ < kMaxFields) {
    store_field(at);
    ++field_count_;
    return;
  }
  end_field_slow(at);
}

CsvReader::Scan CsvReader::scan_record(RecordError& err) {
  for (;;) {
    const char* const data = buffer_.data();
    const uint64_t base = buffer_.base();
    const char* const end = data + buffer_.size();
    const char* p = data + (pos_ - base);
    const auto at = [&](const char* q) { return base + static_cast<uint64_t>(q - data); };
    while (p < end) {
      switch (state_) {
        case State::kBetweenRecords: {
          // Completely empty lines are skipped; CRLF is one line end.
          const char c = *p;
          if (c == '\n') {
            if (!skip_lf_) ++line_;
            skip_lf_ = false;
            ++p;
          } else if (c == '\r') {
            ++line_;
            skip_lf_ = true;
            ++p;
          } else {
            skip_lf_ = false;
            begin_record(at(p));
            state_ = State::kFieldStart;
          }
          break;
        }
        case State::kFieldStart:
          field_start_ = at(p);
          field_escaped_ = false;
          field_quoted_ = *p == '"';
          if (field_quoted_) {
            ++p;
            state_ = State::kQuoted;
            break;
          }
          state_ = State::kUnquoted;
          [[fallthrough]];
        case State::kUnquoted: {
          // A quote here is kept as text (`ab"c`), as most CSV readers do.
          // The buffer's '\n' sentinel stops this loop at the end of the data.
          while (!unquoted_stop_[static_cast<uint8_t>(*p)]) ++p;
          if (p == end) break;
          end_field(at(p));
          if (*p == delimiter_) {
            ++p;
            state_ = State::kFieldStart;
            break;
          }
          return end_record(at(p), *p, err);
        }
        case State::kQuoted: {
          while (!quoted_stop_[static_cast<uint8_t>(*p)]) ++p;
          if (p == end) break;
          // The byte before is in the buffer: at least the opening quote is kept.
          if (*p == '"') {
            state_ = State::kQuotedQuote;
          } else if (*p == '\r' || p[-1] != '\r') {
            ++line_;
          }
          ++p;
          break;
        }
        case State::kQuotedQuote: {
          const char c = *p;
          if (c == '"') {
            field_escaped_ = true;
            ++p;
            state_ = State::kQuoted;
          } else if (c == delimiter_) {
            end_field(at(p));
            ++p;
            state_ = State::kFieldStart;
          } else if (c == '\r' || c == '\n') {
            end_field(at(p));
            return end_record(at(p), c, err);
          } else {
            // Text after the closing quote (`"ab"c`): RFC 4180 forbids it; we
            // keep it literally (`abc`), as Python's csv module does, rather
            // than reject a row that a spreadsheet would accept.
            field_escaped_ = true;
            state_ = State::kUnquoted;
          }
          break;
        }
      }
    }
    pos_ = at(p);
    uint64_t keep = pos_;
    if (state_ != State::kBetweenRecords) {
      check_limits();
      // Keep the record; once it is being skipped, keep only the last byte
      // (the quoted state looks one byte back to count CRLF once).
      if (overflow_ != Overflow::kNone) overflow_raw_.collect(buffer_, pos_);
      keep = overflow_ == Overflow::kNone ? rec_start_ : pos_ - 1;
    }
    if (!buffer_.refill(keep)) return end_of_input(err);
  }
}

void CsvReader::begin_record(uint64_t at) {
  rec_start_ = at;
  rec_line_ = line_;
  field_count_ = 0;
  stored_ = 0;
  escaped_bytes_ = 0;
  overflow_ = Overflow::kNone;
}

void CsvReader::end_field_slow(uint64_t at) {
  const uint64_t length = at - field_start_;
  const uint64_t content = field_quoted_ && length >= 2 ? length - 2 : length;
  if (overflow_ != Overflow::kField && content > max_field_) start_overflow(Overflow::kField, at);
  if (overflow_ == Overflow::kField && overflow_field_ == field_count_) overflow_bytes_ = content;
  if (overflow_ == Overflow::kNone && stored_ < max_stored_) store_field(at);
  ++field_count_;
  if (field_count_ > kMaxFields) start_overflow(Overflow::kFields, at);
}

CsvReader::Scan CsvReader::end_record(uint64_t terminator, char c, RecordError& err) {
  rec_end_ = terminator;
  pos_ = terminator + 1;
  ++line_;
  skip_lf_ = c == '\r';
  state_ = State::kBetweenRecords;
  return finish_record(err);
}

CsvReader::Scan CsvReader::finish_record(RecordError& err) {
  if (overflow_ == Overflow::kNone && rec_end_ - rec_start_ > max_record_) {
    start_overflow(Overflow::kRecord, rec_end_);
  }
  return overflow_ == Overflow::kNone ? Scan::kRecord : overflow_error(err);
}

CsvReader::Scan CsvReader::end_of_input(RecordError& err) {
  const State state = std::exchange(state_, State::kBetweenRecords);
  // A record cut short by a read error is not handed out as if complete.
  if (!buffer_.error().empty() || state == State::kBetweenRecords) return Scan::kEnd;
  rec_end_ = pos_;
  if (state != State::kQuoted) {
    if (state == State::kFieldStart) {  // after a final delimiter: an empty field
      field_start_ = pos_;
      field_quoted_ = false;
      field_escaped_ = false;
    }
    end_field(pos_);
    return finish_record(err);
  }
  const uint64_t content = pos_ - field_start_ - 1;
  if (overflow_ != Overflow::kField && content > max_field_) {
    start_overflow(Overflow::kField, pos_);
  }
  if (overflow_ == Overflow::kField && overflow_field_ == field_count_) overflow_bytes_ = content;
  if (overflow_ != Overflow::kNone) return overflow_error(err);
  const std::string_view raw = record_bytes();
  const TextPosition where = locate(raw, static_cast<size_t>(field_start_ - rec_start_), rec_line_);
  err.line = where.line;
  err.column = where.column;
  err.message = "unterminated quoted field, expected a closing '\"'";
  err.raw = truncated_copy(raw, kMaxRawCopy);
  return Scan::kRejected;
}

void CsvReader::check_limits() {
  if (overflow_ == Overflow::kField) return;
  uint64_t content = 0;
  const uint64_t length = pos_ - field_start_;
  switch (state_) {
    case State::kBetweenRecords:
    case State::kFieldStart:
      break;
    case State::kQuoted:
      content = length - 1;
      break;
    case State::kUnquoted:
    case State::kQuotedQuote:
      content = field_quoted_ ? length - 2 : length;
      break;
  }
  if (content > max_field_) {
    start_overflow(Overflow::kField, pos_);
  } else if (pos_ - rec_start_ > max_record_) {
    start_overflow(Overflow::kRecord, pos_);
  }
}

void CsvReader::start_overflow(Overflow kind, uint64_t now) {
  if (overflow_ == Overflow::kNone) {
    overflow_raw_.start(rec_start_);
    overflow_raw_.collect(buffer_, now);
    stored_ = 0;
    escaped_bytes_ = 0;
  }
  if (kind > overflow_) {
    overflow_ = kind;
    overflow_field_ = field_count_;
  }
}

CsvReader::Scan CsvReader::overflow_error(RecordError& err) {
  err.line = rec_line_;
  err.column = 0;
  const std::string limit = std::to_string(max_field_);
  switch (overflow_) {
    case Overflow::kField:
      err.message = "field " + std::to_string(overflow_field_ + 1) + " is " +
                    std::to_string(overflow_bytes_) + " bytes, expected at most " + limit;
      break;
    case Overflow::kRecord:
      err.message = "record is " + std::to_string(rec_end_ - rec_start_) +
                    " bytes, expected at most " + std::to_string(max_record_);
      break;
    case Overflow::kFields:
      err.message = "row has " + std::to_string(field_count_) + " fields, expected at most " +
                    std::to_string(kMaxFields);
      break;
    case Overflow::kNone:
      break;
  }
  overflow_raw_.collect(buffer_, rec_end_);
  err.raw = overflow_raw_.take();
  overflow_ = Overflow::kNone;
  return Scan::kRejected;
}

std::string_view CsvReader::record_bytes() const {
  return {buffer_.data() + (rec_start_ - buffer_.base()),
          static_cast<size_t>(rec_end_ - rec_start_)};
}

void CsvReader::fill_values(std::vector<std::string_view>& values) {
  values.clear();
  // Reserve for every escaped field first, so that views into scratch_ stay
  // valid while it is being filled (unescaped text is never longer).
  scratch_.clear();
  scratch_.reserve(escaped_bytes_);
  const char* const data = buffer_.data();
  const uint64_t base = buffer_.base();
  for (size_t i = 0; i < stored_; ++i) {
    const Field& f = fields_[i];
    const char* b = data + (f.begin - base);
    const size_t n = static_cast<size_t>(f.end - f.begin);
    if (f.escaped) {
      const size_t at = scratch_.size();
      unescape(b, b + n, scratch_);
      values.emplace_back(scratch_.data() + at, scratch_.size() - at);
    } else if (f.quoted) {
      values.emplace_back(b + 1, n - 2);
    } else {
      values.emplace_back(b, n);
    }
  }
}

}  // namespace leadscore
