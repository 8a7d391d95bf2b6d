#include "leadscore/explanation.h"

#include <charconv>
#include <cmath>

#include "engine/explain_texts.h"
#include "engine/lead_context.h"
#include "engine/rule_set_cache.h"
#include "leadscore/values.h"

namespace leadscore {

namespace {

using engine_internal::ConditionTexts;
using engine_internal::ExplainTexts;
using engine_internal::LeadContext;

void append_number(std::string& out, double v) {
  char buf[32];
  out += format_number(v, buf);
}

void append_integer(std::string& out, int64_t v) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// A lead's value between quotes, shortened: the quotes come from the texts.
void append_value(std::string& out, std::string_view s) {
  constexpr size_t kMax = 60;
  if (s.size() > kMax) {
    out.append(s.substr(0, kMax));
    out += "...";
  } else {
    out.append(s);
  }
}

// Lines of gate checks and disqualifiers come and go from lead to lead; their
// strings wait here between leads so that their capacity is not lost.
thread_local std::vector<std::string> t_spare_lines;

void release_lines(std::vector<std::string>& lines) {
  for (std::string& s : lines) t_spare_lines.push_back(std::move(s));
  lines.clear();
}

std::string& add_line(std::vector<std::string>& lines) {
  if (t_spare_lines.empty()) {
    lines.emplace_back();
  } else {
    lines.push_back(std::move(t_spare_lines.back()));
    t_spare_lines.pop_back();
  }
  lines.back().clear();
  return lines.back();
}

// The buffers of the last Explanation destroyed on this thread, for the next explain().
struct RecycledExplanation {
  Explanation buffers;
  bool full = false;
  ~RecycledExplanation() { closed = true; }
  static thread_local bool closed;  // after thread exit: nothing to give back to
};
thread_local bool RecycledExplanation::closed = false;
thread_local RecycledExplanation t_recycled;

class Describer {
 public:
  Describer(LeadContext& ctx, const ExplainTexts& texts) : ctx_(ctx), texts_(texts) {}

  void describe(const Condition& c, const ConditionTexts& t, std::string& out) {
    switch (c.op) {
      case Op::kAll: {
        bool held = ctx_.eval(c);
        const size_t start = out.size();
        for (size_t i = 0; i < c.children.size(); ++i) {
          // When it failed, name only the parts that failed.
          if (!held && ctx_.eval(c.children[i])) continue;
          if (out.size() != start) out += held ? " and " : "; ";
          describe(c.children[i], t.children[i], out);
        }
        return;
      }
      case Op::kAny: {
        for (size_t i = 0; i < c.children.size(); ++i) {
          if (ctx_.eval(c.children[i])) return describe(c.children[i], t.children[i], out);
        }
        out += "none of: ";
        for (size_t i = 0; i < c.children.size(); ++i) {
          if (i) out += " / ";
          describe(c.children[i], t.children[i], out);
        }
        return;
      }
      case Op::kNot:
        out += "not (";
        describe(c.children[0], t.children[0], out);
        out += ')';
        return;
      case Op::kCriterion: {
        if (c.criterion < 0) {
          out += t.reference;
          return;
        }
        const Criterion& ref = ctx_.rules().criteria[static_cast<size_t>(c.criterion)];
        out += ctx_.criterion_holds(c.criterion) ? t.reference : t.not_reference;
        if (ref.when) describe(*ref.when, texts_.criteria[static_cast<size_t>(c.criterion)].when, out);
        out += ')';
        return;
      }
      default:
        return describe_leaf(c, t, out);
    }
  }

 private:
  void describe_leaf(const Condition& c, const ConditionTexts& t, std::string& out) {
    if (ctx_.missing(c.field)) {
      out += t.missing;
      return;
    }
    out += t.value_prefix;
    append_value(out, ctx_.text(c.field));
    const bool held = ctx_.eval(c);
    switch (c.op) {
      case Op::kIs:
        if (!ctx_.boolean(c.field, false)) {
          out += t.unreadable;
          return;
        }
        break;
      case Op::kWithinDays:
      case Op::kOlderThanDays: {
        auto d = ctx_.day(c.field, false);
        if (!d) {
          out += t.unreadable;
          return;
        }
        const int32_t age = ctx_.as_of() - *d;
        out += "' is ";
        if (age < 0) {
          out += "in the future";
        } else {
          append_integer(out, age);
          out += " days old";
        }
        break;
      }
      case Op::kGt:
      case Op::kGte:
      case Op::kLt:
      case Op::kLte:
      case Op::kBetween: {
        const bool dates = !c.literals[0].number;
        if (dates ? !ctx_.day(c.field, false) : !ctx_.number(c.field, false)) {
          out += t.unreadable;
          return;
        }
        break;
      }
      default:
        break;
    }
    out += held ? t.held : t.failed;
  }

