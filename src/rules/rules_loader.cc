// Loading a rules file: the YAML document is walked section by section; every
// problem is reported with its line and column, and loading goes on so that
// `check` can list them all at once.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "leadscore/rules.h"
#include "leadscore/values.h"
#include "rules/condition_loader.h"
#include "rules/rules_checks.h"
#include "rules/text_checks.h"
#include "rules/yaml_context.h"

namespace leadscore {

namespace {

using rules_internal::ConditionLoader;
using rules_internal::YamlContext;

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.';
    if (!ok) return false;
  }
  return true;
}

class Loader {
 public:
  Loader(YamlContext& ctx, RuleSet& rules) : ctx_(ctx), rules_(rules), conditions_(ctx, rules) {}

  void load(const YAML::Node& root);

 private:
  void load_fields(const YAML::Node& node);
  void load_created_field(const YAML::Node& node);
  void load_groups(const YAML::Node& node);
  void load_criteria(const YAML::Node& node);
  std::optional<Criterion> load_criterion(const YAML::Node& node, const std::string& what);
  bool load_points(const YAML::Node& node, Criterion& c, const std::string& what);
  void load_score(const YAML::Node& node);
  void load_decay(const YAML::Node& node);
  void load_disqualify(const YAML::Node& node);
  void load_stages(const YAML::Node& node);
  std::optional<double> optional_number(const YAML::Node& map, const char* key, const std::string& what);
  std::vector<std::string> string_list(const YAML::Node& node, const std::string& what);

  YamlContext& ctx_;
  RuleSet& rules_;
  ConditionLoader conditions_;
};

std::optional<double> Loader::optional_number(const YAML::Node& map, const char* key, const std::string& what) {
  YAML::Node n = map[key];
  if (!n) return std::nullopt;
  return ctx_.number(n, what + "." + key);
}

std::vector<std::string> Loader::string_list(const YAML::Node& node, const std::string& what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    if (auto s = ctx_.string(node, what)) out.push_back(*s);
    return out;
  }
  if (!node.IsSequence()) {
    ctx_.error(node, what + " is " + YamlContext::describe(node) + ", expected a list of text values");
    return out;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    if (auto s = ctx_.string(node[i], what + "[" + std::to_string(i) + "]")) out.push_back(*s);
  }
  return out;
}

void Loader::load(const YAML::Node& root) {
  if (!ctx_.check_map(root, "the rules file",
                      {"version", "name", "description", "id_field", "as_of", "created_field", "missing_values", "fields",
                       "criteria", "groups", "score", "decay", "disqualify", "stages"})) {
    return;
  }
  if (YAML::Node v = root["version"]) {
    if (auto n = ctx_.whole_number(v, "version", 1, 1)) rules_.version = static_cast<int>(*n);
  }
  if (YAML::Node n = root["name"]) {
    if (auto s = ctx_.string(n, "name")) rules_.name = *s;
  }
  if (YAML::Node n = root["description"]) ctx_.string(n, "description");
  if (YAML::Node n = root["id_field"]) {
    if (auto s = ctx_.string(n, "id_field")) rules_.id_field = *s;
  }
  if (YAML::Node n = root["as_of"]) rules_.as_of = ctx_.date(n, "as_of");
  if (YAML::Node n = root["missing_values"]) {
    for (std::string& s : string_list(n, "missing_values")) {
      std::string folded(trim(s));
      for (char& c : folded) c = ascii_lower(c);
      rules_.missing_values.push_back(std::move(folded));
    }
  }
  if (YAML::Node n = root["fields"]) load_fields(n);
  if (YAML::Node n = root["created_field"]) load_created_field(n);
  if (YAML::Node n = root["groups"]) load_groups(n);
  if (YAML::Node n = root["criteria"]) {
    load_criteria(n);
  } else {
    ctx_.error(root, "the rules file has no 'criteria', expected a list of scoring criteria");
  }
  if (YAML::Node n = root["score"]) load_score(n);
  if (YAML::Node n = root["decay"]) load_decay(n);
  if (YAML::Node n = root["disqualify"]) load_disqualify(n);
  // Without stages every lead stays a Lead: a scoring-only rule set is fine.
  if (YAML::Node n = root["stages"]) load_stages(n);
  rules_internal::check_plan(ctx_, rules_);
}

