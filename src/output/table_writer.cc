// The table for people at a terminal: id, stage, score, fit, engagement and
// reasons in aligned columns, each line cut to the terminal width. Column
// widths come from the first rows, so the table still streams.
#include <algorithm>

#include "leadscore/values.h"
#include "output/writers.h"

namespace leadscore {

namespace {

constexpr size_t kSampleRows = 200;
constexpr size_t kMaxIdWidth = 28;

// Display width, counting each UTF-8 code point as one column.
size_t display_width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Cuts to `width` columns (code points), never inside a UTF-8 sequence.
std::string_view cut(std::string_view s, size_t width) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == width) return s.substr(0, i);
      ++n;
    }
  }
  return s;
}

void pad(std::string& out, std::string_view s, size_t width, bool right) {
  s = cut(s, width);
  size_t w = display_width(s);
  if (right) out.append(width - w, ' ');
  out.append(s);
  if (!right) out.append(width - w, ' ');
}

struct Row {
  std::string id, stage, score, fit, engagement, reasons;
};

class TableWriter : public ResultWriter {
 public:
  TableWriter(const RuleSet& rules, const WriterOptions& options) : rules_(rules), options_(options) {}

  void begin(const std::vector<std::string>&, std::string&) override {}

  void write(const ScoredLead& lead, std::string& out) override {
    const Verdict& v = *lead.verdict;
    Row row;
    char buf[32];
    row.id = lead.id.empty() ? std::to_string(lead.record->number) : std::string(lead.id);
    row.stage = stage_name(v.stage);
    row.score = format_number(v.score, buf);
    row.fit = format_number(v.fit, buf);
    row.engagement = format_number(v.engagement, buf);
    append_reasons(rules_, v, row.reasons);
    if (!widths_known_) {
      sample_.push_back(std::move(row));
      if (sample_.size() >= kSampleRows) flush_sample(out);
      return;
    }
    emit(row, out);
  }

  void finish(std::string& out) override {
    if (!widths_known_) flush_sample(out);
  }

 private:
  void flush_sample(std::string& out) {
    widths_known_ = true;
    for (const Row& r : sample_) {
      w_[0] = std::max(w_[0], std::min(display_width(r.id), kMaxIdWidth));
      w_[2] = std::max(w_[2], display_width(r.score));
      w_[3] = std::max(w_[3], display_width(r.fit));
      w_[4] = std::max(w_[4], display_width(r.engagement));
    }
    emit(Row{"id", "stage", "score", "fit", "engagement", "reasons"}, out, true);
    for (const Row& r : sample_) emit(r, out);
    sample_.clear();
  }

  void emit(const Row& r, std::string& out, bool header = false) {
    line_.clear();
    pad(line_, r.id, w_[0], false);
    line_ += "  ";
    pad(line_, r.stage, w_[1], false);
    line_ += "  ";
    pad(line_, r.score, w_[2], !header);
    line_ += "  ";
    pad(line_, r.fit, w_[3], !header);
    line_ += "  ";
    pad(line_, r.engagement, w_[4], !header);
    line_ += "  ";
    line_ += r.reasons;
    std::string_view shown = line_;
    if (options_.width > 0 && display_width(shown) > options_.width) {
      shown = cut(shown, options_.width - 1);
      out.append(shown);
      out.append("\xE2\x80\xA6");  // …
    } else {
      while (!shown.empty() && shown.back() == ' ') shown.remove_suffix(1);
      out.append(shown);
    }
    out += '\n';
  }

  const RuleSet& rules_;
  WriterOptions options_;
  bool widths_known_ = false;
  size_t w_[5] = {2, 5, 5, 3, 10};
  std::vector<Row> sample_;
  std::string line_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_table_writer(const RuleSet& rules, const WriterOptions& options) {
  return std::make_unique<TableWriter>(rules, options);
}

}  // namespace leadscore
