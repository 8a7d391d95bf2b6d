// A sliding window over a ByteSource for the record readers. Readers address
// bytes by absolute input offset; the window holds [base(), base() + size())
// and only ever keeps what the reader asks for (the current record) plus a
// block, so memory does not grow with the input. A '\n' always follows the
// data (data()[size()]), so that scan loops need no bounds check per byte;
// except in a view of memory (see view()), whose next byte is not ours.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "input/byte_source.h"

namespace leadscore {

class InputBuffer {
 public:
  static constexpr size_t kDefaultBlockSize = size_t{256} << 10;

  InputBuffer(ByteSource source, size_t block_size = kDefaultBlockSize);

  // All of `bytes` (memory the caller keeps alive) as the window from the
  // start, without copying: a chunk of a larger input. refill() only drops
  // bytes; release_until() copies the rest and hands out no block (null).
  static InputBuffer view(std::string_view bytes);

  const char* data() const { return viewing_ ? view_ : data_.get(); }
  size_t size() const { return size_; }
  uint64_t base() const { return base_; }  // input offset of data()[0]
  uint64_t end() const { return base_ + size_; }
  size_t capacity() const { return capacity_; }
  // True once the source is exhausted or failed; error() tells which.
  bool at_end() const { return at_end_; }
  const std::string& error() const { return error_; }

  // Drops the bytes before input offset `keep` (base() <= keep <= end()) and
  // appends at least one more byte. Returns false, changing nothing but the
  // dropped bytes, at the end of the input or on a read error.
  bool refill(uint64_t keep);

  // How much each refill reads from now on (at least).
  void set_block_size(size_t block_size) { block_size_ = block_size < 1 ? 1 : block_size; }

  // Hands the window's block to the caller, bytes [base(), end) where they
  // were (data() stays valid as the block's address), and goes on with the
  // bytes from input offset `end` (<= this->end()) copied into a fresh block
  // with room for one more block: a consumer takes what it read without
  // copying it.
  std::unique_ptr<char[]> release_until(uint64_t end);

 private:
  InputBuffer() = default;

  ByteSource source_;
  std::unique_ptr<char[]> data_;
  const char* view_ = nullptr;  // the data when viewing_ memory
  bool viewing_ = false;
  size_t block_size_ = 1;
  size_t capacity_ = 0;
  size_t size_ = 0;
  uint64_t base_ = 0;
  bool at_end_ = false;
  std::string error_;
};

}  // namespace leadscore
