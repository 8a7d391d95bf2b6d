// open_input: format from the options, the extension or the first bytes;
// names for messages; files that cannot be read.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include <catch2/catch.hpp>

#include "input/open_input.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

InputFormat format_of(std::string_view content, std::string_view suffix,
                      InputFormat forced = InputFormat::kAuto) {
  InputOptions options;
  options.format = forced;
  const ReadResult r = read_text(content, suffix, options);
  REQUIRE(r.opened);
  return r.format;
}

TEST_CASE("sniff: extension decides the format", "[sniff]") {
  CHECK(format_of("{\"a\":1}\n", ".csv") == InputFormat::kCsv);
  CHECK(format_of("a,b\n", ".jsonl") == InputFormat::kJsonLines);
  CHECK(format_of("a,b\n", ".ndjson") == InputFormat::kJsonLines);
  CHECK(format_of("[{\"a\":1}]", ".json") == InputFormat::kJsonArray);
  CHECK(format_of("{\"a\":1}\n", ".json") == InputFormat::kJsonLines);
  CHECK(format_of("", ".json") == InputFormat::kJsonLines);
  CHECK(format_of("a\tb\n", ".tsv") == InputFormat::kCsv);
}

TEST_CASE("sniff: extension is matched case-insensitively", "[sniff]") {
  CHECK(format_of("{\"a\":1}\n", ".CSV") == InputFormat::kCsv);
  CHECK(format_of("a,b\n", ".JsonL") == InputFormat::kJsonLines);
  CHECK(format_of("\n  [ ]", ".JSON") == InputFormat::kJsonArray);
}

TEST_CASE("sniff: .json looks past a BOM and blank lines", "[sniff]") {
  CHECK(format_of("\xEF\xBB\xBF \r\n\t[{\"a\":1}]", ".json") == InputFormat::kJsonArray);
}

TEST_CASE("sniff: first non-blank byte decides without an extension", "[sniff]") {
  CHECK(format_of("{\"a\":1}\n", ".txt") == InputFormat::kJsonLines);
  CHECK(format_of("[{\"a\":1}]", ".txt") == InputFormat::kJsonArray);
  CHECK(format_of("a,b\n1,2\n", ".txt") == InputFormat::kCsv);
  CHECK(format_of("\n\n   {\"a\":1}\n", "") == InputFormat::kJsonLines);
  CHECK(format_of("\xEF\xBB\xBF[]", "") == InputFormat::kJsonArray);
  CHECK(format_of("\xEF\xBB\xBF\"id\",x\n", "") == InputFormat::kCsv);
  CHECK(format_of("", "") == InputFormat::kCsv);
}

TEST_CASE("sniff: a dot in a directory name is not an extension", "[sniff]") {
  const TempFile file("{\"a\":1}\n", "");
  const std::string dir = file.path() + ".json.d";
  REQUIRE(mkdir(dir.c_str(), 0700) == 0);
  const std::string path = dir + "/leads";
  {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, "{\"a\":1}\n", 8) == 8);
    ::close(fd);
  }
  const ReadResult r = read_path(path);
  CHECK(r.format == InputFormat::kJsonLines);  // sniffed, not from ".json.d"
  CHECK(r.rows() == Rows{{"1"}});
  ::unlink(path.c_str());
  ::rmdir(dir.c_str());
}

TEST_CASE("sniff: the options override extension and content", "[sniff]") {
  CHECK(format_of("{\"a\":1}\n", ".txt", InputFormat::kCsv) == InputFormat::kCsv);
  CHECK(format_of("a,b\n", ".csv", InputFormat::kJsonLines) == InputFormat::kJsonLines);
  CHECK(format_of("[]", ".jsonl", InputFormat::kJsonArray) == InputFormat::kJsonArray);
}

TEST_CASE("sniff: forced CSV reads JSON-looking text as CSV", "[sniff]") {
  InputOptions options;
  options.format = InputFormat::kCsv;
  options.delimiter = '\t';
  const ReadResult r = read_text("{\"a\":1}\n{\"b\":2}\n", ".jsonl", options);
  CHECK(r.header == Names{"{\"a\":1}"});
  CHECK(r.rows() == Rows{{"{\"b\":2}"}});
}

TEST_CASE("sniff: .tsv and .tab mean tab-separated", "[sniff]") {
  CHECK(read_text("a,b\tc\n1,2\t3\n", ".tsv").header == Names{"a,b", "c"});
  CHECK(read_text("a;b\tc\n", ".TAB").header == Names{"a;b", "c"});
  InputOptions forced;
  forced.format = InputFormat::kCsv;
  CHECK(read_text("a,b\tc\n", ".tsv", forced).header == Names{"a,b", "c"});
}

TEST_CASE("sniff: an explicit delimiter beats .tsv", "[sniff]") {
  InputOptions options;
  options.delimiter = ',';
  CHECK(read_text("a,b\tc\n", ".tsv", options).header == Names{"a", "b\tc"});
}

TEST_CASE("open: display names", "[sniff]") {
  CHECK(display_name("-") == "<stdin>");
  CHECK(display_name("leads.csv") == "leads.csv");
  CHECK(display_name("/tmp/x y.json") == "/tmp/x y.json");
}

TEST_CASE("open: a missing file is an error", "[sniff]") {
  Diagnostics diags;
  const std::string path = "/nonexistent/leadscore/leads.csv";
  auto reader = open_input(path, {}, diags);
  CHECK(reader == nullptr);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].file == path);
  CHECK(diags[0].line == 0);
  CHECK(diags[0].severity == Severity::kError);
  CHECK(diags[0].message == "cannot open: No such file or directory");
}

TEST_CASE("open: a directory is an error", "[sniff]") {
  Diagnostics diags;
  auto reader = open_input("/tmp", {}, diags);
  CHECK(reader == nullptr);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].file == "/tmp");
  CHECK(diags[0].message == "read error: Is a directory");
}

TEST_CASE("open: an unreadable file is an error", "[sniff]") {
  const TempFile file("a,b\n", ".csv");
  REQUIRE(chmod(file.path().c_str(), 0) == 0);
  Diagnostics diags;
  auto reader = open_input(file.path(), {}, diags);
  if (geteuid() == 0) {
    CHECK(reader != nullptr);  // root reads it anyway
  } else {
    CHECK(reader == nullptr);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message == "cannot open: Permission denied");
  }
}

// Runs `body` with standard input reading from a file holding `content`.
template <typename Body>
void with_stdin(std::string_view content, Body body) {
  const TempFile file(content, ".txt");
  const int saved = dup(STDIN_FILENO);
  REQUIRE(saved >= 0);
  const int fd = ::open(file.path().c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  REQUIRE(dup2(fd, STDIN_FILENO) == STDIN_FILENO);
  ::close(fd);
  body();
  dup2(saved, STDIN_FILENO);
  ::close(saved);
}

TEST_CASE("open: standard input is read and named <stdin>", "[sniff]") {
  with_stdin("\xEF\xBB\xBF{\"a\":1}\n{\"a\":2}\n", [] {
    const ReadResult r = read_path("-");
    REQUIRE(r.opened);
    CHECK(r.format == InputFormat::kJsonLines);
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].file == "<stdin>");
    CHECK(r.rows() == Rows{{"1"}, {"2"}});
  });
}

TEST_CASE("open: standard input CSV with a bad header is named <stdin>", "[sniff]") {
  with_stdin("a,a\n", [] {
    const ReadResult r = read_path("-");
    CHECK_FALSE(r.opened);
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].file == "<stdin>");
  });
}

}  // namespace
}  // namespace leadscore::testing
