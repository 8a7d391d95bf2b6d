#include "input/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace leadscore {

ByteSource::ByteSource(ByteSource&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      owned_(std::exchange(other.owned_, false)),
      memory_(std::exchange(other.memory_, nullptr)),
      memory_left_(std::exchange(other.memory_left_, 0)) {}

ByteSource& ByteSource::operator=(ByteSource&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = std::exchange(other.fd_, -1);
    owned_ = std::exchange(other.owned_, false);
    memory_ = std::exchange(other.memory_, nullptr);
    memory_left_ = std::exchange(other.memory_left_, 0);
  }
  return *this;
}

ByteSource::~ByteSource() { close(); }

void ByteSource::close() {
  if (owned_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
  owned_ = false;
}

bool ByteSource::open(const std::string& path, std::string* error) {
  close();
  if (path == "-") {
    fd_ = STDIN_FILENO;
    return true;
  }
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  fd_ = fd;
  owned_ = true;
  return true;
}

void ByteSource::open_memory(const char* data, size_t size) {
  close();
  memory_ = data;
  memory_left_ = size;
}

ptrdiff_t ByteSource::read(char* dst, size_t size, std::string* error) {
  if (memory_) {
    const size_t n = size < memory_left_ ? size : memory_left_;
    std::memcpy(dst, memory_, n);
    memory_ += n;
    memory_left_ -= n;
    return static_cast<ptrdiff_t>(n);
  }
  for (;;) {
    const ssize_t n = ::read(fd_, dst, size);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    // A directory opens fine on Linux and fails here with EISDIR.
    *error = std::string("read error: ") + std::strerror(errno);
    return -1;
  }
}

}  // namespace leadscore
