// --rejects FILE: the raw bytes of every rejected record, in input order,
// written atomically like -o. For CSV inputs the header line comes first (and
// again wherever an input with other columns begins to contribute), so the
// file can be fixed and scored again.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/record.h"
#include "output/sink.h"

namespace leadscore::cli {

class RejectsFile {
 public:
  // Remembers each input's CSV header line (call before the readers are moved).
  explicit RejectsFile(const std::vector<std::unique_ptr<RecordReader>>& readers);

  // Creates the temporary file; the first CSV input's header goes in at once.
  bool open(const std::string& path, std::string& error);
  // One rejected record of input `input` (its index among the readers).
  void add(size_t input, std::string_view raw);
  bool commit(std::string& error) { return sink_.commit(error); }

 private:
  std::vector<std::string> headers_;  // per input: the header line, empty for JSON
  size_t written_header_ = SIZE_MAX;  // input whose header line was written last
  OutputSink sink_;
};

}  // namespace leadscore::cli
