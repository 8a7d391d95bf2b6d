#include "input/csv_structure.h"

#include <algorithm>
#include <cstring>

#include "input/text_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace leadscore {

namespace {

// One bit per byte of a 64-byte block.
struct BlockBits {
  uint64_t quote = 0;
  uint64_t delimiter = 0;
  uint64_t lf = 0;
  uint64_t cr = 0;
  bool non_ascii = false;
};

#if defined(__SSE2__)
inline uint64_t bits_of(__m128i a, __m128i b, __m128i c, __m128i d, __m128i byte) {
  const auto m = [&](__m128i v) {
    return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, byte))));
  };
  return m(a) | m(b) << 16 | m(c) << 32 | m(d) << 48;
}

inline BlockBits classify(const char* p, char delimiter) {
  const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
  const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32));
  const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48));
  BlockBits bits;
  bits.quote = bits_of(a, b, c, d, _mm_set1_epi8('"'));
  bits.delimiter = bits_of(a, b, c, d, _mm_set1_epi8(delimiter));
  bits.lf = bits_of(a, b, c, d, _mm_set1_epi8('\n'));
  bits.cr = bits_of(a, b, c, d, _mm_set1_epi8('\r'));
  bits.non_ascii = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) != 0;
  return bits;
}
#else
inline BlockBits classify(const char* p, char delimiter) {
  BlockBits bits;
  for (int i = 0; i < 64; ++i) {
    const uint64_t bit = uint64_t{1} << i;
    const char ch = p[i];
    if (ch == '"') bits.quote |= bit;
    if (ch == delimiter) bits.delimiter |= bit;
    if (ch == '\n') bits.lf |= bit;
    if (ch == '\r') bits.cr |= bit;
    if (static_cast<unsigned char>(ch) >= 0x80) bits.non_ascii = true;
  }
  return bits;
}
#endif

// Bit i = parity of the set bits at or below i: which bytes lie inside quotes
// (an opening quote is inside, its closing quote outside).
inline uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

}  // namespace

void CsvStructure::index(std::string_view bytes, char delimiter) {
  const size_t n = bytes.size();
  // Every byte could end a field, plus room for one block's worth of stores.
  if (capacity_ < n + 64) {
    capacity_ = n + 64;
    ends_.reset(new uint32_t[capacity_]);
  }
  uint32_t* out = ends_.get();
  unusual_ = kNone;

  // What the previous block's last byte was, as bit 0 of this block's "after" masks.
  uint64_t inside = 0;           // all ones when that byte was inside quotes
  uint64_t after_end = 1;        // the chunk starts at a record boundary
  uint64_t after_quote = 0;
  uint64_t after_close = 0;
  uint64_t after_cr = 0;
  // UTF-8 is checked run by run of blocks holding non-ASCII bytes: a run
  // starts after an ASCII block, so at a character boundary, and a character
  // cut off at its end is followed by ASCII, so invalid anyway.
  size_t run_start = kNone;
  size_t bad_utf8 = kNone;
  const auto check_run = [&](size_t end) {
    if (bad_utf8 != kNone) return;
    const size_t bad = find_invalid_utf8(bytes.substr(run_start, end - run_start));
    if (bad != std::string_view::npos) bad_utf8 = run_start + bad;
  };
  char tail[64];
  for (size_t base = 0; base < n; base += 64) {
    const size_t left = n - base;
    const char* p = bytes.data() + base;
    uint64_t valid = ~uint64_t{0};
    if (left < 64) {
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, p, left);
      p = tail;
      valid = (uint64_t{1} << left) - 1;
    }
    const BlockBits b = classify(p, delimiter);
    const uint64_t in_quotes = prefix_xor(b.quote) ^ inside;
    inside = static_cast<uint64_t>(static_cast<int64_t>(in_quotes) >> 63);
    const uint64_t ends = (b.delimiter | b.lf) & ~in_quotes;
    const uint64_t opening = b.quote & in_quotes;
    const uint64_t closing = b.quote & ~in_quotes;
    const uint64_t cr_outside = b.cr & ~in_quotes;
    const uint64_t prev_end = ends << 1 | after_end;
    const uint64_t prev_quote = b.quote << 1 | after_quote;
    const uint64_t prev_close = closing << 1 | after_close;
    const uint64_t prev_cr = cr_outside << 1 | after_cr;
    // A quote opens only at a field's start or right after a quote (""), a
    // closing quote is followed by a quote, a delimiter, or a line end, and a
    // CR outside quotes only by LF.
    const uint64_t unusual = ((opening & ~prev_end & ~prev_quote) | (prev_close & ~b.quote & ~ends & ~b.cr) |
                              (prev_cr & ~b.lf)) &
                             valid;
    after_end = ends >> 63;
    after_quote = b.quote >> 63;
    after_close = closing >> 63;
    after_cr = cr_outside >> 63;
    if (b.non_ascii) {
      if (run_start == kNone) run_start = base;
    } else if (run_start != kNone) {
      check_run(base);
      run_start = kNone;
    }

    uint64_t keep = ends;
    if (unusual) {
      const int at = __builtin_ctzll(unusual);
      unusual_ = base + static_cast<size_t>(at);
      keep &= (uint64_t{1} << at) - 1;
    }
    while (keep) {
      *out++ = static_cast<uint32_t>(base + static_cast<size_t>(__builtin_ctzll(keep)));
      keep &= keep - 1;
    }
    if (unusual) break;
  }
  // A quoted field still open, or a CR, at the very end belongs to the last record.
  // (Padding past the end is zeros, so `inside` holds for the last byte.)
  if (unusual_ == kNone && n > 0 && (inside || bytes[n - 1] == '\r')) unusual_ = n - 1;
  count_ = static_cast<size_t>(out - ends_.get());
  if (run_start != kNone) check_run(std::min(n, unusual_ == kNone ? n : (unusual_ | 63) + 1));
  if (bad_utf8 < unusual_) {
    unusual_ = bad_utf8;
    while (count_ > 0 && ends_[count_ - 1] >= bad_utf8) --count_;
  }
}

}  // namespace leadscore
