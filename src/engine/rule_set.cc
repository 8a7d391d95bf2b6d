#include "leadscore/rules.h"

#include "leadscore/diagnostic.h"
#include "leadscore/verdict.h"

namespace leadscore {

std::string_view stage_name(Stage s) {
  switch (s) {
    case Stage::kLead: return "Lead";
    case Stage::kMql: return "MQL";
    case Stage::kSql: return "SQL";
    case Stage::kSao: return "SAO";
  }
  return "Lead";
}

std::string_view category_name(Category c) { return c == Category::kFit ? "fit" : "engagement"; }

std::string_view field_type_name(FieldType t) {
  switch (t) {
    case FieldType::kAny: return "any";
    case FieldType::kNumber: return "number";
    case FieldType::kDate: return "date";
    case FieldType::kBool: return "bool";
    case FieldType::kText: return "text";
  }
  return "any";
}

std::string_view op_name(Op op) {
  switch (op) {
    case Op::kAll: return "all";
    case Op::kAny: return "any";
    case Op::kNot: return "not";
    case Op::kCriterion: return "criterion";
    case Op::kEquals: return "equals";
    case Op::kNotEquals: return "not_equals";
    case Op::kIn: return "in";
    case Op::kNotIn: return "not_in";
    case Op::kContains: return "contains";
    case Op::kStartsWith: return "starts_with";
    case Op::kEndsWith: return "ends_with";
    case Op::kMatches: return "matches";
    case Op::kGt: return "gt";
    case Op::kGte: return "gte";
    case Op::kLt: return "lt";
    case Op::kLte: return "lte";
    case Op::kBetween: return "between";
    case Op::kIs: return "is";
    case Op::kExists: return "exists";
    case Op::kWithinDays: return "within_days";
    case Op::kOlderThanDays: return "older_than_days";
    case Op::kEmailDomainIn: return "email_domain_in";
  }
  return "?";
}

std::string_view value_problem_text(ValueProblem p) {
  switch (p) {
    case ValueProblem::kNotNumber: return "is not a number";
    case ValueProblem::kNotBool: return "is not a boolean (true/false, yes/no, 1/0)";
    case ValueProblem::kNotDate: return "is not a date";
    case ValueProblem::kTooLarge: return "is too large for points_per (its points would pass ±1e15), so it scores 0";
  }
  return "is not valid";
}

std::string bad_value_text(const RuleSet& rules, const BadValue& b, bool rejected) {
  if (b.problem != ValueProblem::kTooLarge || b.criterion < 0 ||
      static_cast<size_t>(b.criterion) >= rules.criteria.size()) {
    return std::string(value_problem_text(b.problem));
  }
  return "is too large for criterion '" + rules.criteria[static_cast<size_t>(b.criterion)].id +
         "' (points_per would give more than ±1e15 points)" + (rejected ? "" : ", so it scores 0");
}

int RuleSet::find_field(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return static_cast<int>(i);
  }
  return -1;
}

int RuleSet::find_criterion(std::string_view criterion_id) const {
  for (size_t i = 0; i < criteria.size(); ++i) {
    if (criteria[i].id == criterion_id) return static_cast<int>(i);
  }
  return -1;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) {
      out += ':';
      out += std::to_string(d.line);
      if (d.column > 0) {
        out += ':';
        out += std::to_string(d.column);
      }
    }
    out += ": ";
  } else {
    out += "leadscore: ";
  }
  out += d.severity == Severity::kError ? "error: " : "warning: ";
  out += d.message;
  return out;
}

bool has_errors(const Diagnostics& list) {
  for (const Diagnostic& d : list) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace leadscore
