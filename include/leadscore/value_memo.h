// Remembers, per raw value of one field, the verdicts of the leaf conditions
// on that field (bit i: the leaf with Condition::leaf_bit == i). CRM columns
// repeat a few values (countries, flags, small counts, dates, budgets), so
// one lookup on the raw bytes replaces trimming, parsing and comparing for
// every leaf on the field. A leaf's verdict depends on nothing but the value,
// the rules and the as-of date, which is what makes this sound.
//
// Values of up to 16 bytes are kept, as two words, in a two-way set-associative
// table: a lookup is two loads, two multiplications and three comparisons,
// and a new value takes the older slot of its set. The table doubles while it
// misses often; a field whose values hardly repeat (ids, amounts) at the
// largest size switches the memo off for the rest of the run.
#pragma once

#include <bit>
#include <cstddef>
#include <cstring>
#include <cstdint>
#include <string_view>
#include <vector>

namespace leadscore {

class ValueMemo {
 public:
  struct alignas(32) Slot {
    uint64_t lo = 0;  // the value's bytes 0..7, zero-padded (little-endian)
    uint64_t hi = 0;  // bytes 8..15
    uint32_t size = kEmpty;
    uint32_t known = 0;  // bit i: leaf i was evaluated on this value
    uint32_t held = 0;   // bit i: and it held
  };
  static constexpr uint32_t kEmpty = ~uint32_t{0};
  static constexpr size_t kMaxValue = 16;
  static constexpr size_t kFirstSlots = 64;  // a power of two, as every size
  static constexpr size_t kMaxSlots = 4096;
  static constexpr int kMaxLeaves = 32;

  // `on`: false for a memo that is off from the start (a field no leaf reads).
  explicit ValueMemo(bool on = true) : off_(!on) {
    if (on) slots_.resize(kFirstSlots);
  }

  // The slot of `value`, claimed with nothing known when the value is new;
  // nullptr when the value is longer than kMaxValue or the memo is off.
  // The pointer stays valid until the next call.
  // `lead` counts the leads scored (LeadScratch::generation): misses per
  // lead tell whether the table is too small, without counting hits.
  Slot* find(std::string_view value, uint32_t lead) {
    if (value.size() > kMaxValue || off_) return nullptr;
    uint64_t lo, hi;
    words(value, lo, hi);
    const uint32_t size = static_cast<uint32_t>(value.size());
    Slot* set = set_of(lo, hi, size);
    if (set[0].lo == lo && set[0].hi == hi && set[0].size == size) [[likely]] return &set[0];
    if (set[1].lo == lo && set[1].hi == hi && set[1].size == size) return &set[1];
    return claim(set, lo, hi, size, lead);
  }

  size_t slots() const { return slots_.size(); }
  bool off() const { return off_; }

  // The value's bytes as two zero-padded words.
  [[gnu::always_inline]] static void words(std::string_view v, uint64_t& lo, uint64_t& hi) {
    const char* p = v.data();
    const size_t n = v.size();
    lo = hi = 0;
    if constexpr (std::endian::native == std::endian::little) {
      if (n >= 8) {
        lo = load(p, 8);
        // Bytes 8..n-1: the last eight bytes, shifted past the ones lo holds.
        if (n > 8) hi = load(p + n - 8, 8) >> (8 * (16 - n));
        return;
      }
      if (n >= 4) {
        lo = load(p, 4) | load(p + n - 4, 4) << (8 * (n - 4));  // the overlap is the same bytes
        return;
      }
    }
    if (std::endian::native == std::endian::little && n > 0 && n < 4) {
      // First, middle and last byte: all three for three bytes, repeats for fewer.
      const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
      lo = byte(0) | byte(n / 2) | byte(n - 1);
      return;
    }
    for (size_t i = 0; i < n; ++i) (i < 8 ? lo : hi) |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * (i % 8));
  }

 private:
  // Two ways per set, side by side in one cache line: the newest value first.
  Slot* set_of(uint64_t lo, uint64_t hi, uint32_t size) {
    return &slots_[(((lo ^ (hi * 0x9e3779b97f4a7c15ULL) ^ size) * 0xbf58476d1ce4e5b9ULL) >> shift_) & ~size_t{1}];
  }
  static uint64_t load(const char* p, size_t n) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    return w;
  }
  Slot* claim(Slot* set, uint64_t lo, uint64_t hi, uint32_t size, uint32_t lead);
  bool review(uint32_t lead);  // grow, or switch off; true when the slots changed
  void resize(size_t slots);

  std::vector<Slot> slots_;  // alignas(32) Slot: a set is half a cache line or one
  int shift_ = 64 - std::countr_zero(kFirstSlots);
  uint32_t misses_ = 0;       // since the last review
  uint32_t review_lead_ = 0;  // the lead of the last review
  bool off_ = false;
};

}  // namespace leadscore
