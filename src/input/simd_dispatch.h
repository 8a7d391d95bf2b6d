// Whether the vector scans may use AVX2. The release build targets plain
// x86-64 (SSE2), so AVX2 code is compiled per function with
// __attribute__((target("avx2"))) and only called when the CPU has it.
#pragma once

namespace leadscore::simd {

// True when the CPU supports AVX2 (with BMI1, POPCNT and PCLMUL, which every
// AVX2 processor has) and tests have not turned it off.
bool avx2();

// Test hook: false makes avx2() false, so that the SSE2 paths run too.
void allow_avx2_for_testing(bool allowed);

}  // namespace leadscore::simd
