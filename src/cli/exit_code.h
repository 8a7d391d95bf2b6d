// Process exit codes, as documented in the README and `--help`.
#pragma once

namespace leadscore::cli {

enum class ExitCode : int {
  kOk = 0,               // clean run
  kRecordsRejected = 1,  // finished, but some records were rejected (and reported)
  kChecksFailed = 1,     // test: a case failed; diff --fail-on-change: a lead changed stage
  kFailed = 2,           // usage error, unreadable input or invalid rules; nothing written
};

}  // namespace leadscore::cli
