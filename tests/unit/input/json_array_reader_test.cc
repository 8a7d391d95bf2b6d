// JSON arrays of objects through open_input, streamed one element at a time.
#include <string>

#include <catch2/catch.hpp>

#include "input/open_input.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

TEST_CASE("json: array of objects", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":\"y\"}]", ".json");
  REQUIRE(r.opened);
  CHECK(r.format == InputFormat::kJsonArray);
  CHECK(r.header.empty());
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].names == Names{"a", "b"});
  CHECK(r.rows() == Rows{{"1", "x"}, {"2", "y"}});
  CHECK(r.items[0].has_object);
  CHECK(r.items[0].raw == "{\"a\":1,\"b\":\"x\"}");
  CHECK(r.items[1].number == 2);
}

TEST_CASE("json: pretty-printed array", "[json]") {
  const std::string text =
      "[\n"
      "  {\n"
      "    \"id\": \"L1\",\n"
      "    \"tags\": [\"a\", \"b\"]\n"
      "  },\n"
      "  {\"id\": \"L2\", \"tags\": []}\n"
      "]\n";
  const ReadResult r = read_all_blocks(text, ".json");
  REQUIRE(r.items.size() == 2);
  CHECK(r.rows() == Rows{{"L1", "[\"a\",\"b\"]"}, {"L2", "[]"}});
  CHECK(r.items[0].line == 2);
  CHECK(r.items[0].raw == "{\n    \"id\": \"L1\",\n    \"tags\": [\"a\", \"b\"]\n  }");
  CHECK(r.items[1].line == 6);
}

TEST_CASE("json: strings hide brackets, commas and escaped quotes", "[json]") {
  const ReadResult r =
      read_all_blocks(R"([{"a":"x,]}\"[{\\"},{"b":[1,{"c":"]"}],"d":{"e":[[]]}}])", ".json");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].values == Names{"x,]}\"[{\\"});
  CHECK(r.items[1].values == Names{"[1,{\"c\":\"]\"}]", "{\"e\":[[]]}"});
}

TEST_CASE("json: empty arrays and empty input", "[json]") {
  for (const char* text : {"[]", " [ ] ", "\n[\n]\n", "\xEF\xBB\xBF[]"}) {
    const ReadResult r = read_all_blocks(text, ".json");
    REQUIRE(r.opened);
    CHECK(r.format == InputFormat::kJsonArray);
    CHECK(r.items.empty());
  }
  InputOptions options;
  options.format = InputFormat::kJsonArray;
  for (const char* text : {"", "  \n "}) {
    const ReadResult r = read_all_blocks(text, ".txt", options);
    REQUIRE(r.opened);
    CHECK(r.items.empty());
  }
}

TEST_CASE("json: an element that is not an object is rejected", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":1}, 2, [3], \"s\", null, {\"a\":4}]", ".json");
  REQUIRE(r.items.size() == 6);
  CHECK(r.items[1].rejected);
  CHECK(r.items[1].message == "found a number, expected a JSON object");
  CHECK(r.items[1].line == 1);
  CHECK(r.items[1].column == 11);
  CHECK(r.items[1].raw == "2");
  CHECK(r.items[2].message == "found an array, expected a JSON object");
  CHECK(r.items[3].message == "found a string, expected a JSON object");
  CHECK(r.items[4].message == "found null, expected a JSON object");
  CHECK(r.items[5].values == Names{"4"});
  CHECK(r.items[5].number == 6);
}

TEST_CASE("json: invalid element is located in the file", "[json]") {
  const ReadResult r = read_all_blocks("[\n  {\"a\": 1},\n  {\"b\":\n     tru}\n]\n", ".json");
  REQUIRE(r.items.size() == 2);
  const Item& bad = r.items[1];
  CHECK(bad.rejected);
  CHECK(bad.message.rfind("invalid JSON: invalid literal", 0) == 0);
  CHECK(bad.line == 4);
  CHECK(bad.column == 9);
  CHECK(bad.raw == "{\"b\":\n     tru}");
}

TEST_CASE("json: text after the closing bracket is reported once", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":1}]\n  x [{\"a\":2}]\n", ".json");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].values == Names{"1"});
  const Item& bad = r.items[1];
  CHECK(bad.rejected);
  CHECK(bad.message == "unexpected data after the closing ']', expected the end of the input");
  CHECK(bad.line == 2);
  CHECK(bad.column == 3);
}

