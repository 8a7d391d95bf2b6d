// Loading a rule test file. It walks the YAML like the rules loader does,
// with the same YamlContext, so messages have the same shape and every
// problem in the file is reported at once.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "leadscore/values.h"
#include "report/lead_tests.h"
#include "rules/text_checks.h"
#include "rules/yaml_context.h"

namespace leadscore::report {

namespace {

using rules_internal::YamlContext;

class TestsLoader {
 public:
  TestsLoader(YamlContext& ctx, const RuleSet& rules) : ctx_(ctx), rules_(rules) {
    for (const FieldSpec& f : rules.fields) field_names_.push_back(f.name);
    for (const Criterion& c : rules.criteria) criterion_ids_.push_back(c.id);
    for (const Disqualifier& d : rules.disqualify) disqualifier_ids_.push_back(d.id);
  }

  void load(const YAML::Node& root, LeadTestSuite& suite);

 private:
  std::optional<LeadTestCase> load_case(const YAML::Node& node, const std::string& what);
  void load_lead(const YAML::Node& node, const std::string& what, LeadTestCase& c);
  int field_for(std::string_view key) const;
  void load_score(const YAML::Node& node, const std::string& what, LeadTestCase& c);
  std::vector<int> criteria_list(const YAML::Node& node, const std::string& what);
  void load_disqualified(const YAML::Node& node, const std::string& what, LeadTestCase& c);

  YamlContext& ctx_;
  const RuleSet& rules_;
  std::vector<std::string> field_names_;
  std::vector<std::string> criterion_ids_;
  std::vector<std::string> disqualifier_ids_;
  std::set<std::string> names_;
};

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, const std::string& otherwise) {
  std::string_view hint = rules_internal::closest_match(word, candidates);
  return hint.empty() ? ", expected " + otherwise : ", did you mean '" + std::string(hint) + "'?";
}

void TestsLoader::load(const YAML::Node& root, LeadTestSuite& suite) {
  if (!ctx_.check_map(root, "the test file", {"description", "as_of", "cases"})) return;
  if (YAML::Node n = root["description"]) ctx_.string(n, "description");
  if (YAML::Node n = root["as_of"]) suite.as_of = ctx_.date(n, "as_of");
  YAML::Node cases = root["cases"];
  if (!cases) {
    ctx_.error(root, "the test file has no 'cases', expected a list of {name, lead, stage}");
    return;
  }
  if (!cases.IsSequence() || cases.size() == 0) {
    ctx_.error(cases, "cases is " + (cases.IsSequence() ? std::string("an empty list") : YamlContext::describe(cases)) +
                          ", expected a list of {name, lead, stage}");
    return;
  }
  for (size_t i = 0; i < cases.size(); ++i) {
    if (auto c = load_case(cases[i], "cases[" + std::to_string(i) + "]")) suite.cases.push_back(std::move(*c));
  }
}

std::optional<LeadTestCase> TestsLoader::load_case(const YAML::Node& node, const std::string& where_text) {
  if (!ctx_.check_map(node, where_text,
                      {"name", "description", "lead", "stage", "score", "fired", "not_fired", "disqualified"})) {
    return std::nullopt;
  }
  size_t errors_before = ctx_.error_count();
  LeadTestCase c;
  c.where = YamlContext::where(node);
  std::string what = where_text;
  if (YAML::Node n = node["name"]) {
    if (auto s = ctx_.string(n, what + ".name")) {
      c.name = *s;
      c.where = YamlContext::where(n);
      if (!names_.insert(c.name).second) ctx_.error(n, "duplicate case name '" + c.name + "', expected unique names");
      what = "case '" + c.name + "'";
    }
  } else {
    ctx_.error(node, what + " has no 'name', expected what the case shows");
  }
  if (YAML::Node n = node["description"]) ctx_.string(n, what + ".description");
  c.values.assign(rules_.fields.size(), "");
  if (YAML::Node n = node["lead"]) load_lead(n, what + ".lead", c);
  else ctx_.error(node, what + " has no 'lead', expected the lead's fields, like {job_title: VP Sales}");
  if (YAML::Node n = node["stage"]) {
    if (auto s = ctx_.string(n, what + ".stage")) {
      bool known = false;
      for (Stage st : {Stage::kLead, Stage::kMql, Stage::kSql, Stage::kSao}) {
        if (iequals(*s, stage_name(st))) {
          c.stage = st;
          known = true;
        }
      }
      if (!known) ctx_.error(n, what + ".stage is '" + *s + "', expected Lead, MQL, SQL or SAO");
    }
  } else {
    ctx_.error(node, what + " has no 'stage', expected the stage it must get: Lead, MQL, SQL or SAO");
  }
  if (YAML::Node n = node["score"]) load_score(n, what + ".score", c);
  if (YAML::Node n = node["fired"]) c.fired = criteria_list(n, what + ".fired");
  if (YAML::Node n = node["not_fired"]) {
    c.not_fired = criteria_list(n, what + ".not_fired");
    for (int i : c.not_fired) {
      if (std::find(c.fired.begin(), c.fired.end(), i) != c.fired.end()) {
        ctx_.error(n, what + " lists '" + criterion_ids_[static_cast<size_t>(i)] +
                          "' under both fired and not_fired, expected one of them");
      }
    }
  }
  if (YAML::Node n = node["disqualified"]) load_disqualified(n, what + ".disqualified", c);
  if (ctx_.error_count() != errors_before) return std::nullopt;
  return c;
}

// The rules field a lead key names: as the input binder matches CRM headers
// (name or `from` alias, exactly first, then ignoring case and spaces); -1.
int TestsLoader::field_for(std::string_view key) const {
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t f = 0; f < rules_.fields.size(); ++f) {
      const FieldSpec& spec = rules_.fields[f];
      auto same = [&](std::string_view name) { return pass == 0 ? name == key : iequals(trim(name), trim(key)); };
      if (same(spec.name)) return static_cast<int>(f);
      for (const std::string& alias : spec.from) {
        if (same(alias)) return static_cast<int>(f);
      }
    }
  }
  return -1;
}