void Loader::load_fields(const YAML::Node& node) {
  if (!node.IsMap()) {
    ctx_.error(node, "fields is " + YamlContext::describe(node) + ", expected a mapping of field names");
    return;
  }
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto name = ctx_.string(it->first, "a field name");
    if (!name) continue;
    if (!seen.insert(*name).second) {
      ctx_.error(it->first, "duplicate field '" + *name + "' in fields, expected each field once");
      continue;
    }
    std::string what = "fields." + *name;
    FieldSpec f;
    f.name = *name;
    f.declared = true;
    f.where = YamlContext::where(it->first);
    const YAML::Node spec = it->second;  // by value: `it->` is a temporary proxy
    if (!ctx_.check_map(spec, what, {"type", "from", "date_format", "description"})) continue;
    if (YAML::Node t = spec["type"]) {
      if (auto s = ctx_.string(t, what + ".type")) {
        if (*s == "number") f.type = FieldType::kNumber;
        else if (*s == "date") f.type = FieldType::kDate;
        else if (*s == "bool") f.type = FieldType::kBool;
        else if (*s == "text") f.type = FieldType::kText;
        else ctx_.error(t, what + ".type is '" + *s + "', expected number, date, bool or text");
      }
    }
    if (YAML::Node from = spec["from"]) f.from = string_list(from, what + ".from");
    if (YAML::Node df = spec["date_format"]) {
      if (auto s = ctx_.string(df, what + ".date_format")) {
        f.date_format = *s;
        if (f.type != FieldType::kDate && f.type != FieldType::kAny) {
          ctx_.error(df, what + " has a date_format but type " + std::string(field_type_name(f.type)) +
                             ", expected type: date");
        }
        if (s->find('%') == std::string::npos) {
          ctx_.error(df, what + ".date_format '" + *s + "' has no % directive, expected a layout like \"%m/%d/%Y\"");
        }
      }
    }
    rules_.fields.push_back(std::move(f));
  }
}

// Only reports (summary's lead velocity) read it; scoring ignores it.
void Loader::load_created_field(const YAML::Node& node) {
  auto name = ctx_.string(node, "created_field");
  if (!name) return;
  int f = conditions_.field_index(*name, YamlContext::where(node));
  FieldType t = rules_.fields[static_cast<size_t>(f)].type;
  if (t != FieldType::kAny && t != FieldType::kDate) {
    ctx_.error(node, "created_field '" + *name + "' has type " + std::string(field_type_name(t)) +
                         ", expected a date field");
    return;
  }
  rules_.created_field = f;
}

void Loader::load_groups(const YAML::Node& node) {
  if (!node.IsMap()) {
    ctx_.error(node, "groups is " + YamlContext::describe(node) + ", expected a mapping like {email: {max: 10}}");
    return;
  }
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto name = ctx_.string(it->first, "a group name");
    if (!name) continue;
    if (!seen.insert(*name).second) {
      ctx_.error(it->first, "duplicate group '" + *name + "', expected each group once");
      continue;
    }
    std::string what = "groups." + *name;
    Group g;
    g.name = *name;
    g.where = YamlContext::where(it->first);
    if (!ctx_.check_map(it->second, what, {"max", "min", "description"})) continue;
    g.max = optional_number(it->second, "max", what);
    g.min = optional_number(it->second, "min", what);
    if (!g.max && !g.min) ctx_.error(it->second, what + " has no bound, expected max, min or both");
    if (g.max && g.min && *g.min > *g.max) ctx_.error(it->second, what + " has min above max, expected min <= max");
    rules_.groups.push_back(std::move(g));
  }
}

