// JSON lines through open_input: values as text, blank lines, rejections and
// limits.
#include <string>

#include <catch2/catch.hpp>

#include "input/open_input.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

TEST_CASE("jsonl: objects become names and values", "[jsonl]") {
  const ReadResult r =
      read_all_blocks("{\"id\":\"a1\",\"n\":3}\n{\"id\":\"a2\",\"n\":4}\n", ".jsonl");
  REQUIRE(r.opened);
  CHECK(r.format == InputFormat::kJsonLines);
  CHECK(r.header.empty());
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].names == Names{"id", "n"});
  CHECK(r.rows() == Rows{{"a1", "3"}, {"a2", "4"}});
  CHECK_FALSE(r.items[0].has_object);  // plain lines are read without a tree
  CHECK(r.items[0].line == 1);
  CHECK(r.items[1].line == 2);
  CHECK(r.items[1].number == 2);
  CHECK(r.items[0].raw == "{\"id\":\"a1\",\"n\":3}");
}

TEST_CASE("jsonl: value texts by type", "[jsonl]") {
  const ReadResult r =
      read_all_blocks(R"({"s":"x\"y\u00e9\n","i":-42,"u":18446744073709551615,"f":12.5,"e":1e3,)"
                      R"("t":true,"F":false,"z":null,"o":{"a": [1, "b"]},"a":[ ],"empty":""})"
                      "\n",
                      ".jsonl");
  REQUIRE(r.items.size() == 1);
  const Item& item = r.items[0];
  CHECK(item.names == Names{"s", "i", "u", "f", "e", "t", "F", "z", "o", "a", "empty"});
  CHECK(item.values == Names{"x\"y\xC3\xA9\n", "-42", "18446744073709551615", "12.5", "1000.0",
                             "true", "false", "", "{\"a\":[1,\"b\"]}", "[]", ""});
}

TEST_CASE("jsonl: key order is kept", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"z\":1,\"a\":2,\"m\":3}\n", ".jsonl");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].names == Names{"z", "a", "m"});
}

TEST_CASE("jsonl: names follow each record's own keys", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":1,\"b\":2,\"c\":3}\n{\"x\":9}\n{}\n", ".jsonl");
  REQUIRE(r.items.size() == 3);
  CHECK(r.items[1].names == Names{"x"});
  CHECK(r.items[1].values == Names{"9"});
  CHECK(r.items[2].names.empty());
  CHECK(r.items[2].values.empty());
  CHECK_FALSE(r.items[2].rejected);
}

TEST_CASE("jsonl: duplicate keys keep the first place and the last value", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":1,\"b\":2,\"a\":3}\n", ".jsonl");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].names == Names{"a", "b"});
  CHECK(r.items[0].values == Names{"3", "2"});
}

TEST_CASE("jsonl: an object with many keys parses in linear time", "[jsonl]") {
  std::string line = "{";
  for (int i = 0; i < 50000; ++i)
    line += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  line += "\"k7\":\"again\"}\n";
  const ReadResult r = read_text(line, ".jsonl");
  REQUIRE(r.items.size() == 1);
  REQUIRE(r.items[0].names.size() == 50000);
  CHECK(r.items[0].names[7] == "k7");
  CHECK(r.items[0].values[7] == "again");
  CHECK(r.items[0].values[49999] == "49999");
}

TEST_CASE("jsonl: blank lines are skipped but counted as lines", "[jsonl]") {
  const ReadResult r = read_all_blocks("\n{\"a\":1}\n  \n\t\r\n\n{\"a\":2}\n\n", ".jsonl");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].line == 2);
  CHECK(r.items[0].number == 1);
  CHECK(r.items[1].line == 6);
  CHECK(r.items[1].number == 2);
}

TEST_CASE("jsonl: CRLF line ends", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":1}\r\n{\"a\":2}\r\n", ".jsonl");
  CHECK(r.rows() == Rows{{"1"}, {"2"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].raw == "{\"a\":1}");
}

TEST_CASE("jsonl: BOM at the start is stripped", "[jsonl]") {
  const ReadResult r = read_all_blocks("\xEF\xBB\xBF{\"a\":1}\n", ".jsonl");
  CHECK(r.rows() == Rows{{"1"}});
}

TEST_CASE("jsonl: last line without a line end", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":1}\n{\"a\":2}", ".jsonl");
  CHECK(r.rows() == Rows{{"1"}, {"2"}});
}

TEST_CASE("jsonl: empty input has no records", "[jsonl]") {
  for (const char* text : {"", "\n\n", "\xEF\xBB\xBF"}) {
    const ReadResult r = read_all_blocks(text, ".jsonl");
    REQUIRE(r.opened);
    CHECK(r.items.empty());
  }
}

TEST_CASE("jsonl: invalid JSON is rejected with its column", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":1}\n{\"a\": tru}\n{\"a\":3}\n", ".jsonl");
  REQUIRE(r.items.size() == 3);
  const Item& bad = r.items[1];
  CHECK(bad.rejected);
  CHECK(bad.message ==
        "invalid JSON: invalid literal; last read: '\"a\": tru}', expected a JSON object");
  CHECK(bad.line == 2);
  CHECK(bad.column == 10);
  CHECK(bad.raw == "{\"a\": tru}");
  CHECK(r.items[2].values == Names{"3"});
  CHECK(r.items[2].number == 3);
}

