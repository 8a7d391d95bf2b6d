// Scores CSV and JSON lines inputs in chunks on worker threads: the calling
// thread cuts the input at record boundaries, workers parse, score and format
// whole chunks, and the calling thread writes their output in input order, so
// the bytes are the same for any number of jobs.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
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
  // can, and JSON lines into CSV when every input is JSON lines; a JSON
  // array, or a mix of CSV and JSON lines into CSV, take the sequential path.
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
  // The column names of the first record that will be scored, reading
  // chunks from next_task into `peeked` until one holds it (none: empty).
  std::vector<std::string> first_scored_names(const std::function<std::optional<Task>()>& next_task,
                                              std::deque<Task>& peeked) const;

  const Scorer& scorer_;
  ChunkedOptions options_;
  Reporter& reporter_;
  std::vector<std::unique_ptr<Input>> inputs_;
  std::vector<std::string> columns_;  // what the writers begin with
  uint64_t scored_ = 0;
  uint64_t rejected_ = 0;
  bool io_failed_ = false;
};

}  // namespace leadscore::cli
