// How a lead's verdict is put in words, written once for two forms: plain
// text for the Explanation structure, and the contents of JSON strings written
// straight into the output. The prepared words come from a texts table in the
// matching form (plain, or escaped for JSON: see explain_texts.h); the `Form`
// says what is written into (`Form::Out`: anything with += for strings and
// chars, and size()) and how a lead's own values are appended (as they are,
// or escaped).
#pragma once

#include <charconv>
#include <string>
#include <string_view>

#include "engine/explain_texts.h"
#include "engine/lead_context.h"
#include "leadscore/values.h"
#include "leadscore/verdict.h"

namespace leadscore::engine_internal {

// Plain text into a std::string, a lead's values as they are.
struct PlainText {
  using Out = std::string;
  static void append(Out& out, std::string_view v) { out += v; }
};

template <class Out>
void append_number(Out& out, double v) {
  char buf[32];
  out += format_number(v, buf);
}

template <class Out>
void append_integer(Out& out, int64_t v) {
  char buf[24];
  out += std::string_view(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, v).ptr - buf));
}

// A group's members' points, before and after the group's bounds.
struct GroupPoints {
  double total = 0;
  double counted = 0;
};

inline GroupPoints group_points(const RuleSet& rules, size_t g, const Verdict& verdict) {
  GroupPoints p;
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    if (rules.criteria[i].group == static_cast<int>(g)) p.total += verdict.criteria[i].points;
  }
  const Group& group = rules.groups[g];
  p.counted = p.total;
  if (group.max && p.counted > *group.max) p.counted = *group.max;
  if (group.min && p.counted < *group.min) p.counted = *group.min;
  return p;
}

template <class Form>
class Describer {
 public:
  using Out = typename Form::Out;

  Describer(LeadContext& ctx, const ExplainTexts& texts) : ctx_(ctx), texts_(texts) {}

  // A condition whose result for this lead is `held`.
  void describe(const Condition& c, const ConditionTexts& t, bool held, Out& out) {
    switch (c.op) {
      case Op::kAll: {
        const size_t start = out.size();
        for (size_t i = 0; i < c.children.size(); ++i) {
          // When it failed, name only the parts that failed.
          if (!held && ctx_.eval(c.children[i])) continue;
          if (out.size() != start) out += held ? " and " : "; ";
          describe(c.children[i], t.children[i], held, out);
        }
        return;
      }
      case Op::kAny: {
        for (size_t i = 0; i < c.children.size(); ++i) {
          if (ctx_.eval(c.children[i])) return describe(c.children[i], t.children[i], true, out);
        }
        out += "none of: ";
        for (size_t i = 0; i < c.children.size(); ++i) {
          if (i) out += " / ";
          describe(c.children[i], t.children[i], false, out);
        }
        return;
      }
      case Op::kNot:
        out += "not (";
        describe(c.children[0], t.children[0], !held, out);
        out += ')';
        return;
      case Op::kCriterion: {
        if (c.criterion < 0) {
          out += t.reference;
          return;
        }
        const Criterion& ref = ctx_.rules().criteria[static_cast<size_t>(c.criterion)];
        const bool holds = ctx_.criterion_holds(c.criterion);
        out += holds ? t.reference : t.not_reference;
        if (ref.when) describe(*ref.when, texts_.criteria[static_cast<size_t>(c.criterion)].when, holds, out);
        out += ')';
        return;
      }
      default:
        return describe_leaf(c, t, held, out);
    }
  }

