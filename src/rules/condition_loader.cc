#include "rules/condition_loader.h"

#include <algorithm>

#include <re2/re2.h>

#include "leadscore/value_memo.h"
#include "leadscore/values.h"

namespace leadscore::rules_internal {

namespace {

const std::initializer_list<std::string_view> kLeafOps = {
    "equals", "not_equals", "in", "not_in", "contains", "starts_with", "ends_with", "matches", "gt",
    "gte", "lt", "lte", "between", "is", "exists", "within_days", "older_than_days", "email_domain_in"};

const std::initializer_list<std::string_view> kLeafKeys = {
    "field", "case_sensitive", "equals", "not_equals", "in", "not_in", "contains", "starts_with",
    "ends_with", "matches", "gt", "gte", "lt", "lte", "between", "is", "exists", "within_days",
    "older_than_days", "email_domain_in"};

const std::initializer_list<std::string_view> kCombinators = {"all", "any", "not", "criterion"};

// Nesting beyond this is a mistake (or an attack), not a rule anyone reads.
constexpr int kMaxDepth = 32;

std::optional<Op> op_from_name(std::string_view n) {
  static constexpr std::pair<std::string_view, Op> kOps[] = {
      {"equals", Op::kEquals}, {"not_equals", Op::kNotEquals}, {"in", Op::kIn}, {"not_in", Op::kNotIn},
      {"contains", Op::kContains}, {"starts_with", Op::kStartsWith}, {"ends_with", Op::kEndsWith},
      {"matches", Op::kMatches}, {"gt", Op::kGt}, {"gte", Op::kGte}, {"lt", Op::kLt}, {"lte", Op::kLte},
      {"between", Op::kBetween}, {"is", Op::kIs}, {"exists", Op::kExists}, {"within_days", Op::kWithinDays},
      {"older_than_days", Op::kOlderThanDays}, {"email_domain_in", Op::kEmailDomainIn}};
  for (const auto& [name, op] : kOps) {
    if (name == n) return op;
  }
  return std::nullopt;
}

std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool is_comparison(Op op) {
  return op == Op::kGt || op == Op::kGte || op == Op::kLt || op == Op::kLte || op == Op::kBetween;
}

}  // namespace

int ConditionLoader::field_index(const std::string& name, SourceLocation where) {
  int i = rules_.find_field(name);
  if (i >= 0) return i;
  FieldSpec f;
  f.name = name;
  f.where = where;
  rules_.fields.push_back(std::move(f));
  return static_cast<int>(rules_.fields.size() - 1);
}

std::optional<Literal> ConditionLoader::literal(const YAML::Node& node, bool case_sensitive, std::string_view what) {
  if (!node.IsScalar()) {
    ctx_.error(node, std::string(what) + " is " + YamlContext::describe(node) + ", expected a single value");
    return std::nullopt;
  }
  Literal lit;
  lit.text = node.Scalar();
  lit.folded = case_sensitive ? lit.text : fold(lit.text);
  if (YamlContext::is_plain(node)) {
    std::string_view t = trim(lit.text);
    if (t.find_first_of("$,%\xE2\xC2") == std::string_view::npos) lit.number = parse_number(t);
    if (t == "true" || t == "True" || t == "TRUE") lit.boolean = true;
    if (t == "false" || t == "False" || t == "FALSE") lit.boolean = false;
    if (t.size() == 10 && !lit.number) lit.day = parse_date(t);
  }
  return lit;
}

std::optional<Condition> ConditionLoader::load(const YAML::Node& node, std::string_view what) {
  if (!node.IsMap()) {
    ctx_.error(node, std::string(what) + " is " + YamlContext::describe(node) +
                         ", expected a condition such as {field: budget, gte: 10000} or {any: [...]}");
    return std::nullopt;
  }
  if (depth_ >= kMaxDepth) {
    ctx_.error(node, std::string(what) + " is nested more than 32 levels deep, expected a simpler condition");
    return std::nullopt;
  }
  std::string_view combinator;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string& k = it->first.Scalar();
    for (std::string_view c : kCombinators) {
      if (k == c) combinator = c;
    }
  }
  if (combinator.empty()) return load_leaf(node, what);

