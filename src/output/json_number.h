// Numbers in JSON output: whole values as integers, others rounded to 2 decimals.
#pragma once

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "leadscore/values.h"

namespace leadscore {

inline nlohmann::ordered_json json_number(double v) {
  v = round2(v);
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return v;
}

}  // namespace leadscore
