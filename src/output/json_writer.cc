// JSON lines and JSON array output: the input object (types kept) with the
// results set on it; keys that already exist are replaced in place. A JSON
// line already in compact form, with no key a result would replace, is copied
// as written and the results appended: the same bytes, without a tree.
#include <algorithm>
#include <cstring>
#include <string_view>

#include <nlohmann/json.hpp>

#include "input/json_object_parser.h"
#include "input/json_string_scan.h"
#include "output/json_number.h"
#include "output/json_text.h"
#include "output/writers.h"

namespace leadscore {

namespace {

using Json = nlohmann::ordered_json;

// A string literal, without measuring it at run time.
template <size_t N>
void append_literal(std::string& out, const char (&text)[N]) {
  out.append(text, N - 1);
}

class JsonWriter : public ResultWriter {
 public:
  JsonWriter(const RuleSet& rules, const WriterOptions& options)
      : rules_(rules), options_(options), plain_reasons_(reasons_need_no_escapes(rules)) {}

  void begin(const std::vector<std::string>&, std::string& buf) override {
    if (options_.format == OutputFormat::kJson) buf += '[';
  }

  void write(const ScoredLead& lead, std::string& buf) override {
    const InputRecord& rec = *lead.record;
    // JSON lines read without a tree (see InputRecord::object).
    const bool untyped_json = !rec.object && rec.delimiter == 0 && !rec.raw.empty();
    if (untyped_json && !rec.compact.empty() && !clashes_with_results(rec)) {
      write_copied(lead, buf);
      return;
    }
    const Json* tree = rec.object;
    if (untyped_json) tree = reparse(rec.raw);
    nlohmann::ordered_json obj;
    if (tree) {
      obj = *tree;
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
  // Whether a result would replace one of the record's keys (which keeps its
  // place, so the line cannot just be extended). Cached per names serial.
  bool clashes_with_results(const InputRecord& rec) {
    if (rec.names_serial != 0 && rec.names_serial == clash_serial_) return clash_;
    clash_ = false;
    for (const std::string& name : *rec.names) {
      for (const char* result : kResultColumns) clash_ = clash_ || name == result;
      clash_ = clash_ || (options_.explain && name == "explanation");
    }
    clash_serial_ = rec.names_serial;
    return clash_;
  }

  // The line in compact form, copied, with the results appended before its
  // closing brace: what the tree's dump() would give.
  void write_copied(const ScoredLead& lead, std::string& buf) {
    const Verdict& v = *lead.verdict;
    if (options_.format == OutputFormat::kJson) buf += ",\n";
    const std::string_view compact = lead.record->compact;
    buf.append(compact.substr(0, compact.size() - 1));
    // The numbers and the stage go together on the stack and are appended at once.
    char line[256];
    char* p = line;
    auto put = [&p](std::string_view text) {
      std::memcpy(p, text.data(), text.size());
      p += text.size();
    };
    if (compact.size() > 2) *p++ = ',';
    put("\"score\":");
    p = write_json_number(p, v.score);
    put(",\"fit\":");
    p = write_json_number(p, v.fit);
    put(",\"engagement\":");
    p = write_json_number(p, v.engagement);
    put(",\"stage\":\"");
    put(stage_name(v.stage));  // Lead, MQL, SQL, SAO: nothing to escape
    put("\",\"reasons\":");
    buf.append(line, static_cast<size_t>(p - line));
    append_reasons_list(v, buf);
    if (options_.explain && lead.explanation) {
      append_literal(buf, ",\"explanation\":");
      append_explanation_json(rules_, v, *lead.explanation, options_.as_of_day, buf);
    }
    buf += '}';
    if (options_.format == OutputFormat::kJsonLines) buf += '\n';
  }

  // The reasons as a JSON array of strings. Their words are ids (letters,
  // digits, '_', '-', '.'), numbers and "decay×": with ids that need no
  // escapes, the items are joined as strings straight into the output.
  void append_reasons_list(const Verdict& v, std::string& buf) {
    if (!plain_reasons_) {
      reasons_.clear();
      append_reasons(rules_, v, reasons_);
      append_json_list(buf, reasons_);
      return;
    }
    const size_t at = buf.size();
    append_literal(buf, "[\"");
    append_reasons(rules_, v, buf, "\",\"");
    if (buf.size() == at + 2) {
      buf.resize(at);
      append_literal(buf, "[]");
    } else {
      append_literal(buf, "\"]");
    }
  }

  // Whether no id in the rules needs escaping in JSON (the loader allows
  // only plain ones; rules made in code may hold anything).
  static bool reasons_need_no_escapes(const RuleSet& rules) {
    auto plain = [](const std::string& id) { return std::all_of(id.begin(), id.end(), json_scan::is_plain); };
    for (const Criterion& c : rules.criteria) {
      if (!plain(c.id)) return false;
    }
    for (const Disqualifier& d : rules.disqualify) {
      if (!plain(d.id)) return false;
    }
    return true;
  }

  // The tree of a line read without one; null if it does not parse (the
  // reader has parsed it already, so it does).
  const Json* reparse(std::string_view raw) {
    std::string message;
    size_t offset;
    return reparser_.parse(raw, reparsed_, &message, &offset) ? reparsed_.object : nullptr;
  }

  const RuleSet& rules_;
  WriterOptions options_;
  const bool plain_reasons_;
  std::string reasons_;
  uint64_t clash_serial_ = 0;
  bool clash_ = false;
  JsonObjectParser reparser_;
  InputRecord reparsed_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const RuleSet& rules, const WriterOptions& options) {
  return std::make_unique<JsonWriter>(rules, options);
}

}  // namespace leadscore
