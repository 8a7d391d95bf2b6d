#include "input_test_util.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "input/open_input_detail.h"

namespace leadscore::testing {

TempFile::TempFile(std::string_view content, std::string_view suffix) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") +
                        "/leadscore_input_XXXXXX" + std::string(suffix);
  const int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw std::runtime_error("mkstemps failed");
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("write failed");
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  path_ = pattern;
}

TempFile::~TempFile() { std::remove(path_.c_str()); }

std::vector<std::vector<std::string>> ReadResult::rows() const {
  std::vector<std::vector<std::string>> out;
  for (const Item& item : items) {
    if (!item.rejected) out.push_back(item.values);
  }
  return out;
}

std::vector<Item> ReadResult::rejections() const {
  std::vector<Item> out;
  for (const Item& item : items) {
    if (item.rejected) out.push_back(item);
  }
  return out;
}

ReadResult drain(std::unique_ptr<RecordReader> reader, Diagnostics diags) {
  ReadResult result;
  result.diags = std::move(diags);
  if (!reader) return result;
  result.opened = true;
  result.format = reader->format();
  result.header = reader->header();
  InputRecord record;
  RecordError error;
  // A generous bound: no test input has this many records, so hitting it
  // means the reader is stuck.
  for (int guard = 0; guard < 10'000'000; ++guard) {
    const ReadStatus status = reader->next(record, error);
    if (status == ReadStatus::kEnd) break;
    Item item;
    if (status == ReadStatus::kRejected) {
      item.rejected = true;
      item.line = error.line;
      item.column = error.column;
      item.message = error.message;
      item.raw = error.raw;
    } else {
      item.line = record.line;
      item.number = record.number;
      if (record.names != nullptr) item.names = *record.names;
      item.values.assign(record.values.begin(), record.values.end());
      item.raw = std::string(record.raw);
      item.file = std::string(record.file);
      item.has_object = record.object != nullptr;
    }
    result.items.push_back(std::move(item));
  }
  result.io_error = reader->io_error();
  return result;
}

ReadResult read_path(const std::string& path, const InputOptions& options, size_t block_size) {
  Diagnostics diags;
  auto reader = block_size == 0 ? open_input(path, options, diags)
                                : open_input_with_block_size(path, options, diags, block_size);
  return drain(std::move(reader), std::move(diags));
}

ReadResult read_text(std::string_view content, std::string_view suffix, const InputOptions& options,
                     size_t block_size) {
  const TempFile file(content, suffix);
  return read_path(file.path(), options, block_size);
}

namespace {

bool same_items(const Item& a, const Item& b) {
  return a.rejected == b.rejected && a.line == b.line && a.number == b.number &&
         a.column == b.column && a.names == b.names && a.values == b.values && a.raw == b.raw &&
         a.message == b.message;
}

}  // namespace

ReadResult read_all_blocks(std::string_view content, std::string_view suffix,
                           const InputOptions& options) {
  const TempFile file(content, suffix);
  ReadResult expected = read_path(file.path(), options);
  for (const size_t block : {1, 2, 3, 5, 8, 13, 64}) {
    const ReadResult got = read_path(file.path(), options, block);
    INFO("block size " << block);
    REQUIRE(got.opened == expected.opened);
    REQUIRE(got.header == expected.header);
    REQUIRE(got.items.size() == expected.items.size());
    for (size_t i = 0; i < got.items.size(); ++i) {
      INFO("item " << i << ": " << got.items[i].message << " / " << expected.items[i].message);
      REQUIRE(same_items(got.items[i], expected.items[i]));
    }
    REQUIRE(got.diags.size() == expected.diags.size());
  }
  return expected;
}

}  // namespace leadscore::testing
