// Scoring: every operator, missing and bad values, points, groups, clamp,
// decay, disqualification and stage gates. Leads are scored as of 2026-03-01
// unless a case says otherwise.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <string>

#include "engine_test_util.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

bool has_bad_value(const Verdict& v, int field, ValueProblem p) {
  for (const BadValue& b : v.bad_values) {
    if (b.field == field && b.problem == p) return true;
  }
  return false;
}

// Whether `condition` holds for a single field `x` with this value.
bool x_holds(const std::string& condition, const std::string& value) { return holds(condition, {{"x", value}}); }

}  // namespace

// ---- equals / not_equals -------------------------------------------------------------

TEST_CASE("equals compares text case-insensitively after trimming", "[scorer][equals]") {
  CHECK(x_holds("{field: x, equals: Software}", "software"));
  CHECK(x_holds("{field: x, equals: Software}", "  SOFTWARE\t"));
  CHECK_FALSE(x_holds("{field: x, equals: Software}", "softwares"));
  CHECK_FALSE(x_holds("{field: x, equals: Software}", "soft ware"));
}

TEST_CASE("equals with case_sensitive: true", "[scorer][equals][case_sensitive]") {
  CHECK(x_holds("{field: x, equals: Software, case_sensitive: true}", "Software"));
  CHECK(x_holds("{field: x, equals: Software, case_sensitive: true}", " Software "));
  CHECK_FALSE(x_holds("{field: x, equals: Software, case_sensitive: true}", "software"));
  CHECK(x_holds("{field: x, equals: Software, case_sensitive: false}", "software"));
}

TEST_CASE("equals an unquoted number compares numerically when the value is a number", "[scorer][equals][numeric]") {
  CHECK(x_holds("{field: x, equals: 10}", "10"));
  CHECK(x_holds("{field: x, equals: 10}", "10.00"));
  CHECK(x_holds("{field: x, equals: 10}", "$10"));
  CHECK(x_holds("{field: x, equals: 10}", "1e1"));
  CHECK(x_holds("{field: x, equals: 1000}", "1,000"));
  CHECK(x_holds("{field: x, equals: 0.5}", "0.50"));
  CHECK_FALSE(x_holds("{field: x, equals: 10}", "10.01"));
}

TEST_CASE("equals a number falls back to text when the value is not a number", "[scorer][equals][numeric]") {
  Scoring s(one_condition_rules("{field: x, equals: 10}"));
  CHECK_FALSE(s.score({{"x", "ten"}}).criteria[0].matched);
  // equals does not need a number: a non-number is not a bad value.
  CHECK(s.verdict().bad_values.empty());
  CHECK_FALSE(s.score({{"x", "10 units"}}).criteria[0].matched);
}

TEST_CASE("equals a quoted number compares as text", "[scorer][equals][numeric]") {
  CHECK(x_holds("{field: x, equals: '10'}", "10"));
  CHECK_FALSE(x_holds("{field: x, equals: '10'}", "10.0"));
  CHECK_FALSE(x_holds("{field: x, equals: '10'}", "$10"));
}

TEST_CASE("equals a YAML boolean compares as a boolean when the value reads as one", "[scorer][equals][bool]") {
  for (const char* v : {"true", "TRUE", "yes", "Y", "t", "1"}) {
    INFO(v);
    CHECK(x_holds("{field: x, equals: true}", v));
    CHECK_FALSE(x_holds("{field: x, equals: false}", v));
  }
  for (const char* v : {"false", "No", "n", "F", "0"}) {
    INFO(v);
    CHECK(x_holds("{field: x, equals: false}", v));
    CHECK_FALSE(x_holds("{field: x, equals: true}", v));
  }
  CHECK(x_holds("{field: x, equals: True}", "yes"));
  CHECK_FALSE(x_holds("{field: x, equals: true}", "maybe"));
}

TEST_CASE("equals a quoted or YAML-1.1 boolean word compares as text", "[scorer][equals][bool]") {
  CHECK(x_holds("{field: x, equals: 'true'}", "TRUE"));
  CHECK_FALSE(x_holds("{field: x, equals: 'true'}", "yes"));
  // YAML 1.2 core schema: `yes` is a string.
  CHECK(x_holds("{field: x, equals: yes}", "YES"));
  CHECK_FALSE(x_holds("{field: x, equals: yes}", "true"));
}

TEST_CASE("not_equals is the negation of equals on a present value", "[scorer][not_equals]") {
  CHECK(x_holds("{field: x, not_equals: a}", "b"));
  CHECK_FALSE(x_holds("{field: x, not_equals: a}", "A"));
  CHECK(x_holds("{field: x, not_equals: a, case_sensitive: true}", "A"));
  CHECK_FALSE(x_holds("{field: x, not_equals: 10}", "10.00"));
  CHECK(x_holds("{field: x, not_equals: 10}", "11"));
  CHECK_FALSE(x_holds("{field: x, not_equals: true}", "yes"));
}

// ---- in / not_in ------------------------------------------------------------------------

TEST_CASE("in holds when equals holds for any element", "[scorer][in]") {
  CHECK(x_holds("{field: x, in: [fintech, software]}", "Software"));
  CHECK_FALSE(x_holds("{field: x, in: [fintech, software]}", "health"));
  CHECK(x_holds("{field: x, in: [1, 2, 3]}", "2.0"));
  CHECK(x_holds("{field: x, in: [1, two]}", "TWO"));
  CHECK_FALSE(x_holds("{field: x, in: ['1', '2']}", "2.0"));
  CHECK(x_holds("{field: x, in: [true]}", "yes"));
}

TEST_CASE("in with case_sensitive: true", "[scorer][in][case_sensitive]") {
  CHECK(x_holds("{field: x, in: [VP, CEO], case_sensitive: true}", "CEO"));
  CHECK_FALSE(x_holds("{field: x, in: [VP, CEO], case_sensitive: true}", "ceo"));
}

TEST_CASE("not_in holds when equals holds for no element", "[scorer][not_in]") {
  CHECK(x_holds("{field: x, not_in: [fintech, software]}", "health"));
  CHECK_FALSE(x_holds("{field: x, not_in: [fintech, software]}", "FINTECH"));
  CHECK_FALSE(x_holds("{field: x, not_in: [1, 2]}", "1.0"));
  CHECK(x_holds("{field: x, not_in: [fintech], case_sensitive: true}", "FINTECH"));
}

// ---- contains / starts_with / ends_with -----------------------------------------------------

TEST_CASE("contains takes a string or a list, case-insensitively", "[scorer][contains]") {
  CHECK(x_holds("{field: x, contains: vp}", "SVP Sales"));
  CHECK(x_holds("{field: x, contains: [vp, chief]}", "Chief of Staff"));
  CHECK_FALSE(x_holds("{field: x, contains: [vp, chief]}", "Director"));
  CHECK(x_holds("{field: x, contains: 'of s'}", "chief OF STAFF"));
}

TEST_CASE("contains with case_sensitive: true", "[scorer][contains][case_sensitive]") {
  CHECK(x_holds("{field: x, contains: VP, case_sensitive: true}", "SVP"));
  CHECK_FALSE(x_holds("{field: x, contains: VP, case_sensitive: true}", "svp"));
}

TEST_CASE("starts_with takes a string or a list, case-insensitively", "[scorer][starts_with]") {
  CHECK(x_holds("{field: x, starts_with: Head}", "head of growth"));
  CHECK_FALSE(x_holds("{field: x, starts_with: Head}", "the head"));
  CHECK(x_holds("{field: x, starts_with: [vp, head]}", "VP Eng"));
  CHECK_FALSE(x_holds("{field: x, starts_with: [vp, head]}", "SVP"));
}

