// Where scored output goes: standard output, or a file written atomically
// (a temporary file beside the target, renamed into place only on commit, so
// a reader never sees half a file and a failed run leaves the old one intact).
#pragma once

#include <string>
#include <string_view>

namespace leadscore {

class OutputSink {
 public:
  OutputSink() = default;
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  // path empty or "-": standard output. Returns false with `error` set when
  // the temporary file cannot be created.
  bool open(const std::string& path, std::string& error);

  // Appends to the buffer, flushing it when large. Write errors are sticky.
  void write(std::string_view bytes);
  std::string& buffer() { return buffer_; }
  void flush_if_large();
  bool flush();

  // Flushes and, for a file, renames the temporary into place.
  bool commit(std::string& error);
  // Removes the temporary file (called by the destructor unless committed).
  void abandon();

  bool to_terminal() const { return terminal_; }
  const std::string& error() const { return error_; }

 private:
  bool write_all(std::string_view bytes);

  int fd_ = 1;
  int slot_ = 0;  // which signal-cleanup slot holds temp_path_
  bool terminal_ = false;
  bool failed_ = false;
  bool committed_ = false;
  std::string path_;
  std::string temp_path_;
  std::string buffer_;
  std::string error_;
};

// Removes any temporary output file if the process is interrupted (SIGINT,
// SIGTERM, SIGHUP) and exits 130 / 143.
void install_interrupt_cleanup();

}  // namespace leadscore