TEST_CASE("jsonl: unfinished object", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":1,\n", ".jsonl");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].message ==
        "invalid JSON: unexpected end of input; expected string literal, expected a JSON object");
  CHECK(r.items[0].column == 8);
}

TEST_CASE("jsonl: text after the object is invalid", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":1} x\n", ".jsonl");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].rejected);
  CHECK(r.items[0].message.rfind("invalid JSON: ", 0) == 0);
  CHECK(r.items[0].column == 9);
}

TEST_CASE("jsonl: a value that is not an object is rejected", "[jsonl]") {
  const ReadResult r = read_all_blocks("[1,2]\n \"x\"\n42\nnull\ntrue\n{\"a\":1}\n", ".jsonl");
  REQUIRE(r.items.size() == 6);
  CHECK(r.items[0].message == "found an array, expected a JSON object");
  CHECK(r.items[0].column == 1);
  CHECK(r.items[1].message == "found a string, expected a JSON object");
  CHECK(r.items[1].column == 2);
  CHECK(r.items[2].message == "found a number, expected a JSON object");
  CHECK(r.items[3].message == "found null, expected a JSON object");
  CHECK(r.items[4].message == "found a boolean, expected a JSON object");
  CHECK(r.items[5].values == Names{"1"});
  CHECK(r.items[5].number == 6);
}

TEST_CASE("jsonl: invalid UTF-8 in a string is rejected", "[jsonl]") {
  const ReadResult r = read_all_blocks("{\"a\":\"caf\xE9\"}\n{\"a\":\"ok\"}\n", ".jsonl");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].rejected);
  CHECK(r.items[0].message.rfind("invalid JSON: ", 0) == 0);
  CHECK(r.items[1].values == Names{"ok"});
}

std::string nested(int depth) {
  return "{\"a\":" + std::string(static_cast<size_t>(depth - 1), '[') +
         std::string(static_cast<size_t>(depth - 1), ']') + "}";
}

TEST_CASE("jsonl: nesting up to 64 levels is fine", "[jsonl]") {
  const ReadResult r = read_all_blocks(nested(64) + "\n", ".jsonl");
  REQUIRE(r.items.size() == 1);
  CHECK_FALSE(r.items[0].rejected);
}

TEST_CASE("jsonl: nesting deeper than 64 levels is rejected", "[jsonl]") {
  const ReadResult r = read_all_blocks(nested(65) + "\n" + nested(100000) + "\n{}\n", ".jsonl");
  REQUIRE(r.items.size() == 3);
  CHECK(r.items[0].message == "JSON nested deeper than 64 levels, expected at most 64");
  CHECK(r.items[0].line == 1);
  CHECK(r.items[1].message == "JSON nested deeper than 64 levels, expected at most 64");
  CHECK_FALSE(r.items[2].rejected);
}

TEST_CASE("jsonl: a line longer than four times the field limit is rejected", "[jsonl]") {
  InputOptions options;
  options.max_field_bytes = 5;  // lines up to 20 bytes
  const std::string long_line = "{\"a\":\"" + std::string(30, 'x') + "\"}";
  const ReadResult r =
      read_all_blocks("{\"a\":\"12345678\"}\n" + long_line + "\n{\"b\":1}\n", ".jsonl", options);
  REQUIRE(r.items.size() == 3);
  CHECK(r.items[0].values == Names{"12345678"});
  CHECK(r.items[1].rejected);
  CHECK(r.items[1].message == "line is 38 bytes, expected at most 20");
  CHECK(r.items[1].line == 2);
  CHECK(r.items[1].raw == long_line);
  CHECK(r.items[2].values == Names{"1"});
  CHECK(r.items[2].number == 3);
}

TEST_CASE("jsonl: an over-long last line without a line end", "[jsonl]") {
  InputOptions options;
  options.max_field_bytes = 2;
  const ReadResult r = read_all_blocks("{}\n{\"a\":\"0123456789\"}", ".jsonl", options);
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[1].message == "line is 18 bytes, expected at most 8");
}

TEST_CASE("jsonl: record views stay valid until the next call", "[jsonl]") {
  Diagnostics diags;
  const TempFile file("{\"a\":1.5,\"b\":{\"c\":2},\"d\":\"s\"}\n", ".jsonl");
  auto reader = open_input(file.path(), {}, diags);
  REQUIRE(reader);
  InputRecord rec;
  RecordError err;
  REQUIRE(reader->next(rec, err) == ReadStatus::kRecord);
  REQUIRE(rec.object != nullptr);
  CHECK((*rec.object)["b"]["c"] == 2);
  REQUIRE(rec.values.size() == 3);
  CHECK(rec.values[0] == "1.5");
  CHECK(rec.values[1] == "{\"c\":2}");
  CHECK(rec.values[2] == "s");
  CHECK(reader->next(rec, err) == ReadStatus::kEnd);
}

}  // namespace
}  // namespace leadscore::testing
