// The structure of a chunk of CSV, found by a vectorised pass: where every
// field ends (delimiters and line feeds outside quotes), and the first byte
// that the common-case reader must not handle itself (a quote inside unquoted
// text, text after a closing quote, a CR that is not part of CRLF, a quoted
// field still open at the end, invalid UTF-8). Everything before that byte
// is plain RFC 4180 with LF or CRLF line ends; CsvChunkReader hands the rest
// to the full CsvReader, so errors and edge cases read exactly as always.
//
// The pass runs a window at a time (advance()), just ahead of the reader, so
// that the bytes and their field ends are still in cache when records are
// made of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace leadscore {

class CsvStructure {
 public:
  // Starts on `bytes` (less than 2^32 bytes, a record boundary at its start)
  // delimited by `delimiter`; nothing is indexed yet.
  void start(std::string_view bytes, char delimiter);
  // Forgets the first `ends`, `line_ends` and `quotes` entries (already
  // used), then indexes the next window unless done(). False when it was done.
  bool advance(size_t ends, size_t line_ends, size_t quotes);
  // start() and advance() until the end: the whole of `bytes`.
  void index(std::string_view bytes, char delimiter);
  // Whether every byte has been looked at (or the pass stopped at an unusual one).
  bool done() const { return indexed_ >= bytes_.size() || unusual_ != kNone; }

  // Offsets (from the start of `bytes`) of the delimiters and LFs outside
  // quoted fields, in order, past the entries forgotten and up to the first
  // unusual byte or the end of what is indexed.
  const uint32_t* ends() const { return ends_.get(); }
  size_t end_count() const { return count_; }
  // Offsets of the LFs outside quoted fields (a subset of ends()), and of
  // every quote, likewise: a reader checks a record's field count and
  // whether it needs unquoting with one comparison each, not a test per field.
  const uint32_t* line_ends() const { return line_ends_.get(); }
  size_t line_end_count() const { return line_end_count_; }
  const uint32_t* quotes() const { return quotes_.get(); }
  size_t quote_count() const { return quote_count_; }
  // Offset of the first unusual byte, or kNone.
  size_t unusual() const { return unusual_; }
  static constexpr size_t kNone = ~size_t{0};

  // Whether advance() runs the AVX2 or the AVX-512 block loop (see
  // simd::avx2() and simd::avx512(); tests turn them off to check the
  // portable SSE2 loop and the AVX2 one on the same inputs).
  static bool uses_avx2();
  static bool uses_avx512();

 private:
  friend struct CsvBlockScan;  // the block loop of advance() (csv_structure.cc)
  void reserve(size_t entries);
  bool utf8_run_ok(size_t end);

  std::string_view bytes_;
  char delimiter_ = ',';
  size_t indexed_ = 0;  // bytes looked at so far (a multiple of 64, or all)
  // What the last byte looked at was, as bit 0 of the next block's masks.
  uint64_t inside_ = 0;      // all ones when it was inside quotes
  uint64_t after_end_ = 1;   // a record boundary starts the chunk
  uint64_t after_quote_ = 0;
  uint64_t after_close_ = 0;
  uint64_t after_cr_ = 0;
  size_t utf8_run_ = kNone;  // start of the open run of blocks with non-ASCII bytes

  std::unique_ptr<uint32_t[]> ends_;
  std::unique_ptr<uint32_t[]> line_ends_;
  std::unique_ptr<uint32_t[]> quotes_;
  size_t capacity_ = 0;
  size_t count_ = 0;
  size_t line_end_count_ = 0;
  size_t quote_count_ = 0;
  size_t unusual_ = kNone;
};

}  // namespace leadscore
