// The bytes of one input: a file, or standard input for "-", read with read(2).
// A ByteSource owns its file descriptor (standard input is never closed).
#pragma once

#include <cstddef>
#include <string>

namespace leadscore {

class ByteSource {
 public:
  ByteSource() = default;
  ByteSource(ByteSource&& other) noexcept;
  ByteSource& operator=(ByteSource&& other) noexcept;
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ~ByteSource();

  // Opens `path` ("-" = standard input). On failure returns false and sets
  // *error to "cannot open: REASON".
  bool open(const std::string& path, std::string* error);

  // Reads from memory the caller keeps alive (a chunk of a larger input).
  void open_memory(const char* data, size_t size);

  // Reads up to `size` bytes into `dst`. Returns the count, 0 at the end of the
  // input, or -1 with *error set to "read error: REASON".
  ptrdiff_t read(char* dst, size_t size, std::string* error);

 private:
  void close();

  int fd_ = -1;
  bool owned_ = false;
  const char* memory_ = nullptr;  // memory mode when set
  size_t memory_left_ = 0;
};

}  // namespace leadscore