void Loader::load_criteria(const YAML::Node& node) {
  if (!node.IsSequence()) {
    ctx_.error(node, "criteria is " + YamlContext::describe(node) + ", expected a list of criteria");
    return;
  }
  if (node.size() == 0) ctx_.error(node, "criteria is an empty list, expected at least one criterion");
  for (size_t i = 0; i < node.size(); ++i) {
    const YAML::Node& item = node[i];
    if (item.IsMap() && item["id"] && item["id"].IsScalar()) {
      const std::string& id = item["id"].Scalar();
      if (!ctx_.criterion_ids().insert(id).second) {
        ctx_.error(item["id"], "duplicate criterion id '" + id + "', expected unique ids");
        continue;
      }
    }
    auto c = load_criterion(item, "criteria[" + std::to_string(i) + "]");
    if (c) rules_.criteria.push_back(std::move(*c));
  }
}

std::optional<Criterion> Loader::load_criterion(const YAML::Node& node, const std::string& where_text) {
  if (!ctx_.check_map(node, where_text,
                      {"id", "category", "when", "points", "points_per", "points_by", "max", "min", "group", "reason",
                       "description"})) {
    return std::nullopt;
  }
  size_t errors_before = ctx_.error_count();
  Criterion c;
  c.where = YamlContext::where(node);
  std::string what = where_text;
  if (YAML::Node id = node["id"]) {
    if (auto s = ctx_.string(id, what + ".id")) {
      if (!valid_id(*s)) {
        ctx_.error(id, what + ".id '" + *s + "' is not a valid id, expected letters, digits, '_', '-' or '.'");
      }
      c.id = *s;
      c.where = YamlContext::where(id);
      what = "criterion '" + c.id + "'";
    }
  } else {
    ctx_.error(node, what + " has no 'id', expected a unique name such as senior_title");
  }
  if (YAML::Node cat = node["category"]) {
    if (auto s = ctx_.string(cat, what + ".category")) {
      if (*s == "fit") c.category = Category::kFit;
      else if (*s == "engagement") c.category = Category::kEngagement;
      else ctx_.error(cat, what + ".category is '" + *s + "', expected fit or engagement");
    }
  } else {
    ctx_.error(node, what + " has no 'category', expected fit or engagement");
  }
  if (YAML::Node when = node["when"]) c.when = conditions_.load(when, what + ".when");
  load_points(node, c, what);
  c.max = optional_number(node, "max", what);
  c.min = optional_number(node, "min", what);
  if (c.max && c.min && *c.min > *c.max) ctx_.error(node, what + " has min above max, expected min <= max");
  if (YAML::Node g = node["group"]) {
    if (auto s = ctx_.string(g, what + ".group")) {
      for (size_t i = 0; i < rules_.groups.size(); ++i) {
        if (rules_.groups[i].name == *s) c.group = static_cast<int>(i);
      }
      if (c.group < 0) {
        std::vector<std::string> names;
        for (const Group& gr : rules_.groups) names.push_back(gr.name);
        std::string_view hint = rules_internal::closest_match(*s, names);
        ctx_.error(g, what + ".group '" + *s + "' is not defined under groups" +
                          (hint.empty() ? std::string(", expected a group defined under 'groups:'")
                                        : ", did you mean '" + std::string(hint) + "'?"));
      }
    }
  }
  if (YAML::Node r = node["reason"]) {
    if (auto s = ctx_.string(r, what + ".reason")) c.reason = *s;
  }
  if (YAML::Node r = node["description"]) ctx_.string(r, what + ".description");
  if (ctx_.error_count() != errors_before) return std::nullopt;
  return c;
}

