// Tables derived from a rule set (precomputed text, lookups), built once per
// thread and rule set. Rule sets are immutable and carry a serial unique per
// load, so a cached table never goes stale; serial 0 (a rule set not loaded
// from a file) is rebuilt on every call.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "leadscore/rules.h"

namespace leadscore::engine_internal {

// Table must be constructible from `const RuleSet&`. The reference stays
// valid until this thread asks for tables of a few other rule sets.
template <class Table>
const Table& per_rule_set(const RuleSet& rules) {
  struct Slot {
    const RuleSet* rules = nullptr;
    uint64_t serial = 0;
    std::unique_ptr<Table> table;
  };
  thread_local std::array<Slot, 4> slots;
  thread_local size_t next = 0;
  if (rules.serial != 0) {
    for (Slot& s : slots) {
      if (s.rules == &rules && s.serial == rules.serial) return *s.table;
    }
  }
  Slot& s = slots[next++ % slots.size()];
  s.table = std::make_unique<Table>(rules);
  s.rules = &rules;
  s.serial = rules.serial;
  return *s.table;
}

}  // namespace leadscore::engine_internal
