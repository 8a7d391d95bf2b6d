// One input record as the readers hand it out: column names and raw values as
// views into the reader's buffers, plus where it came from. Views stay valid
// until the reader's next call to next().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace leadscore {

enum class InputFormat : uint8_t { kAuto, kCsv, kJsonLines, kJsonArray };

struct InputRecord {
  std::string_view file;  // the input's name for messages ("-" shown as <stdin>)
  uint64_t line = 0;      // 1-based line where the record starts
  uint64_t number = 0;    // 1-based record number within its input (header not counted)
  // Column names and values. CSV: the header (same vector for every row) and
  // the row's fields, unquoted. JSON: the object's top-level keys and their
  // values as text (strings unescaped, numbers and booleans as written,
  // null as an empty view, nested objects and arrays as compact JSON).
  const std::vector<std::string>* names = nullptr;
  // True when *names never changes for this reader (a CSV header), so users
  // may cache per names pointer instead of comparing names row by row.
  bool names_fixed = false;
  // JSON lines: non-zero when the reader knows its names; records with the
  // same serial have equal names, whatever reader they came from, so users may
  // cache per serial instead of comparing names. 0: compare.
  uint64_t names_serial = 0;
  char delimiter = 0;  // CSV: the delimiter `raw` is written with; JSON: 0
  std::vector<std::string_view> values;
  // JSON input only: the parsed object, so that JSON output can keep value types.
  // JSON lines may come without it (null with delimiter 0): `raw` is then the
  // object's text, to be parsed by whoever needs the tree.
  const nlohmann::ordered_json* object = nullptr;
  // JSON without `object`: the object written exactly as compact JSON output
  // writes it (no spaces, numbers in the form JSON output gives them, no
  // needless escapes), so that it can be copied as it is: `raw` itself, or a
  // copy of it with numbers rewritten. Empty when the reader has no such text.
  std::string_view compact;
  std::string_view raw;  // the record's bytes as read (for --rejects)
};

// A record that could not be read. The reader has skipped past it.
struct RecordError {
  uint64_t line = 0;
  uint64_t column = 0;  // 0 when not known
  std::string message;  // "WHAT, expected WHAT"
  std::string raw;      // the offending bytes (possibly truncated)
};

enum class ReadStatus : uint8_t { kRecord, kRejected, kEnd };

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // kRecord: `out` holds the next record. kRejected: `err` describes a bad
  // record that was skipped; call again. kEnd: no more input (or an I/O error,
  // reported through io_error()).
  virtual ReadStatus next(InputRecord& out, RecordError& err) = 0;
  // CSV: the header row's names (available right after opening). JSON: empty.
  virtual const std::vector<std::string>& header() const = 0;
  virtual InputFormat format() const = 0;
  // Non-empty after kEnd when reading failed (e.g. "read error: Is a directory").
  virtual const std::string& io_error() const = 0;
};

}  // namespace leadscore
