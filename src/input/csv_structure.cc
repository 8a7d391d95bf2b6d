#include "input/csv_structure.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "input/simd_dispatch.h"
#include "input/text_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define LEADSCORE_CSV_AVX2 1
// What the AVX2 block loop may use; simd::avx2() checks the CPU for all of it.
#define LEADSCORE_AVX2_TARGET __attribute__((target("avx2,bmi,popcnt,pclmul")))
// And the AVX-512 one, which also runs the AVX2 steps it does not replace.
#define LEADSCORE_AVX512_TARGET __attribute__((target("avx2,bmi,popcnt,pclmul,avx512f,avx512bw,avx512vbmi2")))
#endif

namespace leadscore {

namespace {

// One bit per byte of a 64-byte block.
struct BlockBits {
  uint64_t quote = 0;
  uint64_t end = 0;  // delimiters and LFs
  uint64_t lf = 0;
  uint64_t cr = 0;
  bool non_ascii = false;
};

// What a block needs in the common case: its delimiters and LFs, and whether
// it has any byte that asks for the full classification (a quote, a CR, or
// a byte that is not ASCII).
struct PlainBits {
  uint64_t end = 0;
  uint64_t lf = 0;
  bool special = false;
};

// Appends base + the position of every set bit of `bits`, in order, one at a
// time: for bits that are usually none.
inline uint32_t* append_rare_positions(uint32_t* out, uint64_t bits, uint32_t base) {
  while (bits) {
    *out++ = base + static_cast<uint32_t>(__builtin_ctzll(bits));
    bits &= bits - 1;
  }
  return out;
}

// The instruction-set dependent steps of the block loop: the portable ones
// (SSE2 on x86-64, which every such CPU has, or plain C++ elsewhere).
struct Sse2 {
#if defined(__SSE2__)
  static uint64_t mask(__m128i a, __m128i b, __m128i c, __m128i d) {
    const auto m = [](__m128i v) { return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(v))); };
    return m(a) | m(b) << 16 | m(c) << 32 | m(d) << 48;
  }

  static PlainBits plain(const char* p, char delimiter) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32));
    const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48));
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i de = _mm_set1_epi8(delimiter);
    const __m128i la = _mm_cmpeq_epi8(a, lf), lb = _mm_cmpeq_epi8(b, lf);
    const __m128i lc = _mm_cmpeq_epi8(c, lf), ld = _mm_cmpeq_epi8(d, lf);
    PlainBits bits;
    bits.lf = mask(la, lb, lc, ld);
    bits.end = mask(_mm_or_si128(la, _mm_cmpeq_epi8(a, de)), _mm_or_si128(lb, _mm_cmpeq_epi8(b, de)),
                    _mm_or_si128(lc, _mm_cmpeq_epi8(c, de)), _mm_or_si128(ld, _mm_cmpeq_epi8(d, de)));
    // Quotes and CRs compare as 0xFF, bytes that are not ASCII have the top bit set already.
    const __m128i q = _mm_set1_epi8('"');
    const __m128i cr = _mm_set1_epi8('\r');
    const auto odd = [&](__m128i v) { return _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, cr))); };
    bits.special = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(odd(a), odd(b)), _mm_or_si128(odd(c), odd(d)))) != 0;
    return bits;
  }

  static BlockBits classify(const char* p, char delimiter) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32));
    const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48));
    const auto bits_of = [&](__m128i byte) {
      return mask(_mm_cmpeq_epi8(a, byte), _mm_cmpeq_epi8(b, byte), _mm_cmpeq_epi8(c, byte), _mm_cmpeq_epi8(d, byte));
    };
    BlockBits bits;
    bits.quote = bits_of(_mm_set1_epi8('"'));
    bits.lf = bits_of(_mm_set1_epi8('\n'));
    bits.end = bits_of(_mm_set1_epi8(delimiter)) | bits.lf;
    bits.cr = bits_of(_mm_set1_epi8('\r'));
    bits.non_ascii = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) != 0;
    return bits;
  }
#else
  static BlockBits classify(const char* p, char delimiter) {
    BlockBits bits;
    for (int i = 0; i < 64; ++i) {
      const uint64_t bit = uint64_t{1} << i;
      const char ch = p[i];
      if (ch == '"') bits.quote |= bit;
      if (ch == delimiter || ch == '\n') bits.end |= bit;
      if (ch == '\n') bits.lf |= bit;
      if (ch == '\r') bits.cr |= bit;
      if (static_cast<unsigned char>(ch) >= 0x80) bits.non_ascii = true;
    }
    return bits;
  }

  static PlainBits plain(const char* p, char delimiter) {
    const BlockBits b = classify(p, delimiter);
    return {b.end, b.lf, b.quote != 0 || b.cr != 0 || b.non_ascii};
  }