  Condition c;
  c.where = YamlContext::where(node);
  if (node.size() != 1) {
    ctx_.error(node, std::string(what) + " mixes '" + std::string(combinator) +
                         "' with other keys, expected '" + std::string(combinator) + "' alone in its mapping");
    return std::nullopt;
  }
  const YAML::Node body = node[std::string(combinator)];
  std::string inner = std::string(what) + "." + std::string(combinator);
  ++depth_;
  bool ok = true;
  if (combinator == "all" || combinator == "any") {
    c.op = combinator == "all" ? Op::kAll : Op::kAny;
    if (!body.IsSequence() || body.size() == 0) {
      ctx_.error(body, inner + " is " + YamlContext::describe(body) + ", expected a non-empty list of conditions");
      ok = false;
    } else {
      for (size_t i = 0; i < body.size(); ++i) {
        auto child = load(body[i], inner + "[" + std::to_string(i) + "]");
        if (child) c.children.push_back(std::move(*child));
        else ok = false;
      }
    }
  } else if (combinator == "not") {
    c.op = Op::kNot;
    auto child = load(body, inner);
    if (child) c.children.push_back(std::move(*child));
    else ok = false;
  } else {
    c.op = Op::kCriterion;
    if (auto id = ctx_.string(body, inner)) {
      c.criterion_id = *id;
      c.where = YamlContext::where(body);
    } else {
      ok = false;
    }
  }
  --depth_;
  if (!ok) return std::nullopt;
  return c;
}

std::optional<Condition> ConditionLoader::load_leaf(const YAML::Node& node, std::string_view what) {
  size_t errors_before = ctx_.error_count();
  ctx_.check_map(node, what, kLeafKeys);
  Condition c;
  c.where = YamlContext::where(node);
  YAML::Node field = node["field"];
  YAML::Node op_node;
  std::string op_key;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string& k = it->first.Scalar();
    if (!op_from_name(k)) continue;
    if (!op_key.empty()) {
      ctx_.error(it->first, std::string(what) + " has two operators ('" + op_key + "' and '" + k +
                                "'), expected one per condition; combine conditions with all: [...]");
      continue;
    }
    op_key = k;
    op_node = it->second;
  }
  if (op_key.empty()) {
    // An unknown key was reported already (often a misspelt operator).
    if (ctx_.error_count() != errors_before) return std::nullopt;
    std::string message = std::string(what) + " has no operator, expected one of: ";
    bool first = true;
    for (std::string_view o : kLeafOps) {
      message += first ? "" : ", ";
      message += o;
      first = false;
    }
    message += ", or all/any/not/criterion";
    ctx_.error(node, std::move(message));
    return std::nullopt;
  }
  c.op = *op_from_name(op_key);
  if (!field) {
    ctx_.error(node, std::string(what) + " has no 'field', expected the name of the field it tests");
    return std::nullopt;
  }
  auto field_name = ctx_.string(field, std::string(what) + ".field");
  if (!field_name) return std::nullopt;
  if (trim(*field_name).empty()) {
    ctx_.error(field, std::string(what) + ".field is empty, expected a field name");
    return std::nullopt;
  }
  c.field = field_index(*field_name, YamlContext::where(field));
  if (YAML::Node cs = node["case_sensitive"]) {
    if (auto b = ctx_.boolean(cs, std::string(what) + ".case_sensitive")) c.case_sensitive = *b;
  }
  if (!load_operand(c, op_node, std::string(what) + "." + op_key)) return std::nullopt;
  if (c.op == Op::kEquals || c.op == Op::kNotEquals || c.op == Op::kIn || c.op == Op::kNotIn) {
    c.text_literals = std::none_of(c.literals.begin(), c.literals.end(),
                                   [](const Literal& l) { return l.number || l.boolean; });
    if (c.text_literals && std::all_of(c.literals.begin(), c.literals.end(),
                                       [](const Literal& l) { return l.folded.size() <= 8; })) {
      for (const Literal& l : c.literals) c.short_texts.push_back({short_text_word(l.folded), l.folded.size()});
    }
  }
  check_type(c, op_node);
  if (ctx_.error_count() != errors_before) return std::nullopt;
  give_leaf_bit(c);
  return c;
}

