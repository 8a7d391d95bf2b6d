#include "leadscore/explanation.h"

#include <cmath>

#include "engine/lead_context.h"
#include "leadscore/values.h"

namespace leadscore {

namespace {

using engine_internal::LeadContext;

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

std::string bound_text(const Literal& lit) { return lit.number ? num(*lit.number) : day_text(*lit.day); }

class Describer {
 public:
  explicit Describer(LeadContext& ctx) : ctx_(ctx) {}

  std::string describe(const Condition& c) {
    switch (c.op) {
      case Op::kAll: {
        bool held = ctx_.eval(c);
        std::string out;
        for (const Condition& child : c.children) {
          // When it failed, name only the parts that failed.
          if (!held && ctx_.eval(child)) continue;
          if (!out.empty()) out += held ? " and " : "; ";
          out += describe(child);
        }
        return out;
      }
      case Op::kAny: {
        for (const Condition& child : c.children) {
          if (ctx_.eval(child)) return describe(child);
        }
        std::string out = "none of: ";
        for (size_t i = 0; i < c.children.size(); ++i) {
          if (i) out += " / ";
          out += describe(c.children[i]);
        }
        return out;
      }
      case Op::kNot:
        return "not (" + describe(c.children[0]) + ")";
      case Op::kCriterion: {
        if (c.criterion < 0) return "criterion " + c.criterion_id;
        const Criterion& ref = ctx_.rules().criteria[static_cast<size_t>(c.criterion)];
        return (ctx_.criterion_holds(c.criterion) ? "criterion " : "not criterion ") + c.criterion_id + " (" +
               describe(*ref.when) + ")";
      }
      default:
        return describe_leaf(c);
    }
  }

 private:
  std::string describe_leaf(const Condition& c) {
    const std::string& name = ctx_.rules().fields[static_cast<size_t>(c.field)].name;
    if (ctx_.missing(c.field)) {
      if (c.op == Op::kExists) return name + (c.flag ? " is missing" : " is missing, as required");
      return name + " is missing";
    }
    std::string v = name + " " + quoted(ctx_.text(c.field));
    bool held = ctx_.eval(c);
    const char* is = held ? " is " : " is not ";
    switch (c.op) {
      case Op::kExists:
        return v + (c.flag ? " is present" : " is present, expected it missing");
      case Op::kEquals:
        return v + (held ? " equals " : " does not equal ") + literal_text(c.literals[0]);
      case Op::kNotEquals:
        return v + (held ? " is not " : " equals ") + literal_text(c.literals[0]);
      case Op::kIn:
        return v + is + "in " + literal_list(c.literals);
      case Op::kNotIn:
        return v + (held ? " is not in " : " is in ") + literal_list(c.literals);
      case Op::kContains:
        return v + (held ? " contains " : " does not contain ") + literal_list(c.literals);
      case Op::kStartsWith:
        return v + (held ? " starts with " : " does not start with ") + literal_list(c.literals);
      case Op::kEndsWith:
        return v + (held ? " ends with " : " does not end with ") + literal_list(c.literals);
      case Op::kMatches:
        return v + (held ? " matches /" : " does not match /") + c.literals[0].text + "/";
      case Op::kEmailDomainIn:
        return v + (held ? " has a domain in " : " has no domain in ") + literal_list(c.literals);
      case Op::kIs: {
        if (!ctx_.boolean(c.field, false)) return v + " is not a boolean (true/false, yes/no, 1/0)";
        return v + is + (c.flag ? "true" : "false");
      }
      case Op::kWithinDays:
      case Op::kOlderThanDays: {
        auto d = ctx_.day(c.field, false);
        if (!d) return v + " is not a date";
        int32_t age = ctx_.as_of() - *d;
        std::string age_text = age < 0 ? "in the future" : std::to_string(age) + " days old";
        std::string rule = c.op == Op::kWithinDays ? "within " : "older than ";
        return v + " is " + age_text + "," + (held ? " " : " not ") + rule + std::to_string(c.days) + " days";
      }
      default: {
        bool dates = !c.literals[0].number;
        if (dates ? !ctx_.day(c.field, false) : !ctx_.number(c.field, false)) {
          return v + (dates ? " is not a date" : " is not a number");
        }
        std::string op = c.op == Op::kGt ? "> " : c.op == Op::kGte ? ">= " : c.op == Op::kLt ? "< " :
                         c.op == Op::kLte ? "<= " : "between ";
        std::string bound = bound_text(c.literals[0]);
        if (c.op == Op::kBetween) bound += " and " + bound_text(c.literals[1]);
        return v + is + op + bound;
      }
    }
  }

