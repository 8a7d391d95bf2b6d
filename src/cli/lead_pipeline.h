// The scoring loop shared by the commands: opens every input first (so a bad
// path fails before anything is written), then reads records in order, binds
// them to the rule fields, scores them and hands each verdict to a callback.
// Unreadable records and bad values are reported through the Reporter.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/field_binder.h"
#include "cli/reporter.h"
#include "input/open_input.h"
#include "leadscore/scorer.h"

namespace leadscore::cli {

struct PipelineOptions {
  std::vector<std::string> inputs;  // empty: standard input
  InputOptions input;
  bool strict = false;  // a bad value rejects its record
  // Called with each rejected record's raw bytes and its input's index (--rejects).
  std::function<void(size_t input, std::string_view raw)> on_reject;
};

struct ScoredRecord {
  const InputRecord& record;
  std::span<const std::string_view> values;
  std::string_view id;
  Verdict& verdict;
  LeadScratch& scratch;
};

class LeadPipeline {
 public:
  LeadPipeline(const Scorer& scorer, PipelineOptions options, Reporter& reporter);

  // Opens every input; false (after reporting) when one cannot be used.
  bool open();
  // The format of the first input (to choose the default output format).
  InputFormat first_format() const;
  // The first input's CSV header (empty for JSON or an empty input).
  const std::vector<std::string>& first_header() const;
  // Runs to the end, or until `on_lead` returns false.
  void run(const std::function<bool(const ScoredRecord&)>& on_lead);

  // The opened inputs, for commands that read them another way (chunks).
  std::vector<std::unique_ptr<RecordReader>>& readers() { return readers_; }
  const std::vector<std::string>& input_names() const { return names_; }

  uint64_t scored() const { return scored_; }
  uint64_t rejected() const { return rejected_; }
  bool io_failed() const { return io_failed_; }
  const FieldBinder& binder() const { return binder_; }

 private:
  void warn_absent_fields(const InputRecord& rec);

  const Scorer& scorer_;
  PipelineOptions options_;
  Reporter& reporter_;
  std::vector<std::unique_ptr<RecordReader>> readers_;
  std::vector<std::string> names_;
  FieldBinder binder_;
  uint64_t scored_ = 0;
  uint64_t rejected_ = 0;
  bool io_failed_ = false;
};

}  // namespace leadscore::cli