#endif

  // Bit i = parity of the set bits at or below i: which bytes lie inside quotes
  // (an opening quote is inside, its closing quote outside).
  static uint64_t prefix_xor(uint64_t x) {
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
  static uint32_t* append_positions(uint32_t* out, uint64_t bits, uint32_t base) {
    size_t count = 0;
    // The OR keeps ctz defined once the bits run out; those stores are junk past the count.
    for (int i = 0; i < 8; ++i) {
      out[i] = base + static_cast<uint32_t>(__builtin_ctzll(bits | (uint64_t{1} << 63)));
      count += bits != 0;
      bits &= bits - 1;
    }
    return append_rare_positions(out + count, bits, base);
  }
};

#if defined(LEADSCORE_CSV_AVX2)
// The same steps for CPUs with AVX2, BMI1, POPCNT and PCLMULQDQ: a block is
// two 32-byte registers, the in-quote mask one carry-less multiply. (No
// lambdas in here: their bodies would not get the target.)
struct Avx2 {
  LEADSCORE_AVX2_TARGET static uint64_t mask(__m256i lo, __m256i hi) {
    return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(lo))) |
           static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(hi))) << 32;
  }

  LEADSCORE_AVX2_TARGET static PlainBits plain(const char* p, char delimiter) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
    const __m256i lf = _mm256_set1_epi8('\n');
    const __m256i de = _mm256_set1_epi8(delimiter);
    const __m256i q = _mm256_set1_epi8('"');
    const __m256i cr = _mm256_set1_epi8('\r');
    const __m256i la = _mm256_cmpeq_epi8(a, lf), lb = _mm256_cmpeq_epi8(b, lf);
    PlainBits bits;
    bits.lf = mask(la, lb);
    bits.end = mask(_mm256_or_si256(la, _mm256_cmpeq_epi8(a, de)), _mm256_or_si256(lb, _mm256_cmpeq_epi8(b, de)));
    // Quotes and CRs compare as 0xFF, bytes that are not ASCII have the top bit set already.
    const __m256i odd_a = _mm256_or_si256(_mm256_cmpeq_epi8(a, q), _mm256_cmpeq_epi8(a, cr));
    const __m256i odd_b = _mm256_or_si256(_mm256_cmpeq_epi8(b, q), _mm256_cmpeq_epi8(b, cr));
    const __m256i odd = _mm256_or_si256(_mm256_or_si256(odd_a, odd_b), _mm256_or_si256(a, b));
    bits.special = _mm256_movemask_epi8(odd) != 0;
    return bits;
  }

  LEADSCORE_AVX2_TARGET static BlockBits classify(const char* p, char delimiter) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
    const __m256i q = _mm256_set1_epi8('"');
    const __m256i lf = _mm256_set1_epi8('\n');
    const __m256i de = _mm256_set1_epi8(delimiter);
    const __m256i cr = _mm256_set1_epi8('\r');
    const __m256i la = _mm256_cmpeq_epi8(a, lf), lb = _mm256_cmpeq_epi8(b, lf);
    BlockBits bits;
    bits.quote = mask(_mm256_cmpeq_epi8(a, q), _mm256_cmpeq_epi8(b, q));
    bits.lf = mask(la, lb);
    bits.end = mask(_mm256_or_si256(la, _mm256_cmpeq_epi8(a, de)), _mm256_or_si256(lb, _mm256_cmpeq_epi8(b, de)));
    bits.cr = mask(_mm256_cmpeq_epi8(a, cr), _mm256_cmpeq_epi8(b, cr));
    bits.non_ascii = _mm256_movemask_epi8(_mm256_or_si256(a, b)) != 0;
    return bits;
  }

  // Bit i = parity of the set bits at or below i (see Sse2::prefix_xor): the
  // low half of x times all ones, without carries.
  LEADSCORE_AVX2_TARGET static uint64_t prefix_xor(uint64_t x) {
    const __m128i product =
        _mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(x)), _mm_set1_epi8(static_cast<char>(0xFF)), 0);
    return static_cast<uint64_t>(_mm_cvtsi128_si64(product));
  }

  // As Sse2::append_positions, counting the bits first: eight stores always,
  // eight more when there are more (a block of short fields), then one at a
  // time. tzcnt of no bits is 64: junk past the count, where `out` has room.
  LEADSCORE_AVX2_TARGET static uint32_t* append_positions(uint32_t* out, uint64_t bits, uint32_t base) {
    const int count = __builtin_popcountll(bits);
    for (int i = 0; i < 8; ++i) {
      out[i] = base + static_cast<uint32_t>(_tzcnt_u64(bits));
      bits = _blsr_u64(bits);
    }
    if (count > 8) {
      for (int i = 8; i < 16; ++i) {
        out[i] = base + static_cast<uint32_t>(_tzcnt_u64(bits));
        bits = _blsr_u64(bits);
      }
      if (count > 16) return append_rare_positions(out + 16, bits, base);
    }
    return out + count;
  }
};

