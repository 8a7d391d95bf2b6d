// The rules model: a YAML rules file loaded, checked and compiled into a plan.
// A RuleSet is immutable after loading and may be shared by any number of
// threads; regexes are compiled and literals pre-parsed once, here.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/diagnostic.h"

namespace re2 {
class RE2;
}

namespace leadscore {

struct SourceLocation {
  uint32_t line = 0;  // 1-based; 0 when not from a file
  uint32_t column = 0;
};

enum class Category : uint8_t { kFit, kEngagement };
enum class FieldType : uint8_t { kAny, kNumber, kDate, kBool, kText };
enum class Stage : uint8_t { kLead, kMql, kSql, kSao };
inline constexpr int kGatedStages = 3;  // MQL, SQL, SAO

std::string_view stage_name(Stage s);
std::string_view category_name(Category c);
std::string_view field_type_name(FieldType t);

// A field the rules read. Every field named anywhere in the rules gets one
// entry, declared under `fields:` or not; conditions refer to it by index.
struct FieldSpec {
  std::string name;
  FieldType type = FieldType::kAny;
  std::vector<std::string> from;  // CRM header aliases, tried after `name`
  std::string date_format;        // strftime layout; empty = the built-in ones
  bool declared = false;
  int regexes = 0;  // `matches` conditions on this field given a memo bit (Condition::memo)
  int leaves = 0;   // leaf conditions on this field given a bit in its value memo (Condition::leaf_bit)
  SourceLocation where;
};

enum class Op : uint8_t {
  kAll, kAny, kNot, kCriterion,
  kEquals, kNotEquals, kIn, kNotIn,
  kContains, kStartsWith, kEndsWith, kMatches,
  kGt, kGte, kLt, kLte, kBetween,
  kIs, kExists, kWithinDays, kOlderThanDays, kEmailDomainIn,
};
std::string_view op_name(Op op);

// One literal operand as written in the rules, pre-parsed every way it may be used.
struct Literal {
  std::string text;    // as written
  std::string folded;  // ASCII lower-cased (== text when case-sensitive)
  std::optional<double> number;  // set when the YAML scalar is an unquoted number
  std::optional<int32_t> day;    // set when it reads as a date (for date comparisons)
  std::optional<bool> boolean;   // set when the YAML scalar is an unquoted true/false
};

// Up to 8 bytes of text as a little-endian word, zero-padded, and their count.
struct ShortText {
  uint64_t word = 0;
  uint64_t size = 0;
  friend bool operator==(const ShortText&, const ShortText&) = default;
};

struct Condition {
  Op op = Op::kAll;
  SourceLocation where;
  int field = -1;               // leaf: index into RuleSet::fields
  bool case_sensitive = false;  // string operators
  // equals / not_equals / in / not_in: no literal reads as a number or a
  // boolean, so comparing the text alone decides (set by the loader).
  bool text_literals = false;
  // text_literals, every literal at most 8 bytes: each literal (folded) as a
  // word, so that one comparison settles it (set by the loader; empty: the
  // texts are compared).
  std::vector<ShortText> short_texts;
  bool flag = false;            // is / exists
  int32_t days = 0;             // within_days / older_than_days
  std::vector<Literal> literals;          // operands (between: two)
  std::shared_ptr<const re2::RE2> regex;  // matches
  int memo = -1;  // matches: its bit in the field's per-value verdict memo (LeadScratch); -1: none
  int leaf_bit = -1;  // leaf: its bit in the field's ValueMemo (LeadScratch); -1: none
  std::vector<Condition> children;        // all / any / not (one child)
  int criterion = -1;                     // criterion: ID (index into criteria)
  std::string criterion_id;               // criterion: ID, as written
};

enum class PointsKind : uint8_t { kFixed, kPerUnit, kByValue, kByRange };

struct PointsRange {
  Condition test;  // a leaf or an `all` of leaves on the points field
  double points = 0;
};

// The largest points a rule may give, and points_per may compute, either
// way: so far from the largest double that no sum of them overflows (into
// an infinite or NaN score no stage gate could compare).
inline constexpr double kMaxPoints = 1e15;

struct Points {
  PointsKind kind = PointsKind::kFixed;
  double points = 0;  // kFixed; kPerUnit: points per unit
  int field = -1;     // kPerUnit / kByValue / kByRange
  std::vector<Literal> keys;         // kByValue
  std::vector<double> key_points;    // kByValue, parallel to keys
  std::vector<PointsRange> ranges;   // kByRange
  std::optional<double> default_points;
};

struct Criterion {
  std::string id;
  Category category = Category::kFit;
  std::optional<Condition> when;
  Points points;
  std::optional<double> max;
  std::optional<double> min;
  int group = -1;  // index into RuleSet::groups
  std::string reason;
  SourceLocation where;
};

struct Group {
  std::string name;
  std::optional<double> max;
  std::optional<double> min;
  SourceLocation where;
};

struct Decay {
  int field = -1;
  double half_life_days = 0;
  bool applies_to_fit = false;  // `applies_to: score` decays fit too
  SourceLocation where;
};

struct Disqualifier {
  std::string id;
  Condition when;
  std::string reason;
  SourceLocation where;
};

struct StageGate {
  bool defined = false;
  std::optional<double> min_score;
  std::optional<double> min_fit;
  std::optional<double> min_engagement;
  std::vector<Condition> requires_all;
  std::string owner;
  std::string description;
  SourceLocation where;
};

struct RuleSet {
  std::string file;  // where it was loaded from, for messages
  int version = 1;
  std::string name;
  std::string id_field;  // empty: the first of id, lead_id, email the input has
  std::optional<int32_t> as_of;        // day number
  int created_field = -1;  // `created_field`: the lead's creation date (reports only), index into fields
  std::vector<std::string> missing_values;  // folded
  std::vector<FieldSpec> fields;
  std::vector<Criterion> criteria;
  std::vector<Group> groups;
  std::optional<double> score_min;
  std::optional<double> score_max;
  std::optional<Decay> decay;
  std::vector<Disqualifier> disqualify;
  std::array<StageGate, kGatedStages> stages;  // MQL, SQL, SAO
  uint64_t serial = 0;  // unique per load, so caches keyed on a rule set never go stale

  const StageGate& gate(Stage s) const { return stages[static_cast<size_t>(s) - 1]; }
  // Index of a field by its rules name, or -1.
  int find_field(std::string_view name) const;
  int find_criterion(std::string_view id) const;
};

// Loads and checks a rules file's text. Every problem found is appended to
// `diags` (all of them, not only the first); returns nothing when any is an error.
std::optional<RuleSet> load_rules(std::string_view yaml_text, const std::string& file_name,
                                  Diagnostics& diags);

// Reads the file then calls load_rules; an unreadable file is an error too.
std::optional<RuleSet> load_rules_file(const std::string& path, Diagnostics& diags);

}  // namespace leadscore
