// JSON lines and JSON array output: the input object (types kept) with the
// results set on it; keys that already exist are replaced in place.
#include <nlohmann/json.hpp>

#include "output/json_number.h"
#include "output/writers.h"

namespace leadscore {

namespace {

class JsonWriter : public ResultWriter {
 public:
  JsonWriter(const RuleSet& rules, const WriterOptions& options) : rules_(rules), options_(options) {}

  void begin(const std::vector<std::string>&, std::string& buf) override {
    if (options_.format == OutputFormat::kJson) buf += '[';
  }

  void write(const ScoredLead& lead, std::string& buf) override {
    const InputRecord& rec = *lead.record;
    nlohmann::ordered_json obj;
    if (rec.object) {
      obj = *rec.object;
    } else {
      obj = nlohmann::ordered_json::object();
      for (size_t i = 0; i < rec.names->size() && i < rec.values.size(); ++i) {
        obj[(*rec.names)[i]] = std::string(rec.values[i]);
      }
    }
    const Verdict& v = *lead.verdict;
    obj["score"] = json_number(v.score);
    obj["fit"] = json_number(v.fit);
    obj["engagement"] = json_number(v.engagement);
    obj["stage"] = stage_name(v.stage);
    reasons_.clear();
    append_reasons(rules_, v, reasons_);
    auto list = nlohmann::ordered_json::array();
    size_t start = 0;
    while (start < reasons_.size()) {
      size_t end = reasons_.find("; ", start);
      if (end == std::string::npos) end = reasons_.size();
      list.push_back(reasons_.substr(start, end - start));
      start = end + 2;
    }
    obj["reasons"] = std::move(list);
    if (options_.format == OutputFormat::kJson) buf += ",\n";
    if (options_.explain && lead.explanation) {
      obj.erase("explanation");
      obj["explanation"] = nullptr;  // last key; its text is spliced in below
      std::string text = obj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      // Splice the explanation in as text, avoiding a second JSON tree.
      size_t at = text.rfind("null}");
      text.resize(at);
      append_explanation_json(rules_, v, *lead.explanation, options_.as_of_day, text);
      text += '}';
      buf += text;
    } else {
      buf += obj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
    if (options_.format == OutputFormat::kJsonLines) buf += '\n';
  }

  void finish(std::string& buf) override {
    if (options_.format == OutputFormat::kJson) buf += "\n]\n";
  }

 private:
  const RuleSet& rules_;
  WriterOptions options_;
  std::string reasons_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const RuleSet& rules, const WriterOptions& options) {
  return std::make_unique<JsonWriter>(rules, options);
}

}  // namespace leadscore
