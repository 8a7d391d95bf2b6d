// CSV reading through open_input: RFC 4180 cases, leniency, rejections and
// limits. Most cases run at several block sizes (read_all_blocks), so every
// record also straddles block boundaries at every byte.
#include <catch2/catch.hpp>

#include "input/open_input.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

TEST_CASE("csv: header and rows", "[csv]") {
  const ReadResult r = read_all_blocks("id,name,score\n1,Ann,10\n2,Bob,20\n", ".csv");
  REQUIRE(r.opened);
  CHECK(r.format == InputFormat::kCsv);
  CHECK(r.header == Names{"id", "name", "score"});
  CHECK(r.rows() == Rows{{"1", "Ann", "10"}, {"2", "Bob", "20"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].names == r.header);
}

TEST_CASE("csv: line, number and raw of each record", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n1,2\n3,4\n", ".csv");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].line == 2);
  CHECK(r.items[0].number == 1);
  CHECK(r.items[0].raw == "1,2");
  CHECK(r.items[1].line == 3);
  CHECK(r.items[1].number == 2);
  CHECK(r.items[1].raw == "3,4");
}

TEST_CASE("csv: record file is the path", "[csv]") {
  const TempFile file("a\n1\n", ".csv");
  const ReadResult r = read_path(file.path());
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].file == file.path());
  CHECK_FALSE(r.items[0].has_object);
}

TEST_CASE("csv: delimiter inside quotes", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n\"x,y\",z\n", ".csv");
  CHECK(r.rows() == Rows{{"x,y", "z"}});
}

TEST_CASE("csv: doubled quote inside quoted field", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n", ".csv");
  CHECK(r.rows() == Rows{{"say \"hi\"", "\""}});
}

TEST_CASE("csv: several escaped fields in one record", "[csv]") {
  const ReadResult r =
      read_all_blocks("a,b,c,d\n\"1\"\"\",plain,\"\"\"2\",\"q\"\"q\"\"q\"\n", ".csv");
  CHECK(r.rows() == Rows{{"1\"", "plain", "\"2", "q\"q\"q"}});
}

TEST_CASE("csv: line break inside quotes", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n\"line1\nline2\",x\n3,4\n", ".csv");
  CHECK(r.rows() == Rows{{"line1\nline2", "x"}, {"3", "4"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].line == 2);
  CHECK(r.items[0].raw == "\"line1\nline2\",x");
  CHECK(r.items[1].line == 4);
}

