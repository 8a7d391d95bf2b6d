// Big inputs: fields of megabytes across block boundaries, memory that stays
// bounded while over-long records stream past, and files of 100k records.
#include <string>

#include <catch2/catch.hpp>

#include "input/csv_reader.h"
#include "input/json_array_reader.h"
#include "input/json_lines_reader.h"
#include "input/open_input.h"
#include "input/open_input_detail.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

std::string pattern(size_t n) {
  std::string s(n, 'x');
  for (size_t i = 0; i < n; i += 1000) s[i] = static_cast<char>('a' + (i / 1000) % 26);
  return s;
}

TEST_CASE("csv: a 5 MB field across block boundaries", "[csv]") {
  const std::string big = pattern(5 * kMiB);
  const ReadResult r = read_text("id,big,z\n1," + big + ",end\n2,small,z\n", ".csv");
  REQUIRE(r.items.size() == 2);
  REQUIRE_FALSE(r.items[0].rejected);
  CHECK(r.items[0].values[1] == big);
  CHECK(r.items[0].values[2] == "end");
  CHECK(r.items[1].values == Names{"2", "small", "z"});
  CHECK(r.items[1].line == 3);
}

TEST_CASE("csv: a 5 MB quoted field with quotes and line breaks", "[csv]") {
  std::string text;
  std::string quoted;
  for (int i = 0; i < 50000; ++i) {
    const std::string piece = "line " + std::to_string(i) + " \"q\" " + std::string(80, 'y');
    text += piece + "\n";
    for (const char c : piece) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\n";
  }
  REQUIRE(text.size() > 4 * kMiB);
  const ReadResult r = read_text("a,b\n\"" + quoted + "\",2\n3,4\n", ".csv", {}, 64 * 1024);
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].values[0] == text);
  CHECK(r.items[0].values[1] == "2");
  CHECK(r.items[1].line == 2 + 50000 + 1);
}

TEST_CASE("csv: an over-long field streams past in bounded memory", "[csv]") {
  const TempFile file("a,b\n1,\"" + pattern(20 * kMiB) + "\"\n2,ok\n", ".csv");
  InputOptions options;
  options.max_field_bytes = kMiB;
  Diagnostics diags;
  auto reader = open_input(file.path(), options, diags);
  REQUIRE(reader);
  InputRecord rec;
  RecordError err;
  REQUIRE(reader->next(rec, err) == ReadStatus::kRejected);
  CHECK(err.message == "field 2 is " + std::to_string(20 * kMiB) + " bytes, expected at most " +
                           std::to_string(kMiB));
  CHECK(err.line == 2);
  CHECK(err.raw.size() == 4096);
  REQUIRE(reader->next(rec, err) == ReadStatus::kRecord);
  CHECK(rec.values[1] == "ok");
  CHECK(rec.number == 2);
  const auto* csv = dynamic_cast<const CsvReader*>(reader.get());
  REQUIRE(csv != nullptr);
  CHECK(csv->buffer_capacity() < 3 * kMiB);
}

TEST_CASE("csv: an unterminated quote in a big file stays bounded", "[csv]") {
  std::string text = "a,b\n1,\"";
  for (int i = 0; i < 100000; ++i) text += "row,data\n";
  const TempFile file(text, ".csv");
  InputOptions options;
  options.max_field_bytes = 64 * 1024;
  const ReadResult r = read_path(file.path(), options);
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].message ==
        "field 2 is " + std::to_string(100000 * 9) + " bytes, expected at most 65536");
}

TEST_CASE("jsonl: an over-long line streams past in bounded memory", "[jsonl]") {
  const TempFile file("{\"a\":\"" + pattern(20 * kMiB) + "\"}\n{\"a\":\"ok\"}\n", ".jsonl");
  InputOptions options;
  options.max_field_bytes = kMiB / 4;
  Diagnostics diags;
  auto reader = open_input(file.path(), options, diags);
  REQUIRE(reader);
  InputRecord rec;
  RecordError err;
  REQUIRE(reader->next(rec, err) == ReadStatus::kRejected);
  CHECK(err.message == "line is " + std::to_string(20 * kMiB + 8) + " bytes, expected at most " +
                           std::to_string(kMiB));
  REQUIRE(reader->next(rec, err) == ReadStatus::kRecord);
  CHECK(rec.values[0] == "ok");
  const auto* jsonl = dynamic_cast<const JsonLinesReader*>(reader.get());
  REQUIRE(jsonl != nullptr);
  CHECK(jsonl->buffer_capacity() < 3 * kMiB);
}

