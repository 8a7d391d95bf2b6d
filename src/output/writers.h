// Factories of the individual writers (see result_writer.h).
#pragma once

#include <memory>

#include "output/result_writer.h"

namespace leadscore {

std::unique_ptr<ResultWriter> make_csv_writer(const RuleSet& rules, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_json_writer(const RuleSet& rules, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_table_writer(const RuleSet& rules, const WriterOptions& options);

}  // namespace leadscore
