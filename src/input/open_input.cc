#include "input/open_input.h"

#include <string_view>
#include <utility>

#include "input/byte_source.h"
#include "input/csv_chunk_reader.h"
#include "input/csv_reader.h"
#include "input/input_buffer.h"
#include "input/json_array_reader.h"
#include "input/json_lines_reader.h"
#include "input/open_input_detail.h"

namespace leadscore {

namespace {

// Blank bytes before the first one that tells the format are read up to this.
constexpr size_t kSniffBytes = size_t{1} << 20;

std::string lower_extension(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::unique_ptr<RecordReader> open_chunk_reader(std::string_view bytes, InputFormat format, char delimiter,
                                                const std::string& name, const InputOptions& options,
                                                const std::vector<std::string>* header) {
  if (format != InputFormat::kJsonLines) {
    if (header && !header->empty()) return std::make_unique<CsvChunkReader>(bytes, name, delimiter, options, *header);
    return open_full_csv_chunk_reader(bytes, delimiter, name, options, header);
  }
  // The reader works on the chunk where it is: its window is the whole chunk.
  return std::make_unique<JsonLinesReader>(InputBuffer::view(bytes), 0, name, options);
}

std::unique_ptr<RecordReader> open_input(const std::string& path, const InputOptions& options,
                                         Diagnostics& diags) {
  return open_input_with_block_size(path, options, diags, InputBuffer::kDefaultBlockSize);
}

std::unique_ptr<RecordReader> open_input_with_block_size(const std::string& path,
                                                         const InputOptions& options,
                                                         Diagnostics& diags, size_t block_size) {
  std::string name = display_name(path);
  const auto fail = [&](std::string message) -> std::unique_ptr<RecordReader> {
    diags.push_back({name, 0, 0, Severity::kError, std::move(message)});
    return nullptr;
  };
  const char delimiter = options.delimiter;
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
    return fail("invalid delimiter, expected one character other than a quote or a line break");
  }
  ByteSource source;
  std::string error;
  if (!source.open(path, &error)) return fail(std::move(error));
  InputBuffer buffer(std::move(source), block_size);

  // Bring the BOM (if any) and the first non-blank byte into view; nothing is
  // consumed, so standard input can be sniffed as well as a file.
  while (buffer.size() < 3 && buffer.refill(0)) {
  }
  const std::string_view head(buffer.data(), buffer.size());
  const uint64_t start = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  uint64_t scanned = start;
  int first = -1;  // the first non-blank byte, -1 if none
  for (;;) {
    while (scanned < buffer.size() && is_blank(buffer.data()[scanned])) ++scanned;
    if (scanned < buffer.size()) {
      first = static_cast<unsigned char>(buffer.data()[scanned]);
      break;
    }
    if (buffer.size() >= kSniffBytes || !buffer.refill(0)) break;
  }
  if (!buffer.error().empty()) return fail(buffer.error());

  InputFormat format = options.format;
  const std::string ext = path == "-" ? std::string() : lower_extension(path);
  if (format == InputFormat::kAuto) {
    if (ext == "csv" || ext == "tsv" || ext == "tab") {
      format = InputFormat::kCsv;
    } else if (ext == "jsonl" || ext == "ndjson") {
      format = InputFormat::kJsonLines;
    } else if (ext == "json") {
      format = first == '[' ? InputFormat::kJsonArray : InputFormat::kJsonLines;
    } else if (first == '{') {
      format = InputFormat::kJsonLines;
    } else if (first == '[') {
      format = InputFormat::kJsonArray;
    } else {
      format = InputFormat::kCsv;
    }
  }

  switch (format) {
    case InputFormat::kJsonLines:
      return std::make_unique<JsonLinesReader>(std::move(buffer), start, std::move(name), options);
    case InputFormat::kJsonArray: {
      auto reader =
          std::make_unique<JsonArrayReader>(std::move(buffer), start, std::move(name), options);
      if (!reader->open(diags)) return nullptr;
      return reader;
    }
    case InputFormat::kAuto:
    case InputFormat::kCsv:
      break;
  }
  // A .tsv file is tab-separated even when the caller only said "CSV".
  const char csv_delimiter =
      delimiter != 0 ? delimiter : (ext == "tsv" || ext == "tab" ? '\t' : char{0});
  auto reader = std::make_unique<CsvReader>(std::move(buffer), start, std::move(name),
                                            csv_delimiter, options);
  if (!reader->open(diags)) return nullptr;
  return reader;
}

}  // namespace leadscore