TEST_CASE("starts_with with case_sensitive: true", "[scorer][starts_with][case_sensitive]") {
  CHECK(x_holds("{field: x, starts_with: Head, case_sensitive: true}", "Head of"));
  CHECK_FALSE(x_holds("{field: x, starts_with: Head, case_sensitive: true}", "head of"));
}

TEST_CASE("ends_with takes a string or a list, case-insensitively", "[scorer][ends_with]") {
  CHECK(x_holds("{field: x, ends_with: .edu}", "ann@MIT.EDU"));
  CHECK(x_holds("{field: x, ends_with: [.edu, .ac.uk]}", "bo@ox.ac.uk"));
  CHECK_FALSE(x_holds("{field: x, ends_with: [.edu, .ac.uk]}", "bo@edu.com"));
}

TEST_CASE("ends_with with case_sensitive: true", "[scorer][ends_with][case_sensitive]") {
  CHECK(x_holds("{field: x, ends_with: Inc, case_sensitive: true}", "Acme Inc"));
  CHECK_FALSE(x_holds("{field: x, ends_with: Inc, case_sensitive: true}", "ACME INC"));
}

// ---- matches -------------------------------------------------------------------------

TEST_CASE("matches is an unanchored, case-insensitive RE2 search", "[scorer][matches]") {
  CHECK(x_holds("{field: x, matches: '\\b(vp|chief)\\b'}", "VP Sales"));
  CHECK(x_holds("{field: x, matches: '\\b(vp|chief)\\b'}", "Chief Revenue Officer"));
  CHECK_FALSE(x_holds("{field: x, matches: '\\b(vp|chief)\\b'}", "SVPs"));
  CHECK(x_holds("{field: x, matches: sales}", "Head of SALES Ops"));
  CHECK_FALSE(x_holds("{field: x, matches: '^vp'}", "the vp"));
  CHECK(x_holds("{field: x, matches: '^\\d{3}$'}", " 123 "));  // the value is trimmed
}

TEST_CASE("matches with case_sensitive: true", "[scorer][matches][case_sensitive]") {
  CHECK(x_holds("{field: x, matches: '^VP', case_sensitive: true}", "VP Eng"));
  CHECK_FALSE(x_holds("{field: x, matches: '^VP', case_sensitive: true}", "vp eng"));
}

// ---- gt / gte / lt / lte / between on numbers -----------------------------------------

TEST_CASE("numeric comparisons at their boundaries", "[scorer][compare]") {
  CHECK_FALSE(x_holds("{field: x, gt: 10}", "10"));
  CHECK(x_holds("{field: x, gt: 10}", "10.01"));
  CHECK(x_holds("{field: x, gte: 10}", "10"));
  CHECK_FALSE(x_holds("{field: x, gte: 10}", "9.99"));
  CHECK(x_holds("{field: x, lt: 10}", "9.99"));
  CHECK_FALSE(x_holds("{field: x, lt: 10}", "10"));
  CHECK(x_holds("{field: x, lte: 10}", "10"));
  CHECK_FALSE(x_holds("{field: x, lte: 10}", "10.01"));
  CHECK(x_holds("{field: x, gt: -5}", "-4"));
  CHECK_FALSE(x_holds("{field: x, gt: -5}", "-5"));
}

TEST_CASE("numeric comparisons read currency, separators and percents", "[scorer][compare]") {
  CHECK(x_holds("{field: x, gte: 10000}", "$12,500"));
  CHECK(x_holds("{field: x, gte: 10000}", "\xE2\x82\xAC" "10,000.00"));
  CHECK(x_holds("{field: x, gte: 50}", "50%"));
  CHECK_FALSE(x_holds("{field: x, gte: 10000}", "$9,999.99"));
}

TEST_CASE("between is inclusive at both ends", "[scorer][between]") {
  CHECK(x_holds("{field: x, between: [200, 5000]}", "200"));
  CHECK(x_holds("{field: x, between: [200, 5000]}", "5000"));
  CHECK(x_holds("{field: x, between: [200, 5000]}", "1,000"));
  CHECK_FALSE(x_holds("{field: x, between: [200, 5000]}", "199.99"));
  CHECK_FALSE(x_holds("{field: x, between: [200, 5000]}", "5000.01"));
  CHECK(x_holds("{field: x, between: [7, 7]}", "7"));
}

TEST_CASE("a value that is not a number makes a comparison false and is a bad value", "[scorer][compare][bad]") {
  Scoring s(one_condition_rules("{field: x, gte: 10}"));
  const Verdict& v = s.score({{"x", "unknown"}});
  CHECK_FALSE(v.criteria[0].matched);
  REQUIRE(v.bad_values.size() == 1);
  CHECK(v.bad_values[0].field == s.field("x"));
  CHECK(v.bad_values[0].problem == ValueProblem::kNotNumber);
}

// ---- date comparisons --------------------------------------------------------------------

TEST_CASE("gte/lt against a date literal compare the value's UTC day", "[scorer][compare][dates]") {
  CHECK(x_holds("{field: x, gte: 2026-01-15}", "2026-01-15"));
  CHECK(x_holds("{field: x, gte: 2026-01-15}", "2026-01-15T23:59:59Z"));
  CHECK_FALSE(x_holds("{field: x, gte: 2026-01-15}", "2026-01-14T23:59:59Z"));
  // 02:00 at +05:00 is still the 14th in UTC.
  CHECK_FALSE(x_holds("{field: x, gte: 2026-01-15}", "2026-01-15T02:00:00+05:00"));
  CHECK(x_holds("{field: x, gte: 2026-01-15}", "1768435200"));  // 2026-01-15T00:00:00Z in epoch seconds
  CHECK(x_holds("{field: x, lt: 2026-01-15}", "2026-01-14"));
  CHECK_FALSE(x_holds("{field: x, lt: 2026-01-15}", "2026-01-15"));
  CHECK(x_holds("{field: x, gt: 2026-01-15}", "2026-01-16"));
  CHECK(x_holds("{field: x, lte: 2026-01-15}", "2026-01-15 18:00"));
}

TEST_CASE("between two dates is inclusive at both days", "[scorer][between][dates]") {
  CHECK(x_holds("{field: x, between: [2026-01-01, 2026-01-31]}", "2026-01-01T00:00Z"));
  CHECK(x_holds("{field: x, between: [2026-01-01, 2026-01-31]}", "2026-01-31T23:59Z"));
  CHECK_FALSE(x_holds("{field: x, between: [2026-01-01, 2026-01-31]}", "2026-02-01"));
  CHECK_FALSE(x_holds("{field: x, between: [2026-01-01, 2026-01-31]}", "2025-12-31"));
}

TEST_CASE("a value that is not a date makes a date comparison false and is a bad value", "[scorer][compare][dates][bad]") {
  Scoring s(one_condition_rules("{field: x, gte: 2026-01-15}"));
  const Verdict& v = s.score({{"x", "last week"}});
  CHECK_FALSE(v.criteria[0].matched);
  REQUIRE(v.bad_values.size() == 1);
  CHECK(v.bad_values[0].problem == ValueProblem::kNotDate);
}

TEST_CASE("a field's date_format replaces the built-in layouts", "[scorer][dates][date_format]") {
  std::string fields = "fields:\n  x: {type: date, date_format: '%d/%m/%Y'}\n";
  CHECK(holds("{field: x, gte: 2026-01-15}", {{"x", "15/01/2026"}}, fields));
  CHECK_FALSE(holds("{field: x, gte: 2026-01-15}", {{"x", "14/01/2026"}}, fields));
  Scoring s(one_condition_rules("{field: x, gte: 2026-01-15}", fields));
  CHECK_FALSE(s.score({{"x", "2026-01-20"}}).criteria[0].matched);
  CHECK(has_bad_value(s.verdict(), s.field("x"), ValueProblem::kNotDate));
}

