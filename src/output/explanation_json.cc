// The explanation as one JSON object, written piece by piece. A deferred
// explanation (the usual one: see explain_deferred) is worded straight into
// the output: every fixed word is prepared once per rule set as escaped JSON,
// together with each criterion's keys, id, category and usual points, so a
// lead only adds its values (escaped), ages and numbers between them.
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

#include <nlohmann/json.hpp>

#include "engine/explain_describer.h"
#include "engine/rule_set_cache.h"
#include "leadscore/values.h"
#include "output/explanation_buffer.h"
#include "output/json_text.h"
#include "output/result_writer.h"

namespace leadscore {

namespace {

using engine_internal::LeadContext;

// JSON string contents into an ExplanationBuffer, a lead's values escaped.
struct JsonText {
  using Out = ExplanationBuffer;
  static void append(ExplanationBuffer& out, std::string_view v) { out.append_json_contents(v); }
};

bool valid_utf8(const std::string& s) {
  try {
    (void)nlohmann::json(s).dump();  // the strict handler throws on invalid UTF-8
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

std::string json_number_text(double v) {
  std::string out;
  append_json_number(out, v);
  return out;
}

// The points of a criterion in most verdicts: none unmatched, its fixed ones matched.
double usual_points(const Criterion& c, bool matched) {
  if (!matched) return 0;
  if (c.points.kind != PointsKind::kFixed) return std::numeric_limits<double>::quiet_NaN();
  double p = c.points.points;
  if (c.max && p > *c.max) p = *c.max;
  if (c.min && p < *c.min) p = *c.min;
  return p;
}

struct CriterionJson {
  std::string open[2];       // {"id":"senior_title","category":"fit","matched":true,"points":
  std::string field_key;     // ,"field":"job_title","value":  (or ,"field":null,"value":null)
  double usual_points[2] = {0, 0};
  std::string open_usual[2];   // open, the usual points and field_key
  std::string reason_open[2];  // ,"reason":"  and, matched, with the rule's reason: ,"reason":"Senior title: 
  // A criterion whose reason is its `when` leaf's description alone (no
  // points field), with its usual points, is written in a few whole pieces:
  bool leaf = false;
  std::string missing[2];       // the whole object, the value missing
  std::string head[2];          // up to the value: ..."value":"
  std::string before_short[2];  // from the value to the shortened value: ","reason":"Senior title: job_title '
  std::string end[2][3];        // the leaf's held, failed or unreadable words, any bound, and "}
};

struct ExplanationJsonTexts {
  explicit ExplanationJsonTexts(const RuleSet& rules) : words(engine_internal::explain_texts(rules)) {
    auto escape = [this](std::string& s) {
      exact_pieces = exact_pieces && valid_utf8(s);
      std::string quoted = json_string(s);
      s.assign(quoted, 1, quoted.size() - 2);
    };
    engine_internal::for_each_text(words, escape);
    for (size_t i = 0; i < rules.criteria.size(); ++i) {
      const Criterion& c = rules.criteria[i];
      CriterionJson j;
      const std::string head = "{\"id\":" + json_string(c.id) + ",\"category\":" + json_string(category_name(c.category));
      j.open[0] = head + ",\"matched\":false,\"points\":";
      j.open[1] = head + ",\"matched\":true,\"points\":";
      const int field = words.criteria[i].field;
      j.field_key = field < 0 ? ",\"field\":null,\"value\":null"
                              : ",\"field\":" + json_string(rules.fields[static_cast<size_t>(field)].name) + ",\"value\":";
      for (int m = 0; m < 2; ++m) {
        j.usual_points[m] = usual_points(c, m == 1);
        if (!std::isnan(j.usual_points[m])) j.open_usual[m] = j.open[m] + json_number_text(j.usual_points[m]) + j.field_key;
      }
      j.reason_open[0] = ",\"reason\":\"";
      j.reason_open[1] = ",\"reason\":\"" + words.criteria[i].reason_prefix;
      j.leaf = c.when && c.when->op >= Op::kEquals && c.points.field < 0;
      for (int m = 0; j.leaf && m < 2; ++m) {
        if (std::isnan(j.usual_points[m])) continue;  // never used
        const engine_internal::CriterionTexts& t = words.criteria[i];
        std::string bound;
        if (m == 1 && c.max && j.usual_points[m] == *c.max) bound = t.bounded_max;
        else if (m == 1 && c.min && j.usual_points[m] == *c.min) bound = t.bounded_min;
        j.missing[m] = j.open_usual[m] + "null" + j.reason_open[m] + t.when.missing + bound + "\"}";
        j.head[m] = j.open_usual[m] + "\"";
        j.before_short[m] = "\"" + j.reason_open[m] + t.when.value_prefix;
        j.end[m][0] = t.when.held + bound + "\"}";
        j.end[m][1] = t.when.failed + bound + "\"}";
        j.end[m][2] = t.when.unreadable + bound + "\"}";
      }
      criteria.push_back(std::move(j));
    }
    for (const Group& g : rules.groups) group_open.push_back("{\"group\":" + json_string(g.name) + ",\"total\":");
    for (size_t s = 0; s < rules.stages.size(); ++s) {
      const std::string head = "{\"stage\":" + json_string(stage_name(static_cast<Stage>(s + 1)));
      gate_open.push_back({head + ",\"passed\":false,\"failed\":[", head + ",\"passed\":true,\"failed\":["});
    }
  }

  engine_internal::ExplainTexts words;  // every text escaped
  // Whether the texts are all valid UTF-8: escaped one by one, they then come
  // out as the whole text would, escaped at once.
  bool exact_pieces = true;
  std::vector<CriterionJson> criteria;
  std::vector<std::string> group_open;  // {"group":"email","total":
  std::vector<std::array<std::string, 2>> gate_open;  // {"stage":"MQL","passed":false,"failed":[
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
template <class Out>
void append_day(Out& out, int32_t day) {
  thread_local int32_t cached_day = 0;
  thread_local char cached[16] = "";
  if (cached[0] == '\0' || cached_day != day) {
    CivilDate d = civil_from_days(day);
    std::snprintf(cached, sizeof cached, "\"%04d-%02u-%02u\"", d.year, d.month, d.day);
    cached_day = day;
  }
  out += cached;
}

// A number in JSON, as append_json_number() writes it.
void append_json_number_to(std::string& out, double v) { append_json_number(out, v); }
void append_json_number_to(ExplanationBuffer& out, double v) {
  thread_local std::string text;
  text.clear();
  append_json_number(text, v);
  out += text;
}

template <class Out>
void append_group(Out& out, const ExplanationJsonTexts& texts, const Group& group, size_t index, double total,
                  double counted) {
  if (index < texts.group_open.size()) {
    out += texts.group_open[index];
  } else {  // a group of other rules, in a hand-made explanation
    out += "{\"group\":" + json_string(group.name) + ",\"total\":";
  }
  append_json_number_to(out, total);
  out += ",\"counted\":";
  append_json_number_to(out, counted);
  out += '}';
}

// Gate checks as the items of two JSON lists: failed ones straight into the
// output, held ones aside until the failed list is closed.
struct JsonGateLines {
  ExplanationBuffer& failed;
  ExplanationBuffer& held;
  bool any[2] = {false, false};

  ExplanationBuffer& open(bool met) {
    ExplanationBuffer& s = met ? held : failed;
    if (any[met]) s += ',';
    any[met] = true;
    s += '"';
    return s;
  }
  void close(bool met) { (met ? held : failed) += '"'; }
};

void append_structured(const RuleSet& rules, const ExplanationJsonTexts& texts, const Verdict& v, const Explanation& e,
                       int32_t as_of_day, std::string& out) {
  out += "{\"as_of\":";
  append_day(out, as_of_day);
  out += ",\"criteria\":[";
  for (size_t i = 0; i < e.criteria.size(); ++i) {
    const CriterionExplanation& c = e.criteria[i];
    if (i) out += ',';
    const size_t index = static_cast<size_t>(c.criterion - rules.criteria.data());
    if (index < texts.criteria.size()) {
      out += texts.criteria[index].open[c.matched];
    } else {
      out += "{\"id\":";
      append_json_string(out, c.criterion->id);
      out += ",\"category\":";
      append_json_string(out, category_name(c.criterion->category));
      out += c.matched ? ",\"matched\":true,\"points\":" : ",\"matched\":false,\"points\":";
    }
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
      append_group(out, texts, *g.group, static_cast<size_t>(g.group - rules.groups.data()), g.total, g.counted);
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

using Describer = engine_internal::Describer<JsonText>;

// The same object as append_structured() gives for explain()'s Explanation of the lead.
void append_deferred(const ExplainedLead& lead, const ExplanationJsonTexts& texts, int32_t as_of_day,
                     std::string& result) {
  const RuleSet& rules = lead.scorer->rules();
  const Verdict& v = *lead.verdict;
  LeadContext ctx(*lead.scorer, lead.values, *lead.scratch, *lead.verdict);
  Describer d(ctx, texts.words);
  thread_local ExplanationBuffer out, held;
  out.clear();

  out += "{\"as_of\":";
  append_day(out, as_of_day);
  out += ",\"criteria\":[";
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    const CriterionOutcome& o = v.criteria[i];
    const CriterionJson& j = texts.criteria[i];
    if (i) out += ',';
    if (j.leaf && o.points == j.usual_points[o.matched]) {
      const Condition& when = *rules.criteria[i].when;
      if (ctx.missing(when.field)) {
        out += j.missing[o.matched];
        continue;
      }
      const std::string_view value = ctx.text(when.field);
      out += j.head[o.matched];
      out.append_json_contents(value);
      out += j.before_short[o.matched];
      if (value.size() <= Describer::kShortMax) out.repeat_json_contents();
      else Describer::append_short(out, value);
      out += j.end[o.matched][static_cast<int>(d.leaf_middle(when, ctx.criterion_holds(static_cast<int>(i)), out))];
      continue;
    }
    if (o.points == j.usual_points[o.matched]) {
      out += j.open_usual[o.matched];
    } else {
      out += j.open[o.matched];
      append_json_number_to(out, o.points);
      out += j.field_key;
    }
    const int field = texts.words.criteria[i].field;
    if (field >= 0) {
      if (ctx.missing(field)) {
        out += "null";
      } else {
        out += '"';
        out.append_json_contents(ctx.text(field));
        out += '"';
      }
    }
    out += j.reason_open[o.matched];
    d.criterion_reason(i, o, out);
    out += "\"}";
  }
  out += ']';
  if (!rules.groups.empty()) {
    out += ",\"groups\":[";
    for (size_t g = 0; g < rules.groups.size(); ++g) {
      if (g) out += ',';
      const engine_internal::GroupPoints p = engine_internal::group_points(rules, g, v);
      append_group(out, texts, rules.groups[g], g, p.total, p.counted);
    }
    out += ']';
  }
  if (rules.decay) {
    out += ",\"decay\":{\"factor\":";
    append_json_number_to(out, round2(v.decay_factor));
    out += ",\"reason\":\"";
    d.decay(v.decay_factor, out);
    out += "\"}";
  }
  const double unclamped = round2(v.fit + v.engagement);
  if (unclamped != v.score) {
    out += ",\"clamped_from\":";
    append_json_number_to(out, unclamped);
  }
  out += ",\"disqualified\":[";
  for (size_t k = 0; k < v.disqualified_by.size(); ++k) {
    out += k ? ",\"" : "\"";
    d.disqualifier(static_cast<size_t>(v.disqualified_by[k]), out);
    out += '"';
  }
  out += "],\"gates\":[";
  for (size_t s = 0; s < rules.stages.size(); ++s) {
    if (s) out += ',';
    out += texts.gate_open[s][v.gate_passed[s]];
    held.clear();
    JsonGateLines lines{out, held};
    d.gate_checks(s, v, lines);
    out += "],\"held\":[";
    out += held.view();
    out += "]}";
  }
  out += "]}";
  result += out.view();
}

}  // namespace

void append_explanation_json(const RuleSet& rules, const Verdict& v, const Explanation& e, int32_t as_of_day,
                             std::string& out) {
  const auto& texts = engine_internal::per_rule_set<ExplanationJsonTexts>(rules);
  if (!e.deferred) return append_structured(rules, texts, v, e, as_of_day, out);
  const ExplainedLead& lead = *e.deferred;
  if (texts.exact_pieces && &lead.scorer->rules() == &rules) return append_deferred(lead, texts, as_of_day, out);
  // Rules with invalid UTF-8 in their words: each text is escaped whole.
  const Explanation full = explain(*lead.scorer, lead.values, *lead.scratch, *lead.verdict);
  append_structured(rules, texts, v, full, as_of_day, out);
}

}  // namespace leadscore
