// Where an explanation's JSON is put together before it is appended to the
// output at once: a buffer kept per thread, written through a raw pointer, so
// each of the many small pieces costs a compare and a copy (std::string's
// append also keeps its length and terminator up to date, piece by piece).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>  // every x86-64 processor has SSE2
#endif
#include <memory>
#include <string>
#include <string_view>

#include "output/json_text.h"

namespace leadscore {

class ExplanationBuffer {
 public:
  ExplanationBuffer() = default;
  ExplanationBuffer(const ExplanationBuffer&) = delete;
  ExplanationBuffer& operator=(const ExplanationBuffer&) = delete;

  void clear() {
    end_ = data_.get();
    last_start_ = last_size_ = 0;
  }
  size_t size() const { return static_cast<size_t>(end_ - data_.get()); }
  std::string_view view() const { return {data_.get(), size()}; }

  // Inlined, so that a literal's length is known and its copy a few moves.
  [[gnu::always_inline]] void operator+=(std::string_view s) {
    if (s.empty()) return;  // an empty view may hold a null pointer, which memcpy must not get
    reserve(s.size());
    std::memcpy(end_, s.data(), s.size());
    end_ += s.size();
  }
  [[gnu::always_inline]] void operator+=(const std::string& s) { *this += std::string_view(s); }
  [[gnu::always_inline]] void operator+=(const char* s) { *this += std::string_view(s); }
  [[gnu::always_inline]] void operator+=(char c) {
    reserve(1);
    *end_++ = c;
  }

  // `text` escaped as the inside of a JSON string, as append_json_string()
  // escapes it. Plain ASCII (most values) is checked and copied sixteen
  // bytes at a time.
  void append_json_contents(std::string_view text) {
    const char* s = text.data();
    const size_t n = text.size();
    reserve(n + 16);
    const size_t start = size();
    char* out = end_;
    bool plain;
    if (n >= 16) {
      plain = true;
      for (size_t i = 0; i + 16 < n; i += 16) plain = copy16(s + i, out + i) && plain;
      plain = copy16(s + n - 16, out + n - 16) && plain;  // overlaps the block before
    } else if (n >= 8) {
      const uint64_t head = load<uint64_t>(s), tail = load<uint64_t>(s + n - 8);  // overlapping
      plain = plain_block(head, tail);
      std::memcpy(out, &head, 8);
      std::memcpy(out + n - 8, &tail, 8);
    } else if (n >= 4) {
      const uint32_t head = load<uint32_t>(s), tail = load<uint32_t>(s + n - 4);
      plain = plain_block(head | uint64_t{tail} << 32, kSpaces);
      std::memcpy(out, &head, 4);
      std::memcpy(out + n - 4, &tail, 4);
    } else {
      uint64_t w = kSpaces;
      for (size_t i = 0; i < n; ++i) {
        out[i] = s[i];
        w = w << 8 | static_cast<unsigned char>(s[i]);
      }
      plain = plain_block(w, kSpaces);
    }
    if (plain) end_ += n;
    else append_escaped(text);
    last_start_ = start;
    last_size_ = size() - start;
  }

  // What the last append_json_contents() wrote, once more (a criterion's
  // value, written again in its reason), without looking at it again.
  void repeat_json_contents() {
    if (last_size_ == 0) return;
    reserve(last_size_);
    std::memcpy(end_, data_.get() + last_start_, last_size_);
    end_ += last_size_;
  }

 private:
  static constexpr uint64_t kSpaces = 0x2020202020202020ULL;  // plain bytes, to fill a block

  template <class T>
  static T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

  // Whether none of the 16 bytes needs escaping: no control byte, quote,
  // backslash or non-ASCII byte (as signed bytes, those are all < 0x20).
#if defined(__SSE2__)
  static bool plain_block(uint64_t low, uint64_t high) {
    return plain_block(_mm_set_epi64x(static_cast<long long>(high), static_cast<long long>(low)));
  }
  static bool plain_block(__m128i v) {
    const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    return _mm_movemask_epi8(bad) == 0;
  }
  static bool copy16(const char* from, char* to) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), v);
    return plain_block(v);
  }
#else
  static bool plain_block(uint64_t low, uint64_t high) { return plain_word(low) && plain_word(high); }
  static bool plain_word(uint64_t w) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
    const uint64_t controls = (w - kSpaces) & ~w & kHighs;  // bytes < 0x20 (or >= 0x80)
    return ((w | controls) & kHighs) == 0 && !has_zero(w ^ (kOnes * '"')) && !has_zero(w ^ (kOnes * '\\'));
  }
  static bool copy16(const char* from, char* to) {
    std::memcpy(to, from, 16);
    return plain_block(load<uint64_t>(from), load<uint64_t>(from + 8));
  }
#endif

  [[gnu::noinline]] void append_escaped(std::string_view text) {
    quoted_.clear();
    append_json_string(quoted_, text);
    *this += std::string_view(quoted_).substr(1, quoted_.size() - 2);
  }

  [[gnu::always_inline]] void reserve(size_t n) {
    if (static_cast<size_t>(limit_ - end_) < n) grow(n);
  }

  [[gnu::noinline]] void grow(size_t n) {
    const size_t used = size();
    const size_t capacity = std::max<size_t>(2 * (used + n), 16384);
    std::unique_ptr<char[]> bigger(new char[capacity]);
    if (used) std::memcpy(bigger.get(), data_.get(), used);
    data_ = std::move(bigger);
    end_ = data_.get() + used;
    limit_ = data_.get() + capacity;
  }

  std::unique_ptr<char[]> data_;
  char* end_ = nullptr;
  char* limit_ = nullptr;
  // Where the last append_json_contents() wrote, and how much.
  size_t last_start_ = 0;
  size_t last_size_ = 0;
  std::string quoted_;  // a value that needs escaping, as append_json_string() writes it
};

}  // namespace leadscore