// ---- within_days / older_than_days ------------------------------------------------------

TEST_CASE("within_days holds on and after the cut-off day", "[scorer][within_days]") {
  // as-of 2026-03-01, 30 days: cut-off day 2026-01-30.
  CHECK(x_holds("{field: x, within_days: 30}", "2026-01-30"));
  CHECK(x_holds("{field: x, within_days: 30}", "2026-01-30T00:00:00Z"));
  CHECK_FALSE(x_holds("{field: x, within_days: 30}", "2026-01-29"));
  CHECK_FALSE(x_holds("{field: x, within_days: 30}", "2026-01-29T23:59:59Z"));
  CHECK(x_holds("{field: x, within_days: 30}", "2026-03-01"));
  // 01:00 at +02:00 on the 30th is the 29th in UTC.
  CHECK_FALSE(x_holds("{field: x, within_days: 30}", "2026-01-30T01:00:00+02:00"));
}

TEST_CASE("within_days counts future dates as within", "[scorer][within_days]") {
  CHECK(x_holds("{field: x, within_days: 30}", "2026-03-02"));
  CHECK(x_holds("{field: x, within_days: 30}", "2030-01-01"));
  CHECK(x_holds("{field: x, within_days: 0}", "2026-03-01"));
  CHECK_FALSE(x_holds("{field: x, within_days: 0}", "2026-02-28"));
}

TEST_CASE("older_than_days holds strictly before the cut-off day", "[scorer][older_than_days]") {
  CHECK(x_holds("{field: x, older_than_days: 30}", "2026-01-29"));
  CHECK_FALSE(x_holds("{field: x, older_than_days: 30}", "2026-01-30"));
  CHECK_FALSE(x_holds("{field: x, older_than_days: 30}", "2026-03-01"));
  CHECK_FALSE(x_holds("{field: x, older_than_days: 30}", "2027-01-01"));  // future
  CHECK(x_holds("{field: x, older_than_days: 0}", "2026-02-28"));
  CHECK_FALSE(x_holds("{field: x, older_than_days: 0}", "2026-03-01"));
}

TEST_CASE("within_days and older_than_days read epoch seconds and milliseconds", "[scorer][within_days]") {
  CHECK(x_holds("{field: x, within_days: 30}", "1769731200"));      // 2026-01-30T00:00:00Z
  CHECK_FALSE(x_holds("{field: x, within_days: 30}", "1769731199"));
  CHECK(x_holds("{field: x, older_than_days: 30}", "1769731199999"));
}

TEST_CASE("within_days on a value that is not a date is false and a bad value", "[scorer][within_days][bad]") {
  Scoring s(one_condition_rules("{field: x, within_days: 30}"));
  CHECK_FALSE(s.score({{"x", "yesterday"}}).criteria[0].matched);
  CHECK(has_bad_value(s.verdict(), s.field("x"), ValueProblem::kNotDate));
}

TEST_CASE("within_days is counted from the scorer's as-of day", "[scorer][within_days]") {
  Scoring s(one_condition_rules("{field: x, within_days: 7}"), "2026-01-10");
  CHECK(s.score({{"x", "2026-01-03"}}).criteria[0].matched);
  CHECK_FALSE(s.score({{"x", "2026-01-02"}}).criteria[0].matched);
}

// ---- is / exists ------------------------------------------------------------------------

TEST_CASE("is reads the value as a boolean", "[scorer][is]") {
  for (const char* v : {"true", "Yes", "y", "T", "1"}) {
    INFO(v);
    CHECK(x_holds("{field: x, is: true}", v));
    CHECK_FALSE(x_holds("{field: x, is: false}", v));
  }
  for (const char* v : {"false", "NO", "n", "f", "0"}) {
    INFO(v);
    CHECK(x_holds("{field: x, is: false}", v));
    CHECK_FALSE(x_holds("{field: x, is: true}", v));
  }
}

TEST_CASE("is on a value that is not a boolean is false either way and a bad value", "[scorer][is][bad]") {
  Scoring s(one_condition_rules("{field: x, is: false}"));
  CHECK_FALSE(s.score({{"x", "maybe"}}).criteria[0].matched);
  REQUIRE(s.verdict().bad_values.size() == 1);
  CHECK(s.verdict().bad_values[0].problem == ValueProblem::kNotBool);
  CHECK_FALSE(x_holds("{field: x, is: true}", "2"));
}

TEST_CASE("exists: true holds for a present value only", "[scorer][exists]") {
  CHECK(x_holds("{field: x, exists: true}", "x"));
  CHECK(x_holds("{field: x, exists: true}", "0"));
  for (const char* v : {"", "   ", "null", "NULL", "n/a", "N/A", " null "}) {
    INFO(v);
    CHECK_FALSE(x_holds("{field: x, exists: true}", v));
  }
}

TEST_CASE("exists: false holds for a missing value only", "[scorer][exists][missing]") {
  for (const char* v : {"", "  ", "null", "N/A"}) {
    INFO(v);
    CHECK(x_holds("{field: x, exists: false}", v));
  }
  CHECK_FALSE(x_holds("{field: x, exists: false}", "x"));
  CHECK_FALSE(x_holds("{field: x, exists: false}", "none"));
}

// ---- email_domain_in ------------------------------------------------------------------

TEST_CASE("email_domain_in compares the part after the last @", "[scorer][email_domain_in]") {
  const std::string cond = "{field: x, email_domain_in: [gmail.com, rival.example]}";
  CHECK(x_holds(cond, "ann@gmail.com"));
  CHECK(x_holds(cond, "ann@GMAIL.COM"));
  CHECK(x_holds(cond, "\"a@b\"@gmail.com"));
  CHECK(x_holds(cond, "ann@b@rival.example"));
  CHECK_FALSE(x_holds(cond, "gmail.com@corp.example"));
  CHECK_FALSE(x_holds(cond, "ann@corp.example"));
}

TEST_CASE("email_domain_in matches subdomains, not look-alike domains", "[scorer][email_domain_in]") {
  const std::string cond = "{field: x, email_domain_in: [rival.example]}";
  CHECK(x_holds(cond, "bo@mail.rival.example"));
  CHECK(x_holds(cond, "bo@a.b.RIVAL.example"));
  CHECK_FALSE(x_holds(cond, "bo@notrival.example"));
  CHECK_FALSE(x_holds(cond, "bo@rival.example.com"));
  CHECK_FALSE(x_holds(cond, "bo@example"));
}

TEST_CASE("email_domain_in without an @ is false and not a bad value", "[scorer][email_domain_in]") {
  Scoring s(one_condition_rules("{field: x, email_domain_in: [gmail.com]}"));
  CHECK_FALSE(s.score({{"x", "gmail.com"}}).criteria[0].matched);
  CHECK(s.verdict().bad_values.empty());
  CHECK_FALSE(s.score({{"x", "ann@"}}).criteria[0].matched);
}

TEST_CASE("email_domain_in accepts listed domains with an @ or in upper case", "[scorer][email_domain_in]") {
  CHECK(x_holds("{field: x, email_domain_in: ['@Gmail.com']}", "ann@gmail.com"));
  CHECK(x_holds("{field: x, email_domain_in: GMAIL.COM}", "ann@mail.gmail.com"));
}

// ---- missing values ---------------------------------------------------------------------

