#include "leadscore/explanation.h"

#include <charconv>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "engine/explain_describer.h"
#include "engine/explain_texts.h"
#include "engine/lead_context.h"
#include "engine/rule_set_cache.h"
#include "leadscore/values.h"

namespace leadscore {

namespace {

using engine_internal::ConditionTexts;
using engine_internal::ExplainTexts;
using engine_internal::LeadContext;
using Describer = engine_internal::Describer<engine_internal::PlainText>;

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

// Gate checks as lines of a GateExplanation.
struct GateLines {
  GateExplanation& gate;
  std::string& open(bool met) { return add_line(met ? gate.checks_passed : gate.checks_failed); }
  void close(bool) {}
};

void explain_into(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
                  Verdict& verdict, Explanation& e) {
  const RuleSet& rules = scorer.rules();
  const ExplainTexts& texts = engine_internal::explain_texts(rules);
  LeadContext ctx(scorer, values, scratch, verdict);
  Describer d(ctx, texts);

  e.deferred.reset();
  e.criteria.resize(rules.criteria.size());
  for (size_t i = 0; i < rules.criteria.size(); ++i) {
    const CriterionOutcome& o = verdict.criteria[i];
    const int field = texts.criteria[i].field;
    CriterionExplanation& x = e.criteria[i];
    x.criterion = &rules.criteria[i];
    x.matched = o.matched;
    x.points = o.points;
    x.reason.clear();
    if (o.matched) x.reason += texts.criteria[i].reason_prefix;
    d.criterion_reason(i, o, x.reason);
    if (field >= 0) {
      x.field = rules.fields[static_cast<size_t>(field)].name;
      x.missing = ctx.missing(field);
      x.value = ctx.text(field);
    } else {
      x.field.clear();
      x.missing = false;
      x.value.clear();
    }
  }

  e.groups.resize(rules.groups.size());
  for (size_t g = 0; g < rules.groups.size(); ++g) {
    const engine_internal::GroupPoints p = engine_internal::group_points(rules, g, verdict);
    e.groups[g] = GroupExplanation{&rules.groups[g], p.total, p.counted};
  }

  release_lines(e.disqualified);
  for (int i : verdict.disqualified_by) d.disqualifier(static_cast<size_t>(i), add_line(e.disqualified));

  e.decay.clear();
  d.decay(verdict.decay_factor, e.decay);
  const double unclamped = round2(verdict.fit + verdict.engagement);
  e.clamped_from.reset();
  if (unclamped != verdict.score) e.clamped_from = unclamped;

  e.gates.resize(rules.stages.size());
  for (size_t s = 0; s < rules.stages.size(); ++s) {
    GateExplanation& gx = e.gates[s];
    gx.stage = static_cast<Stage>(s + 1);
    gx.defined = rules.stages[s].defined;
    gx.passed = verdict.gate_passed[s];
    release_lines(gx.checks_failed);
    release_lines(gx.checks_passed);
    GateLines lines{gx};
    d.gate_checks(s, verdict, lines);
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
  LeadContext ctx(scorer, values, scratch, verdict);
  Describer d(ctx, texts);
  std::string out;
  d.describe(c, t, ctx.eval(c), out);
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

Explanation explain_deferred(const Scorer& scorer, std::span<const std::string_view> values, LeadScratch& scratch,
                             Verdict& verdict) {
  Explanation e;
  e.deferred = ExplainedLead{&scorer, values, &scratch, &verdict};
  return e;
}

namespace {

// 16 bytes copied as one vector: a loop of these stays inline (a loop of
// 16-byte memcpy calls may become one call of the whole length).
inline void copy16(char* to, const char* from) {
#if defined(__SSE2__)
  _mm_storeu_si128(reinterpret_cast<__m128i*>(to), _mm_loadu_si128(reinterpret_cast<const __m128i*>(from)));
#else
  std::memcpy(to, from, 16);
#endif
}

// Where the reasons text goes: a stack buffer known to be large enough, or,
// for rule sets whose reasons could outgrow it, the string itself.
struct BufferOut {
  char* p;
  char separator[16] = {};  // the separator (at most 16 bytes), padded
  size_t separator_size = 0;

  BufferOut(char* buffer, std::string_view sep) : p(buffer), separator_size(sep.size()) {
    std::memcpy(separator, sep.data(), sep.size());
  }
  void put(std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  }
  void put_char(char c) { *p++ = c; }
  void put_separator() {
    copy16(p, separator);
    p += separator_size;
  }
  // Reads and writes up to 15 bytes past the end: ReasonsTable::kSlack in
  // the table, the buffer's own slack here.
  void put_padded(const char* s, size_t n) {
    for (size_t k = 0; k < n; k += 16) copy16(p + k, s + k);
    p += n;
  }
};

struct StringOut {
  std::string& s;
  std::string_view separator;
  void put(std::string_view v) { s += v; }
  void put_char(char c) { s += c; }
  void put_separator() { s += separator; }
  void put_padded(const char* v, size_t n) { s.append(v, n); }
};

template <class Out>
void write_reasons(const RuleSet& rules, const ExplainTexts& texts, const Verdict& v, Out& out) {
  const engine_internal::ReasonsTable& table = texts.reasons;
  bool first = true;
  auto sep = [&]() {
    if (!first) out.put_separator();
    first = false;
  };
  for (int i : v.disqualified_by) {
    sep();
    out.put(texts.disqualify[static_cast<size_t>(i)].reason);
  }
  const CriterionOutcome* outcomes = v.criteria.data();
  const engine_internal::ReasonsTable::Fixed* fixed = table.fixed.data();
  for (const uint32_t i : v.awarded) {
    const double points = outcomes[i].points;
    const engine_internal::ReasonsTable::Fixed& f = fixed[i];
    // Fixed points are already rounded, and never 0.
    const double p = points == f.points ? points : round2(points);
    if (p == 0) continue;
    sep();
    if (p == f.points) {
      out.put_padded(table.text.data() + f.at, f.size);
      continue;
    }
    out.put(rules.criteria[i].id);
    if (p > 0) out.put_char('+');
    char num[32];
    out.put(format_number(p, num));
  }
  if (v.decay_factor < 1) {
    sep();
    out.put("decay\xC3\x97");  // ×
    char num[32];
    out.put(format_number(v.decay_factor, num));
  }
}

}  // namespace

void append_reasons(const RuleSet& rules, const Verdict& v, std::string& out, std::string_view separator) {
  const ExplainTexts& texts = engine_internal::explain_texts(rules);
  constexpr size_t kStack = 1024;
  const size_t bound = texts.reasons.bound + texts.reasons.items * separator.size() + 16;
  if (bound <= kStack && separator.size() <= 16) {
    char buf[kStack];
    BufferOut o(buf, separator);
    write_reasons(rules, texts, v, o);
    out.append(buf, static_cast<size_t>(o.p - buf));
  } else {
    StringOut o{out, separator};
    write_reasons(rules, texts, v, o);
  }
}

}  // namespace leadscore