// For CPUs with AVX-512 BW and VBMI2 as well: a block is one register, its
// masks come from the compares themselves, and the field ends are listed by
// compressing the byte positions 0..63 under the mask, sixteen at a time:
// no branch on how many there are (AVX2's eight-or-more is a coin toss on
// CSV, whose blocks hold about eight), which makes the scan about a fifth
// faster. The rare blocks with a quote, CR or non-ASCII byte take the AVX2 steps.
struct Avx512 : Avx2 {
  LEADSCORE_AVX512_TARGET static PlainBits plain(const char* p, char delimiter) {
    const __m512i v = _mm512_loadu_si512(p);
    PlainBits bits;
    bits.lf = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'));
    bits.end = bits.lf | _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(delimiter));
    const uint64_t odd = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"')) |
                         _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\r')) | _mm512_movepi8_mask(v);
    bits.special = odd != 0;
    return bits;
  }

  // Sixteen byte positions as base + position (no lambdas: see Avx2).
  LEADSCORE_AVX512_TARGET static void put(uint32_t* to, __m128i sixteen, __m512i base) {
    _mm512_storeu_si512(to, _mm512_add_epi32(_mm512_maskz_cvtepu8_epi32(0xFFFF, sixteen), base));
  }

  // Writes 16 entries per step, junk past the count (`out` has room for
  // sixteen more, see reserve()). The masked forms: the unmasked ones start
  // from an undefined register, which GCC 12 warns about.
  LEADSCORE_AVX512_TARGET static uint32_t* append_positions(uint32_t* out, uint64_t bits, uint32_t base) {
    const __m512i iota = _mm512_set_epi8(63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45,
                                         44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25,
                                         24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3,
                                         2, 1, 0);
    const int count = __builtin_popcountll(bits);
    const __m512i positions = _mm512_maskz_compress_epi8(bits, iota);
    const __m512i at = _mm512_set1_epi32(static_cast<int>(base));
    put(out, _mm512_maskz_extracti32x4_epi32(0xF, positions, 0), at);
    if (count > 16) [[unlikely]] {
      alignas(64) uint8_t bytes[64];
      _mm512_store_si512(bytes, positions);
      for (int k = 16; k < count; k += 16) put(out + k, _mm_load_si128(reinterpret_cast<const __m128i*>(bytes + k)), at);
    }
    return out + count;
  }
};
#endif

// Bytes indexed per advance(): the window's bytes and field ends stay in the
// core's cache until the reader has made records of them.
constexpr size_t kWindow = size_t{1} << 15;

}  // namespace

// The block loop of advance(), one copy per instruction set.
struct CsvBlockScan {
  // Indexes the next window; returns where it stopped (a block's start, or
  // past the end).
  template <typename Isa>
  static size_t run(CsvStructure& s);
  static size_t portable(CsvStructure& s);
#if defined(LEADSCORE_CSV_AVX2)
  LEADSCORE_AVX2_TARGET static size_t avx2(CsvStructure& s);
  LEADSCORE_AVX512_TARGET static size_t avx512(CsvStructure& s);
#endif
};