void TestsLoader::load_lead(const YAML::Node& node, const std::string& what, LeadTestCase& c) {
  if (!node.IsMap()) {
    ctx_.error(node, what + " is " + YamlContext::describe(node) + ", expected a mapping of field: value");
    return;
  }
  std::vector<bool> given(rules_.fields.size(), false);
  std::set<std::string> keys;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto key = ctx_.string(it->first, "a field name in " + what);
    if (!key) continue;
    if (!keys.insert(*key).second) {
      ctx_.error(it->first, "duplicate field '" + *key + "' in " + what + ", expected each field once");
      continue;
    }
    const YAML::Node value = it->second;
    if (!value.IsNull() && !value.IsScalar()) {
      ctx_.error(value, what + "." + *key + " is " + YamlContext::describe(value) + ", expected a single value");
      continue;
    }
    int f = field_for(*key);
    if (f < 0) {
      // The id is how a lead is named in reports; the verdict never reads it.
      if (iequals(*key, rules_.id_field.empty() ? "id" : rules_.id_field)) continue;
      ctx_.error(it->first, "field '" + *key + "' in " + what + " is not read by the rules" +
                                did_you_mean(*key, field_names_, "one of the fields the rules use"));
      continue;
    }
    auto fi = static_cast<size_t>(f);
    if (given[fi]) {
      ctx_.error(it->first, what + " gives field '" + rules_.fields[fi].name + "' twice, expected it once");
      continue;
    }
    given[fi] = true;
    c.values[fi] = value.IsNull() ? "" : value.Scalar();
  }
}

void TestsLoader::load_score(const YAML::Node& node, const std::string& what, LeadTestCase& c) {
  if (node.IsScalar()) {
    c.score = ctx_.number(node, what);
    return;
  }
  if (!ctx_.check_map(node, what, {"min", "max"})) return;
  if (YAML::Node n = node["min"]) c.score_min = ctx_.number(n, what + ".min");
  if (YAML::Node n = node["max"]) c.score_max = ctx_.number(n, what + ".max");
  if (!node["min"] && !node["max"]) ctx_.error(node, what + " has no bound, expected min, max or both");
  if (c.score_min && c.score_max && *c.score_min > *c.score_max) {
    ctx_.error(node, what + " has min above max, expected min <= max");
  }
}

std::vector<int> TestsLoader::criteria_list(const YAML::Node& node, const std::string& what) {
  std::vector<int> out;
  std::vector<YAML::Node> items;
  if (node.IsScalar()) items.push_back(node);
  else if (node.IsSequence()) {
    for (size_t i = 0; i < node.size(); ++i) items.push_back(node[i]);
  } else {
    ctx_.error(node, what + " is " + YamlContext::describe(node) + ", expected a list of criterion ids");
    return out;
  }
  for (const YAML::Node& item : items) {
    auto id = ctx_.string(item, what + " item");
    if (!id) continue;
    int i = rules_.find_criterion(*id);
    if (i < 0) {
      ctx_.error(item, what + " names '" + *id + "', which is not a criterion of the rules" +
                           did_you_mean(*id, criterion_ids_, "a criterion id"));
      continue;
    }
    out.push_back(i);
  }
  return out;
}

void TestsLoader::load_disqualified(const YAML::Node& node, const std::string& what, LeadTestCase& c) {
  if (!node.IsScalar()) {
    ctx_.error(node, what + " is " + YamlContext::describe(node) + ", expected true, false or a disqualify id");
    return;
  }
  const std::string& t = node.Scalar();
  if (YamlContext::is_plain(node) && (t == "true" || t == "false")) {
    c.disqualified = t == "true";
    return;
  }
  for (size_t i = 0; i < rules_.disqualify.size(); ++i) {
    if (rules_.disqualify[i].id == t) {
      c.disqualified = true;
      c.disqualified_by = static_cast<int>(i);
      return;
    }
  }
  std::string expected = "true or false";
  for (size_t i = 0; i < disqualifier_ids_.size(); ++i) {
    expected += (i ? ", " : ", or a disqualify id: ") + disqualifier_ids_[i];
  }
  ctx_.error(node, what + " is '" + t + "', which is not a disqualify id of the rules" +
                       did_you_mean(t, disqualifier_ids_, expected));
}

}  // namespace

std::optional<LeadTestSuite> load_lead_tests(std::string_view yaml_text, const std::string& file,
                                             const RuleSet& rules, Diagnostics& diags) {
  YamlContext ctx(file, diags);
  if (!rules_internal::check_text(ctx, yaml_text)) return std::nullopt;
  LeadTestSuite suite;
  suite.file = file;
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root || root.IsNull()) {
      ctx.error(SourceLocation{1, 1}, "the test file is empty, expected a mapping with cases");
      return std::nullopt;
    }
    TestsLoader(ctx, rules).load(root, suite);
  } catch (const YAML::Exception& e) {
    ctx.error(SourceLocation{static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1)},
              "invalid YAML: " + e.msg + ", expected a well-formed YAML mapping");
  }
  if (ctx.error_count() > 0) return std::nullopt;
  return suite;
}

std::optional<LeadTestSuite> load_lead_tests_file(const std::string& path, const RuleSet& rules, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    diags.push_back(Diagnostic{path, 0, 0, Severity::kError, "cannot read the test file, expected a readable YAML file"});
    return std::nullopt;
  }
  return load_lead_tests(text.str(), path, rules, diags);
}

}  // namespace leadscore::report
