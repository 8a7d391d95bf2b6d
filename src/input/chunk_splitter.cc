#include "input/chunk_splitter.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace leadscore {

namespace {

const char* find_last(const char* begin, const char* end, char c) {
  if (begin >= end) return nullptr;
  return static_cast<const char*>(memrchr(begin, c, static_cast<size_t>(end - begin)));
}

// Just past the last line end in [begin, end): an LF, or a CR not followed by
// LF whose next byte is known (a CR at the very end may be half of a CRLF).
const char* last_line_end(const char* begin, const char* end, const char* data_end, bool at_end) {
  const char* lf = find_last(begin, end, '\n');
  const char* best = lf ? lf + 1 : nullptr;
  const char* cr_end = lf ? lf : begin;
  for (const char* p = find_last(cr_end, end, '\r'); p; p = find_last(cr_end, p, '\r')) {
    if (p + 1 < data_end ? p[1] != '\n' : at_end) return p + 1;
  }
  return best;
}

}  // namespace

uint64_t count_byte(const char* data, size_t size, char c) {
  uint64_t n = 0;
  size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes per step: each match subtracts -1 from its byte lane's counter;
  // before a lane can overflow (255 steps) the lanes are summed.
  const __m128i needle = _mm_set1_epi8(c);
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= size) {
    const size_t stop = std::min(size - 15, i + 255 * 16);
    __m128i lanes = zero;
    for (; i < stop; i += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(block, needle));
    }
    const __m128i sums = _mm_sad_epu8(lanes, zero);  // two 64-bit halves
    n += static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < size; ++i) n += data[i] == c;
  return n;
}

uint64_t count_lines(const char* data, size_t size) {
  uint64_t n = count_byte(data, size, '\n');
  for (const char* p = static_cast<const char*>(std::memchr(data, '\r', size)); p;
       p = static_cast<const char*>(std::memchr(p + 1, '\r', static_cast<size_t>(data + size - p - 1)))) {
    if (p + 1 == data + size || p[1] != '\n') ++n;
    if (p + 1 >= data + size) break;
  }
  return n;
}

ChunkSplitter::ChunkSplitter(InputBuffer buffer, uint64_t start, uint64_t first_line, InputFormat format,
                             size_t chunk_bytes)
    : buffer_(std::move(buffer)), pos_(start), line_(first_line), format_(format), chunk_bytes_(chunk_bytes) {
  // Each read then brings about one chunk, which takes the buffer's block.
  buffer_.set_block_size(chunk_bytes_);
}

size_t ChunkSplitter::last_boundary(const char* from, size_t size, bool at_end) const {
  const char* end = from + size;
  if (format_ != InputFormat::kCsv) {
    const char* cut = last_line_end(from, end, end, at_end);
    return cut ? static_cast<size_t>(cut - from) : 0;
  }
  // Usually: the last LF with an even number of quotes before it is outside
  // any quoted field (a doubled quote toggles twice, so parity is enough).
  // Counting quotes vectorises; walking quote to quote below does not.
  if (const char* nl = find_last(from, end, '\n')) {
    uint64_t quotes = count_byte(from, static_cast<size_t>(nl - from), '"');
    while (nl && quotes % 2 != 0) {
      const char* prev = find_last(from, nl, '\n');
      if (prev) quotes -= count_byte(prev, static_cast<size_t>(nl - prev), '"');
      nl = prev;
    }
    if (nl) return static_cast<size_t>(nl + 1 - from);
  }
  // No LF outside quotes (lone CR line ends): walk quote to quote.
  const char* cut = nullptr;
  const char* p = from;
  for (;;) {
    const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
    const char* segment_end = q ? q : end;
    if (const char* c = last_line_end(p, segment_end, end, at_end)) cut = c;
    if (!q) break;
    const char* close = static_cast<const char*>(std::memchr(q + 1, '"', static_cast<size_t>(end - q - 1)));
    if (!close) break;  // a quoted field runs past the data we have
    p = close + 1;
  }
  return cut ? static_cast<size_t>(cut - from) : 0;
}

std::optional<Chunk> ChunkSplitter::next() {
  size_t want = chunk_bytes_;
  for (;;) {
    // Bring at least `want` bytes past pos_ into the buffer, or all that is left.
    while (buffer_.end() - pos_ < want && buffer_.refill(pos_)) {
    }
    const char* from = buffer_.data() + (pos_ - buffer_.base());
    size_t available = static_cast<size_t>(buffer_.end() - pos_);
    if (available == 0) return std::nullopt;
    bool at_end = buffer_.at_end();
    size_t cut = at_end ? available : last_boundary(from, available, false);
    if (cut == 0) {
      // One record longer than the chunk: take a bigger bite.
      want = available * 2;
      continue;
    }
    Chunk chunk;
    chunk.first_line = line_;
    line_ += count_lines(from, cut);
    pos_ += cut;
    // The chunk takes the buffer's block as it is; only the partial record
    // after the cut is copied on.
    chunk.storage = buffer_.release_until(pos_);
    chunk.bytes = {from, cut};
    return chunk;
  }
}

}  // namespace leadscore
