// Writers turn scored leads into bytes: CSV, JSON lines, a JSON array, or an
// aligned table for people. Each keeps every input field and appends the
// results; a result name that clashes with an input field replaces that field
// in place (so re-scoring a scored file keeps its layout).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "input/record.h"
#include "leadscore/explanation.h"
#include "leadscore/verdict.h"
#include "output/sink.h"

namespace leadscore {

enum class OutputFormat : uint8_t { kCsv, kJsonLines, kJson, kTable };

struct WriterOptions {
  OutputFormat format = OutputFormat::kCsv;
  bool explain = false;
  size_t width = 0;       // table: truncate lines to this many columns; 0 = no limit
  int32_t as_of_day = 0;  // shown in explanations
  // CSV for spreadsheets (--excel): a UTF-8 BOM, CRLF line ends, and text
  // cells that a spreadsheet would run as a formula prefixed with '.
  bool excel = false;
  bool header = true;  // CSV: write the header line (off for shards, --no-header)
};

struct ScoredLead {
  const InputRecord* record = nullptr;
  const Verdict* verdict = nullptr;
  const Explanation* explanation = nullptr;  // with --explain
  std::string_view id;                       // the id field's value, "" when none
};

// A writer appends bytes to a string the caller owns, so that chunks of leads
// can be formatted on worker threads and written in order by one thread.
class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // Takes the input's column names (CSV: the header; JSON: the first record's
  // keys) and appends what opens the output: the CSV header line, or '[' for
  // a JSON array.
  virtual void begin(const std::vector<std::string>& names, std::string& out) = 0;
  // JSON array elements come out as ",\n{...}": whoever assembles the output
  // drops the comma before the first one (see JsonArrayJoin).
  virtual void write(const ScoredLead& lead, std::string& out) = 0;
  virtual void finish(std::string& out) = 0;
  // Problems met while writing (for example JSON keys missing from a CSV header).
  std::vector<std::string>& warnings() { return warnings_; }

 protected:
  std::vector<std::string> warnings_;
};

std::unique_ptr<ResultWriter> make_writer(const RuleSet& rules, const WriterOptions& options);

// Drops the comma before the first element of a JSON array output.
class JsonArrayJoin {
 public:
  explicit JsonArrayJoin(bool active) : pending_(active) {}
  std::string_view operator()(std::string_view piece) {
    if (pending_ && !piece.empty() && piece[0] == ',') {
      pending_ = false;
      piece.remove_prefix(1);
    }
    return piece;
  }

 private:
  bool pending_;
};

// The result columns, in order.
inline constexpr const char* kResultColumns[] = {"score", "fit", "engagement", "stage", "reasons"};

// Appends the explanation as a JSON object (used by JSON output and CSV --explain).
void append_explanation_json(const RuleSet& rules, const Verdict& v, const Explanation& e, int32_t as_of_day,
                             std::string& out);

}  // namespace leadscore
