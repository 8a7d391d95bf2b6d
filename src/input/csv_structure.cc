#include "input/csv_structure.h"

#include <algorithm>
#include <cstring>
#include <vector>

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

// Appends base + the position of every set bit of `bits`, in order. The
// first eight are written unconditionally (a block of CSV holds about that
// many field ends), so the common block costs no branch per bit; `out` has
// room for them past the real count.
inline uint32_t* append_positions(uint32_t* out, uint64_t bits, uint32_t base) {
  size_t count = 0;
  // The OR keeps ctz defined once the bits run out; those stores are junk past the count.
  for (int i = 0; i < 8; ++i) {
    out[i] = base + static_cast<uint32_t>(__builtin_ctzll(bits | (uint64_t{1} << 63)));
    count += bits != 0;
    bits &= bits - 1;
  }
  out += count;
  while (bits) {
    *out++ = base + static_cast<uint32_t>(__builtin_ctzll(bits));
    bits &= bits - 1;
  }
  return out;
}

// Like append_positions for bits that are usually none.
inline uint32_t* append_rare_positions(uint32_t* out, uint64_t bits, uint32_t base) {
  while (bits) {
    *out++ = base + static_cast<uint32_t>(__builtin_ctzll(bits));
    bits &= bits - 1;
  }
  return out;
}

}  // namespace

namespace {

// Bytes indexed per advance(): the window's bytes and field ends stay in the
// core's cache until the reader has made records of them.
constexpr size_t kWindow = size_t{1} << 15;

}  // namespace

void CsvStructure::start(std::string_view bytes, char delimiter) {
  bytes_ = bytes;
  delimiter_ = delimiter;
  indexed_ = 0;
  inside_ = 0;
  after_end_ = 1;
  after_quote_ = after_close_ = after_cr_ = 0;
  utf8_run_ = kNone;
  count_ = line_end_count_ = quote_count_ = 0;
  unusual_ = kNone;
}

void CsvStructure::index(std::string_view bytes, char delimiter) {
  start(bytes, delimiter);
  while (advance(0, 0, 0)) {
  }
}

void CsvStructure::reserve(size_t entries) {
  // Room for a block's entries and the eight junk stores past the last real
  // one (see append_positions).
  if (capacity_ >= entries + 128) return;
  const size_t capacity = entries + 128 + entries / 2;
  auto grow = [&](std::unique_ptr<uint32_t[]>& a, size_t used) {
    std::unique_ptr<uint32_t[]> b(new uint32_t[capacity]);
    if (used) std::memcpy(b.get(), a.get(), used * sizeof(uint32_t));
    a = std::move(b);
  };
  grow(ends_, count_);
  grow(line_ends_, line_end_count_);
  grow(quotes_, quote_count_);
  capacity_ = capacity;
}

