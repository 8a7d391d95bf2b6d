// CSV output: RFC 4180, comma-separated, LF line ends, fields quoted only
// when they hold a comma, a quote or a line break.
#include <set>

#include "leadscore/values.h"
#include "output/column_layout.h"
#include "output/writers.h"

namespace leadscore {

namespace {

void append_field(std::string& out, std::string_view v) {
  bool needs_quotes = v.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!needs_quotes) {
    out.append(v);
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

class CsvWriter : public ResultWriter {
 public:
  CsvWriter(const RuleSet& rules, const WriterOptions& options) : rules_(rules), options_(options) {}

  void begin(const std::vector<std::string>& names, std::string& buf) override {
    layout_.build(names, options_.explain);
    for (size_t i = 0; i < layout_.columns().size(); ++i) {
      if (i) buf += ',';
      append_field(buf, layout_.columns()[i]);
    }
    buf += '\n';
    cells_.resize(layout_.columns().size());
  }

  void write(const ScoredLead& lead, std::string& buf) override {
    const InputRecord& rec = *lead.record;
    dropped_.clear();
    const std::vector<int>& mapping = layout_.map(rec.names, rec.names_fixed, &dropped_);
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
    if (layout_.identity() && rec.delimiter == ',' && !rec.raw.empty() && rc[0] == rec.values.size()) {
      buf.append(rec.raw);
      append_results(lead, v, buf);
      return;
    }
    for (std::string_view& c : cells_) c = {};
    for (size_t i = 0; i < mapping.size() && i < rec.values.size(); ++i) {
      if (mapping[i] >= 0) cells_[static_cast<size_t>(mapping[i])] = rec.values[i];
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
    for (size_t i = 0; i < cells_.size(); ++i) {
      if (i) buf += ',';
      append_field(buf, cells_[i]);
    }
    buf += '\n';
  }

  void finish(std::string&) override {}

 private:
  // ",score,fit,engagement,stage,reasons[,explanation]\n" after a copied row.
  void append_results(const ScoredLead& lead, const Verdict& v, std::string& buf) {
    char num[32];
    buf += ',';
    buf.append(format_number(v.score, num));
    buf += ',';
    buf.append(format_number(v.fit, num));
    buf += ',';
    buf.append(format_number(v.engagement, num));
    buf += ',';
    buf.append(stage_name(v.stage));
    buf += ',';
    reasons_.clear();
    append_reasons(rules_, v, reasons_);
    append_field(buf, reasons_);
    if (options_.explain && lead.explanation) {
      explanation_.clear();
      append_explanation_json(rules_, v, *lead.explanation, options_.as_of_day, explanation_);
      buf += ',';
      append_field(buf, explanation_);
    }
    buf += '\n';
  }

  const RuleSet& rules_;
  WriterOptions options_;
  ColumnLayout layout_;
  std::vector<std::string_view> cells_;
  std::vector<std::string> dropped_;
  std::set<std::string> warned_;
  std::string reasons_;
  std::string explanation_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_csv_writer(const RuleSet& rules, const WriterOptions& options) {
  return std::make_unique<CsvWriter>(rules, options);
}

}  // namespace leadscore
