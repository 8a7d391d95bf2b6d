#include "cli/common.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "leadscore/values.h"

namespace leadscore::cli {

void add_input_flags(CLI::App& cmd, InputFlags& flags) {
  cmd.add_option("--input-format", flags.input_format, "Input format [default: from the extension, else sniffed]")
      ->check(CLI::IsMember({"csv", "jsonl", "json"}));
  cmd.add_option("-d,--delimiter", flags.delimiter, "CSV delimiter: , ; | or \\t [default: sniffed from the header]");
  cmd.add_option("--as-of", flags.as_of, "Score as of this day, YYYY-MM-DD [default: the rules' as_of, else today UTC]");
  cmd.add_flag("-q,--quiet", flags.quiet, "Do not print warnings (errors are always printed)");
  cmd.add_flag("--strict", flags.strict, "Reject records with a value that cannot be read (e.g. a company size of 'lots')");
  cmd.add_option("--header-from", flags.header_from,
                 "CSV inputs have no header row (shards of a split file): take the column names from this file's first line");
  cmd.add_option("--max-field-size", flags.max_field_size,
                 "A longer field (or a record over 4 times this) rejects its record: bytes, or 512K, 4M, 1G [default: 16M]");
}

PipelineOptions pipeline_options(const InputFlags& flags, const InputOptions& input) {
  PipelineOptions po;
  po.inputs = flags.inputs;
  po.input = input;
  po.strict = flags.strict;
  return po;
}

std::optional<ScoringSetup> prepare_scoring(const std::string& rules_path, const InputFlags& flags,
                                            Reporter& reporter) {
  auto rules = load_rules_reporting(rules_path, reporter);
  if (!rules) return std::nullopt;
  auto as_of = resolve_as_of(flags.as_of, *rules, reporter);
  auto input = input_options(flags, reporter);
  if (!as_of || !input) return std::nullopt;
  return ScoringSetup{std::move(*rules), *as_of, *input};
}

std::optional<RuleSet> load_rules_reporting(const std::string& path, Reporter& reporter) {
  Diagnostics diags;
  auto rules = load_rules_file(path, diags);
  reporter.print_all(diags);
  return rules;
}

std::string format_day(int32_t day) {
  CivilDate d = civil_from_days(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

std::optional<int32_t> resolve_as_of(const std::string& flag, const RuleSet& rules, Reporter& reporter) {
  if (!flag.empty()) {
    auto day = flag.size() == 10 ? parse_date(flag) : std::nullopt;
    if (!day) {
      reporter.error("leadscore: error: --as-of '" + flag + "' is not a date, expected YYYY-MM-DD");
      return std::nullopt;
    }
    return day;
  }
  if (rules.as_of) return rules.as_of;
  return today_utc();
}

std::optional<InputOptions> input_options(const InputFlags& flags, Reporter& reporter) {
  InputOptions o;
  if (!flags.header_from.empty()) {
    // One command per process, so one place to keep the names is enough.
    static std::vector<std::string> names;
    Diagnostics diags;
    InputOptions probe;
    probe.format = InputFormat::kCsv;
    auto reader = open_input(flags.header_from, probe, diags);
    reporter.print_all(diags);
    if (!reader) return std::nullopt;
    if (reader->header().empty()) {
      reporter.error(display_name(flags.header_from) +
                     ":1: error: --header-from file has no header line, expected a CSV line naming the columns");
      return std::nullopt;
    }
    names = reader->header();
    o.has_header = false;
    o.header = &names;
  }
  if (flags.input_format == "csv") o.format = InputFormat::kCsv;
  else if (flags.input_format == "jsonl") o.format = InputFormat::kJsonLines;
  else if (flags.input_format == "json") o.format = InputFormat::kJsonArray;
  const std::string& d = flags.delimiter;
  if (!d.empty()) {
    if (d == "\\t" || d == "tab" || d == "\t") o.delimiter = '\t';
    else if (d.size() == 1 && d != "\"" && d != "\n" && d != "\r") o.delimiter = d[0];
    else {
      reporter.error("leadscore: error: --delimiter '" + d + "' is not usable, expected one character such as , ; | or \\t");
      return std::nullopt;
    }
  }
  if (!flags.max_field_size.empty()) {
    const std::string& s = flags.max_field_size;
    size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    const std::string suffix = s.substr(digits);
    const int shift = suffix.empty() ? 0 : suffix == "K" || suffix == "k" ? 10 : suffix == "M" || suffix == "m" ? 20
                      : suffix == "G" || suffix == "g" ? 30 : -1;
    const uint64_t n = digits > 0 && digits <= 9 ? std::stoull(s.substr(0, digits)) : 0;
    if (n == 0 || shift < 0) {
      reporter.error("leadscore: error: --max-field-size '" + s + "' is not a size, expected bytes or a number with K, M or G, such as 4M");
      return std::nullopt;
    }
    o.max_field_bytes = static_cast<size_t>(n << shift);
  }
  return o;
}

size_t terminal_width() {
  if (!isatty(1)) return 0;
  struct winsize ws {};
  if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* c = std::getenv("COLUMNS")) {
    long n = std::strtol(c, nullptr, 10);
    if (n > 0) return static_cast<size_t>(n);
  }
  return 80;
}

}  // namespace leadscore::cli
