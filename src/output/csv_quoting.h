// Whether a CSV cell needs quotes: it holds a comma, a quote, LF or CR.
// Cells are short (a few bytes to a few dozen), so the test looks at 8 or 16
// bytes at a time and never reads outside the cell: a long cell in 16-byte
// steps with one overlapping last step, a short one as two overlapping
// 8- or 4-byte words.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace leadscore::csv_quoting {

inline bool special_byte(char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; }

#if defined(__SSE2__)
inline int special_mask(__m128i v) {
  const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  return _mm_movemask_epi8(hits);
}

inline bool needs_quotes(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  if (n >= 16) {
    for (size_t i = 0; i + 16 <= n; i += 16) {
      if (special_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)))) return true;
    }
    return special_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16))) != 0;
  }
  uint64_t lo, hi;
  if (n >= 8) {
    std::memcpy(&lo, p, 8);
    std::memcpy(&hi, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    lo = a;
    hi = b;
  } else {
    for (size_t i = 0; i < n; ++i) {
      if (special_byte(p[i])) return true;
    }
    return false;
  }
  // Zero bytes filling the 4-byte case's words are not special.
  return special_mask(_mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo))) != 0;
}
#else
inline bool needs_quotes(std::string_view s) {
  for (char c : s) {
    if (special_byte(c)) return true;
  }
  return false;
}
#endif

}  // namespace leadscore::csv_quoting
