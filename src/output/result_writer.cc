#include "output/result_writer.h"

#include "output/writers.h"

namespace leadscore {

std::unique_ptr<ResultWriter> make_writer(const RuleSet& rules, const WriterOptions& options) {
  switch (options.format) {
    case OutputFormat::kCsv: return make_csv_writer(rules, options);
    case OutputFormat::kTable: return make_table_writer(rules, options);
    case OutputFormat::kJsonLines:
    case OutputFormat::kJson: return make_json_writer(rules, options);
  }
  return make_csv_writer(rules, options);
}

}  // namespace leadscore