bool Loader::load_points(const YAML::Node& node, Criterion& c, const std::string& what) {
  int kinds = (node["points"] ? 1 : 0) + (node["points_per"] ? 1 : 0) + (node["points_by"] ? 1 : 0);
  if (kinds != 1) {
    ctx_.error(node, what + (kinds == 0 ? " has no points" : " has more than one kind of points") +
                         ", expected exactly one of points, points_per, points_by");
    return false;
  }
  Points& p = c.points;
  if (YAML::Node n = node["points"]) {
    p.kind = PointsKind::kFixed;
    auto v = ctx_.points(n, what + ".points");
    if (v) p.points = *v;
    return v.has_value();
  }
  if (YAML::Node n = node["points_per"]) {
    p.kind = PointsKind::kPerUnit;
    std::string w = what + ".points_per";
    if (!ctx_.check_map(n, w, {"field", "points"})) return false;
    if (!n["field"] || !n["points"]) {
      ctx_.error(n, w + " needs 'field' and 'points', expected {field: NAME, points: N}");
      return false;
    }
    auto f = ctx_.string(n["field"], w + ".field");
    auto v = ctx_.points(n["points"], w + ".points");
    if (!f || !v) return false;
    p.field = conditions_.field_index(*f, YamlContext::where(n["field"]));
    p.points = *v;
    FieldType t = rules_.fields[static_cast<size_t>(p.field)].type;
    if (t != FieldType::kAny && t != FieldType::kNumber) {
      ctx_.error(n["field"], w + ".field '" + *f + "' has type " + std::string(field_type_name(t)) +
                                 ", expected a number field");
      return false;
    }
    return true;
  }
  YAML::Node n = node["points_by"];
  std::string w = what + ".points_by";
  if (!ctx_.check_map(n, w, {"field", "values", "ranges", "default"})) return false;
  if (!n["field"]) {
    ctx_.error(n, w + " has no 'field', expected the field whose value decides the points");
    return false;
  }
  auto f = ctx_.string(n["field"], w + ".field");
  if (!f) return false;
  p.field = conditions_.field_index(*f, YamlContext::where(n["field"]));
  if (YAML::Node d = n["default"]) p.default_points = ctx_.points(d, w + ".default");
  bool has_values = static_cast<bool>(n["values"]);
  bool has_ranges = static_cast<bool>(n["ranges"]);
  if (has_values == has_ranges) {
    ctx_.error(n, w + " needs exactly one of 'values' and 'ranges'");
    return false;
  }
  if (has_values) {
    p.kind = PointsKind::kByValue;
    YAML::Node values = n["values"];
    if (!values.IsMap() || values.size() == 0) {
      ctx_.error(values, w + ".values is " + YamlContext::describe(values) +
                             ", expected a mapping of value: points, like {software: 10}");
      return false;
    }
    std::set<std::string> seen;
    for (auto it = values.begin(); it != values.end(); ++it) {
      auto key = conditions_.literal(it->first, false, w + ".values key");
      auto pts = ctx_.points(it->second, w + ".values." + (it->first.IsScalar() ? it->first.Scalar() : "?"));
      if (!key || !pts) continue;
      if (!seen.insert(key->folded).second) {
        ctx_.error(it->first, w + ".values has '" + key->text + "' twice, expected each value once");
        continue;
      }
      p.keys.push_back(std::move(*key));
      p.key_points.push_back(*pts);
    }
    return true;
  }
  p.kind = PointsKind::kByRange;
  YAML::Node ranges = n["ranges"];
  if (!ranges.IsSequence() || ranges.size() == 0) {
    ctx_.error(ranges, w + ".ranges is " + YamlContext::describe(ranges) +
                           ", expected a list like [{lt: 10, points: -5}, {gte: 10, points: 5}]");
    return false;
  }
  for (size_t i = 0; i < ranges.size(); ++i) {
    auto r = conditions_.load_range(ranges[i], p.field, w + ".ranges[" + std::to_string(i) + "]");
    if (r) p.ranges.push_back(std::move(*r));
  }
  return true;
}