template <typename Isa>
inline size_t CsvBlockScan::run(CsvStructure& s) {
  constexpr size_t kNone = CsvStructure::kNone;
  const size_t n = s.bytes_.size();
  const char* const data = s.bytes_.data();
  const char delimiter = s.delimiter_;
  const size_t window_end = s.indexed_ + kWindow;
  size_t stop = std::min(n, window_end);
  // Every byte could end a field (or be a quote).
  s.reserve(std::max(s.count_, s.quote_count_) + (stop - s.indexed_));
  uint32_t* out = s.ends_.get() + s.count_;
  uint32_t* line_out = s.line_ends_.get() + s.line_end_count_;
  uint32_t* quote_out = s.quotes_.get() + s.quote_count_;
  // The state carried from block to block, in registers while the loop runs.
  uint64_t inside = s.inside_;
  uint64_t after_end = s.after_end_;
  uint64_t after_quote = s.after_quote_;
  uint64_t after_close = s.after_close_;
  uint64_t after_cr = s.after_cr_;
  size_t utf8_run = s.utf8_run_;
  const auto utf8_run_ok = [&](size_t end) {
    s.utf8_run_ = utf8_run;
    utf8_run = kNone;
    return s.utf8_run_ok(end);
  };

  char tail[64];
  size_t base = s.indexed_;
  for (; base < stop; base += 64) {
    // A window runs on past its size while the text is not ASCII (below).
    if (base >= window_end) [[unlikely]] {
      s.count_ = static_cast<size_t>(out - s.ends_.get());
      s.line_end_count_ = static_cast<size_t>(line_out - s.line_ends_.get());
      s.quote_count_ = static_cast<size_t>(quote_out - s.quotes_.get());
      s.reserve(std::max(s.count_, s.quote_count_) + 64);
      out = s.ends_.get() + s.count_;
      line_out = s.line_ends_.get() + s.line_end_count_;
      quote_out = s.quotes_.get() + s.quote_count_;
    }
    const size_t left = n - base;
    const char* p = data + base;
    uint64_t valid = ~uint64_t{0};
    if (left < 64) [[unlikely]] {
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, p, left);
      p = tail;
      valid = (uint64_t{1} << left) - 1;
    }
    const uint32_t at = static_cast<uint32_t>(base);

    // The common block: no quote, CR or non-ASCII byte, and nothing left
    // open by the one before (a quoted field, a closing quote, a CR). Every
    // delimiter and LF ends a field, and no byte is unusual.
    const PlainBits plain = Isa::plain(p, delimiter);
    if (!plain.special && (inside | after_close | after_cr) == 0) [[likely]] {
      if (utf8_run != kNone && !utf8_run_ok(base)) break;
      after_end = plain.end >> 63;
      after_quote = 0;
      out = Isa::append_positions(out, plain.end, at);
      line_out = append_rare_positions(line_out, plain.lf, at);
      continue;
    }

    const BlockBits b = Isa::classify(p, delimiter);
    const uint64_t in_quotes = Isa::prefix_xor(b.quote) ^ inside;
    inside = static_cast<uint64_t>(static_cast<int64_t>(in_quotes) >> 63);
    const uint64_t ends = b.end & ~in_quotes;
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
      if (utf8_run == kNone) utf8_run = base;
      // A window ends after an ASCII block, so that no run is cut in two.
      if (stop == base + 64 && stop < n) stop += 64;
    } else if (utf8_run != kNone) {
      if (!utf8_run_ok(base)) break;
    }

    uint64_t before = ~uint64_t{0};  // the bytes before the first unusual one
    if (unusual) {
      const int first = __builtin_ctzll(unusual);
      s.unusual_ = base + static_cast<size_t>(first);
      before = (uint64_t{1} << first) - 1;
    }
    out = Isa::append_positions(out, ends & before, at);
    line_out = append_rare_positions(line_out, b.lf & ~in_quotes & before, at);
    quote_out = append_rare_positions(quote_out, b.quote & valid & before, at);
    if (unusual) break;
  }
  s.inside_ = inside;
  s.after_end_ = after_end;
  s.after_quote_ = after_quote;
  s.after_close_ = after_close;
  s.after_cr_ = after_cr;
  s.utf8_run_ = utf8_run;
  s.count_ = static_cast<size_t>(out - s.ends_.get());
  s.line_end_count_ = static_cast<size_t>(line_out - s.line_ends_.get());
  s.quote_count_ = static_cast<size_t>(quote_out - s.quotes_.get());
  return base;
}

__attribute__((flatten)) size_t CsvBlockScan::portable(CsvStructure& s) { return run<Sse2>(s); }

#if defined(LEADSCORE_CSV_AVX2)
// flatten: the steps are inlined here, where the target allows them.
LEADSCORE_AVX2_TARGET __attribute__((flatten)) size_t CsvBlockScan::avx2(CsvStructure& s) { return run<Avx2>(s); }
LEADSCORE_AVX512_TARGET __attribute__((flatten)) size_t CsvBlockScan::avx512(CsvStructure& s) {
  return run<Avx512>(s);
}
#endif

bool CsvStructure::uses_avx2() {
#if defined(LEADSCORE_CSV_AVX2)
  return simd::avx2() && !simd::avx512();
#else
  return false;
#endif
}

bool CsvStructure::uses_avx512() {
#if defined(LEADSCORE_CSV_AVX2)
  return simd::avx512();
#else
  return false;
#endif
}

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
  // Room for a block's entries and the sixteen junk stores past the last
  // real one (see append_positions).
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
#if defined(LEADSCORE_CSV_AVX2)
  const size_t base = uses_avx512() ? CsvBlockScan::avx512(*this)
                      : uses_avx2() ? CsvBlockScan::avx2(*this)
                                    : CsvBlockScan::portable(*this);
#else
  const size_t base = CsvBlockScan::portable(*this);
#endif
  indexed_ = std::min(base, n);
  if (unusual_ == kNone && base >= n) {
    indexed_ = n;
    // A quoted field still open, or a CR, at the very end belongs to the last
    // record. (Padding past the end is zeros, so `inside` holds for the last byte.)
    if (n > 0 && (inside_ || bytes_[n - 1] == '\r')) unusual_ = n - 1;
  }
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
