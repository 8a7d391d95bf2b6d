// Process exit codes, as documented in the README and `--help`.
#pragma once

namespace leadscore::cli {

enum class ExitCode : int {
  kOk = 0,               // clean run
  kRecordsRejected = 1,  // finished, but some records were rejected (and reported)
  kFailed = 2,           // usage error, unreadable input or invalid rules; nothing written
};

}  // namespace leadscore::cli
