// Finds each rule field's value in an input record: by the rules name, then
// each `from` alias, first exactly, then case-insensitively with surrounding
// spaces ignored; dotted names reach into nested JSON objects. Lookups are
// resolved once per header and reused for every row that shares it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "input/json_object_parser.h"
#include "input/record.h"
#include "leadscore/rules.h"

namespace leadscore::cli {

class FieldBinder {
 public:
  explicit FieldBinder(const RuleSet& rules);

  // values[i] receives the raw text of rules.fields[i] ("" when absent).
  void bind(const InputRecord& rec, std::vector<std::string_view>& values);
  // The id field's value for the record bound last ("" when there is none).
  std::string_view id() const { return id_; }
  // The id field's name as found in the input ("" when there is none).
  const std::string& id_name() const { return id_name_; }

  // Fields that no record bound so far provided.
  std::vector<int> never_seen() const;
  // Fields missing from the current header (CSV), for a warning per input.
  const std::vector<int>& absent_in_header() const { return absent_; }
  // True when the last bind() saw a header it had not seen before.
  bool header_changed() const { return header_changed_; }

 private:
  void resolve(const InputRecord& rec);
  int find_column(const std::vector<std::string>& names, const FieldSpec* spec, std::string_view name) const;
  std::string_view nested(const InputRecord& rec, size_t field);
  const nlohmann::ordered_json* tree(const InputRecord& rec);

  const RuleSet& rules_;
  const std::vector<std::string>* cached_names_ = nullptr;
  bool cached_fixed_ = false;
  uint64_t cached_serial_ = 0;  // names_serial of the cached names, 0 if none
  std::vector<std::string> cached_copy_;
  std::vector<int> columns_;  // per field: column index, or -1
  size_t direct_count_ = 0;   // records with at least this many values need no nested lookup
  int id_column_ = -1;
  std::string id_name_;
  std::string_view id_;
  std::vector<bool> seen_;
  bool columns_seen_ = false;  // every field with a column in this header is in seen_
  std::vector<int> absent_;
  std::vector<std::string> nested_text_;  // per field, for dotted JSON names
  // JSON lines read without a tree: parsed here when a dotted name needs it.
  JsonObjectParser tree_parser_;
  InputRecord tree_record_;
  const nlohmann::ordered_json* tree_ = nullptr;
  bool tree_parsed_ = false;  // for the record being bound
  bool header_changed_ = false;
};

}  // namespace leadscore::cli