TEST_CASE("a missing value makes every leaf false except exists: false", "[scorer][missing]") {
  for (const char* cond :
       {"{field: x, equals: a}", "{field: x, not_equals: a}", "{field: x, in: [a]}", "{field: x, not_in: [a]}",
        "{field: x, contains: a}", "{field: x, starts_with: a}", "{field: x, ends_with: a}",
        "{field: x, matches: '.*'}", "{field: x, gt: 0}", "{field: x, gte: 0}", "{field: x, lt: 0}",
        "{field: x, lte: 0}", "{field: x, between: [0, 1]}", "{field: x, gte: 2026-01-01}", "{field: x, is: true}",
        "{field: x, is: false}", "{field: x, exists: true}", "{field: x, within_days: 30}",
        "{field: x, older_than_days: 30}", "{field: x, email_domain_in: [a.com]}", "{field: x, equals: ''}"}) {
    for (const char* value : {"", "null", "N/A"}) {
      INFO(cond << " on '" << value << "'");
      CHECK_FALSE(x_holds(cond, value));
    }
  }
  CHECK(x_holds("{field: x, exists: false}", ""));
}

TEST_CASE("a missing value is not a bad value", "[scorer][missing][bad]") {
  Scoring s(one_condition_rules("{any: [{field: x, gte: 1}, {field: y, is: true}, {field: z, within_days: 3}]}"));
  s.score({{"x", "n/a"}});
  CHECK(s.verdict().bad_values.empty());
}

TEST_CASE("not negates a leaf that a missing value made false", "[scorer][missing][not]") {
  CHECK(x_holds("{not: {field: x, equals: a}}", ""));
  CHECK(x_holds("{not: {field: x, not_in: [a]}}", ""));
  CHECK_FALSE(x_holds("{not: {field: x, exists: false}}", ""));
}

TEST_CASE("a field the lead does not have is missing", "[scorer][missing]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1, when: {field: x, exists: false}}",
      "  - {id: b, category: fit, points: 1, when: {field: y, exists: true}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"y", "here"}});
  CHECK(s.outcome("a").matched);
  CHECK(s.outcome("b").matched);
}

TEST_CASE("the rules' missing_values are missing, case-insensitively and trimmed", "[scorer][missing]") {
  const std::string extra = "missing_values: [Select, ' Unknown ']\n";
  CHECK_FALSE(holds("{field: x, exists: true}", {{"x", "select"}}, extra));
  CHECK_FALSE(holds("{field: x, exists: true}", {{"x", " UNKNOWN "}}, extra));
  CHECK(holds("{field: x, exists: false}", {{"x", "SELECT"}}, extra));
  CHECK_FALSE(holds("{field: x, equals: select}", {{"x", "Select"}}, extra));
  CHECK_FALSE(holds("{field: x, not_equals: foo}", {{"x", "Select"}}, extra));
  CHECK(holds("{field: x, exists: true}", {{"x", "Selected"}}, extra));
}

TEST_CASE("Scorer::is_missing applies the built-in and the rules' markers", "[scorer][missing]") {
  Scoring s(one_condition_rules("{field: x, exists: true}", "missing_values: [Select]\n"));
  CHECK(s.scorer().is_missing(""));
  CHECK(s.scorer().is_missing(" N/A "));
  CHECK(s.scorer().is_missing("\tnull\n"));
  CHECK(s.scorer().is_missing(" select"));
  CHECK_FALSE(s.scorer().is_missing("x"));
  CHECK_FALSE(s.scorer().is_missing("0"));
}

// ---- all / any / not / criterion --------------------------------------------------------

TEST_CASE("all holds when every child holds", "[scorer][all]") {
  const std::string cond = "{all: [{field: x, gte: 1}, {field: y, equals: a}]}";
  CHECK(holds(cond, {{"x", "2"}, {"y", "A"}}));
  CHECK_FALSE(holds(cond, {{"x", "0"}, {"y", "a"}}));
  CHECK_FALSE(holds(cond, {{"x", "2"}, {"y", "b"}}));
  CHECK_FALSE(holds(cond, {{"x", "2"}}));
}

TEST_CASE("any holds when one child holds", "[scorer][any]") {
  const std::string cond = "{any: [{field: x, is: true}, {field: y, is: true}]}";
  CHECK(holds(cond, {{"x", "no"}, {"y", "yes"}}));
  CHECK(holds(cond, {{"x", "yes"}}));
  CHECK_FALSE(holds(cond, {{"x", "no"}, {"y", "no"}}));
  CHECK_FALSE(holds(cond, {}));
}

TEST_CASE("not negates its condition, nested combinations too", "[scorer][not]") {
  CHECK(x_holds("{not: {field: x, equals: a}}", "b"));
  CHECK_FALSE(x_holds("{not: {field: x, equals: a}}", "a"));
  CHECK(x_holds("{not: {not: {field: x, equals: a}}}", "a"));
  const std::string cond = "{all: [{field: x, exists: true}, {not: {any: [{field: x, equals: a}, {field: x, equals: b}]}}]}";
  CHECK(x_holds(cond, "c"));
  CHECK_FALSE(x_holds(cond, "b"));
  CHECK_FALSE(x_holds(cond, ""));
}

TEST_CASE("a criterion reference reuses that criterion's when", "[scorer][criterion]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: buyer, category: fit, points: 5, when: {all: [{criterion: senior}, {field: budget, gte: 1000}]}}",
      "  - {id: senior, category: fit, points: 10, when: {field: title, contains: vp}}",
      "  - {id: junior, category: fit, points: -3, when: {not: {criterion: senior}}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"title", "VP Sales"}, {"budget", "5000"}});
  CHECK(s.outcome("buyer").matched);
  CHECK(s.outcome("senior").matched);
  CHECK_FALSE(s.outcome("junior").matched);
  CHECK(s.verdict().fit == 15);

  s.score({{"title", "Analyst"}, {"budget", "5000"}});
  CHECK_FALSE(s.outcome("buyer").matched);
  CHECK(s.outcome("junior").matched);
  CHECK(s.verdict().fit == -3);
}

TEST_CASE("a criterion reference holds on the condition, not on the points", "[scorer][criterion]") {
  // `zero` matches with 0 points after its max; a reference still sees its condition hold.
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: zero, category: fit, points: 5, max: 0, when: {field: x, equals: a}}",
      "  - {id: ref, category: fit, points: 7, when: {criterion: zero}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"x", "a"}});
  CHECK(s.outcome("ref").matched);
  CHECK(s.verdict().fit == 7);
}

TEST_CASE("criterion references work in disqualifiers and stage gates", "[scorer][criterion][stages]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: student, category: fit, points: 1, when: {field: email, ends_with: .edu}}",
      "  - {id: demo, category: engagement, points: 1, when: {field: demo, is: true}}",
      "disqualify:",
      "  - {id: no_students, when: {criterion: student}}",
      "stages:",
      "  MQL: {min_score: 1, requires: [{criterion: demo}]}",
  }));
  CHECK(s.score({{"email", "a@mit.edu"}, {"demo", "yes"}}).stage == Stage::kLead);
  CHECK(s.verdict().disqualified());
  CHECK(s.score({{"email", "a@corp.com"}, {"demo", "yes"}}).stage == Stage::kMql);
  CHECK(s.score({{"email", "a@corp.com"}, {"demo", "no"}}).stage == Stage::kLead);
}

// ---- points ----------------------------------------------------------------------------

TEST_CASE("fixed points, positive and negative, when the condition holds", "[scorer][points]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: senior, category: fit, points: 15, when: {field: title, contains: vp}}",
      "  - {id: free_email, category: fit, points: -10, when: {field: email, email_domain_in: [gmail.com]}}",
      "  - {id: always, category: engagement, points: 2.5}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const Verdict& v = s.score({{"title", "VP"}, {"email", "a@gmail.com"}});
  CHECK(s.outcome("senior").points == 15);
  CHECK(s.outcome("free_email").points == -10);
  CHECK(s.outcome("always").matched);
  CHECK(s.outcome("always").points == 2.5);
  CHECK(v.fit == 5);
  CHECK(v.engagement == 2.5);
  CHECK(v.score == 7.5);
  s.score({});
  CHECK_FALSE(s.outcome("senior").matched);
  CHECK(s.outcome("senior").points == 0);
  CHECK(s.verdict().score == 2.5);
}