TEST_CASE("json: missing closing bracket after a complete element", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":1},\n{\"a\":2}\n", ".json");
  REQUIRE(r.items.size() == 3);
  CHECK(r.rows() == Rows{{"1"}, {"2"}});
  const Item& bad = r.items[2];
  CHECK(bad.message == "unexpected end of input, expected ']' to close the JSON array");
  CHECK(bad.line == 3);
  CHECK(bad.column == 1);
}

TEST_CASE("json: missing closing bracket after a comma", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":1},", ".json");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[1].message == "unexpected end of input, expected ']' to close the JSON array");
  CHECK(r.items[1].column == 10);
}

TEST_CASE("json: an element cut off by the end of input is one error", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":1},{\"a\":[1,2", ".json");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[1].rejected);
  CHECK(r.items[1].message.rfind("invalid JSON: ", 0) == 0);
  CHECK(r.items[1].raw == "{\"a\":[1,2");
  CHECK(r.items[0].number == 1);
}

TEST_CASE("json: an unterminated string at the end of input is one error", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":\"open]", ".json");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].rejected);
  CHECK(r.items[0].message.rfind("invalid JSON: ", 0) == 0);
}

TEST_CASE("json: empty elements are reported", "[json]") {
  SECTION("double comma") {
    const ReadResult r = read_all_blocks("[{\"a\":1},,{\"a\":2}]", ".json");
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[1].message == "empty array element, expected a JSON object");
    CHECK(r.items[1].column == 10);
    CHECK(r.items[2].values == Names{"2"});
    CHECK(r.items[2].number == 2);
  }
  SECTION("trailing comma") {
    const ReadResult r = read_all_blocks("[{\"a\":1},\n]", ".json");
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[1].message == "empty array element, expected a JSON object");
    CHECK(r.items[1].line == 2);
    CHECK(r.items[1].column == 1);
  }
  SECTION("leading comma") {
    const ReadResult r = read_all_blocks("[,{\"a\":1}]", ".json");
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].message == "empty array element, expected a JSON object");
    CHECK(r.items[1].values == Names{"1"});
  }
}

TEST_CASE("json: mismatched brackets fail the element only", "[json]") {
  const ReadResult r = read_all_blocks("[{\"a\":1]], {\"b\":2}]", ".json");
  REQUIRE_FALSE(r.items.empty());
  CHECK(r.items[0].rejected);
  CHECK(r.items[0].message.rfind("invalid JSON: ", 0) == 0);
}

TEST_CASE("json: forced array format on something else fails to open", "[json]") {
  InputOptions options;
  options.format = InputFormat::kJsonArray;
  const ReadResult r = read_text("\n  {\"a\":1}\n", ".json", options);
  CHECK_FALSE(r.opened);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].message == "found '{', expected '[' to start a JSON array");
  CHECK(r.diags[0].line == 2);
  CHECK(r.diags[0].column == 3);
}

TEST_CASE("json: nesting deeper than 64 levels is rejected", "[json]") {
  const std::string deep = "{\"a\":" + std::string(64, '[') + std::string(64, ']') + "}";
  const std::string ok = "{\"a\":" + std::string(63, '[') + std::string(63, ']') + "}";
  const ReadResult r = read_all_blocks("[" + deep + "," + ok + "]", ".json");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].message == "JSON nested deeper than 64 levels, expected at most 64");
  CHECK_FALSE(r.items[1].rejected);
}

TEST_CASE("json: an element longer than the limit is rejected", "[json]") {
  InputOptions options;
  options.max_field_bytes = 4;  // elements up to 16 bytes
  const std::string big = "{\"a\":\"" + std::string(40, 'x') + "\"}";
  const ReadResult r =
      read_all_blocks("[{\"a\":\"123456\"},\n " + big + ",{\"b\":1}]", ".json", options);
  REQUIRE(r.items.size() == 3);
  CHECK(r.items[0].values == Names{"123456"});
  CHECK(r.items[1].rejected);
  CHECK(r.items[1].message == "array element is 48 bytes, expected at most 16");
  CHECK(r.items[1].line == 2);
  CHECK(r.items[1].column == 2);
  CHECK(r.items[1].raw == big);
  CHECK(r.items[2].values == Names{"1"});
}

TEST_CASE("json: element values are typed like JSON lines", "[json]") {
  const ReadResult r =
      read_all_blocks("[{\"i\":7,\"f\":0.25,\"t\":true,\"n\":null,\"s\":\"\\u0041\"}]", ".json");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].values == Names{"7", "0.25", "true", "", "A"});
}

}  // namespace
}  // namespace leadscore::testing