  LeadContext& ctx_;
};

// The field a criterion is "about": its points field, else its condition's first field.
int first_field(const Condition& c) {
  if (c.field >= 0) return c.field;
  for (const Condition& child : c.children) {
    int f = first_field(child);
    if (f >= 0) return f;
  }
  return -1;
}

}  // namespace

std::string describe_condition(const Scorer& scorer, const Condition& c, std::span<const std::string_view> values,
                               LeadScratch& scratch, Verdict& verdict) {
  LeadContext ctx(scorer.rules(), scorer.as_of_day(), values, scratch, verdict);
  Describer d(ctx);
  return d.describe(c);
}

Explanation explain(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
                    Verdict& verdict) {
  const RuleSet& rules = scorer.rules();
  LeadContext ctx(rules, scorer.as_of_day(), values, scratch, verdict);
  Describer d(ctx);
  Explanation e;
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    const Criterion& c = rules.criteria[i];
    const CriterionOutcome& o = verdict.criteria[i];
    CriterionExplanation x;
    x.criterion = &c;
    x.matched = o.matched;
    x.points = o.points;
    int field = c.points.field >= 0 ? c.points.field : (c.when ? first_field(*c.when) : -1);
    std::string what;
    if (c.when) what = d.describe(*c.when);
    if (c.points.field >= 0 && (!c.when || ctx.criterion_holds(static_cast<int>(i)))) {
      const std::string& fname = rules.fields[static_cast<size_t>(c.points.field)].name;
      std::string pv = ctx.missing(c.points.field) ? fname + " is missing," : fname + " " + quoted(ctx.text(c.points.field));
      switch (c.points.kind) {
        case PointsKind::kPerUnit:
          pv += " × " + num(c.points.points) + " per unit";
          break;
        case PointsKind::kByValue:
        case PointsKind::kByRange:
          pv += o.matched ? " scores " + num(o.points) : " has no entry, default " + num(c.points.default_points.value_or(0));
          break;
        default:
          break;
      }
      what = what.empty() ? pv : what + "; " + pv;
    }
    bool bounded = (c.max && o.points == *c.max) || (c.min && o.points == *c.min);
    if (bounded && o.matched) what += " (bounded by " + std::string(c.max && o.points == *c.max ? "max " : "min ") + num(o.points) + ")";
    x.reason = (o.matched && !c.reason.empty()) ? c.reason + ": " + what : what;
    if (field >= 0) {
      x.field = rules.fields[static_cast<size_t>(field)].name;
      x.missing = ctx.missing(field);
      x.value = std::string(ctx.text(field));
    }
    e.criteria.push_back(std::move(x));
  }
  for (size_t g = 0; g < rules.groups.size(); ++g) {
    GroupExplanation gx;
    gx.group = &rules.groups[g];
    for (size_t i = 0; i < rules.criteria.size(); ++i) {
      if (rules.criteria[i].group == static_cast<int>(g)) gx.total += verdict.criteria[i].points;
    }
    gx.counted = gx.total;
    if (gx.group->max && gx.counted > *gx.group->max) gx.counted = *gx.group->max;
    if (gx.group->min && gx.counted < *gx.group->min) gx.counted = *gx.group->min;
    e.groups.push_back(gx);
  }
  for (int i : verdict.disqualified_by) {
    const Disqualifier& dq = rules.disqualify[static_cast<size_t>(i)];
    std::string line = dq.id + ": ";
    if (!dq.reason.empty()) line += dq.reason + ": ";
    e.disqualified.push_back(line + d.describe(dq.when));
  }
  if (rules.decay) {
    int f = rules.decay->field;
    const std::string& fname = rules.fields[static_cast<size_t>(f)].name;
    if (ctx.missing(f)) {
      e.decay = fname + " is missing: no decay";
    } else if (auto day = ctx.day(f, false)) {
      int32_t age = scorer.as_of_day() - *day;
      e.decay = age <= 0 ? fname + " " + quoted(ctx.text(f)) + " is not in the past: no decay"
                         : fname + " " + quoted(ctx.text(f)) + " is " + std::to_string(age) + " days old, half-life " +
                               num(rules.decay->half_life_days) + " days: ×" + num(verdict.decay_factor);
    } else {
      e.decay = fname + " " + quoted(ctx.text(f)) + " is not a date: no decay";
    }
  }
  double unclamped = round2(verdict.fit + verdict.engagement);
  if (unclamped != verdict.score) e.clamped_from = unclamped;

  for (size_t s = 0; s < rules.stages.size(); ++s) {
    const StageGate& g = rules.stages[s];
    GateExplanation gx;
    gx.stage = static_cast<Stage>(s + 1);
    gx.defined = g.defined;
    gx.passed = verdict.gate_passed[s];
    if (!g.defined) {
      gx.checks_failed.push_back("stage " + std::string(stage_name(gx.stage)) + " is not defined in the rules");
    }
    auto threshold = [&](const char* what, double have, const std::optional<double>& need) {
      if (!need) return;
      std::string line = std::string(what) + " " + num(have) + (have >= *need ? " >= " : " < ") + "min_" + what +
                         " " + num(*need);
      (have >= *need ? gx.checks_passed : gx.checks_failed).push_back(std::move(line));
    };
    threshold("score", verdict.score, g.min_score);
    threshold("fit", verdict.fit, g.min_fit);
    threshold("engagement", verdict.engagement, g.min_engagement);
    for (const Condition& c : g.requires_all) {
      (ctx.eval(c) ? gx.checks_passed : gx.checks_failed).push_back(d.describe(c));
    }
    e.gates.push_back(std::move(gx));
  }
  return e;
}

void append_reasons(const RuleSet& rules, const Verdict& v, std::string& out) {
  char buf[32];
  bool first = true;
  auto sep = [&]() {
    if (!first) out += "; ";
    first = false;
  };
  for (int i : v.disqualified_by) {
    sep();
    out += "disqualified:";
    out += rules.disqualify[static_cast<size_t>(i)].id;
  }
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    double p = round2(v.criteria[i].points);
    if (p == 0) continue;
    sep();
    out += rules.criteria[i].id;
    if (p > 0) out += '+';
    out += format_number(p, buf);
  }
  if (v.decay_factor < 1) {
    sep();
    out += "decay\xC3\x97";  // ×
    out += format_number(v.decay_factor, buf);
  }
}

}  // namespace leadscore
