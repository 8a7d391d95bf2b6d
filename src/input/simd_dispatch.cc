#include "input/simd_dispatch.h"

#include <atomic>

namespace leadscore::simd {

namespace {

bool cpu_has_avx2() {
#if defined(__x86_64__) && defined(__GNUC__)
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

std::atomic<bool> g_allowed{true};

}  // namespace

bool avx2() {
  static const bool has = cpu_has_avx2();
  return has && g_allowed.load(std::memory_order_relaxed);
}

void allow_avx2_for_testing(bool allowed) { g_allowed.store(allowed, std::memory_order_relaxed); }

}  // namespace leadscore::simd
