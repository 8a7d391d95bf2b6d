// The structure of a chunk of CSV in one vectorised pass: where every field
// ends (delimiters and line feeds outside quotes), and the first byte that
// the common-case reader must not handle itself (a quote inside unquoted
// text, text after a closing quote, a CR that is not part of CRLF, a quoted
// field still open at the end, invalid UTF-8). Everything before that byte
// is plain RFC 4180 with LF or CRLF line ends; CsvChunkReader hands the rest
// to the full CsvReader, so errors and edge cases read exactly as always.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace leadscore {

class CsvStructure {
 public:
  // Indexes `bytes` (less than 2^32 bytes) delimited by `delimiter`.
  void index(std::string_view bytes, char delimiter);

  // Offsets of the delimiters and LFs outside quoted fields, in order, up to
  // the first unusual byte.
  const uint32_t* ends() const { return ends_.get(); }
  size_t end_count() const { return count_; }
  // Offset of the first unusual byte, or kNone.
  size_t unusual() const { return unusual_; }
  static constexpr size_t kNone = ~size_t{0};

 private:
  std::unique_ptr<uint32_t[]> ends_;
  size_t capacity_ = 0;
  size_t count_ = 0;
  size_t unusual_ = kNone;
};

}  // namespace leadscore
