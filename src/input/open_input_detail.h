// open_input with its block size exposed, so that tests can make records
// straddle block boundaries at every possible byte.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "input/open_input.h"

namespace leadscore {

std::unique_ptr<RecordReader> open_input_with_block_size(const std::string& path,
                                                         const InputOptions& options,
                                                         Diagnostics& diags, size_t block_size);

}  // namespace leadscore