TEST_CASE("points_per multiplies by the field's number", "[scorer][points][points_per]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: downloads, category: engagement, points_per: {field: downloads, points: 5}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.score({{"downloads", "3"}}).engagement == 15);
  CHECK(s.score({{"downloads", "2.5"}}).engagement == 12.5);
  CHECK(s.score({{"downloads", "-2"}}).engagement == -10);
  CHECK(s.score({{"downloads", "1,000"}}).engagement == 5000);
}

TEST_CASE("points_per is 0 for a missing value, 0 and a bad value for a non-number", "[scorer][points][points_per]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: downloads, category: engagement, points_per: {field: downloads, points: 5}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({});
  CHECK(s.outcome("downloads").points == 0);
  CHECK(s.verdict().bad_values.empty());
  s.score({{"downloads", "lots"}});
  CHECK(s.outcome("downloads").points == 0);
  CHECK(has_bad_value(s.verdict(), s.field("downloads"), ValueProblem::kNotNumber));
}

TEST_CASE("points_per past 1e15 points is 0 and a bad value, so no score is infinite or NaN", "[scorer][points][points_per]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: up, category: engagement, points_per: {field: visits, points: 5}}",
      "  - {id: down, category: engagement, points_per: {field: returns, points: -5}}",
      "stages:",
      "  MQL: {min_score: 40}",
  }));
  // 5 * 1e308 overflows; before, +inf plus -inf made a NaN score that passed min_score.
  const Verdict& v = s.score({{"visits", "1e308"}, {"returns", "1e308"}});
  CHECK(v.score == 0);
  CHECK(v.stage == Stage::kLead);
  CHECK(has_bad_value(v, s.field("visits"), ValueProblem::kTooLarge));
  CHECK(has_bad_value(v, s.field("returns"), ValueProblem::kTooLarge));
  CHECK(s.score({{"visits", "2e14"}}).score == 1e15);  // the largest allowed
  CHECK(s.verdict().bad_values.empty());
  CHECK(s.score({{"visits", "2.1e14"}}).score == 0);
  CHECK(has_bad_value(s.verdict(), s.field("visits"), ValueProblem::kTooLarge));
}

TEST_CASE("a value too large for points_per names each criterion that scores 0 for it", "[scorer][points][points_per]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: first, category: engagement, points_per: {field: visits, points: 5}}",
      "  - {id: capped, category: engagement, points_per: {field: visits, points: 5}, max: 15}",
      "  - {id: second, category: fit, points_per: {field: visits, points: 1}}",
      "stages:",
      "  MQL: {min_score: 40}",
  }));
  const Verdict& v = s.score({{"visits", "1e300"}});
  REQUIRE(v.bad_values.size() == 2);  // capped gives its max, 15
  CHECK(v.score == 15);
  const RuleSet& rules = s.rules();
  CHECK(rules.criteria[static_cast<size_t>(v.bad_values[0].criterion)].id == "first");
  CHECK(rules.criteria[static_cast<size_t>(v.bad_values[1].criterion)].id == "second");
  CHECK(bad_value_text(rules, v.bad_values[0]) ==
        "is too large for criterion 'first' (points_per would give more than ±1e15 points), so it scores 0");
  CHECK(bad_value_text(rules, BadValue{s.field("visits"), ValueProblem::kNotNumber}) == "is not a number");
}

TEST_CASE("points_per past 1e15 points still gives a criterion's own max or min", "[scorer][points][points_per]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: up, category: engagement, points_per: {field: visits, points: 5}, max: 15}",
      "  - {id: down, category: engagement, points_per: {field: returns, points: -5}, min: -10}",
  }));
  const Verdict& v = s.score({{"visits", "3e14"}, {"returns", "1e308"}});
  CHECK(s.outcome("up").points == 15);
  CHECK(s.outcome("down").points == -10);
  CHECK(v.score == 5);
  CHECK(v.bad_values.empty());
}

TEST_CASE("points_by values: the matching entry, compared as equals does", "[scorer][points][points_by]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: industry, category: fit, points_by: {field: industry, values: {software: 10, fintech: 8}, default: 2}}",
      "  - {id: tier, category: fit, points_by: {field: tier, values: {1: 30, 2: 20, 'x': 1}}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"industry", " Software "}, {"tier", "2.0"}});
  CHECK(s.outcome("industry").matched);
  CHECK(s.outcome("industry").points == 10);
  CHECK(s.outcome("tier").matched);
  CHECK(s.outcome("tier").points == 20);
  CHECK(s.verdict().fit == 30);
}

TEST_CASE("points_by values: the default is not a match", "[scorer][points][points_by]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: industry, category: fit, points_by: {field: industry, values: {software: 10}, default: 2}}",
      "  - {id: tier, category: fit, points_by: {field: tier, values: {1: 30}}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"industry", "retail"}, {"tier", "3"}});
  CHECK_FALSE(s.outcome("industry").matched);
  CHECK(s.outcome("industry").points == 2);
  CHECK_FALSE(s.outcome("tier").matched);
  CHECK(s.outcome("tier").points == 0);
  CHECK(s.verdict().fit == 2);
  // A missing value gets the default too.
  s.score({});
  CHECK(s.outcome("industry").points == 2);
  CHECK_FALSE(s.outcome("industry").matched);
}

TEST_CASE("points_by ranges: the first range that holds", "[scorer][points][points_by]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - id: size",
      "    category: fit",
      "    points_by: {field: size, ranges: [{lt: 10, points: -10}, {between: [200, 5000], points: 10}, "
      "{gt: 5000, points: 5}, {gte: 100, points: 1}]}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  auto pts = [&](const char* v) {
    s.score({{"size", v}});
    return s.outcome("size").points;
  };
  CHECK(pts("5") == -10);
  CHECK(pts("200") == 10);
  CHECK(pts("5000") == 10);
  CHECK(pts("5001") == 5);
  CHECK(pts("150") == 1);
  CHECK(pts("1,500") == 10);
}

TEST_CASE("points_by ranges: no range holds gives the default, not a match", "[scorer][points][points_by]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: size, category: fit, points_by: {field: size, ranges: [{gte: 10, lt: 20, points: 3}], default: -1}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"size", "15"}});
  CHECK(s.outcome("size").matched);
  CHECK(s.outcome("size").points == 3);
  s.score({{"size", "20"}});
  CHECK_FALSE(s.outcome("size").matched);
  CHECK(s.outcome("size").points == -1);
  s.score({{"size", "many"}});
  CHECK(s.outcome("size").points == -1);
  CHECK(has_bad_value(s.verdict(), s.field("size"), ValueProblem::kNotNumber));
}

TEST_CASE("points_by ranges over dates", "[scorer][points][points_by][dates]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: signup, category: engagement, points_by: {field: signup, ranges: [{gte: 2026-02-01, points: 5}, "
      "{gte: 2026-01-01, points: 2}]}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.score({{"signup", "2026-02-01"}}).engagement == 5);
  CHECK(s.score({{"signup", "2026-01-31T23:00Z"}}).engagement == 2);
  CHECK(s.score({{"signup", "2025-12-31"}}).engagement == 0);
}