  LeadContext& ctx_;
  const ExplainTexts& texts_;
};

void explain_criterion(size_t i, const RuleSet& rules, const ExplainTexts& texts, LeadContext& ctx, Describer& d,
                       const Verdict& verdict, CriterionExplanation& x) {
  const Criterion& c = rules.criteria[i];
  const engine_internal::CriterionTexts& t = texts.criteria[i];
  const CriterionOutcome& o = verdict.criteria[i];
  x.criterion = &c;
  x.matched = o.matched;
  x.points = o.points;
  std::string& out = x.reason;
  out.clear();
  if (o.matched) out += t.reason_prefix;
  const size_t start = out.size();
  if (c.when) d.describe(*c.when, t.when, out);
  if (c.points.field >= 0 && (!c.when || ctx.criterion_holds(static_cast<int>(i)))) {
    if (out.size() != start) out += "; ";
    if (ctx.missing(c.points.field)) {
      out += t.points_missing;
    } else {
      out += t.points_value;
      append_value(out, ctx.text(c.points.field));
      out += '\'';
    }
    switch (c.points.kind) {
      case PointsKind::kPerUnit:
        out += t.per_unit;
        break;
      case PointsKind::kByValue:
      case PointsKind::kByRange:
        if (o.matched) {
          out += " scores ";
          append_number(out, o.points);
        } else {
          out += t.no_entry;
        }
        break;
      default:
        break;
    }
  }
  if (o.matched) {
    if (c.max && o.points == *c.max) out += t.bounded_max;
    else if (c.min && o.points == *c.min) out += t.bounded_min;
  }
  if (t.field >= 0) {
    x.field = rules.fields[static_cast<size_t>(t.field)].name;
    x.missing = ctx.missing(t.field);
    x.value = ctx.text(t.field);
  } else {
    x.field.clear();
    x.missing = false;
    x.value.clear();
  }
}

void explain_decay(const RuleSet& rules, const ExplainTexts& texts, LeadContext& ctx, const Verdict& verdict,
                   std::string& out) {
  out.clear();
  if (!rules.decay) return;
  const int f = rules.decay->field;
  if (ctx.missing(f)) {
    out += texts.decay.missing;
    return;
  }
  out += texts.decay.value_prefix;
  append_value(out, ctx.text(f));
  auto day = ctx.day(f, false);
  if (!day) {
    out += "' is not a date: no decay";
    return;
  }
  const int32_t age = ctx.as_of() - *day;
  if (age <= 0) {
    out += "' is not in the past: no decay";
    return;
  }
  out += "' is ";
  append_integer(out, age);
  out += texts.decay.half_life;
  append_number(out, verdict.decay_factor);
}

void explain_threshold(const engine_internal::ThresholdTexts& t, double have, const std::optional<double>& need,
                       GateExplanation& gx) {
  if (!need) return;
  const bool met = have >= *need;
  std::string& line = add_line(met ? gx.checks_passed : gx.checks_failed);
  line += t.head;
  append_number(line, have);
  line += met ? t.met : t.short_of;
}

void explain_into(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
                  Verdict& verdict, Explanation& e) {
  const RuleSet& rules = scorer.rules();
  const ExplainTexts& texts = engine_internal::explain_texts(rules);
  LeadContext ctx(rules, scorer.as_of_day(), values, scratch, verdict);
  Describer d(ctx, texts);

  e.criteria.resize(rules.criteria.size());
  for (size_t i = 0; i < rules.criteria.size(); ++i) explain_criterion(i, rules, texts, ctx, d, verdict, e.criteria[i]);

  e.groups.resize(rules.groups.size());
  for (size_t g = 0; g < rules.groups.size(); ++g) {
    GroupExplanation& gx = e.groups[g];
    gx.group = &rules.groups[g];
    gx.total = 0;
    for (size_t i = 0; i < rules.criteria.size(); ++i) {
      if (rules.criteria[i].group == static_cast<int>(g)) gx.total += verdict.criteria[i].points;
    }
    gx.counted = gx.total;
    if (gx.group->max && gx.counted > *gx.group->max) gx.counted = *gx.group->max;
    if (gx.group->min && gx.counted < *gx.group->min) gx.counted = *gx.group->min;
  }

  release_lines(e.disqualified);
  for (int i : verdict.disqualified_by) {
    std::string& line = add_line(e.disqualified);
    line += texts.disqualify[static_cast<size_t>(i)].prefix;
    d.describe(rules.disqualify[static_cast<size_t>(i)].when, texts.disqualify[static_cast<size_t>(i)].when, line);
  }

  explain_decay(rules, texts, ctx, verdict, e.decay);
  const double unclamped = round2(verdict.fit + verdict.engagement);
  e.clamped_from.reset();
  if (unclamped != verdict.score) e.clamped_from = unclamped;

  e.gates.resize(rules.stages.size());
  for (size_t s = 0; s < rules.stages.size(); ++s) {
    const StageGate& g = rules.stages[s];
    const engine_internal::GateTexts& t = texts.gates[s];
    GateExplanation& gx = e.gates[s];
    gx.stage = static_cast<Stage>(s + 1);
    gx.defined = g.defined;
    gx.passed = verdict.gate_passed[s];
    release_lines(gx.checks_failed);
    release_lines(gx.checks_passed);
    if (!g.defined) add_line(gx.checks_failed) += t.undefined;
    explain_threshold(t.score, verdict.score, g.min_score, gx);
    explain_threshold(t.fit, verdict.fit, g.min_fit, gx);
    explain_threshold(t.engagement, verdict.engagement, g.min_engagement, gx);
    for (size_t r = 0; r < g.requires_all.size(); ++r) {
      const Condition& c = g.requires_all[r];
      d.describe(c, t.requires_all[r], add_line(ctx.eval(c) ? gx.checks_passed : gx.checks_failed));
    }
  }
}

}  // namespace

Explanation::~Explanation() {
  if (RecycledExplanation::closed || t_recycled.full || criteria.capacity() == 0) return;
  t_recycled.buffers = std::move(*this);
  t_recycled.full = true;
}

std::string describe_condition(const Scorer& scorer, const Condition& c, std::span<const std::string_view> values,
                               LeadScratch& scratch, Verdict& verdict) {
  const ExplainTexts& texts = engine_internal::explain_texts(scorer.rules());
  const ConditionTexts t = engine_internal::condition_texts(scorer.rules(), c);
  LeadContext ctx(scorer.rules(), scorer.as_of_day(), values, scratch, verdict);
  Describer d(ctx, texts);
  std::string out;
  d.describe(c, t, out);
  return out;
}

Explanation explain(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
                    Verdict& verdict) {
  Explanation e;
  if (t_recycled.full) {
    e = std::move(t_recycled.buffers);
    t_recycled.full = false;
  }
  explain_into(scorer, values, scratch, verdict, e);
  return e;
}

void append_reasons(const RuleSet& rules, const Verdict& v, std::string& out) {
  const ExplainTexts& texts = engine_internal::explain_texts(rules);
  bool first = true;
  auto sep = [&]() {
    if (!first) out += "; ";
    first = false;
  };
  for (int i : v.disqualified_by) {
    sep();
    out += texts.disqualify[static_cast<size_t>(i)].reason;
  }
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    if (v.criteria[i].points == 0) continue;  // most criteria do not fire
    const double p = round2(v.criteria[i].points);
    if (p == 0) continue;
    sep();
    const engine_internal::CriterionTexts& t = texts.criteria[i];
    if (t.fixed && p == t.fixed_points) {
      out += t.fixed_reason;
      continue;
    }
    out += rules.criteria[i].id;
    if (p > 0) out += '+';
    append_number(out, p);
  }
  if (v.decay_factor < 1) {
    sep();
    out += "decay\xC3\x97";  // ×
    append_number(out, v.decay_factor);
  }
}

}  // namespace leadscore
