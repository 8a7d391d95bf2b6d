// Whether the vector scans may use AVX2 or AVX-512. The release build targets
// plain x86-64 (SSE2), so such code is compiled per function with
// __attribute__((target(...))) and only called when the CPU has it.
#pragma once

namespace leadscore::simd {

// True when the CPU supports AVX2 (with BMI1, POPCNT and PCLMUL, which every
// AVX2 processor has) and tests have not turned it off.
bool avx2();

// True when avx2() is and the CPU (and the OS, which must save the registers)
// supports AVX-512 F, BW and VBMI2, and tests have not turned it off.
bool avx512();

// Test hooks: false makes avx2() (and so avx512()) false, so that the SSE2
// paths run too; false for AVX-512 leaves AVX2 on, so that its paths run on a
// CPU that has both.
void allow_avx2_for_testing(bool allowed);
void allow_avx512_for_testing(bool allowed);

}  // namespace leadscore::simd