void Loader::load_score(const YAML::Node& node) {
  if (!ctx_.check_map(node, "score", {"min", "max"})) return;
  rules_.score_min = optional_number(node, "min", "score");
  rules_.score_max = optional_number(node, "max", "score");
  if (rules_.score_min && rules_.score_max && *rules_.score_min > *rules_.score_max) {
    ctx_.error(node, "score has min above max, expected min <= max");
  }
}

void Loader::load_decay(const YAML::Node& node) {
  if (!ctx_.check_map(node, "decay", {"field", "half_life_days", "applies_to"})) return;
  Decay d;
  d.where = YamlContext::where(node);
  if (!node["field"] || !node["half_life_days"]) {
    ctx_.error(node, "decay needs 'field' and 'half_life_days', expected {field: last_activity_at, half_life_days: 90}");
    return;
  }
  auto f = ctx_.string(node["field"], "decay.field");
  auto h = ctx_.number(node["half_life_days"], "decay.half_life_days");
  if (!f || !h) return;
  if (*h <= 0) {
    ctx_.error(node["half_life_days"], "decay.half_life_days is " + node["half_life_days"].Scalar() +
                                           ", expected a number of days above 0");
    return;
  }
  d.field = conditions_.field_index(*f, YamlContext::where(node["field"]));
  FieldType t = rules_.fields[static_cast<size_t>(d.field)].type;
  if (t != FieldType::kAny && t != FieldType::kDate) {
    ctx_.error(node["field"], "decay.field '" + *f + "' has type " + std::string(field_type_name(t)) +
                                  ", expected a date field");
    return;
  }
  d.half_life_days = *h;
  if (YAML::Node a = node["applies_to"]) {
    if (auto s = ctx_.string(a, "decay.applies_to")) {
      if (*s == "score") d.applies_to_fit = true;
      else if (*s != "engagement") ctx_.error(a, "decay.applies_to is '" + *s + "', expected engagement or score");
    }
  }
  rules_.decay = d;
}

void Loader::load_disqualify(const YAML::Node& node) {
  if (!node.IsSequence()) {
    ctx_.error(node, "disqualify is " + YamlContext::describe(node) + ", expected a list of {id, when}");
    return;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < node.size(); ++i) {
    std::string what = "disqualify[" + std::to_string(i) + "]";
    const YAML::Node& item = node[i];
    if (!ctx_.check_map(item, what, {"id", "when", "reason", "description"})) continue;
    Disqualifier d;
    d.where = YamlContext::where(item);
    if (auto id = item["id"] ? ctx_.string(item["id"], what + ".id") : std::nullopt) {
      d.id = *id;
      if (!valid_id(d.id)) ctx_.error(item["id"], what + ".id '" + d.id + "' is not a valid id, expected letters, digits, '_', '-' or '.'");
      if (!seen.insert(d.id).second) ctx_.error(item["id"], "duplicate disqualify id '" + d.id + "', expected unique ids");
    } else if (!item["id"]) {
      ctx_.error(item, what + " has no 'id', expected a name such as competitor");
    }
    if (!item["when"]) {
      ctx_.error(item, what + " has no 'when', expected the condition that disqualifies a lead");
      continue;
    }
    auto when = conditions_.load(item["when"], what + ".when");
    if (!when) continue;
    d.when = std::move(*when);
    if (YAML::Node r = item["reason"]) {
      if (auto s = ctx_.string(r, what + ".reason")) d.reason = *s;
    }
    rules_.disqualify.push_back(std::move(d));
  }
}