TEST_CASE("json: an over-long element streams past in bounded memory", "[json]") {
  const TempFile file("[{\"a\":\"" + pattern(20 * kMiB) + "\"},\n{\"a\":\"ok\"}]", ".json");
  InputOptions options;
  options.max_field_bytes = kMiB / 4;
  Diagnostics diags;
  auto reader = open_input(file.path(), options, diags);
  REQUIRE(reader);
  InputRecord rec;
  RecordError err;
  REQUIRE(reader->next(rec, err) == ReadStatus::kRejected);
  CHECK(err.message == "array element is " + std::to_string(20 * kMiB + 8) +
                           " bytes, expected at most " + std::to_string(kMiB));
  REQUIRE(reader->next(rec, err) == ReadStatus::kRecord);
  CHECK(rec.values[0] == "ok");
  CHECK(rec.line == 2);
  CHECK(reader->next(rec, err) == ReadStatus::kEnd);
  const auto* json = dynamic_cast<const JsonArrayReader*>(reader.get());
  REQUIRE(json != nullptr);
  CHECK(json->buffer_capacity() < 3 * kMiB);
}

TEST_CASE("json: a 5 MB string value across block boundaries", "[json]") {
  const std::string big = pattern(5 * kMiB);
  const ReadResult r = read_text("[{\"a\":\"" + big + "\"},{\"a\":1}]", ".json");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].values[0] == big);
  CHECK(r.items[1].values[0] == "1");
}

std::string csv_rows(int n, const char* eol) {
  std::string text = std::string("id,name,note,score") + eol;
  for (int i = 1; i <= n; ++i) {
    text += std::to_string(i) + ",name" + std::to_string(i) + ",";
    text += i % 7 == 0 ? "\"a, \"\"quoted\"\"\nnote\"" : "plain";
    text += "," + std::to_string(i % 100) + eol;
  }
  return text;
}

TEST_CASE("csv: 100k rows, every one read, at two block sizes", "[csv]") {
  for (const char* eol : {"\n", "\r\n"}) {
    const TempFile file(csv_rows(100000, eol), ".csv");
    for (const size_t block : {size_t{0}, size_t{4099}}) {
      const ReadResult r = read_path(file.path(), {}, block);
      REQUIRE(r.items.size() == 100000);
      CHECK(r.rejections().empty());
      const Item& last = r.items.back();
      CHECK(last.number == 100000);
      CHECK(last.values == Names{"100000", "name100000", "plain", "0"});
      CHECK(last.line == 1 + 100000 + 100000 / 7);
      CHECK(r.items[6].values[2] == "a, \"quoted\"\nnote");
    }
  }
}

TEST_CASE("jsonl: 100k lines", "[jsonl]") {
  std::string text;
  for (int i = 1; i <= 100000; ++i) {
    text += "{\"id\":" + std::to_string(i) + ",\"name\":\"n\\u00e9" + std::to_string(i) +
            "\",\"ok\":true}\n";
  }
  const ReadResult r = read_text(text, ".jsonl", {}, 4099);
  REQUIRE(r.items.size() == 100000);
  CHECK(r.rejections().empty());
  CHECK(r.items.back().values == Names{"100000",
                                       "n\xC3\xA9"
                                       "100000",
                                       "true"});
  CHECK(r.items.back().line == 100000);
}

TEST_CASE("json: 100k array elements", "[json]") {
  std::string text = "[\n";
  for (int i = 1; i <= 100000; ++i) {
    text += "  {\"id\": " + std::to_string(i) + ", \"tags\": [\"a,]\", {\"b\": \"}\"}]}";
    text += i < 100000 ? ",\n" : "\n";
  }
  text += "]\n";
  const ReadResult r = read_text(text, ".json", {}, 4099);
  REQUIRE(r.items.size() == 100000);
  CHECK(r.rejections().empty());
  CHECK(r.items.back().values == Names{"100000", "[\"a,]\",{\"b\":\"}\"}]"});
  CHECK(r.items.back().line == 100001);
}

}  // namespace
}  // namespace leadscore::testing
