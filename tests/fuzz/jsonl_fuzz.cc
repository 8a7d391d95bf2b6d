// libFuzzer target: JSON lines and JSON arrays over arbitrary bytes, through
// open_input (a file, small blocks) and open_chunk_reader (the parallel path).
// The first byte picks the options; the rest is the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_input.h"
#include "input/open_input.h"
#include "input/open_input_detail.h"

using namespace leadscore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t knobs = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  static constexpr InputFormat kFormats[] = {InputFormat::kJsonLines, InputFormat::kJsonArray, InputFormat::kAuto,
                                             InputFormat::kJsonLines};
  static constexpr size_t kBlockSizes[] = {1, 7, 64, 4096};

  InputOptions options;
  options.format = kFormats[knobs & 3];
  options.max_field_bytes = (knobs & 4) ? 16 : size_t{16} << 20;
  {
    fuzz::MemoryFile file(bytes.data(), bytes.size());
    if (!file.path().empty()) {
      Diagnostics diags;
      auto reader = open_input_with_block_size(file.path(), options, diags, kBlockSizes[(knobs >> 3) & 3]);
      if (reader) fuzz::drain(*reader);
    }
  }
  auto chunk = open_chunk_reader(bytes, InputFormat::kJsonLines, 0, "chunk", options, nullptr);
  if (chunk) fuzz::drain(*chunk);
  return 0;
}