  // A criterion's reason, after the rule's own reason (which the caller adds when it matched).
  void criterion_reason(size_t i, const CriterionOutcome& o, Out& out) {
    const Criterion& c = ctx_.rules().criteria[i];
    const CriterionTexts& t = texts_.criteria[i];
    const size_t start = out.size();
    const bool holds = ctx_.criterion_holds(static_cast<int>(i));
    if (c.when) describe(*c.when, t.when, holds, out);
    if (c.points.field >= 0 && holds) {
      if (out.size() != start) out += "; ";
      if (ctx_.missing(c.points.field)) {
        out += t.points_missing;
      } else {
        out += t.points_value;
        append_short(out, ctx_.text(c.points.field));
        out += '\'';
      }
      switch (c.points.kind) {
        case PointsKind::kPerUnit:
          out += t.per_unit;
          // The 0 then says why; a min or max of 0 did not bound it.
          if (o.points == 0 && !ctx_.missing(c.points.field) && per_unit_zero(i, out)) return;
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
  }

  // Why points_per gave criterion i 0 for a value that is there: it is not
  // a number, or the scorer found its points past ±1e15 (a kTooLarge in the
  // verdict). True when it said so.
  bool per_unit_zero(size_t i, Out& out) {
    if (!ctx_.number(ctx_.rules().criteria[i].points.field, false)) {
      out += ", which is not a number: 0";
      return true;
    }
    for (const BadValue& b : ctx_.verdict().bad_values) {
      if (b.problem == ValueProblem::kTooLarge && b.criterion == static_cast<int>(i)) {
        out += ", more than ±1e15 points: 0";
        return true;
      }
    }
    return false;
  }

  // A disqualifier that held.
  void disqualifier(size_t i, Out& out) {
    const DisqualifierTexts& t = texts_.disqualify[i];
    out += t.prefix;
    describe(ctx_.rules().disqualify[i].when, t.when, true, out);
  }

  // The decay date and its factor; nothing without decay rules.
  void decay(double factor, Out& out) {
    const RuleSet& rules = ctx_.rules();
    if (!rules.decay) return;
    const int f = rules.decay->field;
    if (ctx_.missing(f)) {
      out += texts_.decay.missing;
      return;
    }
    out += texts_.decay.value_prefix;
    append_short(out, ctx_.text(f));
    auto day = ctx_.day(f, false);
    if (!day) {
      out += "' is not a date: no decay";
      return;
    }
    const int32_t age = ctx_.as_of() - *day;
    if (age <= 0) {
      out += "' is not in the past: no decay";
      return;
    }
    out += "' is ";
    append_integer(out, age);
    out += texts_.decay.half_life;
    append_number(out, factor);
  }

  // Each check of stage gate `s` in order, one line each: `lines.open(met)`
  // gives the string to write it into, `lines.close(met)` ends it.
  template <class Lines>
  void gate_checks(size_t s, const Verdict& v, Lines& lines) {
    const StageGate& g = ctx_.rules().stages[s];
    const GateTexts& t = texts_.gates[s];
    if (!g.defined) {
      lines.open(false) += t.undefined;
      lines.close(false);
    }
    threshold(t.score, v.score, g.min_score, lines);
    threshold(t.fit, v.fit, g.min_fit, lines);
    threshold(t.engagement, v.engagement, g.min_engagement, lines);
    for (size_t r = 0; r < g.requires_all.size(); ++r) {
      const Condition& c = g.requires_all[r];
      const bool held = ctx_.eval(c);
      describe(c, t.requires_all[r], held, lines.open(held));
      lines.close(held);
    }
  }

  // How a leaf's description ends, after the value: its `held`, `failed` or `unreadable` text.
  enum class LeafEnd { kHeld, kFailed, kUnreadable };

  // What a leaf on a present value says between the value and its ending
  // (the age of a date), and which ending follows.
  LeafEnd leaf_middle(const Condition& c, bool held, Out& out) {
    switch (c.op) {
      case Op::kIs:
        if (!ctx_.boolean(c.field, false)) return LeafEnd::kUnreadable;
        break;
      case Op::kWithinDays:
      case Op::kOlderThanDays: {
        auto d = ctx_.day(c.field, false);
        if (!d) return LeafEnd::kUnreadable;
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
        if (dates ? !ctx_.day(c.field, false) : !ctx_.number(c.field, false)) return LeafEnd::kUnreadable;
        break;
      }
      default:
        break;
    }
    return held ? LeafEnd::kHeld : LeafEnd::kFailed;
  }

  // Values longer than this are shortened in descriptions.
  static constexpr size_t kShortMax = 60;

  // A lead's value between quotes, shortened: the quotes come from the texts.
  static void append_short(Out& out, std::string_view s) {
    if (s.size() > kShortMax) {
      Form::append(out, s.substr(0, kShortMax));
      out += "...";
    } else {
      Form::append(out, s);
    }
  }

 private:
  void describe_leaf(const Condition& c, const ConditionTexts& t, bool held, Out& out) {
    if (ctx_.missing(c.field)) {
      out += t.missing;
      return;
    }
    out += t.value_prefix;
    append_short(out, ctx_.text(c.field));
    switch (leaf_middle(c, held, out)) {
      case LeafEnd::kHeld:
        out += t.held;
        return;
      case LeafEnd::kFailed:
        out += t.failed;
        return;
      case LeafEnd::kUnreadable:
        out += t.unreadable;
        return;
    }
  }

  template <class Lines>
  void threshold(const ThresholdTexts& t, double have, const std::optional<double>& need, Lines& lines) {
    if (!need) return;
    const bool met = have >= *need;
    Out& line = lines.open(met);
    line += t.head;
    append_number(line, have);
    line += met ? t.met : t.short_of;
    lines.close(met);
  }

  LeadContext& ctx_;
  const ExplainTexts& texts_;
};

}  // namespace leadscore::engine_internal
