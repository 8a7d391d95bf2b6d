#include "input/chunk_splitter.h"

#include <algorithm>
#include <cstring>

#include "input/simd_dispatch.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
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

namespace {

// The LFs in data[0, size) and whether there is a CR among them: one pass
// for both, as most inputs have no CR and need no second look. With kQuotes
// the same pass counts the '"' too (the CSV splitter's quote parity).
struct LineEnds {
  uint64_t lf = 0;
  uint64_t quotes = 0;
  bool cr = false;
};

template <bool kQuotes>
LineEnds scan_line_ends_portable(const char* data, size_t size, size_t i, LineEnds e) {
  for (; i < size; ++i) {
    e.lf += data[i] == '\n';
    e.cr = e.cr || data[i] == '\r';
    if (kQuotes) e.quotes += data[i] == '"';
  }
  return e;
}

#if defined(__SSE2__)
inline uint64_t sum_lanes(__m128i lanes) {
  const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());  // two 64-bit halves
  return static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
}

// 64 bytes a step: each LF subtracts -1 from its byte lane's counter, which
// gains at most 4 a step; before a lane can overflow (63 steps) the lanes
// are summed.
template <bool kQuotes>
LineEnds scan_line_ends_sse2(const char* data, size_t size) {
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i zero = _mm_setzero_si128();
  __m128i crs = zero;
  LineEnds e;
  size_t i = 0;
  while (i + 64 <= size) {
    const size_t stop = std::min(size - 63, i + 63 * 64);
    __m128i lanes = zero, quote_lanes = zero;
    for (; i < stop; i += 64) {
      const auto* p = reinterpret_cast<const __m128i*>(data + i);
      const __m128i a = _mm_loadu_si128(p), b = _mm_loadu_si128(p + 1);
      const __m128i c = _mm_loadu_si128(p + 2), d = _mm_loadu_si128(p + 3);
      lanes = _mm_sub_epi8(lanes, _mm_add_epi8(_mm_add_epi8(_mm_cmpeq_epi8(a, lf), _mm_cmpeq_epi8(b, lf)),
                                               _mm_add_epi8(_mm_cmpeq_epi8(c, lf), _mm_cmpeq_epi8(d, lf))));
      crs = _mm_or_si128(crs, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, cr), _mm_cmpeq_epi8(b, cr)),
                                           _mm_or_si128(_mm_cmpeq_epi8(c, cr), _mm_cmpeq_epi8(d, cr))));
      if (kQuotes) {
        quote_lanes = _mm_sub_epi8(
            quote_lanes, _mm_add_epi8(_mm_add_epi8(_mm_cmpeq_epi8(a, quote), _mm_cmpeq_epi8(b, quote)),
                                      _mm_add_epi8(_mm_cmpeq_epi8(c, quote), _mm_cmpeq_epi8(d, quote))));
      }
    }
    e.lf += sum_lanes(lanes);
    if (kQuotes) e.quotes += sum_lanes(quote_lanes);
  }
  e.cr = _mm_movemask_epi8(crs) != 0;
  return scan_line_ends_portable<kQuotes>(data, size, i, e);
}
#endif

#if defined(__x86_64__)
__attribute__((target("avx2"))) inline uint64_t sum_lanes_avx2(__m256i lanes) {
  const __m256i sums = _mm256_sad_epu8(lanes, _mm256_setzero_si256());  // four 64-bit quarters
  const __m128i halves = _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
  return static_cast<uint64_t>(_mm_cvtsi128_si64(halves)) +
         static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(halves, halves)));
}

