#include "input/input_buffer.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <utility>

namespace leadscore {

InputBuffer::InputBuffer(ByteSource source, size_t block_size)
    : source_(std::move(source)),
      block_size_(std::max<size_t>(block_size, 1)),
      capacity_(block_size_) {
  data_ = std::make_unique_for_overwrite<char[]>(capacity_ + 1);
  data_[0] = '\n';
}

InputBuffer InputBuffer::view(std::string_view bytes) {
  InputBuffer buffer;
  buffer.viewing_ = true;
  buffer.view_ = bytes.data();
  buffer.size_ = bytes.size();
  buffer.capacity_ = bytes.size();
  buffer.at_end_ = true;  // nothing to read: the bytes are all there
  return buffer;
}

bool InputBuffer::refill(uint64_t keep) {
  assert(keep >= base_ && keep <= end());
  const size_t drop = static_cast<size_t>(keep - base_);
  const size_t kept = size_ - drop;
  if (viewing_) {
    view_ += drop;
    base_ = keep;
    size_ = kept;
    return false;
  }
  const size_t wanted = kept + block_size_;
  // Grow geometrically for a long record; shrink back once it is gone, so one
  // huge record does not pin a huge buffer for the rest of the input.
  size_t new_capacity = capacity_;
  if (wanted > capacity_) {
    new_capacity = std::max(capacity_ * 2, wanted);
  } else if (capacity_ > 4 * block_size_ && wanted <= 2 * block_size_) {
    new_capacity = 2 * block_size_;
  }
  if (new_capacity != capacity_) {
    auto fresh = std::make_unique_for_overwrite<char[]>(new_capacity + 1);
    if (kept > 0) std::memcpy(fresh.get(), data_.get() + drop, kept);
    data_ = std::move(fresh);
    capacity_ = new_capacity;
  } else if (drop > 0 && kept > 0) {
    std::memmove(data_.get(), data_.get() + drop, kept);
  }
  base_ = keep;
  size_ = kept;
  data_[size_] = '\n';
  if (at_end_) return false;

  const ptrdiff_t n = source_.read(data_.get() + size_, capacity_ - size_, &error_);
  if (n <= 0) {
    at_end_ = true;
    return false;
  }
  size_ += static_cast<size_t>(n);
  data_[size_] = '\n';
  return true;
}

std::unique_ptr<char[]> InputBuffer::release_until(uint64_t end) {
  assert(end >= base_ && end <= this->end());
  const size_t drop = static_cast<size_t>(end - base_);
  const size_t kept = size_ - drop;
  // The next refill reads a whole block without growing; sizes rounded up to
  // 64 KiB come back the same, so freed blocks are reused.
  constexpr size_t kGrain = size_t{64} << 10;
  capacity_ = block_size_ + (kept + kGrain - 1) / kGrain * kGrain;
  auto fresh = std::make_unique_for_overwrite<char[]>(capacity_ + 1);
  if (kept > 0) std::memcpy(fresh.get(), data() + drop, kept);
  std::swap(fresh, data_);
  viewing_ = false;  // a view hands out no block of its own (null)
  base_ = end;
  size_ = kept;
  data_[size_] = '\n';
  return fresh;
}

}  // namespace leadscore
