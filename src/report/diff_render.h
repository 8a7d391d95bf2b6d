// The text report of `leadscore diff`: the stage transition matrix (old
// stage in rows, new stage in columns), the counts that moved up and down,
// and the changes that moved them.
#pragma once

#include <string>
#include <vector>

#include "report/stage_diff.h"

namespace leadscore::report {

struct DiffContext {
  std::string old_rules_file;
  std::string new_rules_file;
  std::vector<std::string> inputs;
  std::string as_of;  // "2026-11-01", or "2026-11-01 (old), 2026-10-01 (new)"
};

std::string diff_text(const StageDiff& d, const DiffContext& ctx);

}  // namespace leadscore::report