TEST_CASE("points_by only applies when the criterion's when holds", "[scorer][points][points_by]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: i, category: fit, when: {field: ok, is: true}, points_by: {field: i, values: {a: 4}, default: 1}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"ok", "no"}, {"i", "a"}});
  CHECK_FALSE(s.outcome("i").matched);
  CHECK(s.outcome("i").points == 0);
  s.score({{"ok", "yes"}, {"i", "a"}});
  CHECK(s.outcome("i").points == 4);
}

TEST_CASE("a criterion's max and min bound its points", "[scorer][points][bounds]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: downloads, category: engagement, points_per: {field: downloads, points: 5}, max: 15}",
      "  - {id: penalty, category: fit, points: -20, min: -5, when: {field: bad, is: true}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"downloads", "10"}, {"bad", "yes"}});
  CHECK(s.outcome("downloads").points == 15);
  CHECK(s.outcome("penalty").points == -5);
  CHECK(s.verdict().score == 10);
  s.score({{"downloads", "2"}, {"bad", "no"}});
  CHECK(s.outcome("downloads").points == 10);
  // A criterion whose when fails scores 0, not its min.
  CHECK(s.outcome("penalty").points == 0);
  s.score({{"downloads", "-9"}});
  CHECK(s.outcome("downloads").points == -45);
}

TEST_CASE("a criterion's min lifts a points_per below it", "[scorer][points][bounds]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: d, category: engagement, points_per: {field: d, points: 1}, min: 0, max: 3}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.score({{"d", "-4"}}).engagement == 0);
  CHECK(s.score({{"d", "2"}}).engagement == 2);
  CHECK(s.score({{"d", "9"}}).engagement == 3);
}

// ---- groups -------------------------------------------------------------------------

TEST_CASE("a group's max bounds the sum of its criteria", "[scorer][groups]") {
  Scoring s(yaml_lines({
      "groups: {email: {max: 10}}",
      "criteria:",
      "  - {id: opened, category: engagement, group: email, when: {field: opens, gte: 1}, points: 3}",
      "  - {id: clicked, category: engagement, group: email, points_per: {field: clicks, points: 2}}",
      "  - {id: visit, category: engagement, points: 4, when: {field: visits, gte: 1}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  s.score({{"opens", "5"}, {"clicks", "4"}, {"visits", "1"}});
  // Outcomes keep each criterion's own points; the group bound applies to the sum.
  CHECK(s.outcome("opened").points == 3);
  CHECK(s.outcome("clicked").points == 8);
  CHECK(s.verdict().engagement == 14);
  s.score({{"opens", "5"}, {"clicks", "2"}});
  CHECK(s.verdict().engagement == 7);
}

TEST_CASE("a group's min bounds the sum from below", "[scorer][groups]") {
  Scoring s(yaml_lines({
      "groups: {penalties: {min: -5}}",
      "criteria:",
      "  - {id: free_email, category: fit, group: penalties, points: -10, when: {field: email, ends_with: gmail.com}}",
      "  - {id: no_phone, category: fit, group: penalties, points: -3, when: {field: phone, exists: false}}",
      "  - {id: senior, category: fit, points: 20}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.score({{"email", "a@gmail.com"}}).fit == 15);
  CHECK(s.score({{"email", "a@corp.com"}}).fit == 17);
  CHECK(s.score({{"email", "a@corp.com"}, {"phone", "555"}}).fit == 20);
}

TEST_CASE("a group counts in its members' category", "[scorer][groups]") {
  Scoring s(yaml_lines({
      "groups: {firmo: {max: 12}}",
      "criteria:",
      "  - {id: a, category: fit, group: firmo, points: 10}",
      "  - {id: b, category: fit, group: firmo, points: 10}",
      "  - {id: c, category: engagement, points: 1}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const Verdict& v = s.score({});
  CHECK(v.fit == 12);
  CHECK(v.engagement == 1);
  CHECK(v.score == 13);
}

// ---- score clamp --------------------------------------------------------------------------

TEST_CASE("score is clamped by score.min and score.max; fit and engagement are not", "[scorer][clamp]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: big, category: fit, points: 80, when: {field: big, is: true}}",
      "  - {id: eng, category: engagement, points: 70, when: {field: big, is: true}}",
      "  - {id: bad, category: fit, points: -30, when: {field: bad, is: true}}",
      "score: {min: 0, max: 100}",
      "stages:",
      "  MQL: {min_score: 100}",
  }));
  const Verdict& high = s.score({{"big", "yes"}});
  CHECK(high.fit == 80);
  CHECK(high.engagement == 70);
  CHECK(high.score == 100);
  // Stage gates see the clamped score.
  CHECK(high.stage == Stage::kMql);
  const Verdict& low = s.score({{"bad", "yes"}});
  CHECK(low.fit == -30);
  CHECK(low.score == 0);
  CHECK(low.stage == Stage::kLead);
}

// ---- decay ------------------------------------------------------------------------------

namespace {

const std::string kDecayRules = yaml_lines({
    "criteria:",
    "  - {id: fit20, category: fit, points: 20}",
    "  - {id: eng10, category: engagement, points: 10}",
    "decay: {field: last_activity, half_life_days: 30}",
    "stages:",
    "  MQL: {min_score: 1}",
});

}  // namespace

TEST_CASE("decay halves engagement every half-life", "[scorer][decay]") {
  Scoring s(kDecayRules);
  const Verdict& v = s.score({{"last_activity", "2026-01-30"}});  // 30 days before 2026-03-01
  CHECK(v.decay_factor == 0.5);
  CHECK(v.engagement == 5);
  CHECK(v.fit == 20);
  CHECK(v.score == 25);
  CHECK(s.score({{"last_activity", "2025-12-31"}}).decay_factor == 0.25);
  CHECK(s.verdict().engagement == 2.5);
}

TEST_CASE("decay counts whole UTC calendar days", "[scorer][decay]") {
  Scoring s(kDecayRules);
  // 2026-01-30T23:59 is still 30 days before 2026-03-01.
  CHECK(s.score({{"last_activity", "2026-01-30T23:59:59Z"}}).decay_factor == 0.5);
  // 2026-01-31T01:00+02:00 is 2026-01-30 in UTC.
  CHECK(s.score({{"last_activity", "2026-01-31T01:00:00+02:00"}}).decay_factor == 0.5);
}

TEST_CASE("a partial half-life gives a fractional factor; engagement is rounded to 2 decimals", "[scorer][decay][rounding]") {
  Scoring s(kDecayRules);
  const Verdict& v = s.score({{"last_activity", "2026-02-19"}});  // 10 days
  CHECK(v.decay_factor == Approx(std::pow(0.5, 10.0 / 30)));
  CHECK(v.engagement == 7.94);
  CHECK(v.score == 27.94);
}

TEST_CASE("no decay when the date is missing, today, in the future or not a date", "[scorer][decay]") {
  Scoring s(kDecayRules);
  CHECK(s.score({}).decay_factor == 1);
  CHECK(s.verdict().engagement == 10);
  CHECK(s.score({{"last_activity", "2026-03-01"}}).decay_factor == 1);
  CHECK(s.score({{"last_activity", "2026-06-01"}}).decay_factor == 1);
  CHECK(s.verdict().engagement == 10);
  const Verdict& bad = s.score({{"last_activity", "recently"}});
  CHECK(bad.decay_factor == 1);
  CHECK(bad.engagement == 10);
  CHECK(has_bad_value(bad, s.field("last_activity"), ValueProblem::kNotDate));
}

TEST_CASE("decay applies_to: score decays fit too", "[scorer][decay]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: fit20, category: fit, points: 20}",
      "  - {id: eng10, category: engagement, points: 10}",
      "decay: {field: last_activity, half_life_days: 30, applies_to: score}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const Verdict& v = s.score({{"last_activity", "2026-01-30"}});
  CHECK(v.fit == 10);
  CHECK(v.engagement == 5);
  CHECK(v.score == 15);
  const Verdict& w = s.score({{"last_activity", "2026-02-19"}});
  CHECK(w.fit == 15.87);
  CHECK(w.engagement == 7.94);
  CHECK(w.score == 23.81);
}

TEST_CASE("decay is applied before the clamp and the stage gates", "[scorer][decay][stages]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: eng, category: engagement, points: 60}",
      "decay: {field: seen, half_life_days: 10}",
      "score: {max: 50}",
      "stages:",
      "  MQL: {min_score: 40, min_engagement: 30}",
  }));
  CHECK(s.score({}).score == 50);
  CHECK(s.verdict().stage == Stage::kMql);
  const Verdict& v = s.score({{"seen", "2026-02-19"}});  // 10 days: ×0.5
  CHECK(v.engagement == 30);
  CHECK(v.score == 30);
  CHECK(v.stage == Stage::kLead);
}

// ---- rounding -------------------------------------------------------------------------

TEST_CASE("fit and engagement are rounded to 2 decimals before they are added", "[scorer][rounding]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: f, category: fit, points_per: {field: n, points: 0.333}}",
      "  - {id: e, category: engagement, points_per: {field: n, points: 0.333}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const Verdict& v = s.score({{"n", "1"}});
  CHECK(v.fit == 0.33);
  CHECK(v.engagement == 0.33);
  CHECK(v.score == 0.66);  // not round2(0.666) = 0.67
}

TEST_CASE("stage gates compare the rounded values", "[scorer][rounding][stages]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: e, category: engagement, points_per: {field: n, points: 0.333}}",
      "stages:",
      "  MQL: {min_engagement: 1}",
  }));
  const Verdict& v = s.score({{"n", "3"}});  // 0.999 rounds to 1
  CHECK(v.engagement == 1);
  CHECK(v.stage == Stage::kMql);
}

