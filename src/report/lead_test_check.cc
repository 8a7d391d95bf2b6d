#include <algorithm>

#include "leadscore/values.h"
#include "report/lead_tests.h"
#include "report/report_format.h"

namespace leadscore::report {

namespace {

std::string score_expectation(const LeadTestCase& c) {
  if (c.score) return fmt_number(*c.score);
  if (c.score_min && c.score_max) return "from " + fmt_number(*c.score_min) + " to " + fmt_number(*c.score_max);
  if (c.score_min) return "at least " + fmt_number(*c.score_min);
  return "at most " + fmt_number(*c.score_max);
}

bool held(const Verdict& v, int disqualifier) {
  return std::find(v.disqualified_by.begin(), v.disqualified_by.end(), disqualifier) != v.disqualified_by.end();
}

std::string held_list(const RuleSet& rules, const Verdict& v) {
  std::string out;
  for (size_t i = 0; i < v.disqualified_by.size(); ++i) {
    out += (i ? ", " : "") + rules.disqualify[static_cast<size_t>(v.disqualified_by[i])].id;
  }
  return out;
}

}  // namespace

std::vector<std::string> check_lead_test(const LeadTestCase& c, const RuleSet& rules, const Verdict& v) {
  std::vector<std::string> out;
  if (v.stage != c.stage) {
    out.push_back("stage is " + std::string(stage_name(v.stage)) + ", expected " + std::string(stage_name(c.stage)));
  }
  bool score_ok = (!c.score || v.score == round2(*c.score)) && (!c.score_min || v.score >= *c.score_min) &&
                  (!c.score_max || v.score <= *c.score_max);
  if (!score_ok) out.push_back("score is " + fmt_number(v.score) + ", expected " + score_expectation(c));
  for (int i : c.fired) {
    if (v.criteria[static_cast<size_t>(i)].points == 0) {
      out.push_back(rules.criteria[static_cast<size_t>(i)].id + " did not fire, expected it to");
    }
  }
  for (int i : c.not_fired) {
    double p = v.criteria[static_cast<size_t>(i)].points;
    if (p != 0) {
      out.push_back(rules.criteria[static_cast<size_t>(i)].id + " fired (" + (p > 0 ? "+" : "") + fmt_number(p) +
                    "), expected it not to");
    }
  }
  if (c.disqualified_by >= 0) {
    if (!held(v, c.disqualified_by)) {
      std::string id = rules.disqualify[static_cast<size_t>(c.disqualified_by)].id;
      out.push_back(v.disqualified() ? "disqualified by " + held_list(rules, v) + ", expected by " + id
                                     : "not disqualified, expected disqualified by " + id);
    }
  } else if (c.disqualified && *c.disqualified != v.disqualified()) {
    out.push_back(v.disqualified() ? "disqualified by " + held_list(rules, v) + ", expected not disqualified"
                                   : "not disqualified, expected disqualified");
  }
  return out;
}

}  // namespace leadscore::report
