// The first bytes of a record that is skipped as it streams past (too long to
// keep), for RecordError::raw: the same bytes whatever the block size.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "input/input_buffer.h"
#include "input/reader_limits.h"
#include "input/text_scan.h"

namespace leadscore {

class RawPrefix {
 public:
  void start(uint64_t begin) {
    begin_ = begin;
    text_.clear();
  }

  // Copies the record's bytes before input offset `upto`, up to the cap; the
  // ones not copied yet must still be in `buffer`.
  void collect(const InputBuffer& buffer, uint64_t upto) {
    // Three more bytes than kept, so that take() can cut at a character boundary.
    const uint64_t from = begin_ + text_.size();
    const uint64_t to = std::min<uint64_t>(upto, begin_ + kMaxRawCopy + 3);
    if (from < to) {
      text_.append(buffer.data() + (from - buffer.base()), static_cast<size_t>(to - from));
    }
  }

  std::string take() {
    std::string out = truncated_copy(text_, kMaxRawCopy);
    text_.clear();
    return out;
  }

 private:
  uint64_t begin_ = 0;
  std::string text_;
};

}  // namespace leadscore