// ---- disqualify -------------------------------------------------------------------------

TEST_CASE("a disqualified lead keeps its score but stays at Lead", "[scorer][disqualify]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: big, category: fit, points: 50}",
      "disqualify:",
      "  - {id: competitor, when: {field: email, email_domain_in: [rival.example]}}",
      "  - {id: student, when: {field: email, ends_with: .edu}}",
      "stages:",
      "  MQL: {min_score: 40}",
  }));
  const Verdict& v = s.score({{"email", "spy@rival.example"}});
  CHECK(v.score == 50);
  CHECK(v.stage == Stage::kLead);
  CHECK(v.disqualified());
  CHECK(v.disqualified_by == std::vector<int>{0});
  // The gate itself passed; only the stage is held back.
  CHECK(v.gate_passed[0]);
  CHECK(s.score({{"email", "ann@corp.example"}}).stage == Stage::kMql);
  CHECK_FALSE(s.verdict().disqualified());
}

TEST_CASE("every disqualifier that holds is listed, in rules order", "[scorer][disqualify]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: big, category: fit, points: 50}",
      "disqualify:",
      "  - {id: student, when: {field: email, ends_with: .edu}}",
      "  - {id: competitor, when: {field: email, email_domain_in: [rival.edu]}}",
      "  - {id: never, when: {field: email, exists: false}}",
      "stages:",
      "  MQL: {min_score: 40}",
  }));
  CHECK(s.score({{"email", "x@rival.edu"}}).disqualified_by == std::vector<int>{0, 1});
}

// ---- stages ---------------------------------------------------------------------------

namespace {

const std::string kFunnel = yaml_lines({
    "criteria:",
    "  - {id: pts, category: fit, points_per: {field: pts, points: 1}}",
    "stages:",
    "  MQL: {min_score: 40}",
    "  SQL: {requires: [{field: demo, is: true}, {field: budget, gte: 10000}]}",
    "  SAO: {requires: [{field: accepted, is: true}]}",
});

struct StageCase {
  const char* pts;
  const char* demo;
  const char* accepted;
  Stage stage;
  std::array<bool, 3> gates;
};

}  // namespace

TEST_CASE("the stage is the highest whose own and lower gates all hold", "[scorer][stages]") {
  Scoring s(kFunnel);
  const StageCase cases[] = {
      {"50", "yes", "yes", Stage::kSao, {true, true, true}},
      {"50", "yes", "no", Stage::kSql, {true, true, false}},
      {"50", "no", "yes", Stage::kMql, {true, false, true}},
      {"50", "no", "no", Stage::kMql, {true, false, false}},
      {"30", "yes", "yes", Stage::kLead, {false, true, true}},
      {"30", "no", "yes", Stage::kLead, {false, false, true}},
      {"30", "yes", "no", Stage::kLead, {false, true, false}},
      {"30", "no", "no", Stage::kLead, {false, false, false}},
      {"40", "", "", Stage::kMql, {true, false, false}},
      {"39.99", "yes", "yes", Stage::kLead, {false, true, true}},
  };
  for (const StageCase& c : cases) {
    INFO("pts=" << c.pts << " demo=" << c.demo << " accepted=" << c.accepted);
    const Verdict& v = s.score({{"pts", c.pts}, {"demo", c.demo}, {"budget", "20000"}, {"accepted", c.accepted}});
    CHECK(v.stage == c.stage);
    CHECK(v.gate_passed[0] == c.gates[0]);
    CHECK(v.gate_passed[1] == c.gates[1]);
    CHECK(v.gate_passed[2] == c.gates[2]);
  }
}

TEST_CASE("every requirement of a stage must hold", "[scorer][stages]") {
  Scoring s(kFunnel);
  CHECK(s.score({{"pts", "50"}, {"demo", "yes"}, {"budget", "9999"}}).stage == Stage::kMql);
  CHECK(s.score({{"pts", "50"}, {"demo", "yes"}, {"budget", "$10,000"}}).stage == Stage::kSql);
  CHECK(s.score({{"pts", "50"}, {"demo", "yes"}}).stage == Stage::kMql);
}

TEST_CASE("min_fit and min_engagement gates, each at its threshold", "[scorer][stages]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: f, category: fit, points_per: {field: f, points: 1}}",
      "  - {id: e, category: engagement, points_per: {field: e, points: 1}}",
      "stages:",
      "  MQL: {min_fit: 10, min_engagement: 5}",
      "  SQL: {min_score: 30}",
  }));
  CHECK(s.score({{"f", "10"}, {"e", "5"}}).stage == Stage::kMql);
  CHECK(s.score({{"f", "10"}, {"e", "4.99"}}).stage == Stage::kLead);
  CHECK(s.score({{"f", "9.99"}, {"e", "50"}}).stage == Stage::kLead);
  // SQL's own gate holds but MQL's does not: still Lead.
  CHECK(s.verdict().gate_passed[1]);
  CHECK(s.score({{"f", "25"}, {"e", "5"}}).stage == Stage::kSql);
}

TEST_CASE("a stage not defined in the rules is never reached", "[scorer][stages]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 50}",
      "stages:",
      "  MQL: {min_score: 10}",
      "  SQL: {min_score: 20}",
  }));
  const Verdict& v = s.score({});
  CHECK(v.stage == Stage::kSql);
  CHECK(v.gate_passed[0]);
  CHECK(v.gate_passed[1]);
  CHECK_FALSE(v.gate_passed[2]);
}

TEST_CASE("only MQL defined: MQL is the highest stage", "[scorer][stages]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 50}",
      "stages:",
      "  MQL: {requires: [{field: x, exists: true}]}",
  }));
  CHECK(s.score({{"x", "1"}}).stage == Stage::kMql);
  CHECK(s.score({}).stage == Stage::kLead);
  CHECK_FALSE(s.verdict().gate_passed[1]);
}

