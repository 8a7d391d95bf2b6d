#include "leadscore/value_memo.h"

#include <bit>

namespace leadscore {

ValueMemo::Slot* ValueMemo::claim(Slot* set, uint64_t lo, uint64_t hi, uint32_t size, uint32_t lead) {
  // A review after as many misses as there are slots: a table just grown
  // (and empty) fills before it is judged.
  if (++misses_ >= slots_.size() && review(lead)) {
    if (off_) return nullptr;
    set = set_of(lo, hi, size);  // in the grown table
  }
  set[1] = set[0];
  set[0] = Slot{lo, hi, size, 0, 0};
  return &set[0];
}

bool ValueMemo::review(uint32_t lead) {
  // A miss in more than one lead in eight: the values outnumber the slots
  // (or collide); grow. At the largest size, a miss in more than half the
  // leads means the values hardly repeat: the lookups only cost.
  const uint64_t leads = static_cast<uint32_t>(lead - review_lead_);  // wraps with the generation
  const bool missing_often = uint64_t{misses_} * 8 > leads;
  const bool mostly_missing = uint64_t{misses_} * 2 > leads;
  misses_ = 0;
  review_lead_ = lead;
  if (missing_often && slots_.size() < kMaxSlots) {
    resize(slots_.size() * 2);
    return true;
  }
  if (mostly_missing) {
    off_ = true;
    slots_.clear();
    slots_.shrink_to_fit();
    return true;
  }
  return false;
}

void ValueMemo::resize(size_t slots) {
  slots_.assign(slots, Slot{});
  shift_ = 64 - std::countr_zero(slots);
}

}  // namespace leadscore
