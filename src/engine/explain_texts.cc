#include "engine/explain_texts.h"

#include <algorithm>
#include <cstdio>

#include "engine/rule_set_cache.h"
#include "leadscore/values.h"

namespace leadscore::engine_internal {

namespace {

std::string num(double v) {
  char buf[32];
  return std::string(format_number(v, buf));
}

std::string day_text(int32_t day) {
  CivilDate d = civil_from_days(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

std::string quoted(std::string_view s) {
  constexpr size_t kMax = 60;
  std::string out = "'";
  if (s.size() > kMax) {
    out.append(s.substr(0, kMax));
    out += "...";
  } else {
    out.append(s);
  }
  return out + "'";
}

std::string literal_text(const Literal& lit) {
  if (lit.number || lit.boolean) return lit.text;
  return quoted(lit.text);
}

std::string literal_list(const std::vector<Literal>& lits) {
  std::string out = "[";
  for (size_t i = 0; i < lits.size(); ++i) {
    if (i) out += ", ";
    if (i == 8 && lits.size() > 9) {
      out += "... " + std::to_string(lits.size() - 8) + " more";
      break;
    }
    out += literal_text(lits[i]);
  }
  return out + "]";
}

std::string bound_text(const Literal& lit) {
  if (lit.number) return num(*lit.number);
  if (lit.day) return day_text(*lit.day);
  return lit.text;
}

// Sets `held` and `failed` to "' <held words> <operand>" and "' <failed words> <operand>".
void words(ConditionTexts& t, const char* held, const char* failed, const std::string& operand) {
  t.held = std::string("' ") + held + " " + operand;
  t.failed = std::string("' ") + failed + " " + operand;
}

void leaf_texts(const RuleSet& rules, const Condition& c, ConditionTexts& t) {
  const std::string& name = rules.fields[static_cast<size_t>(c.field)].name;
  t.missing = name + (c.op == Op::kExists && !c.flag ? " is missing, as required" : " is missing");
  t.value_prefix = name + " '";
  switch (c.op) {
    case Op::kExists:
      t.held = t.failed = c.flag ? "' is present" : "' is present, expected it missing";
      break;
    case Op::kEquals:
      words(t, "equals", "does not equal", literal_text(c.literals[0]));
      break;
    case Op::kNotEquals:
      words(t, "is not", "equals", literal_text(c.literals[0]));
      break;
    case Op::kIn:
      words(t, "is in", "is not in", literal_list(c.literals));
      break;
    case Op::kNotIn:
      words(t, "is not in", "is in", literal_list(c.literals));
      break;
    case Op::kContains:
      words(t, "contains", "does not contain", literal_list(c.literals));
      break;
    case Op::kStartsWith:
      words(t, "starts with", "does not start with", literal_list(c.literals));
      break;
    case Op::kEndsWith:
      words(t, "ends with", "does not end with", literal_list(c.literals));
      break;
    case Op::kMatches:
      words(t, "matches", "does not match", "/" + c.literals[0].text + "/");
      break;
    case Op::kEmailDomainIn:
      words(t, "has a domain in", "has no domain in", literal_list(c.literals));
      break;
    case Op::kIs:
      words(t, "is", "is not", c.flag ? "true" : "false");
      t.unreadable = "' is not a boolean (true/false, yes/no, 1/0)";
      break;
    case Op::kWithinDays:
    case Op::kOlderThanDays: {
      // Follows the lead's age: "' is 9 days old" + held or failed.
      std::string rule = (c.op == Op::kWithinDays ? "within " : "older than ") + std::to_string(c.days) + " days";
      t.held = ", " + rule;
      t.failed = ", not " + rule;
      t.unreadable = "' is not a date";
      break;
    }
    default: {
      std::string op = c.op == Op::kGt ? "> " : c.op == Op::kGte ? ">= " : c.op == Op::kLt ? "< " :
                       c.op == Op::kLte ? "<= " : "between ";
      std::string bound = bound_text(c.literals[0]);
      if (c.op == Op::kBetween) bound += " and " + bound_text(c.literals[1]);
      t.held = "' is " + op + bound;
      t.failed = "' is not " + op + bound;
      t.unreadable = c.literals[0].number ? "' is not a number" : "' is not a date";
      break;
    }
  }
}

// The field a criterion is "about": its points field, else its condition's first field.
int first_field(const Condition& c) {
  if (c.field >= 0) return c.field;
  for (const Condition& child : c.children) {
    int f = first_field(child);
    if (f >= 0) return f;
  }
  return -1;
}

CriterionTexts criterion_texts(const RuleSet& rules, const Criterion& c) {
  CriterionTexts t;
  if (c.when) t.when = condition_texts(rules, *c.when);
  if (!c.reason.empty()) t.reason_prefix = c.reason + ": ";
  t.field = c.points.field >= 0 ? c.points.field : (c.when ? first_field(*c.when) : -1);
  if (c.points.field >= 0) {
    const std::string& name = rules.fields[static_cast<size_t>(c.points.field)].name;
    t.points_missing = name + " is missing,";
    t.points_value = name + " '";
    t.per_unit = " × " + num(c.points.points) + " per unit";
    t.no_entry = " has no entry, default " + num(c.points.default_points.value_or(0));
  }
  if (c.max) t.bounded_max = " (bounded by max " + num(*c.max) + ")";
  if (c.min) t.bounded_min = " (bounded by min " + num(*c.min) + ")";
  if (c.points.kind == PointsKind::kFixed) {
    double p = round2(c.points.points);
    if (p != 0) {
      t.fixed = true;
      t.fixed_points = p;
      t.fixed_reason = c.id + (p > 0 ? "+" : "") + num(p);
    }
  }
  return t;
}

ThresholdTexts threshold_texts(const std::string& what, const std::optional<double>& need) {
  ThresholdTexts t;
  t.head = what + " ";
  if (need) {
    t.met = " >= min_" + what + " " + num(*need);
    t.short_of = " < min_" + what + " " + num(*need);
  }
  return t;
}

}  // namespace

ConditionTexts condition_texts(const RuleSet& rules, const Condition& c) {
  ConditionTexts t;
  switch (c.op) {
    case Op::kAll:
    case Op::kAny:
    case Op::kNot:
      for (const Condition& child : c.children) t.children.push_back(condition_texts(rules, child));
      break;
    case Op::kCriterion:
      t.reference = "criterion " + c.criterion_id + (c.criterion < 0 ? "" : " (");
      t.not_reference = "not criterion " + c.criterion_id + " (";
      break;
    default:
      leaf_texts(rules, c, t);
      break;
  }
  return t;
}

ExplainTexts::ExplainTexts(const RuleSet& rules) {
  for (const Criterion& c : rules.criteria) criteria.push_back(criterion_texts(rules, c));
  for (const Disqualifier& d : rules.disqualify) {
    DisqualifierTexts t;
    t.prefix = d.id + ": " + (d.reason.empty() ? "" : d.reason + ": ");
    t.reason = "disqualified:" + d.id;
    t.when = condition_texts(rules, d.when);
    disqualify.push_back(std::move(t));
  }
  for (size_t s = 0; s < rules.stages.size(); ++s) {
    const StageGate& g = rules.stages[s];
    GateTexts t;
    t.undefined = "stage " + std::string(stage_name(static_cast<Stage>(s + 1))) + " is not defined in the rules";
    t.score = threshold_texts("score", g.min_score);
    t.fit = threshold_texts("fit", g.min_fit);
    t.engagement = threshold_texts("engagement", g.min_engagement);
    for (const Condition& c : g.requires_all) t.requires_all.push_back(condition_texts(rules, c));
    gates.push_back(std::move(t));
  }
  // A number is at most 31 characters (format_number's buffer).
  constexpr size_t kNumber = 31;
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    const CriterionTexts& t = criteria[i];
    ReasonsTable::Fixed f;
    if (t.fixed) {
      f.points = t.fixed_points;
      f.at = static_cast<uint32_t>(reasons.text.size());
      f.size = static_cast<uint32_t>(t.fixed_reason.size());
      reasons.text += t.fixed_reason;
    }
    reasons.fixed.push_back(f);
    reasons.bound += std::max(t.fixed_reason.size(), rules.criteria[i].id.size() + 1 + kNumber);
  }
  reasons.text.append(ReasonsTable::kSlack, '\0');
  for (const DisqualifierTexts& t : disqualify) reasons.bound += t.reason.size();
  reasons.bound += std::string_view("decay\xC3\x97").size() + kNumber;
  reasons.items = rules.criteria.size() + disqualify.size() + 1;
  if (rules.decay) {
    const std::string& name = rules.fields[static_cast<size_t>(rules.decay->field)].name;
    decay.missing = name + " is missing: no decay";
    decay.value_prefix = name + " '";
    decay.half_life = " days old, half-life " + num(rules.decay->half_life_days) + " days: ×";
  }
}

const ExplainTexts& explain_texts(const RuleSet& rules) { return per_rule_set<ExplainTexts>(rules); }

}  // namespace leadscore::engine_internal
