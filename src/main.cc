#include "cli/run.h"

int main(int argc, char** argv) { return leadscore::cli::run(argc, argv); }
