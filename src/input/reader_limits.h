// Bounds that keep a reader's memory independent of how malformed its input is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "input/open_input.h"

namespace leadscore {

// Bytes of an over-long record kept in RecordError::raw.
inline constexpr size_t kMaxRawCopy = 4096;

// Fields kept per CSV record; more reject the record (a header decides the
// count otherwise, and a ragged row is rejected anyway).
inline constexpr size_t kMaxFields = size_t{1} << 20;

// Nesting deeper than this rejects a JSON record.
inline constexpr int kMaxJsonDepth = 64;

// A whole record (CSV record, JSON line or array element) may be at most four
// times the field limit.
inline uint64_t record_limit(const InputOptions& options) {
  const uint64_t field = options.max_field_bytes;
  return field > std::numeric_limits<uint64_t>::max() / 4 ? std::numeric_limits<uint64_t>::max()
                                                          : field * 4;
}

}  // namespace leadscore
