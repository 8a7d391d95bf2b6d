// libFuzzer target: CSV over arbitrary bytes, through open_input (a file,
// with a small block size so records straddle blocks, delimiter sniffed or
// given) and through open_chunk_reader (a chunk of the parallel path).
// The first byte picks the options; the rest is the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "input/open_input.h"
#include "input/open_input_detail.h"

using namespace leadscore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t knobs = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  static constexpr char kDelimiters[] = {0, ',', ';', '\t'};
  static constexpr size_t kBlockSizes[] = {1, 3, 16, 4096};

  InputOptions options;
  options.format = InputFormat::kCsv;
  options.delimiter = kDelimiters[knobs & 3];
  options.max_field_bytes = (knobs & 4) ? 8 : size_t{16} << 20;
  {
    fuzz::MemoryFile file(bytes.data(), bytes.size());
    if (!file.path().empty()) {
      Diagnostics diags;
      auto reader = open_input_with_block_size(file.path(), options, diags, kBlockSizes[(knobs >> 3) & 3]);
      if (reader) fuzz::drain(*reader);
      if (knobs & 0x20) {  // the format sniffed instead of given
        InputOptions sniffed = options;
        sniffed.format = InputFormat::kAuto;
        Diagnostics more;
        auto any = open_input_with_block_size(file.path(), sniffed, more, kBlockSizes[(knobs >> 3) & 3]);
        if (any) fuzz::drain(*any);
      }
    }
  }
  static const std::vector<std::string> kHeaders[] = {{"a"}, {"a", "b", "c"}};
  const char delimiter = options.delimiter != 0 ? options.delimiter : ',';
  auto chunk = open_chunk_reader(bytes, InputFormat::kCsv, delimiter, "chunk", options, &kHeaders[(knobs >> 6) & 1]);
  if (chunk) fuzz::drain(*chunk);
  return 0;
}
