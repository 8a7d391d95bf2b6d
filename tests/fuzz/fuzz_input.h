// Shared by the input fuzz targets: drains a reader and checks the contracts
// a caller relies on (a kept CSV record has one value per column name).
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

#include <sys/mman.h>
#include <unistd.h>

#include "input/record.h"

namespace leadscore::fuzz {

inline void drain(RecordReader& reader) {
  InputRecord record;
  RecordError error;
  for (int guard = 0; guard < 1'000'000; ++guard) {
    const ReadStatus status = reader.next(record, error);
    if (status == ReadStatus::kEnd) return;
    if (status == ReadStatus::kRecord && record.names != nullptr && record.object == nullptr &&
        record.values.size() != record.names->size()) {
      std::abort();  // a CSV record must have exactly one value per column
    }
  }
  std::abort();  // more records than the input has bytes: the reader is stuck
}

// The bytes as a file that open_input can open by path (an anonymous memory
// file, so nothing touches the disk). Returns "" when that is not possible.
class MemoryFile {
 public:
  MemoryFile(const char* data, size_t size) {
    fd_ = memfd_create("leadscore-fuzz", 0);
    if (fd_ < 0) return;
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::write(fd_, data + done, size - done);
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace leadscore::fuzz