TEST_CASE("csv: CRLF line ends", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\r\n1,2\r\n3,4\r\n", ".csv");
  CHECK(r.header == Names{"a", "b"});
  CHECK(r.rows() == Rows{{"1", "2"}, {"3", "4"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].raw == "1,2");
  CHECK(r.items[1].line == 3);
}

TEST_CASE("csv: CRLF inside quotes is kept and counted as one line", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\r\n\"x\r\ny\",1\r\n2,3\r\n", ".csv");
  CHECK(r.rows() == Rows{{"x\r\ny", "1"}, {"2", "3"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[1].line == 4);
}

TEST_CASE("csv: lone CR line ends", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\r1,2\r3,4", ".csv");
  CHECK(r.rows() == Rows{{"1", "2"}, {"3", "4"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[1].line == 3);
}

TEST_CASE("csv: lone CR inside quotes counts a line", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n\"x\ry\",1\n2,3\n", ".csv");
  CHECK(r.rows() == Rows{{"x\ry", "1"}, {"2", "3"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[1].line == 4);
}

TEST_CASE("csv: mixed line ends", "[csv]") {
  const ReadResult r = read_all_blocks("a\r\n1\n2\r3\r\n4", ".csv");
  CHECK(r.rows() == Rows{{"1"}, {"2"}, {"3"}, {"4"}});
  REQUIRE(r.items.size() == 4);
  CHECK(r.items[3].line == 5);
}

TEST_CASE("csv: UTF-8 BOM is stripped from the header", "[csv]") {
  const ReadResult r = read_all_blocks("\xEF\xBB\xBFid,name\n1,x\n", ".csv");
  CHECK(r.header == Names{"id", "name"});
  CHECK(r.rows() == Rows{{"1", "x"}});
}

TEST_CASE("csv: BOM before a quoted first header name", "[csv]") {
  const ReadResult r = read_all_blocks("\xEF\xBB\xBF\"id\",name\n1,x\n", ".csv");
  CHECK(r.header == Names{"id", "name"});
}

TEST_CASE("csv: header names are kept as written", "[csv]") {
  const ReadResult r = read_all_blocks(" Email , Lead Score\n1,2\n", ".csv");
  CHECK(r.header == Names{" Email ", " Lead Score"});
}

TEST_CASE("csv: last line without a line end", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n1,2\n3,4", ".csv");
  CHECK(r.rows() == Rows{{"1", "2"}, {"3", "4"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[1].raw == "3,4");
}

TEST_CASE("csv: quoted last field at the end of input", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n1,\"x\"", ".csv");
  CHECK(r.rows() == Rows{{"1", "x"}});
}

TEST_CASE("csv: empty lines are skipped", "[csv]") {
  const ReadResult r = read_all_blocks("\n\na,b\n\n1,2\r\n\r\n\r3,4\n\n\n", ".csv");
  CHECK(r.header == Names{"a", "b"});
  CHECK(r.rows() == Rows{{"1", "2"}, {"3", "4"}});
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].line == 5);
  CHECK(r.items[0].number == 1);
  CHECK(r.items[1].line == 8);
  CHECK(r.items[1].number == 2);
}

TEST_CASE("csv: a line of spaces is a record, not an empty line", "[csv]") {
  const ReadResult r = read_all_blocks("a\n  \n", ".csv");
  CHECK(r.rows() == Rows{{"  "}});
}

TEST_CASE("csv: empty fields", "[csv]") {
  const ReadResult r = read_all_blocks("a,b,c\n,,\n1,,3\n\"\",\"\",\n", ".csv");
  CHECK(r.rows() == Rows{{"", "", ""}, {"1", "", "3"}, {"", "", ""}});
}

TEST_CASE("csv: trailing delimiter gives an empty last field", "[csv]") {
  const ReadResult r = read_all_blocks("a,b,c\n1,2,\n4,5,", ".csv");
  CHECK(r.rows() == Rows{{"1", "2", ""}, {"4", "5", ""}});
}

TEST_CASE("csv: header only gives no records", "[csv]") {
  const ReadResult r = read_all_blocks("a,b,c\n", ".csv");
  REQUIRE(r.opened);
  CHECK(r.header == Names{"a", "b", "c"});
  CHECK(r.items.empty());
}

TEST_CASE("csv: empty input opens with no header and no records", "[csv]") {
  for (const char* text : {"", "\xEF\xBB\xBF", "\n\n\r\n", "\xEF\xBB\xBF\r\n"}) {
    INFO("input '" << text << "'");
    const ReadResult r = read_all_blocks(text, ".csv");
    REQUIRE(r.opened);
    CHECK(r.diags.empty());
    CHECK(r.header.empty());
    CHECK(r.items.empty());
    CHECK(r.io_error.empty());
  }
}

TEST_CASE("csv: row with too few fields is rejected", "[csv]") {
  const ReadResult r = read_all_blocks("a,b,c\n1,2\n3,4,5\n", ".csv");
  REQUIRE(r.items.size() == 2);
  const Item& bad = r.items[0];
  CHECK(bad.rejected);
  CHECK(bad.message == "row has 2 fields, expected 3 as in the header");
  CHECK(bad.line == 2);
  CHECK(bad.column == 0);
  CHECK(bad.raw == "1,2");
  CHECK(r.rows() == Rows{{"3", "4", "5"}});
  CHECK(r.items[1].number == 2);  // the rejected row counted
}

TEST_CASE("csv: row with too many fields is rejected", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n1,2,3,4,5\n6,7\n", ".csv");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].rejected);
  CHECK(r.items[0].message == "row has 5 fields, expected 2 as in the header");
  CHECK(r.items[0].raw == "1,2,3,4,5");
  CHECK(r.items[1].values == Names{"6", "7"});
}

TEST_CASE("csv: a single field row says field, not fields", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\nonly\n", ".csv");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].message == "row has 1 field, expected 2 as in the header");
}

TEST_CASE("csv: record numbers stay aligned across rejections", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n1,2\nx\n3,4\ny,y,y\n5,6\n", ".csv");
  REQUIRE(r.items.size() == 5);
  CHECK(r.items[2].number == 3);
  CHECK(r.items[2].line == 4);
  CHECK(r.items[4].number == 5);
  CHECK(r.items[4].values == Names{"5", "6"});
}

TEST_CASE("csv: quote inside an unquoted field is literal", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\nab\"c,5'11\"\n", ".csv");
  CHECK(r.rows() == Rows{{"ab\"c", "5'11\""}});
}

TEST_CASE("csv: text after a closing quote is kept literally", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n\"ab\"c,\"x\"\"y\"z\"w\n", ".csv");
  CHECK(r.rows() == Rows{{"abc", "x\"yz\"w"}});
}

TEST_CASE("csv: unterminated quote at end of input is rejected", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n1,2\n3,\"open\nmore\n", ".csv");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].values == Names{"1", "2"});
  const Item& bad = r.items[1];
  CHECK(bad.rejected);
  CHECK(bad.message == "unterminated quoted field, expected a closing '\"'");
  CHECK(bad.line == 3);
  CHECK(bad.column == 3);
  CHECK(bad.raw == "3,\"open\nmore\n");
}

