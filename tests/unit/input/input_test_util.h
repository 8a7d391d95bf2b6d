// Helpers for the input tests: write text to a temporary file, open it, and
// copy out everything the reader produced, so that cases read as data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/open_input.h"
#include "input/record.h"

namespace leadscore::testing {

// A file that is removed again when the object goes away.
class TempFile {
 public:
  explicit TempFile(std::string_view content, std::string_view suffix = ".txt");
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// One outcome of next(): a record or a rejection, copied.
struct Item {
  bool rejected = false;
  uint64_t line = 0;
  uint64_t number = 0;  // records only
  uint64_t column = 0;  // rejections only
  std::vector<std::string> names;
  std::vector<std::string> values;
  std::string raw;
  std::string message;  // rejections only
  std::string file;
  bool has_object = false;
};

struct ReadResult {
  bool opened = false;
  Diagnostics diags;
  InputFormat format = InputFormat::kAuto;
  std::vector<std::string> header;
  std::vector<Item> items;
  std::string io_error;

  // The values of the accepted records only.
  std::vector<std::vector<std::string>> rows() const;
  // The rejections only.
  std::vector<Item> rejections() const;
  std::string first_diag() const { return diags.empty() ? std::string() : diags[0].message; }
};

// Reads every record of an already opened reader.
ReadResult drain(std::unique_ptr<RecordReader> reader, Diagnostics diags);

// Opens `path` with the given block size (0 = the default) and reads it all.
ReadResult read_path(const std::string& path, const InputOptions& options = {},
                     size_t block_size = 0);

// Writes `content` to a temporary file named *`suffix` and reads it all.
ReadResult read_text(std::string_view content, std::string_view suffix = ".txt",
                     const InputOptions& options = {}, size_t block_size = 0);

// As read_text, but reads with several block sizes (1 byte up to the default)
// and checks that every one gives the same result as the default.
ReadResult read_all_blocks(std::string_view content, std::string_view suffix = ".txt",
                           const InputOptions& options = {});

using Rows = std::vector<std::vector<std::string>>;
using Names = std::vector<std::string>;

}  // namespace leadscore::testing
