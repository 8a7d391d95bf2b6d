// Cuts an input into chunks of whole records, so that worker threads can
// parse and score chunks independently. Only record boundaries are found
// here: one pass with memchr over quotes and line ends, far cheaper than
// parsing. Each chunk knows the input line it starts on, for messages.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "input/input_buffer.h"
#include "input/record.h"

namespace leadscore {

struct Chunk {
  std::unique_ptr<char[]> storage;  // holds `bytes`
  std::string_view bytes;   // whole records (the last one may lack its line end at the end of input)
  uint64_t first_line = 1;  // input line of bytes[0]
};

class ChunkSplitter {
 public:
  // Reads from `buffer` starting at input offset `start` (a record boundary)
  // which is on line `first_line`. CSV honours quotes; JSON lines cut at '\n'.
  ChunkSplitter(InputBuffer buffer, uint64_t start, uint64_t first_line, InputFormat format,
                size_t chunk_bytes = size_t{1} << 20);

  // The next chunk, or nothing at the end of the input (or on a read error:
  // see error()).
  std::optional<Chunk> next();
  const std::string& error() const { return buffer_.error(); }

 private:
  // Offset (relative to `from`) just past the last record end in
  // [from, from + size), or 0 when there is none. Sets *lines to the line
  // ends before that offset when it learns them on the way (else leaves it).
  size_t last_boundary(const char* from, size_t size, bool at_end, uint64_t* lines) const;
  static constexpr uint64_t kUnknown = ~uint64_t{0};

  InputBuffer buffer_;
  uint64_t pos_;
  uint64_t line_;
  InputFormat format_;
  size_t chunk_bytes_;
};

// How many bytes of data[0, size) equal c.
uint64_t count_byte(const char* data, size_t size, char c);

// Counts line ends (LF, CRLF and lone CR each count once), as the readers do.
uint64_t count_lines(const char* data, size_t size);

}  // namespace leadscore
