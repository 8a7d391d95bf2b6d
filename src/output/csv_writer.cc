// CSV output: RFC 4180, comma-separated, LF line ends, fields quoted only
// when they hold a comma, a quote or a line break. With --excel: a BOM, CRLF
// and formula-like text cells defused (see append_excel_field).
#include <algorithm>
#include <cassert>
#include <cstring>
#include <set>

#include "leadscore/values.h"
#include "output/column_layout.h"
#include "output/csv_quoting.h"
#include "output/writers.h"

namespace leadscore {

namespace {

void append_field(std::string& out, std::string_view v) {
  if (!csv_quoting::needs_quotes(v)) {
    out.append(v);
    return;
  }
  // Runs between quotes are copied whole: explanation cells are kilobytes.
  out += '"';
  for (;;) {
    const size_t q = v.find('"');
    if (q == std::string_view::npos) break;
    out.append(v.data(), q + 1);
    out += '"';
    v.remove_prefix(q + 1);
  }
  out.append(v);
  out += '"';
}

// Copies a short run without a call: two overlapping words, never reading
// past the run.
char* copy_run(char* to, const char* from, size_t n) {
  if (n >= 16) {
    std::memcpy(to, from, n);
  } else if (n >= 8) {
    std::memcpy(to, from, 8);
    std::memcpy(to + n - 8, from + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(to, from, 4);
    std::memcpy(to + n - 4, from + n - 4, 4);
  } else {
    for (size_t i = 0; i < n; ++i) to[i] = from[i];
  }
  return to + n;
}

// append_field into room known to be large enough (2 * size + 2 bytes).
char* write_field(char* p, std::string_view v) {
  if (!csv_quoting::needs_quotes(v)) return copy_run(p, v.data(), v.size());
  // Runs between quotes are copied whole: explanation cells are kilobytes.
  *p++ = '"';
  for (;;) {
    const size_t q = v.find('"');
    if (q == std::string_view::npos) break;
    p = copy_run(p, v.data(), q + 1);
    *p++ = '"';
    v.remove_prefix(q + 1);
  }
  p = copy_run(p, v.data(), v.size());
  *p++ = '"';
  return p;
}

// [+-]digits[.digits][e[+-]digits] (or .digits): left alone by --excel.
bool is_plain_number(std::string_view v) {
  size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  size_t digits = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == v.size();
}

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): text
// starting with = + - @ tab or CR. It gets a leading ' so it shows as text.
void append_excel_field(std::string& out, std::string& scratch, std::string_view v) {
  if (v.empty() || (v[0] != '=' && v[0] != '+' && v[0] != '-' && v[0] != '@' && v[0] != '\t' && v[0] != '\r') ||
      is_plain_number(v)) {
    append_field(out, v);
    return;
  }
  scratch.assign(1, '\'');
  scratch.append(v);
  append_field(out, scratch);
}

class CsvWriter : public ResultWriter {
 public:
  CsvWriter(const RuleSet& rules, const WriterOptions& options) : rules_(rules), options_(options) {}

  void begin(const std::vector<std::string>& names, std::string& buf) override {
    layout_.build(names, options_.explain);
    cells_.resize(layout_.columns().size());
    if (!options_.header) return;
    if (options_.excel) buf += "\xEF\xBB\xBF";
    for (size_t i = 0; i < layout_.columns().size(); ++i) {
      if (i) buf += ',';
      put(buf, layout_.columns()[i]);
    }
    end_line(buf);
  }