bool CsvStructure::advance(size_t used_ends, size_t used_line_ends, size_t used_quotes) {
  // Forget what the reader has used, keeping the rest at the front.
  auto drop = [](uint32_t* a, size_t& count, size_t used) {
    std::memmove(a, a + used, (count - used) * sizeof(uint32_t));
    count -= used;
  };
  if (used_ends) drop(ends_.get(), count_, used_ends);
  if (used_line_ends) drop(line_ends_.get(), line_end_count_, used_line_ends);
  if (used_quotes) drop(quotes_.get(), quote_count_, used_quotes);
  if (done()) return false;

  const size_t n = bytes_.size();
  size_t stop = std::min(n, indexed_ + kWindow);
  // Every byte could end a field (or be a quote).
  reserve(std::max(count_, quote_count_) + (stop - indexed_));
  uint32_t* out = ends_.get() + count_;
  uint32_t* line_out = line_ends_.get() + line_end_count_;
  uint32_t* quote_out = quotes_.get() + quote_count_;

  char tail[64];
  size_t base = indexed_;
  for (; base < stop; base += 64) {
    // A window runs on past its size while the text is not ASCII (below).
    if (base >= indexed_ + kWindow) [[unlikely]] {
      count_ = static_cast<size_t>(out - ends_.get());
      line_end_count_ = static_cast<size_t>(line_out - line_ends_.get());
      quote_count_ = static_cast<size_t>(quote_out - quotes_.get());
      reserve(std::max(count_, quote_count_) + 64);
      out = ends_.get() + count_;
      line_out = line_ends_.get() + line_end_count_;
      quote_out = quotes_.get() + quote_count_;
    }
    const size_t left = n - base;
    const char* p = bytes_.data() + base;
    uint64_t valid = ~uint64_t{0};
    if (left < 64) {
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, p, left);
      p = tail;
      valid = (uint64_t{1} << left) - 1;
    }
    const BlockBits b = classify(p, delimiter_);
    const uint64_t in_quotes = prefix_xor(b.quote) ^ inside_;
    inside_ = static_cast<uint64_t>(static_cast<int64_t>(in_quotes) >> 63);
    const uint64_t ends = (b.delimiter | b.lf) & ~in_quotes;
    const uint64_t opening = b.quote & in_quotes;
    const uint64_t closing = b.quote & ~in_quotes;
    const uint64_t cr_outside = b.cr & ~in_quotes;
    const uint64_t prev_end = ends << 1 | after_end_;
    const uint64_t prev_quote = b.quote << 1 | after_quote_;
    const uint64_t prev_close = closing << 1 | after_close_;
    const uint64_t prev_cr = cr_outside << 1 | after_cr_;
    // A quote opens only at a field's start or right after a quote (""), a
    // closing quote is followed by a quote, a delimiter, or a line end, and a
    // CR outside quotes only by LF.
    const uint64_t unusual = ((opening & ~prev_end & ~prev_quote) | (prev_close & ~b.quote & ~ends & ~b.cr) |
                              (prev_cr & ~b.lf)) &
                             valid;
    after_end_ = ends >> 63;
    after_quote_ = b.quote >> 63;
    after_close_ = closing >> 63;
    after_cr_ = cr_outside >> 63;
    if (b.non_ascii) {
      if (utf8_run_ == kNone) utf8_run_ = base;
      // A window ends after an ASCII block, so that no run is cut in two.
      if (stop == base + 64 && stop < n) stop += 64;
    } else if (utf8_run_ != kNone) {
      if (!utf8_run_ok(base)) break;
    }

    uint64_t before = ~uint64_t{0};  // the bytes before the first unusual one
    if (unusual) {
      const int at = __builtin_ctzll(unusual);
      unusual_ = base + static_cast<size_t>(at);
      before = (uint64_t{1} << at) - 1;
    }
    const uint32_t at = static_cast<uint32_t>(base);
    out = append_positions(out, ends & before, at);
    line_out = append_rare_positions(line_out, b.lf & ~in_quotes & before, at);
    quote_out = append_rare_positions(quote_out, b.quote & valid & before, at);
    if (unusual) break;
  }
  indexed_ = std::min(base, n);
  if (unusual_ == kNone && base >= n) {
    indexed_ = n;
    // A quoted field still open, or a CR, at the very end belongs to the last
    // record. (Padding past the end is zeros, so `inside` holds for the last byte.)
    if (n > 0 && (inside_ || bytes_[n - 1] == '\r')) unusual_ = n - 1;
  }
  count_ = static_cast<size_t>(out - ends_.get());
  line_end_count_ = static_cast<size_t>(line_out - line_ends_.get());
  quote_count_ = static_cast<size_t>(quote_out - quotes_.get());
  if (utf8_run_ != kNone && done()) {
    utf8_run_ok(std::min(n, unusual_ == kNone ? n : (unusual_ | 63) + 1));
  }
  // Invalid UTF-8 is found once its run has been listed: take back what follows it.
  while (count_ > 0 && ends_[count_ - 1] >= unusual_) --count_;
  while (line_end_count_ > 0 && line_ends_[line_end_count_ - 1] >= unusual_) --line_end_count_;
  while (quote_count_ > 0 && quotes_[quote_count_ - 1] >= unusual_) --quote_count_;
  return true;
}

// Checks the open run of non-ASCII blocks up to `end`; on invalid UTF-8 that
// byte becomes the unusual one if it comes first, and what was listed from
// it on is taken back. False when it was invalid.
bool CsvStructure::utf8_run_ok(size_t end) {
  const size_t run = utf8_run_;
  utf8_run_ = kNone;
  const size_t bad = find_invalid_utf8(bytes_.substr(run, end - run));
  if (bad == std::string_view::npos) return true;
  const size_t at = run + bad;
  if (at < unusual_) unusual_ = at;
  return false;
}

}  // namespace leadscore