TEST_CASE("csv: unterminated quote on a later line of a record", "[csv]") {
  const ReadResult r = read_all_blocks("a,b,c\n\"x\ny\",1,\"open", ".csv");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].message == "unterminated quoted field, expected a closing '\"'");
  CHECK(r.items[0].line == 3);
  CHECK(r.items[0].column == 6);
}

TEST_CASE("csv: unterminated quote in the header fails to open", "[csv]") {
  const ReadResult r = read_all_blocks("a,\"b\n1,2\n", ".csv");
  CHECK_FALSE(r.opened);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].message == "unterminated quoted field, expected a closing '\"'");
  CHECK(r.diags[0].line == 1);
  CHECK(r.diags[0].column == 3);
  CHECK(r.diags[0].severity == Severity::kError);
}

TEST_CASE("csv: invalid UTF-8 rejects the record", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\nok,caf\xE9\n\xC3\xA9t\xC3\xA9,2\n", ".csv");
  REQUIRE(r.items.size() == 2);
  const Item& bad = r.items[0];
  CHECK(bad.rejected);
  CHECK(bad.message == "invalid UTF-8 at column 7, expected UTF-8 text");
  CHECK(bad.line == 2);
  CHECK(bad.column == 7);
  CHECK(bad.raw == "ok,caf\xE9");
  CHECK(r.items[1].values == Names{"\xC3\xA9t\xC3\xA9", "2"});
}

TEST_CASE("csv: invalid UTF-8 on a later line of a quoted record", "[csv]") {
  const ReadResult r = read_all_blocks("a,b\n\"x\nyy\xFF\",1\n", ".csv");
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].message == "invalid UTF-8 at column 3, expected UTF-8 text");
  CHECK(r.items[0].line == 3);
}

TEST_CASE("csv: invalid UTF-8 in the header fails to open", "[csv]") {
  const ReadResult r = read_all_blocks("id,n\xC0\xAF\n1,2\n", ".csv");
  CHECK_FALSE(r.opened);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].message == "invalid UTF-8 at column 5, expected UTF-8 text");
  CHECK(r.diags[0].line == 1);
  CHECK(r.diags[0].column == 5);
}

TEST_CASE("csv: field longer than the limit is rejected and skipped", "[csv]") {
  InputOptions options;
  options.max_field_bytes = 10;
  const ReadResult r = read_all_blocks("a,b\n1,0123456789X\n2,0123456789\n3,x\n", ".csv", options);
  REQUIRE(r.items.size() == 3);
  const Item& bad = r.items[0];
  CHECK(bad.rejected);
  CHECK(bad.message == "field 2 is 11 bytes, expected at most 10");
  CHECK(bad.line == 2);
  CHECK(bad.raw.rfind("1,0123456789", 0) == 0);
  CHECK(r.rows() == Rows{{"2", "0123456789"}, {"3", "x"}});
  CHECK(r.items[2].number == 3);
}

TEST_CASE("csv: quoted field longer than the limit, with line breaks", "[csv]") {
  InputOptions options;
  options.max_field_bytes = 8;
  const ReadResult r =
      read_all_blocks("a,b\n\"0123\n456\"\"789\",1\n\"01234567\",2\nx,3\n", ".csv", options);
  REQUIRE(r.items.size() == 3);
  // Measured as written, without the enclosing quotes: "" counts two.
  CHECK(r.items[0].message == "field 1 is 13 bytes, expected at most 8");
  CHECK(r.items[0].line == 2);
  CHECK(r.items[1].values == Names{"01234567", "2"});
  CHECK(r.items[1].line == 4);
  CHECK(r.items[2].line == 5);
}

