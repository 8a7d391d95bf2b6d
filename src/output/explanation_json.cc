#include <nlohmann/json.hpp>

#include "leadscore/values.h"
#include "output/result_writer.h"
#include "output/json_number.h"

namespace leadscore {

void append_explanation_json(const RuleSet& rules, const Verdict& v, const Explanation& e, int32_t as_of_day,
                             std::string& out) {
  nlohmann::ordered_json x;
  CivilDate d = civil_from_days(as_of_day);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02u-%02u", d.year, d.month, d.day);
  x["as_of"] = date;
  auto& criteria = x["criteria"] = nlohmann::ordered_json::array();
  for (const CriterionExplanation& c : e.criteria) {
    nlohmann::ordered_json item;
    item["id"] = c.criterion->id;
    item["category"] = category_name(c.criterion->category);
    item["matched"] = c.matched;
    item["points"] = json_number(c.points);
    item["field"] = c.field.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.field);
    item["value"] = c.missing || c.field.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.value);
    item["reason"] = c.reason;
    criteria.push_back(std::move(item));
  }
  if (!e.groups.empty()) {
    auto& groups = x["groups"] = nlohmann::ordered_json::array();
    for (const GroupExplanation& g : e.groups) {
      groups.push_back({{"group", g.group->name}, {"total", json_number(g.total)}, {"counted", json_number(g.counted)}});
    }
  }
  if (rules.decay) x["decay"] = {{"factor", json_number(round2(v.decay_factor))}, {"reason", e.decay}};
  if (e.clamped_from) x["clamped_from"] = json_number(*e.clamped_from);
  x["disqualified"] = e.disqualified;
  auto& gates = x["gates"] = nlohmann::ordered_json::array();
  for (const GateExplanation& g : e.gates) {
    nlohmann::ordered_json item;
    item["stage"] = stage_name(g.stage);
    item["passed"] = g.passed;
    item["failed"] = g.checks_failed;
    item["held"] = g.checks_passed;
    gates.push_back(std::move(item));
  }
  out += x.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace leadscore
