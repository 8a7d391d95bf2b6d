#include <malloc.h>

#include "cli/run.h"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Scoring allocates and frees buffers of about a megabyte per chunk of
  // input. By default glibc maps each one fresh and unmaps it when freed, so
  // every chunk pays its page faults again (a third of the run's time with
  // --jobs 1). Serving them from the heap, and keeping freed heap memory up
  // to this size, reuses the same pages; memory in use stays bounded by the
  // number of chunks in flight.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
  return leadscore::cli::run(argc, argv);
}
