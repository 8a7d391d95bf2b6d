// Short byte strings read and compared a word at a time: keys, names and
// field values are mostly a few bytes to a few dozen, where words that
// overlap at the end beat a byte loop or a call to memcmp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace leadscore::bytes {

inline uint64_t load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

inline uint32_t load4(const char* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

// Whether the n bytes at a and at b are equal.
[[gnu::always_inline]] inline bool same(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (load8(a + i) != load8(b + i)) return false;
    }
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace leadscore::bytes
