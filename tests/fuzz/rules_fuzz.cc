// libFuzzer target: load_rules on arbitrary text. It must report problems as
// diagnostics, never crash, throw or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leadscore/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  leadscore::Diagnostics diags;
  auto rules = leadscore::load_rules(text, "fuzz.yaml", diags);
  (void)rules;
  return 0;
}
