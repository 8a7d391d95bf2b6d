#include <cstring>

#include "leadscore/scorer.h"

#include "common/byte_words.h"

namespace leadscore {

namespace {

constexpr size_t kFirstCapacity = 64;

using bytes::load4;
using bytes::load8;

uint64_t mix(uint64_t h, uint64_t word) {
  h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 31);
}

}  // namespace

uint64_t RegexMemo::hash(std::string_view key) {
  // Eight bytes at a time: keys are short (titles, industries), so the hash
  // costs a few multiplications rather than one step per byte.
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ key.size();
  const char* p = key.data();
  const size_t n = key.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) h = mix(h, load8(p + i));
  if (const size_t rest = n - i; rest > 0) {
    // The last bytes as one word: the key's last eight shifted down when it
    // has them (one load, no byte loop), else its bytes gathered.
    uint64_t word;
    if (n >= 8) {
      word = load8(p + n - 8) >> (8 * (8 - rest));
    } else if (n >= 4) {
      word = uint64_t{load4(p)} | uint64_t{load4(p + n - 4)} << (8 * (n - 4));
    } else {
      word = 0;
      for (size_t k = 0; k < n; ++k) word |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
    }
    h = mix(h, word);
  }
  h ^= h >> 29;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 32;
  return h | 1;  // 0 marks an empty slot
}

RegexMemo::Entry* RegexMemo::find_or_add(std::string_view key) {
  if (key.size() > kMaxKeySize) return nullptr;
  if (slots_.empty()) slots_.resize(kFirstCapacity);
  const uint64_t h = hash(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.hash == h && s.key_size == key.size() && bytes::same(keys_.data() + s.key_at, key.data(), key.size())) {
      return &s.entry;
    }
    if (s.hash != 0) continue;
    if (count_ >= kMaxEntries) return nullptr;
    if ((count_ + 1) * 2 > slots_.size()) {
      grow();
      return find_or_add(key);  // the slots moved
    }
    s.hash = h;
    s.key_at = static_cast<uint32_t>(keys_.size());
    s.key_size = static_cast<uint32_t>(key.size());
    keys_.append(key);
    ++count_;
    return &s.entry;
  }
}

void RegexMemo::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace leadscore