void ConditionLoader::give_leaf_bit(Condition& c) {
  // A field's leaves share one memo of their verdicts per value; leaves past
  // its width are evaluated every time.
  if (c.field < 0) return;
  int& leaves = rules_.fields[static_cast<size_t>(c.field)].leaves;
  c.leaf_bit = leaves < ValueMemo::kMaxLeaves ? leaves++ : -1;
}

bool ConditionLoader::load_bound(Condition& c, const YAML::Node& operand, std::string_view what) {
  auto lit = literal(operand, true, what);
  if (!lit) return false;
  if (!lit->number && !lit->day) {
    ctx_.error(operand, std::string(what) + " is " + YamlContext::describe(operand) +
                            ", expected a number or a date like 2026-01-31");
    return false;
  }
  c.literals.push_back(std::move(*lit));
  return true;
}

bool ConditionLoader::load_operand(Condition& c, const YAML::Node& operand, std::string_view what) {
  switch (c.op) {
    case Op::kEquals:
    case Op::kNotEquals: {
      auto lit = literal(operand, c.case_sensitive, what);
      if (!lit) return false;
      c.literals.push_back(std::move(*lit));
      return true;
    }
    case Op::kIn:
    case Op::kNotIn: {
      if (!operand.IsSequence() || operand.size() == 0) {
        ctx_.error(operand, std::string(what) + " is " + YamlContext::describe(operand) +
                                ", expected a non-empty list of values");
        return false;
      }
      bool ok = true;
      for (size_t i = 0; i < operand.size(); ++i) {
        auto lit = literal(operand[i], c.case_sensitive, std::string(what) + "[" + std::to_string(i) + "]");
        if (lit) c.literals.push_back(std::move(*lit));
        else ok = false;
      }
      return ok;
    }
    case Op::kContains:
    case Op::kStartsWith:
    case Op::kEndsWith:
    case Op::kEmailDomainIn: {
      bool ok = true;
      auto add = [&](const YAML::Node& n, const std::string& w) {
        auto s = ctx_.string(n, w);
        if (!s) { ok = false; return; }
        std::string text = *s;
        if (c.op == Op::kEmailDomainIn) {
          text = fold(trim(text));
          if (!text.empty() && text[0] == '@') text.erase(0, 1);
        }
        if (text.empty()) {
          ctx_.error(n, w + " is empty, expected some text");
          ok = false;
          return;
        }
        Literal lit;
        lit.text = text;
        lit.folded = c.case_sensitive ? text : fold(text);
        c.literals.push_back(std::move(lit));
      };
      if (operand.IsSequence()) {
        if (operand.size() == 0) {
          ctx_.error(operand, std::string(what) + " is an empty list, expected at least one value");
          return false;
        }
        for (size_t i = 0; i < operand.size(); ++i) add(operand[i], std::string(what) + "[" + std::to_string(i) + "]");
      } else {
        add(operand, std::string(what));
      }
      return ok;
    }
    case Op::kMatches: {
      auto pattern = ctx_.string(operand, what);
      if (!pattern) return false;
      RE2::Options options;
      options.set_log_errors(false);
      options.set_case_sensitive(c.case_sensitive);
      auto re = std::make_shared<RE2>(*pattern, options);
      if (!re->ok()) {
        ctx_.error(operand, std::string(what) + ": the regex '" + *pattern + "' does not compile (" + re->error() +
                                "), expected RE2 syntax");
        return false;
      }
      Literal lit;
      lit.text = *pattern;
      lit.folded = *pattern;
      c.literals.push_back(std::move(lit));
      c.regex = std::move(re);
      // A field's regexes share one memo of 64-bit verdict masks; more regexes than that run unmemoised.
      int& regexes = rules_.fields[static_cast<size_t>(c.field)].regexes;
      c.memo = regexes < 64 ? regexes++ : -1;
      return true;
    }
    case Op::kGt:
    case Op::kGte:
    case Op::kLt:
    case Op::kLte:
      return load_bound(c, operand, what);
    case Op::kBetween: {
      if (!operand.IsSequence() || operand.size() != 2) {
        ctx_.error(operand, std::string(what) + " is " + YamlContext::describe(operand) +
                                ", expected a list of two bounds [low, high]");
        return false;
      }
      if (!load_bound(c, operand[0], std::string(what) + "[0]") ||
          !load_bound(c, operand[1], std::string(what) + "[1]")) {
        return false;
      }
      const Literal& lo = c.literals[0];
      const Literal& hi = c.literals[1];
      if (lo.number.has_value() != hi.number.has_value()) {
        ctx_.error(operand, std::string(what) + " mixes a number and a date, expected two numbers or two dates");
        return false;
      }
      bool reversed = lo.number ? *lo.number > *hi.number : *lo.day > *hi.day;
      if (reversed) {
        ctx_.error(operand, std::string(what) + " has its low bound above its high bound, expected [low, high]");
        return false;
      }
      return true;
    }
    case Op::kIs:
    case Op::kExists: {
      auto b = ctx_.boolean(operand, what);
      if (!b) return false;
      c.flag = *b;
      return true;
    }
    case Op::kWithinDays:
    case Op::kOlderThanDays: {
      auto n = ctx_.whole_number(operand, what, 0, 1000000);
      if (!n) return false;
      c.days = static_cast<int32_t>(*n);
      return true;
    }
    default:
      return false;
  }
}