// ---- bad values ---------------------------------------------------------------------------

TEST_CASE("bad values are recorded once per field and problem", "[scorer][bad]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 1, when: {field: budget, gte: 100}}",
      "  - {id: b, category: fit, points: 1, when: {field: budget, lt: 10}}",
      "  - {id: c, category: fit, points: 1, when: {field: budget, is: true}}",
      "  - {id: d, category: fit, points: 1, when: {field: seen, within_days: 3}}",
      "  - {id: e, category: fit, points_per: {field: budget, points: 1}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const Verdict& v = s.score({{"budget", "unknown"}, {"seen", "soon"}});
  CHECK(v.bad_values.size() == 3);
  CHECK(has_bad_value(v, s.field("budget"), ValueProblem::kNotNumber));
  CHECK(has_bad_value(v, s.field("budget"), ValueProblem::kNotBool));
  CHECK(has_bad_value(v, s.field("seen"), ValueProblem::kNotDate));
}

TEST_CASE("a verdict is reset from lead to lead", "[scorer][reuse]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: a, category: fit, points: 10, when: {field: budget, gte: 100}}",
      "disqualify:",
      "  - {id: dq, when: {field: dq, is: true}}",
      "stages:",
      "  MQL: {min_score: 10}",
  }));
  const Verdict& first = s.score({{"budget", "oops"}, {"dq", "yes"}});
  CHECK(first.bad_values.size() == 1);
  CHECK(first.disqualified());
  const Verdict& second = s.score({{"budget", "500"}});
  CHECK(second.bad_values.empty());
  CHECK_FALSE(second.disqualified());
  CHECK(second.criteria[0].matched);
  CHECK(second.stage == Stage::kMql);
  const Verdict& third = s.score({{"budget", "5"}});
  CHECK_FALSE(third.criteria[0].matched);
  CHECK(third.score == 0);
  CHECK(third.stage == Stage::kLead);
}

TEST_CASE("Scorer::holds evaluates a condition for the lead just scored", "[scorer][holds]") {
  Scoring s(kFunnel);
  s.score({{"demo", "yes"}, {"budget", "20000"}});
  const StageGate& sql = s.rules().gate(Stage::kSql);
  std::vector<std::string_view> values(s.rules().fields.size());
  values[static_cast<size_t>(s.field("demo"))] = "yes";
  values[static_cast<size_t>(s.field("budget"))] = "5";
  LeadScratch scratch;
  Verdict verdict;
  s.scorer().score(values, scratch, verdict);
  CHECK(s.scorer().holds(sql.requires_all[0], values, scratch, verdict));
  CHECK_FALSE(s.scorer().holds(sql.requires_all[1], values, scratch, verdict));
}

TEST_CASE("matches gives each lead its own verdict when leads repeat values", "[scorer][matches][reuse]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: senior, category: fit, points: 10, when: {field: title, matches: '^(vp|chief)'}}",
      "  - {id: exact, category: fit, points: 1, when: {field: title, matches: '^VP', case_sensitive: true}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  const char* titles[] = {"VP Sales", "Analyst", "VP Sales", "vp sales", "Analyst", "Chief of Staff", "vp sales"};
  const bool senior[] = {true, false, true, true, false, true, true};
  const bool exact[] = {true, false, true, false, false, false, false};
  for (size_t i = 0; i < std::size(titles); ++i) {
    INFO(titles[i]);
    s.score({{"title", titles[i]}});
    CHECK(s.outcome("senior").matched == senior[i]);
    CHECK(s.outcome("exact").matched == exact[i]);
  }
}

TEST_CASE("one scratch may serve two rule sets in turn", "[scorer][matches][reuse]") {
  auto a = load_ok(one_condition_rules("{field: x, matches: '^a'}"));
  auto b = load_ok(yaml_lines({
      "criteria:",
      "  - {id: first, category: fit, points: 1, when: {field: x, matches: '^b'}}",
      "  - {id: second, category: fit, points: 1, when: {field: x, matches: 'c$'}}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  Scorer sa(*a, 20513), sb(*b, 20513);
  LeadScratch scratch;
  Verdict v;
  std::vector<std::string_view> values{"abc"};
  sa.score(values, scratch, v);
  CHECK(v.criteria[0].matched);
  sb.score(values, scratch, v);
  CHECK_FALSE(v.criteria[0].matched);
  CHECK(v.criteria[1].matched);
  sa.score(values, scratch, v);
  CHECK(v.criteria[0].matched);
  values[0] = "bc";
  sb.score(values, scratch, v);
  CHECK(v.criteria[0].matched);
  CHECK(v.criteria[1].matched);
}

TEST_CASE("without stages every lead is a Lead", "[scorer][stages]") {
  Scoring s("criteria:\n  - {id: a, category: fit, points: 10}\n");
  const Verdict& v = s.score({});
  CHECK(v.score == 10);
  CHECK(v.stage == Stage::kLead);
  CHECK_FALSE(v.gate_passed[0]);
  CHECK_FALSE(v.gate_passed[1]);
  CHECK_FALSE(v.gate_passed[2]);
}

// ---- in on short texts (compared as words) ---------------------------------------------

TEST_CASE("in on literals of up to 8 bytes compares lengths, case and every byte", "[scorer][in][short]") {
  const std::string list = "{field: x, in: [US, gb, 'a', seven77, eightchr]}";
  for (const char* yes : {"US", "us", "Gb", "GB", "a", "A", "SEVEN77", "eightchr", "EightChr", " us "}) {
    INFO(yes);
    CHECK(x_holds(list, yes));
  }
  for (const char* no : {"U", "USA", "u s", "ab", "seven7", "seven777", "eightchrs", "eightch", "\xC3\x9C" "S"}) {
    INFO(no);
    CHECK_FALSE(x_holds(list, no));
  }
  CHECK_FALSE(x_holds(list, std::string("US\0", 3)));  // a NUL is a byte like any other
  CHECK(x_holds("{field: x, in: [US, GB], case_sensitive: true}", "GB"));
  CHECK_FALSE(x_holds("{field: x, in: [US, GB], case_sensitive: true}", "gb"));
  CHECK_FALSE(x_holds("{field: x, not_in: [US, GB]}", "us"));
  CHECK(x_holds("{field: x, not_in: [US, GB]}", "FR"));
}

// ---- the awarded list ------------------------------------------------------------------

TEST_CASE("awarded lists the criteria with points other than 0, in rule order", "[scorer][awarded]") {
  Scoring s(yaml_lines({
      "criteria:",
      "  - {id: downloads, category: engagement, points_per: {field: downloads, points: 5}}",
      "  - {id: senior, category: fit, when: {field: title, matches: '\\bvp\\b'}, points: 10}",
      "  - {id: free, category: fit, when: {field: email, ends_with: gmail.com}, points: -10}",
      "stages:",
      "  MQL: {min_score: 1}",
  }));
  CHECK(s.score({{"downloads", "2"}, {"title", "VP Sales"}, {"email", "a@gmail.com"}}).awarded ==
        std::vector<uint32_t>{0, 1, 2});
  // Matched with 0 points (0 downloads) is not awarded; nor is what did not match.
  CHECK(s.score({{"downloads", "0"}, {"title", "VP Sales"}, {"email", "a@corp.example"}}).awarded ==
        std::vector<uint32_t>{1});
  CHECK(s.score({{"downloads", "0"}}).awarded.empty());
  // The verdict is reused: nothing of the last lead stays.
  CHECK(s.score({{"email", "b@gmail.com"}}).awarded == std::vector<uint32_t>{2});
}