  void write(const ScoredLead& lead, std::string& buf) override {
    const InputRecord& rec = *lead.record;
    dropped_.clear();
    const std::vector<int>& mapping = layout_.map(rec.names, rec.names_fixed, rec.names_serial, &dropped_);
    for (const std::string& d : dropped_) {
      if (warned_.insert(d).second) {
        warnings_.push_back(std::string(rec.file) + ":" + std::to_string(rec.line) + ": warning: field '" + d +
                            "' is not among the CSV output columns (taken from the first record), its values are left out");
      }
    }
    const Verdict& v = *lead.verdict;
    const auto& rc = layout_.result_columns();
    // The fast path: a CSV row in the output's own columns is copied as
    // written (quotes and all) and the results are appended to it.
    // A record of other input (JSON lines) in the output's own columns has
    // its values written in order, with no cell table in between.
    if (!options_.excel && layout_.identity() && rc[0] == rec.values.size() && rc[0] > 0) {
      if (rec.delimiter == ',' && !rec.raw.empty()) buf.append(rec.raw);
      else append_cells(rec.values, buf);
      append_results(lead, v, buf);
      return;
    }
    std::string_view* cells = cells_.data();
    std::fill(cells, cells + cells_.size(), std::string_view{});
    const int* to = mapping.data();
    const std::string_view* values = rec.values.data();
    const size_t mapped = std::min(mapping.size(), rec.values.size());
    for (size_t i = 0; i < mapped; ++i) {
      if (to[i] >= 0) cells[static_cast<size_t>(to[i])] = values[i];
    }
    char b0[32], b1[32], b2[32];
    cells_[rc[0]] = format_number(v.score, b0);
    cells_[rc[1]] = format_number(v.fit, b1);
    cells_[rc[2]] = format_number(v.engagement, b2);
    cells_[rc[3]] = stage_name(v.stage);
    reasons_.clear();
    append_reasons(rules_, v, reasons_);
    cells_[rc[4]] = reasons_;
    if (options_.explain && lead.explanation) {
      explanation_.clear();
      append_explanation_json(rules_, v, *lead.explanation, options_.as_of_day, explanation_);
      cells_[rc[5]] = explanation_;
    }
    if (options_.excel) {
      for (size_t i = 0; i < cells_.size(); ++i) {
        if (i) buf += ',';
        put(buf, cells_[i]);
      }
      end_line(buf);
      return;
    }
    append_cells(cells_, buf);
    buf += '\n';
  }

  void finish(std::string&) override {}

 private:
  // Cells, comma-separated and quoted as needed. Room for the worst case
  // (every cell quoted, every byte a quote) is made at once, the cells are
  // written into it, and the rest is cut off again: a row of 40 cells is
  // then not 80 appends.
  static void append_cells(const std::vector<std::string_view>& cells, std::string& buf) {
    const std::string_view* c = cells.data();
    const size_t n = cells.size();
    size_t bound = 0;
    for (size_t i = 0; i < n; ++i) bound += 2 * c[i].size() + 3;
    const size_t start = buf.size();
    buf.resize(start + bound);
    char* const row = buf.data() + start;
    char* p = row;
    for (size_t i = 0; i < n; ++i) {
      p = write_field(p, c[i]);
      *p++ = ',';
    }
    buf.resize(start + static_cast<size_t>(p - row) - (n > 0 ? 1 : 0));  // without the last comma
  }

  // ",score,fit,engagement,stage,reasons[,explanation]\n" after a copied row.
  void append_results(const ScoredLead& lead, const Verdict& v, std::string& buf) {
    // Numbers and stage are assembled on the stack and appended at once,
    // each copied as a whole 32 or 8 bytes (room enough on both sides):
    // constant-size copies are a couple of moves, not a library call.
    char line[4 * 34 + 32];
    char* p = line;
    char num[64];  // format_number writes into the first 32
    for (double x : {v.score, v.fit, v.engagement}) {
      *p++ = ',';
      const std::string_view text = format_number(x, num);
      std::memcpy(p, text.data(), 32);
      p += text.size();
    }
    *p++ = ',';
    static constexpr char kStages[][8] = {"Lead", "MQL", "SQL", "SAO"};  // stage_name's, padded
    const std::string_view stage = stage_name(v.stage);
    assert(stage == kStages[static_cast<size_t>(v.stage)]);
    std::memcpy(p, kStages[static_cast<size_t>(v.stage)], 8);
    p += stage.size();
    *p++ = ',';
    buf.append(line, static_cast<size_t>(p - line));
    // Ids are letters, digits, '_', '-' and '.', so reasons never need quotes.
    append_reasons(rules_, v, buf);
    if (options_.explain && lead.explanation) {
      explanation_.clear();
      append_explanation_json(rules_, v, *lead.explanation, options_.as_of_day, explanation_);
      buf += ',';
      append_field(buf, explanation_);
    }
    buf += '\n';
  }

  void put(std::string& buf, std::string_view cell) {
    if (options_.excel) append_excel_field(buf, excel_cell_, cell);
    else append_field(buf, cell);
  }
  void end_line(std::string& buf) const { buf += options_.excel ? "\r\n" : "\n"; }

  const RuleSet& rules_;
  WriterOptions options_;
  ColumnLayout layout_;
  std::vector<std::string_view> cells_;
  std::vector<std::string> dropped_;
  std::set<std::string> warned_;
  std::string reasons_;
  std::string explanation_;
  std::string excel_cell_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_csv_writer(const RuleSet& rules, const WriterOptions& options) {
  return std::make_unique<CsvWriter>(rules, options);
}

}  // namespace leadscore
