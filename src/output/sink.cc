#include "output/sink.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

namespace leadscore {

namespace {

constexpr size_t kFlushAt = size_t{1} << 18;

// The temporary files to remove if a signal ends the run: one slot per open
// file sink (the scored output and --rejects).
constexpr int kSlots = 4;
char g_temp_path[kSlots][4096];
std::atomic<bool> g_temp_set[kSlots];

void on_signal(int sig) {
  for (int i = 0; i < kSlots; ++i) {
    if (g_temp_set[i].load()) unlink(g_temp_path[i]);
  }
  _exit(128 + sig);
}

int free_slot() {
  for (int i = 0; i < kSlots; ++i) {
    if (!g_temp_set[i].load()) return i;
  }
  return -1;
}

}  // namespace

void install_interrupt_cleanup() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
}

OutputSink::~OutputSink() {
  if (!committed_) abandon();
}

bool OutputSink::open(const std::string& path, std::string& error) {
  if (path.empty() || path == "-") {
    fd_ = 1;
    terminal_ = isatty(1);
    return true;
  }
  path_ = path;
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string templ = dir + "." + base + ".tmp-XXXXXX";
  if (templ.size() >= sizeof g_temp_path[0]) {
    error = path + ": error: output path is too long";
    return false;
  }
  slot_ = free_slot();
  if (slot_ < 0) {
    error = path + ": error: too many output files open at once";
    return false;
  }
  fd_ = mkstemp(templ.data());
  if (fd_ < 0) {
    error = path + ": error: cannot create the output file (" + std::strerror(errno) +
            "), expected a writable directory";
    return false;
  }
  temp_path_ = templ;
  std::memcpy(g_temp_path[slot_], temp_path_.c_str(), temp_path_.size() + 1);
  g_temp_set[slot_].store(true);
  // Keep an existing file's permissions; a new file gets the usual 0666 & ~umask.
  struct stat st {};
  if (stat(path.c_str(), &st) == 0) {
    fchmod(fd_, st.st_mode & 07777);
  } else {
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd_, 0666 & ~mask);
  }
  return true;
}

bool OutputSink::write_all(std::string_view bytes) {
  while (!bytes.empty() && !failed_) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      failed_ = true;
      error_ = std::strerror(errno);
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return !failed_;
}

void OutputSink::write(std::string_view bytes) {
  // A piece as large as the buffer (a scored chunk) goes straight out, uncopied.
  if (bytes.size() >= kFlushAt) {
    flush();
    write_all(bytes);
    return;
  }
  buffer_.append(bytes);
  flush_if_large();
}

void OutputSink::flush_if_large() {
  if (buffer_.size() >= kFlushAt) flush();
}

bool OutputSink::flush() {
  bool ok = write_all(buffer_);
  buffer_.clear();
  return ok;
}

bool OutputSink::commit(std::string& error) {
  flush();
  if (temp_path_.empty()) {
    committed_ = true;
    if (failed_) error = "writing the output failed (" + error_ + ")";
    return !failed_;
  }
  if (!failed_ && fsync(fd_) != 0 && errno != EINVAL) {
    failed_ = true;
    error_ = std::strerror(errno);
  }
  if (::close(fd_) != 0 && !failed_) {
    failed_ = true;
    error_ = std::strerror(errno);
  }
  fd_ = -1;
  if (failed_) {
    error = path_ + ": error: writing the output failed (" + error_ + "), the previous file is unchanged";
    abandon();
    return false;
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    error = path_ + ": error: cannot move the output into place (" + std::strerror(errno) + ")";
    abandon();
    return false;
  }
  g_temp_set[slot_].store(false);
  temp_path_.clear();
  committed_ = true;
  return true;
}

void OutputSink::abandon() {
  if (!temp_path_.empty()) {
    g_temp_set[slot_].store(false);
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    unlink(temp_path_.c_str());
    temp_path_.clear();
  }
  committed_ = true;
}

}  // namespace leadscore