void ConditionLoader::check_type(const Condition& c, const YAML::Node& at) {
  const FieldSpec& f = rules_.fields[static_cast<size_t>(c.field)];
  if (f.type == FieldType::kAny || c.op == Op::kExists) return;
  bool fits = true;
  std::string_view expected;
  switch (f.type) {
    case FieldType::kNumber:
      fits = c.op == Op::kEquals || c.op == Op::kNotEquals || c.op == Op::kIn || c.op == Op::kNotIn ||
             (is_comparison(c.op) && c.literals[0].number);
      expected = "equals, not_equals, in, not_in, gt, gte, lt, lte, between (with numbers) or exists";
      break;
    case FieldType::kDate:
      fits = c.op == Op::kWithinDays || c.op == Op::kOlderThanDays || (is_comparison(c.op) && c.literals[0].day);
      expected = "within_days, older_than_days, gt, gte, lt, lte, between (with dates) or exists";
      break;
    case FieldType::kBool:
      fits = c.op == Op::kIs || c.op == Op::kEquals || c.op == Op::kNotEquals;
      expected = "is, equals, not_equals or exists";
      break;
    case FieldType::kText:
      fits = !is_comparison(c.op) && c.op != Op::kIs && c.op != Op::kWithinDays && c.op != Op::kOlderThanDays;
      expected = "equals, not_equals, in, not_in, contains, starts_with, ends_with, matches, email_domain_in or exists";
      break;
    case FieldType::kAny:
      break;
  }
  if (!fits) {
    ctx_.error(at, "'" + std::string(op_name(c.op)) + "' does not fit field '" + f.name + "' of type " +
                       std::string(field_type_name(f.type)) + ", expected " + std::string(expected));
  }
}

std::optional<PointsRange> ConditionLoader::load_range(const YAML::Node& node, int field, std::string_view what) {
  if (!ctx_.check_map(node, what, {"gt", "gte", "lt", "lte", "between", "points"})) return std::nullopt;
  size_t errors_before = ctx_.error_count();
  PointsRange range;
  range.test.op = Op::kAll;
  range.test.where = YamlContext::where(node);
  YAML::Node points = node["points"];
  if (!points) {
    ctx_.error(node, std::string(what) + " has no 'points', expected the points for values in this range");
  } else if (auto p = ctx_.points(points, std::string(what) + ".points")) {
    range.points = *p;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    auto op = op_from_name(it->first.Scalar());
    if (!op || !is_comparison(*op)) continue;
    Condition bound;
    bound.op = *op;
    bound.field = field;
    bound.where = YamlContext::where(it->first);
    if (load_operand(bound, it->second, std::string(what) + "." + it->first.Scalar())) {
      check_type(bound, it->second);
      give_leaf_bit(bound);
      range.test.children.push_back(std::move(bound));
    }
  }
  if (range.test.children.empty() && ctx_.error_count() == errors_before) {
    ctx_.error(node, std::string(what) + " has no bound, expected gt, gte, lt, lte or between");
  }
  if (ctx_.error_count() != errors_before) return std::nullopt;
  return range;
}

}  // namespace leadscore::rules_internal