TEST_CASE("csv: over-long unterminated quote reports the long field", "[csv]") {
  InputOptions options;
  options.max_field_bytes = 4;
  const ReadResult r = read_all_blocks("a,b\n1,\"0123456789\n", ".csv", options);
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].message == "field 2 is 11 bytes, expected at most 4");
}

TEST_CASE("csv: record longer than four times the field limit is rejected", "[csv]") {
  InputOptions options;
  options.max_field_bytes = 3;
  const ReadResult r =
      read_all_blocks("a,b,c,d,e\n123,123,123,123,123\n1,2,3,4,5\n", ".csv", options);
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].message == "record is 19 bytes, expected at most 12");
  CHECK(r.items[1].values == Names{"1", "2", "3", "4", "5"});
}

TEST_CASE("csv: a long field is reported before a long record", "[csv]") {
  // Both limits are crossed; the answer must not depend on where blocks end.
  InputOptions options;
  options.max_field_bytes = 1;  // records up to 4 bytes
  options.has_header = false;
  const ReadResult r = read_all_blocks(",,,1,{]\"x\"{\"a\":1}\n", ".csv", options);
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].message == "field 5 is 12 bytes, expected at most 1");
}

TEST_CASE("csv: field too long in the header fails to open", "[csv]") {
  InputOptions options;
  options.max_field_bytes = 4;
  const ReadResult r = read_all_blocks("id,longname\n1,2\n", ".csv", options);
  CHECK_FALSE(r.opened);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].message == "field 2 is 8 bytes, expected at most 4");
}

TEST_CASE("csv: delimiter sniffed from the header", "[csv]") {
  SECTION("semicolon") {
    const ReadResult r = read_all_blocks("a;b;c\n1,5;2;3\n", ".csv");
    CHECK(r.header == Names{"a", "b", "c"});
    CHECK(r.rows() == Rows{{"1,5", "2", "3"}});
  }
  SECTION("tab") {
    const ReadResult r = read_all_blocks("a\tb\n1\t2\n", ".csv");
    CHECK(r.rows() == Rows{{"1", "2"}});
  }
  SECTION("pipe") {
    const ReadResult r = read_all_blocks("a|b|c\n1|2|3\n", ".csv");
    CHECK(r.rows() == Rows{{"1", "2", "3"}});
  }
  SECTION("most frequent wins") {
    const ReadResult r = read_all_blocks("a,b;c;d\n1,2;3;4\n", ".csv");
    CHECK(r.header == Names{"a,b", "c", "d"});
  }
  SECTION("tie prefers comma, then semicolon") {
    CHECK(read_all_blocks("a,b;c\n", ".csv").header == Names{"a", "b;c"});
    CHECK(read_all_blocks("a|b;c\n", ".csv").header == Names{"a|b", "c"});
    CHECK(read_all_blocks("a|b\tc\n", ".csv").header == Names{"a|b", "c"});
  }
  SECTION("delimiters inside quotes do not count") {
    const ReadResult r = read_all_blocks("\"a;b;c\",d\n1,2\n", ".csv");
    CHECK(r.header == Names{"a;b;c", "d"});
  }
  SECTION("single column") {
    const ReadResult r = read_all_blocks("email\nx@y.z\n", ".csv");
    CHECK(r.rows() == Rows{{"x@y.z"}});
  }
  SECTION("first line after blank lines and a BOM") {
    const ReadResult r = read_all_blocks("\xEF\xBB\xBF\n\na;b\n1;2\n", ".csv");
    CHECK(r.rows() == Rows{{"1", "2"}});
  }
}

TEST_CASE("csv: delimiter from the options wins over sniffing", "[csv]") {
  InputOptions options;
  options.delimiter = ';';
  const ReadResult r = read_all_blocks("a,b;c\n1,2;3\n", ".csv", options);
  CHECK(r.header == Names{"a,b", "c"});
  CHECK(r.rows() == Rows{{"1,2", "3"}});
}

TEST_CASE("csv: a quote or line break cannot be the delimiter", "[csv]") {
  for (const char d : {'"', '\n', '\r'}) {
    InputOptions options;
    options.delimiter = d;
    const ReadResult r = read_text("a,b\n", ".csv", options);
    CHECK_FALSE(r.opened);
    CHECK(r.first_diag() ==
          "invalid delimiter, expected one character other than a quote or a line break");
  }
}