// As above, 64 bytes a step in two AVX2 registers (a lane gains at most 2 a
// step: 127 steps).
template <bool kQuotes>
__attribute__((target("avx2"))) LineEnds scan_line_ends_avx2(const char* data, size_t size) {
  const __m256i lf = _mm256_set1_epi8('\n');
  const __m256i cr = _mm256_set1_epi8('\r');
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i zero = _mm256_setzero_si256();
  __m256i crs = zero;
  LineEnds e;
  size_t i = 0;
  while (i + 64 <= size) {
    const size_t stop = std::min(size - 63, i + 127 * 64);
    __m256i lanes = zero, quote_lanes = zero;
    for (; i < stop; i += 64) {
      const auto* p = reinterpret_cast<const __m256i*>(data + i);
      const __m256i a = _mm256_loadu_si256(p), b = _mm256_loadu_si256(p + 1);
      lanes = _mm256_sub_epi8(lanes, _mm256_add_epi8(_mm256_cmpeq_epi8(a, lf), _mm256_cmpeq_epi8(b, lf)));
      crs = _mm256_or_si256(crs, _mm256_or_si256(_mm256_cmpeq_epi8(a, cr), _mm256_cmpeq_epi8(b, cr)));
      if (kQuotes) {
        quote_lanes = _mm256_sub_epi8(quote_lanes,
                                      _mm256_add_epi8(_mm256_cmpeq_epi8(a, quote), _mm256_cmpeq_epi8(b, quote)));
      }
    }
    e.lf += sum_lanes_avx2(lanes);
    if (kQuotes) e.quotes += sum_lanes_avx2(quote_lanes);
  }
  e.cr = _mm256_movemask_epi8(crs) != 0;
  return scan_line_ends_portable<kQuotes>(data, size, i, e);
}
#endif

template <bool kQuotes>
LineEnds scan_line_ends(const char* data, size_t size) {
#if defined(__x86_64__)
  if (size >= 64 && simd::avx2()) return scan_line_ends_avx2<kQuotes>(data, size);
#endif
#if defined(__SSE2__)
  return scan_line_ends_sse2<kQuotes>(data, size);
#else
  return scan_line_ends_portable<kQuotes>(data, size, 0, LineEnds{});
#endif
}

// Line ends in data[0, size) from a scan's LF count: lone CRs count too.
uint64_t line_ends(const char* data, size_t size, const LineEnds& ends) {
  uint64_t n = ends.lf;
  if (!ends.cr) return n;
  for (const char* p = static_cast<const char*>(std::memchr(data, '\r', size)); p;
       p = static_cast<const char*>(std::memchr(p + 1, '\r', static_cast<size_t>(data + size - p - 1)))) {
    if (p + 1 == data + size || p[1] != '\n') ++n;
    if (p + 1 >= data + size) break;
  }
  return n;
}

}  // namespace

uint64_t count_lines(const char* data, size_t size) { return line_ends(data, size, scan_line_ends<false>(data, size)); }

ChunkSplitter::ChunkSplitter(InputBuffer buffer, uint64_t start, uint64_t first_line, InputFormat format,
                             size_t chunk_bytes)
    : buffer_(std::move(buffer)), pos_(start), line_(first_line), format_(format), chunk_bytes_(chunk_bytes) {
  // Each read then brings about one chunk, which takes the buffer's block.
  buffer_.set_block_size(chunk_bytes_);
}

size_t ChunkSplitter::last_boundary(const char* from, size_t size, bool at_end, uint64_t* lines) const {
  const char* end = from + size;
  if (format_ != InputFormat::kCsv) {
    const char* cut = last_line_end(from, end, end, at_end);
    return cut ? static_cast<size_t>(cut - from) : 0;
  }
  // Usually: the last LF with an even number of quotes before it is outside
  // any quoted field (a doubled quote toggles twice, so parity is enough).
  // Counting quotes vectorises; walking quote to quote below does not.
  if (const char* nl = find_last(from, end, '\n')) {
    // Quotes and line ends are counted in one pass: the chunk's lines are
    // known then too, when it is cut at this LF, as it mostly is.
    const size_t before = static_cast<size_t>(nl - from);
    LineEnds ends = scan_line_ends<true>(from, before);
    if (ends.quotes % 2 == 0) {
      ++ends.lf;  // the one at nl
      *lines = line_ends(from, before + 1, ends);
      return before + 1;
    }
    uint64_t quotes = ends.quotes;
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
    uint64_t lines = kUnknown;
    size_t cut = at_end ? available : last_boundary(from, available, false, &lines);
    if (cut == 0) {
      // One record longer than the chunk: take a bigger bite.
      want = available * 2;
      continue;
    }
    Chunk chunk;
    chunk.first_line = line_;
    line_ += lines != kUnknown ? lines : count_lines(from, cut);
    pos_ += cut;
    // The chunk takes the buffer's block as it is; only the partial record
    // after the cut is copied on.
    chunk.storage = buffer_.release_until(pos_);
    chunk.bytes = {from, cut};
    return chunk;
  }
}

}  // namespace leadscore