void Loader::load_stages(const YAML::Node& node) {
  if (!node.IsMap()) {
    ctx_.error(node, "stages is " + YamlContext::describe(node) + ", expected a mapping with MQL, SQL and SAO");
    return;
  }
  ctx_.check_map(node, "stages", {"MQL", "SQL", "SAO"});
  for (Stage s : {Stage::kMql, Stage::kSql, Stage::kSao}) {
    std::string name(stage_name(s));
    YAML::Node def = node[name];
    if (!def) continue;
    StageGate& gate = rules_.stages[static_cast<size_t>(s) - 1];
    gate.where = YamlContext::where(def);
    std::string what = "stages." + name;
    if (!ctx_.check_map(def, what, {"min_score", "min_fit", "min_engagement", "requires", "owner", "description"})) {
      continue;
    }
    gate.defined = true;
    gate.min_score = optional_number(def, "min_score", what);
    gate.min_fit = optional_number(def, "min_fit", what);
    gate.min_engagement = optional_number(def, "min_engagement", what);
    if (YAML::Node o = def["owner"]) {
      if (auto v = ctx_.string(o, what + ".owner")) gate.owner = *v;
    }
    if (YAML::Node d = def["description"]) {
      if (auto v = ctx_.string(d, what + ".description")) gate.description = *v;
    }
    if (YAML::Node req = def["requires"]) {
      if (!req.IsSequence()) {
        ctx_.error(req, what + ".requires is " + YamlContext::describe(req) + ", expected a list of conditions");
      } else {
        for (size_t i = 0; i < req.size(); ++i) {
          auto c = conditions_.load(req[i], what + ".requires[" + std::to_string(i) + "]");
          if (c) gate.requires_all.push_back(std::move(*c));
        }
      }
    }
    if (!gate.min_score && !gate.min_fit && !gate.min_engagement && !def["requires"]) {
      ctx_.error(def, what + " has no gate, expected at least one of min_score, min_fit, min_engagement, requires");
    }
  }
}

// The loader finds problems pass by pass (keys and values, then references
// between criteria, then the stages as a whole); they are shown in the
// order of the file, as a compiler shows them. Problems without a line go last.
void sort_by_place(Diagnostics& diags, size_t from, const std::string& file_name) {
  const auto begin = diags.begin() + static_cast<std::ptrdiff_t>(from);
  if (!std::all_of(begin, diags.end(), [&](const Diagnostic& d) { return d.file == file_name; })) return;
  const auto place = [](const Diagnostic& d) {
    return std::pair{d.line == 0 ? UINT64_MAX : d.line, d.column};
  };
  std::stable_sort(begin, diags.end(), [&](const Diagnostic& a, const Diagnostic& b) { return place(a) < place(b); });
}

std::optional<RuleSet> load_rules_unsorted(std::string_view yaml_text, const std::string& file_name,
                                           Diagnostics& diags) {
  YamlContext ctx(file_name, diags);
  if (!rules_internal::check_text(ctx, yaml_text)) return std::nullopt;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    std::string msg = e.msg;
    ctx.error(SourceLocation{static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1)},
              "invalid YAML: " + msg + ", expected a well-formed YAML mapping");
    return std::nullopt;
  }
  if (!root || root.IsNull()) {
    ctx.error(SourceLocation{1, 1}, "the rules file is empty, expected a mapping with criteria and stages");
    return std::nullopt;
  }
  static std::atomic<uint64_t> next_serial{1};
  RuleSet rules;
  rules.file = file_name;
  rules.serial = next_serial++;
  Loader loader(ctx, rules);
  try {
    loader.load(root);
  } catch (const YAML::Exception& e) {
    ctx.error(SourceLocation{static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1)},
              "invalid rules: " + e.msg);
  }
  if (ctx.error_count() > 0) return std::nullopt;
  return rules;
}

}  // namespace

std::optional<RuleSet> load_rules(std::string_view yaml_text, const std::string& file_name, Diagnostics& diags) {
  const size_t first = diags.size();
  std::optional<RuleSet> rules = load_rules_unsorted(yaml_text, file_name, diags);
  sort_by_place(diags, first, file_name);
  return rules;
}

std::optional<RuleSet> load_rules_file(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.push_back(Diagnostic{path, 0, 0, Severity::kError, "cannot read the rules file, expected a readable YAML file"});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    diags.push_back(Diagnostic{path, 0, 0, Severity::kError, "cannot read the rules file, expected a readable YAML file"});
    return std::nullopt;
  }
  return load_rules(text.str(), path, diags);
}

}  // namespace leadscore
