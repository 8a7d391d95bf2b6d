// Stepping over the plain bytes of a JSON string: everything but a quote, a
// backslash, a control character or a non-ASCII byte, which each need a look.
// Strings are most of a JSON line's bytes, so this goes 16 bytes a step with
// SSE2 (part of every x86-64 CPU) and 8 bytes a step elsewhere.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace leadscore::json_scan {

inline bool is_plain(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
}

// The first byte in [p, end) that is not plain, or end. Portable version.
inline const char* skip_plain_by_words(const char* p, const char* end) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    // High bit of a byte set when it is zero / below 0x20 / non-ASCII (exact
    // for "none at all", which is all that is asked here).
    const auto zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
    const uint64_t special = zero(w ^ (kOnes * '"')) | zero(w ^ (kOnes * '\\')) |
                             ((w - kOnes * 0x20) & ~w & kHighs) | (w & kHighs);
    if (special != 0) break;
    p += 8;
  }
  while (p < end && is_plain(*p)) ++p;
  return p;
}

// The first byte in [p, end) that is not plain, or end.
inline const char* skip_plain(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // As signed bytes, non-ASCII ones are negative: one compare finds them
    // and the control characters.
    const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                         _mm_cmplt_epi8(v, space));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
  return skip_plain_by_words(p, end);  // what is left, under 16 bytes
#else
  return skip_plain_by_words(p, end);
#endif
}

}  // namespace leadscore::json_scan
