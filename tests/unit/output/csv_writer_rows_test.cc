// CSV output of records that are not CSV rows (JSON lines into CSV): a
// record in the output's own columns is written straight from its values,
// any other through the table of output cells; both must give the same row.
#include <catch2/catch.hpp>

#include "../engine/engine_test_util.h"
#include "output/result_writer.h"

using namespace leadscore;
using namespace leadscore::testing;

namespace {

const std::string kRules = yaml_lines({
    "criteria:",
    "  - {id: senior, category: fit, when: {field: title, contains: vp}, points: 15}",
});

// A JSON record (no delimiter, no raw CSV text) with these names and values.
InputRecord json_record(const std::vector<std::string>& names, const std::vector<std::string_view>& values) {
  InputRecord rec;
  rec.names = &names;
  rec.values = values;
  rec.raw = "{}";
  return rec;
}

std::string written(const RuleSet& rules, const Verdict& v, const std::vector<std::string>& first,
                    const std::vector<InputRecord>& records) {
  WriterOptions options;
  options.format = OutputFormat::kCsv;
  auto writer = make_writer(rules, options);
  std::string out;
  writer->begin(first, out);
  for (const InputRecord& rec : records) writer->write(ScoredLead{&rec, &v, nullptr, ""}, out);
  return out;
}

}  // namespace

TEST_CASE("JSON records into CSV: values in the output's columns are quoted as needed", "[csv_writer]") {
  Scoring s(kRules);
  const Verdict& v = s.score({{"title", "vp"}});
  const std::vector<std::string> names = {"id", "title", "note", "empty"};
  const std::vector<std::string_view> values = {"7", "vp", "a, \"b\"\nc", ""};
  const std::string out = written(s.rules(), v, names, {json_record(names, values)});
  CHECK(out ==
        "id,title,note,empty,score,fit,engagement,stage,reasons\n"
        "7,vp,\"a, \"\"b\"\"\nc\",,15,15,0,Lead,senior+15\n");
}

TEST_CASE("JSON records into CSV: the same row whichever way its keys come", "[csv_writer]") {
  Scoring s(kRules);
  const Verdict& v = s.score({{"title", "vp"}});
  const std::vector<std::string> names = {"id", "title", "note"};
  const std::vector<std::string> reordered = {"note", "id", "title"};
  const std::vector<std::string> fewer = {"title", "id"};
  const std::string out = written(s.rules(), v, names,
                                  {json_record(names, {"1", "vp", "x\"y"}), json_record(reordered, {"x\"y", "1", "vp"}),
                                   json_record(fewer, {"vp", "1"})});
  CHECK(out ==
        "id,title,note,score,fit,engagement,stage,reasons\n"
        "1,vp,\"x\"\"y\",15,15,0,Lead,senior+15\n"
        "1,vp,\"x\"\"y\",15,15,0,Lead,senior+15\n"
        "1,vp,,15,15,0,Lead,senior+15\n");
}

TEST_CASE("JSON records into CSV: a record with no keys has only results", "[csv_writer]") {
  Scoring s(kRules);
  const Verdict& v = s.score({});
  const std::vector<std::string> none;
  const std::string out = written(s.rules(), v, none, {json_record(none, {})});
  CHECK(out == "score,fit,engagement,stage,reasons\n0,0,0,Lead,\n");
}
