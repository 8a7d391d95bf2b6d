// The explanation as one JSON object, written piece by piece: the keys and
// each criterion's id and category are prepared once per rule set, so a lead
// only adds its values, points and reasons.
#include <cstdio>

#include "engine/rule_set_cache.h"
#include "leadscore/values.h"
#include "output/json_text.h"
#include "output/result_writer.h"

namespace leadscore {

namespace {

struct ExplanationJsonTexts {
  explicit ExplanationJsonTexts(const RuleSet& rules) {
    for (const Criterion& c : rules.criteria) {
      std::string open = "{\"id\":";
      append_json_string(open, c.id);
      open += ",\"category\":";
      append_json_string(open, category_name(c.category));
      open += ",\"matched\":";
      criterion_open.push_back(std::move(open));
    }
    for (const Group& g : rules.groups) {
      std::string open = "{\"group\":";
      append_json_string(open, g.name);
      open += ",\"total\":";
      group_open.push_back(std::move(open));
    }
  }
  std::vector<std::string> criterion_open;  // {"id":"senior_title","category":"fit","matched":
  std::vector<std::string> group_open;      // {"group":"email","total":
};

void append_string_list(std::string& out, const std::vector<std::string>& list) {
  out += '[';
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, list[i]);
  }
  out += ']';
}

// "YYYY-MM-DD" with its quotes; the same day for every lead of a run.
void append_day(std::string& out, int32_t day) {
  thread_local int32_t cached_day = 0;
  thread_local char cached[16] = "";
  if (cached[0] == '\0' || cached_day != day) {
    CivilDate d = civil_from_days(day);
    std::snprintf(cached, sizeof cached, "\"%04d-%02u-%02u\"", d.year, d.month, d.day);
    cached_day = day;
  }
  out += cached;
}

}  // namespace

void append_explanation_json(const RuleSet& rules, const Verdict& v, const Explanation& e, int32_t as_of_day,
                             std::string& out) {
  const auto& texts = engine_internal::per_rule_set<ExplanationJsonTexts>(rules);
  out += "{\"as_of\":";
  append_day(out, as_of_day);
  out += ",\"criteria\":[";
  for (size_t i = 0; i < e.criteria.size(); ++i) {
    const CriterionExplanation& c = e.criteria[i];
    if (i) out += ',';
    const size_t index = static_cast<size_t>(c.criterion - rules.criteria.data());
    if (index < texts.criterion_open.size()) {
      out += texts.criterion_open[index];
    } else {
      out += "{\"id\":";
      append_json_string(out, c.criterion->id);
      out += ",\"category\":";
      append_json_string(out, category_name(c.criterion->category));
      out += ",\"matched\":";
    }
    out += c.matched ? "true,\"points\":" : "false,\"points\":";
    append_json_number(out, c.points);
    out += ",\"field\":";
    if (c.field.empty()) {
      out += "null,\"value\":null";
    } else {
      append_json_string(out, c.field);
      out += ",\"value\":";
      if (c.missing) out += "null";
      else append_json_string(out, c.value);
    }
    out += ",\"reason\":";
    append_json_string(out, c.reason);
    out += '}';
  }
  out += ']';
  if (!e.groups.empty()) {
    out += ",\"groups\":[";
    for (size_t i = 0; i < e.groups.size(); ++i) {
      const GroupExplanation& g = e.groups[i];
      if (i) out += ',';
      const size_t index = static_cast<size_t>(g.group - rules.groups.data());
      if (index < texts.group_open.size()) {
        out += texts.group_open[index];
      } else {
        out += "{\"group\":";
        append_json_string(out, g.group->name);
        out += ",\"total\":";
      }
      append_json_number(out, g.total);
      out += ",\"counted\":";
      append_json_number(out, g.counted);
      out += '}';
    }
    out += ']';
  }
  if (rules.decay) {
    out += ",\"decay\":{\"factor\":";
    append_json_number(out, round2(v.decay_factor));
    out += ",\"reason\":";
    append_json_string(out, e.decay);
    out += '}';
  }
  if (e.clamped_from) {
    out += ",\"clamped_from\":";
    append_json_number(out, *e.clamped_from);
  }
  out += ",\"disqualified\":";
  append_string_list(out, e.disqualified);
  out += ",\"gates\":[";
  for (size_t i = 0; i < e.gates.size(); ++i) {
    const GateExplanation& g = e.gates[i];
    if (i) out += ',';
    out += "{\"stage\":";
    append_json_string(out, stage_name(g.stage));
    out += g.passed ? ",\"passed\":true,\"failed\":" : ",\"passed\":false,\"failed\":";
    append_string_list(out, g.checks_failed);
    out += ",\"held\":";
    append_string_list(out, g.checks_passed);
    out += '}';
  }
  out += "]}";
}

}  // namespace leadscore
