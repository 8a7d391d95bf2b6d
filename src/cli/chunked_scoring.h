// Scores CSV and JSON lines inputs in chunks on worker threads: the calling
// thread cuts the input at record boundaries, workers parse, score and format
// whole chunks, and the calling thread writes their output in input order, so
// the bytes are the same for any number of jobs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/reporter.h"
#include "input/open_input.h"
#include "leadscore/scorer.h"
#include "output/result_writer.h"

namespace leadscore::cli {

struct ChunkedOptions {
  size_t jobs = 1;
  InputOptions input;
  WriterOptions writer;
  bool strict = false;
  // Called, in input order, with each rejected record's raw bytes and its
  // input's index (--rejects).
  std::function<void(size_t input, std::string_view raw)> on_reject;
};

class ChunkedScoring {
 public:
  ChunkedScoring(const Scorer& scorer, ChunkedOptions options, Reporter& reporter);
  ~ChunkedScoring();

  // Whether these opened inputs can be scored in chunks: CSV and JSON lines
  // can; a JSON array, or JSON into CSV (whose columns come from the first
  // record), take the sequential path.
  static bool supports(const std::vector<std::unique_ptr<RecordReader>>& readers, OutputFormat format);

  // Scores every input (readers as opened, names for messages) and passes
  // each finished piece of output, in order, to `write`.
  void run(std::vector<std::unique_ptr<RecordReader>> readers, const std::vector<std::string>& names,
           const std::function<void(std::string_view)>& write);

  uint64_t scored() const { return scored_; }
  uint64_t rejected() const { return rejected_; }
  bool io_failed() const { return io_failed_; }

 private:
  struct Input;
  struct Task;
  struct Result;
  struct Worker;

  Result score_chunk(Task& task, Worker& worker) const;

  const Scorer& scorer_;
  ChunkedOptions options_;
  Reporter& reporter_;
  std::vector<std::unique_ptr<Input>> inputs_;
  uint64_t scored_ = 0;
  uint64_t rejected_ = 0;
  bool io_failed_ = false;
};

}  // namespace leadscore::cli
