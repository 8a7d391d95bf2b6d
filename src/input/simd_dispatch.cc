#include "input/simd_dispatch.h"

#include <atomic>

namespace leadscore::simd {

namespace {

bool cpu_has_avx2() {
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  // The AVX2 paths also use the bit instructions every AVX2 processor has.
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("popcnt") &&
         __builtin_cpu_supports("pclmul");
#else
  return false;
#endif
}

// __builtin_cpu_supports also checks that the OS saves the AVX-512 state.
bool cpu_has_avx512() {
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vbmi2");
#else
  return false;
#endif
}

std::atomic<bool> g_allowed{true};
std::atomic<bool> g_avx512_allowed{true};

}  // namespace

bool avx2() {
  static const bool has = cpu_has_avx2();
  return has && g_allowed.load(std::memory_order_relaxed);
}

bool avx512() {
  static const bool has = cpu_has_avx512();
  return has && avx2() && g_avx512_allowed.load(std::memory_order_relaxed);
}

void allow_avx2_for_testing(bool allowed) { g_allowed.store(allowed, std::memory_order_relaxed); }
void allow_avx512_for_testing(bool allowed) { g_avx512_allowed.store(allowed, std::memory_order_relaxed); }

}  // namespace leadscore::simd
