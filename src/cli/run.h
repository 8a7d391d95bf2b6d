// The command-line front end: parses arguments with CLI11 and runs a command.
#pragma once

namespace leadscore::cli {

// Returns the process exit code (see exit_code.h).
int run(int argc, char** argv);

}  // namespace leadscore::cli
