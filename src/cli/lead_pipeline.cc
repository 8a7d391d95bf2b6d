#include "cli/lead_pipeline.h"

#include <set>

#include "leadscore/values.h"

namespace leadscore::cli {

LeadPipeline::LeadPipeline(const Scorer& scorer, PipelineOptions options, Reporter& reporter)
    : scorer_(scorer), options_(std::move(options)), reporter_(reporter), binder_(scorer.rules()) {
  if (options_.inputs.empty()) options_.inputs.push_back("-");
}

bool LeadPipeline::open() {
  int stdin_uses = 0;
  for (const std::string& path : options_.inputs) stdin_uses += path == "-";
  if (stdin_uses > 1) {
    reporter_.error("leadscore: error: standard input ('-') is named more than once, expected it at most once");
    return false;
  }
  bool ok = true;
  for (const std::string& path : options_.inputs) {
    Diagnostics diags;
    auto reader = open_input(path, options_.input, diags);
    reporter_.print_all(diags);
    if (!reader) {
      ok = false;
      continue;
    }
    readers_.push_back(std::move(reader));
    names_.push_back(display_name(path));
  }
  return ok;
}

InputFormat LeadPipeline::first_format() const {
  return readers_.empty() ? InputFormat::kCsv : readers_.front()->format();
}

const std::vector<std::string>& LeadPipeline::first_header() const {
  static const std::vector<std::string> kNone;
  return readers_.empty() ? kNone : readers_.front()->header();
}

void LeadPipeline::warn_absent_fields(const InputRecord& rec) {
  for (int f : binder_.absent_in_header()) {
    const FieldSpec& spec = scorer_.rules().fields[static_cast<size_t>(f)];
    std::string looked = "'" + spec.name + "'";
    for (const std::string& a : spec.from) looked += ", '" + a + "'";
    reporter_.warning(std::string(rec.file) + ":1: warning: no column for field " + looked +
                      ", so it is missing in every lead of this input");
  }
}

void LeadPipeline::run(const std::function<bool(const ScoredRecord&)>& on_lead) {
  const RuleSet& rules = scorer_.rules();
  InputRecord rec;
  RecordError err;
  std::vector<std::string_view> values;
  Verdict verdict;
  LeadScratch scratch;
  bool any_json = false;
  for (size_t r = 0; r < readers_.size(); ++r) {
    RecordReader& reader = *readers_[r];
    const std::string& name = names_[r];
    any_json = any_json || reader.format() != InputFormat::kCsv;
    bool first_record = true;
    for (;;) {
      ReadStatus status = reader.next(rec, err);
      if (status == ReadStatus::kEnd) break;
      if (status == ReadStatus::kRejected) {
        ++rejected_;
        Diagnostic d{name, err.line, err.column, Severity::kError, err.message};
        reporter_.print(d);
        if (options_.on_reject) options_.on_reject(r, err.raw);
        continue;
      }
      binder_.bind(rec, values);
      if (first_record && reader.format() == InputFormat::kCsv) warn_absent_fields(rec);
      first_record = false;
      scorer_.score(values, scratch, verdict);
      if (!verdict.bad_values.empty()) {
        for (const BadValue& b : verdict.bad_values) {
          const std::string& field = rules.fields[static_cast<size_t>(b.field)].name;
          std::string line = bad_value_message(name, rec.line, options_.strict, field,
                                               trim(values[static_cast<size_t>(b.field)]), bad_value_text(rules, b, options_.strict));
          if (options_.strict) reporter_.error(line);
          else reporter_.warning(line);
        }
        if (options_.strict) {
          ++rejected_;
          if (options_.on_reject) options_.on_reject(r, rec.raw);
          continue;
        }
      }
      ++scored_;
      ScoredRecord scored{rec, values, binder_.id(), verdict, scratch};
      if (!on_lead(scored)) return;
    }
    if (!reader.io_error().empty()) {
      io_failed_ = true;
      reporter_.error(name + ": error: " + reader.io_error());
    }
  }
  if (any_json) {
    for (int f : binder_.never_seen()) {
      reporter_.warning("leadscore: warning: no input record has field '" +
                        rules.fields[static_cast<size_t>(f)].name + "', so it was missing in every lead");
    }
  }
}

}  // namespace leadscore::cli