TEST_CASE("csv: duplicate header names fail to open", "[csv]") {
  const ReadResult r = read_all_blocks("id,Email,name, email \n1,2,3,4\n", ".csv");
  CHECK_FALSE(r.opened);
  REQUIRE(r.diags.size() == 1);
  const Diagnostic& d = r.diags[0];
  CHECK(d.message ==
        "duplicate column name ' email ' (also column 2), expected unique column names");
  CHECK(d.line == 1);
  CHECK(d.column == 4);
  CHECK(d.severity == Severity::kError);
  CHECK_FALSE(d.file.empty());
}

TEST_CASE("csv: every duplicate header name is reported", "[csv]") {
  const ReadResult r = read_all_blocks("\na,b,A,B,a\n", ".csv");
  CHECK_FALSE(r.opened);
  REQUIRE(r.diags.size() == 3);
  CHECK(r.diags[0].message ==
        "duplicate column name 'A' (also column 1), expected unique column names");
  CHECK(r.diags[0].line == 2);
  CHECK(r.diags[0].column == 3);
  CHECK(r.diags[1].column == 4);
  CHECK(r.diags[2].column == 5);
}

TEST_CASE("csv: empty header names may repeat", "[csv]") {
  const ReadResult r = read_all_blocks("a,,b, \n1,2,3,4\n", ".csv");
  REQUIRE(r.opened);
  CHECK(r.header == Names{"a", "", "b", " "});
  CHECK(r.rows() == Rows{{"1", "2", "3", "4"}});
}

TEST_CASE("csv: without a header every row is data", "[csv]") {
  InputOptions options;
  options.has_header = false;
  const ReadResult r = read_all_blocks("a,b\n1,2,3\n\"x\"\n", ".csv", options);
  REQUIRE(r.opened);
  CHECK(r.header.empty());
  CHECK(r.rows() == Rows{{"a", "b"}, {"1", "2", "3"}, {"x"}});
  REQUIRE(r.items.size() == 3);
  CHECK(r.items[0].names.empty());
  CHECK(r.items[0].number == 1);
  CHECK(r.items[0].line == 1);
}

TEST_CASE("csv: without a header the delimiter is still sniffed", "[csv]") {
  InputOptions options;
  options.has_header = false;
  const ReadResult r = read_all_blocks("1;2\n3;4\n", ".csv", options);
  CHECK(r.rows() == Rows{{"1", "2"}, {"3", "4"}});
}

TEST_CASE("csv: without a header, duplicate-looking rows are fine", "[csv]") {
  InputOptions options;
  options.has_header = false;
  const ReadResult r = read_all_blocks("a,a\n", ".csv", options);
  REQUIRE(r.opened);
  CHECK(r.rows() == Rows{{"a", "a"}});
}

TEST_CASE("csv: names point at the same header vector for every row", "[csv]") {
  Diagnostics diags;
  const TempFile file("a,b\n1,2\n3,4\n", ".csv");
  auto reader = open_input(file.path(), {}, diags);
  REQUIRE(reader);
  InputRecord rec;
  RecordError err;
  REQUIRE(reader->next(rec, err) == ReadStatus::kRecord);
  const auto* names = rec.names;
  CHECK(names == &reader->header());
  REQUIRE(reader->next(rec, err) == ReadStatus::kRecord);
  CHECK(rec.names == names);
  CHECK(reader->next(rec, err) == ReadStatus::kEnd);
  CHECK(reader->next(rec, err) == ReadStatus::kEnd);  // stays at the end
}

TEST_CASE("csv: values of an escaped field survive later fields", "[csv]") {
  // The unescape buffer must not move while a record's views are made.
  std::string row;
  std::string expected_last;
  for (int i = 0; i < 50; ++i) {
    row += (i ? "," : "");
    row += "\"v" + std::to_string(i) + "\"\"" + std::string(static_cast<size_t>(i), 'x') + "\"";
  }
  std::string header;
  for (int i = 0; i < 50; ++i) header += (i ? ",c" : "c") + std::to_string(i);
  const ReadResult r = read_text(header + "\n" + row + "\n", ".csv");
  REQUIRE(r.items.size() == 1);
  REQUIRE(r.items[0].values.size() == 50);
  CHECK(r.items[0].values[0] == "v0\"");
  CHECK(r.items[0].values[49] == "v49\"" + std::string(49, 'x'));
}

}  // namespace
}  // namespace leadscore::testing
