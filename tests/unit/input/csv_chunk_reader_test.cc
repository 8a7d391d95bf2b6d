// CsvChunkReader must hand out exactly what the full CsvReader hands out for
// the same chunk: records, line and record numbers, raw bytes, rejections and
// their messages. Checked on hand-picked cases and on generated text.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "input/csv_chunk_reader.h"
#include "input/csv_structure.h"
#include "input/simd_dispatch.h"

namespace leadscore {
namespace {

// Every case runs on each block loop of CsvStructure: the one advance()
// picks for this CPU (AVX-512 or AVX2 where it has them), the AVX2 one, and
// the portable SSE2 one. (On a CPU without AVX-512 the first two are the
// same; without AVX2, all three.)
enum class Loop { kBest, kAvx2, kPortable };
struct BlockLoop {
  explicit BlockLoop(Loop loop) {
    simd::allow_avx2_for_testing(loop != Loop::kPortable);
    simd::allow_avx512_for_testing(loop == Loop::kBest);
  }
  ~BlockLoop() {
    simd::allow_avx2_for_testing(true);
    simd::allow_avx512_for_testing(true);
  }
  BlockLoop(const BlockLoop&) = delete;
  BlockLoop& operator=(const BlockLoop&) = delete;
};
#define EACH_BLOCK_LOOP()                                                    \
  const Loop block_loop_kind = GENERATE(Loop::kBest, Loop::kAvx2, Loop::kPortable); \
  INFO("block loop: " << static_cast<int>(block_loop_kind));                \
  const BlockLoop block_loop(block_loop_kind)

struct Outcome {
  ReadStatus status;
  uint64_t line = 0;
  uint64_t number = 0;
  uint64_t column = 0;
  std::vector<std::string> values;
  std::string raw;
  std::string message;

  bool operator==(const Outcome&) const = default;
};

std::vector<Outcome> drain(RecordReader& reader) {
  std::vector<Outcome> out;
  InputRecord rec;
  RecordError err;
  for (;;) {
    const ReadStatus s = reader.next(rec, err);
    if (s == ReadStatus::kEnd) break;
    Outcome o{s};
    if (s == ReadStatus::kRecord) {
      o.line = rec.line;
      o.number = rec.number;
      o.values.assign(rec.values.begin(), rec.values.end());
      o.raw = rec.raw;
    } else {
      o.line = err.line;
      o.column = err.column;
      o.message = err.message;
      o.raw = err.raw;
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Outcome> fast(const std::string& chunk, const std::vector<std::string>& header, char delimiter = ',',
                          InputOptions options = {}) {
  CsvChunkReader reader(chunk, "in.csv", delimiter, options, header);
  return drain(reader);
}

std::vector<Outcome> full(const std::string& chunk, const std::vector<std::string>& header, char delimiter = ',',
                          InputOptions options = {}) {
  auto reader = open_full_csv_chunk_reader(chunk, delimiter, "in.csv", options, &header);
  return drain(*reader);
}

std::string show(const std::vector<Outcome>& outcomes) {
  std::string s;
  for (const Outcome& o : outcomes) {
    s += o.status == ReadStatus::kRecord ? "record" : "rejected";
    s += " line " + std::to_string(o.line) + " #" + std::to_string(o.number) + " col " + std::to_string(o.column) + ":";
    for (const std::string& v : o.values) s += " [" + v + "]";
    s += " raw [" + o.raw + "] " + o.message + "\n";
  }
  return s;
}

void check_same(const std::string& chunk, const std::vector<std::string>& header, char delimiter = ',') {
  INFO("chunk: [" << chunk << "]");
  const auto a = fast(chunk, header, delimiter);
  const auto b = full(chunk, header, delimiter);
  INFO("fast:\n" << show(a) << "full:\n" << show(b));
  CHECK(a == b);
}

TEST_CASE("chunk reader: plain rows become views of their fields", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  const std::vector<std::string> header{"id", "name", "n"};
  const auto out = fast("1,Ann,3\r\n2,\"Bo, \"\"B\"\"\",\n3,\"multi\nline\",5", header);
  REQUIRE(out.size() == 3);
  CHECK(out[0].values == std::vector<std::string>{"1", "Ann", "3"});
  CHECK(out[0].raw == "1,Ann,3");
  CHECK(out[1].values == std::vector<std::string>{"2", "Bo, \"B\"", ""});
  CHECK(out[1].line == 2);
  CHECK(out[2].values == std::vector<std::string>{"3", "multi\nline", "5"});
  CHECK(out[2].line == 3);
  CHECK(out[2].number == 3);
}

TEST_CASE("chunk reader: unusual rows read exactly as the full reader reads them", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  const std::vector<std::string> two{"a", "b"};
  for (const std::string chunk : {
           "",
           "1,2\n",
           "1,2",
           "1,2\r\n3,4\r\n",
           "1,2\n\n3,4\n",               // a blank line
           "1,2\r\n\r\n3,4\n",           // a blank CRLF line
           "1,2\n3\n4,5\n",              // too few fields
           "1,2\n3,4,5\n6,7\n",          // too many
           "1,2\r3,4\r",                 // lone CR line ends
           "1,2\r",                      // a CR at the very end
           "1,a\rb\n",                   // a CR inside unquoted text
           "1,ab\"c\n2,3\n",             // a quote inside unquoted text
           "1,\"ab\"c\n2,3\n",           // text after a closing quote
           "1,\"ab\" \n",                // a space after a closing quote
           "1,\"unterminated\n2,3\n",    // a quoted field open to the end
           "1,\"a\r\nb\"\n2,\"c\rd\"\n",  // CRLF and CR inside quotes
           "1,\"\"\n2,\"\"\"\"\n",       // empty and quote-only quoted fields
           "\"1\",\"2\"\r\n",
           "1,\xC3\xA9t\xC3\xA9\n2,\xFF\n3,4\n",  // valid, then invalid UTF-8
           "1,\xE2\x82\n",               // truncated UTF-8
           ",\n,,\n",                    // empty fields, then a ragged row
           "1,2,\n",
       }) {
    check_same(chunk, two);
  }
  check_same("\n\nx\n\ny\n", {"only"});
  check_same("x\n\"\"\n\n", {"only"});
  check_same("1;\"a;b\";c\n2;3;4\n", {"a", "b", "c"}, ';');
  check_same("1\t\"a\tb\"\n", {"a", "b"}, '\t');
}

TEST_CASE("chunk reader: fields straddling 64-byte blocks", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  const std::vector<std::string> header{"a", "b", "c"};
  for (size_t pad = 0; pad < 140; ++pad) {
    const std::string p(pad, 'x');
    check_same(p + ",\"q,\"\"" + p + "\",z\r\n" + p + ",2,3\n", header);
    check_same(p + ",\"q\n" + p + "\",z\r\n1,2,3", header);
    check_same(p + ",2,3\r", header);
    check_same(p + ",\"2\"x,3\n", header);
    // Characters and broken characters across block boundaries.
    check_same(p + ",\xE2\x82\xAC,3\n" + p + ",\xF0\x9F\x98\x80,\xC3\xA9\n", header);
    check_same(p + ",\xE2\x82,3\n4,5,6\n", header);
    check_same(p + ",\xC3\xA9" + std::string(70, 'y') + "\x82,3\n", header);
  }
}

TEST_CASE("chunk reader: generated CSV reads as the full reader reads it", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  static const std::vector<std::string> kPieces = {
      ",", ",", ",", "\n", "\n", "\r\n", "\r", "\"", "\"\"", "\"a,b\"", "\"x\ny\"", "abc", "12", " ",
      "\xC3\xA9", "\xFF", "\xE2\x82\xAC", "\t", ";", "longer field text"};
  std::mt19937 rng(20261123);
  for (int round = 0; round < 3000; ++round) {
    const size_t columns = 1 + rng() % 4;
    std::vector<std::string> header;
    for (size_t c = 0; c < columns; ++c) header.push_back("c" + std::to_string(c));
    std::string text;
    const unsigned pieces = rng() % 120;
    for (unsigned i = 0; i < pieces; ++i) text += kPieces[rng() % kPieces.size()];
    check_same(text, header);
  }
}

TEST_CASE("chunk reader: well-formed generated rows stay on the fast path and agree", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  static const std::vector<std::string> kValues = {"", "a", "plain text", "\"q, \"\"x\"\"\"", "\"two\nlines\"",
                                                   "\xC3\xA9l\xC3\xA8ve", "12.5", "\"\"", "\"\r\n\""};
  std::mt19937 rng(7);
  const std::vector<std::string> header{"a", "b", "c", "d", "e"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const unsigned rows = rng() % 40;
    for (unsigned r = 0; r < rows; ++r) {
      for (size_t c = 0; c < header.size(); ++c) {
        if (c) text += ',';
        text += kValues[rng() % kValues.size()];
      }
      text += rng() % 2 ? "\r\n" : "\n";
    }
    check_same(text, header);
    CsvStructure s;
    s.index(text, ',');
    CHECK(s.unusual() == CsvStructure::kNone);
  }
}

// The structure is indexed a window (32 KiB) at a time, just ahead of the
// reader: records, runs of non-ASCII text and errors across windows.
TEST_CASE("chunk reader: chunks many windows long read as the full reader reads them", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  static const std::vector<std::string> kValues = {"", "a", "plain text", "\"q, \"\"x\"\"\"", "\"two\nlines\"",
                                                   "\xC3\xA9l\xC3\xA8ve", "12.5", "\"\"", "\"\r\n\""};
  std::mt19937 rng(11);
  const std::vector<std::string> header{"a", "b", "c", "d", "e"};
  auto rows = [&](size_t bytes) {
    std::string text;
    while (text.size() < bytes) {
      for (size_t c = 0; c < header.size(); ++c) {
        if (c) text += ',';
        text += kValues[rng() % kValues.size()];
      }
      text += rng() % 2 ? "\r\n" : "\n";
    }
    return text;
  };
  const std::string good = rows(200000);
  check_same(good, header);
  // A problem far into the chunk: everything before it on the fast path.
  for (const std::string bad : {"1,2,3\n", "1,2,3,4,5,6\n", "1,\xC3(,3,4,5\n", "1,\"2\"x,3,4,5\n", "1,2\r3,4,5\n"}) {
    check_same(rows(70000) + bad + rows(40000), header);
  }
  // Non-ASCII text longer than a window, valid and then broken at its end.
  std::string wide;
  for (int i = 0; i < 30000; ++i) wide += "\xC3\xA9";
  check_same(rows(30000) + "x," + wide + ",3,4,5\n" + rows(5000), header);
  check_same(rows(30000) + "x," + wide + "\xC3,3,4,5\n" + rows(5000), header);
  // Rows dense with non-ASCII text make one run across windows: broken text
  // early in it is found before any of its records is handed out.
  std::string dense;
  while (dense.size() < 20000) dense += "\xC3\xA9,b,\xC3\xA9,d,\xC3\xA9\n";
  std::string rest;
  while (rest.size() < 60000) rest += "\xC3\xA9,b,\xC3\xA9,d,\xC3\xA9\n";
  check_same(dense + "\xC3\xA9,b,\xC3,d,\xC3\xA9\n" + rest, header);
  check_same(dense + rest, header);
  // A quoted field open across windows, and one left open at the end.
  check_same(rows(20000) + "x,\"" + std::string(50000, 'q') + "\",3,4,5\n" + rows(5000), header);
  check_same(rows(20000) + "x,\"" + std::string(50000, 'q'), header);
}

TEST_CASE("csv structure: the first unusual byte and the ends before it", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  CsvStructure s;
  s.index("a,\"b,c\"\nd,e\n", ',');
  CHECK(s.unusual() == CsvStructure::kNone);
  REQUIRE(s.end_count() == 4);
  CHECK(std::vector<uint32_t>(s.ends(), s.ends() + 4) == std::vector<uint32_t>{1, 7, 9, 11});
  s.index("a,b\nc,d\"e\nf,g\n", ',');
  CHECK(s.unusual() == 7);
  CHECK(s.end_count() == 3);
  s.index("a,b\n\xC3(,x\n", ',');
  CHECK(s.unusual() == 4);
  CHECK(s.end_count() == 2);
  s.index("a,\"b", ',');
  CHECK(s.unusual() == 3);
}

TEST_CASE("chunk reader: a chunk larger than the field limit goes to the full reader", "[csv][chunks]") {
  EACH_BLOCK_LOOP();
  InputOptions options;
  options.max_field_bytes = 4;
  const std::vector<std::string> header{"a", "b"};
  const std::string chunk = "1,2\n123456,7\n";
  CHECK(fast(chunk, header, ',', options) == full(chunk, header, ',', options));
  CHECK(fast(chunk, header, ',', options)[1].message == "field 1 is 6 bytes, expected at most 4");
}

// All block loops list the same ends, line ends and quotes, and stop at the
// same byte, on generated text of every kind and several delimiters.
TEST_CASE("csv structure: the AVX-512 AVX2 and portable block loops agree", "[csv][chunks]") {
  if (!CsvStructure::uses_avx512()) WARN("this CPU has no AVX-512 (F, BW, VBMI2): that loop is not checked");
  if (!CsvStructure::uses_avx2() && !CsvStructure::uses_avx512()) {
    WARN("this CPU has no AVX2: only the portable loop is checked");
  }
  {
    const BlockLoop portable(Loop::kPortable);
    CHECK_FALSE(CsvStructure::uses_avx2());
    CHECK_FALSE(CsvStructure::uses_avx512());
  }
  {
    const BlockLoop avx2(Loop::kAvx2);
    CHECK_FALSE(CsvStructure::uses_avx512());
  }
#if defined(__x86_64__) && defined(__GNUC__)
  // The hooks pick the loops they say, where the CPU has them (else two of
  // the three comparisons below would be the portable loop against itself).
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vbmi2")) {
    const BlockLoop best(Loop::kBest);
    CHECK(CsvStructure::uses_avx512());
  }
  if (__builtin_cpu_supports("avx2")) {
    const BlockLoop avx2(Loop::kAvx2);
    CHECK(CsvStructure::uses_avx2());
  }
#endif
  // Plain pieces, and pieces any of which may send a block down the full path.
  static const std::vector<std::string> kPlain = {",", ",", ",", "\n", "abc", "12", " ", "longer field text",
                                                  std::string(70, 'p'), "\t", ";",
                                                  std::string(40, ',')};  // blocks of 16 to 64 field ends
  static const std::vector<std::string> kOdd = {"\r\n", "\r", "\"", "\"\"", "\"a,b\"", "\"x\ny\"", "\xC3\xA9",
                                                "\xFF", "\xE2\x82\xAC", "\"x\"y", std::string(1, '\0')};
  struct Listed {
    std::vector<uint32_t> ends, line_ends, quotes;
    size_t unusual;
    bool operator==(const Listed&) const = default;
  };
  const auto list = [](const std::string& text, char delimiter, Loop kind) {
    const BlockLoop loop(kind);
    CsvStructure s;
    s.index(text, delimiter);
    return Listed{{s.ends(), s.ends() + s.end_count()},
                  {s.line_ends(), s.line_ends() + s.line_end_count()},
                  {s.quotes(), s.quotes() + s.quote_count()},
                  s.unusual()};
  };
  std::mt19937 rng(5);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    // Mostly a few blocks; now and then more than a window (32 KiB).
    const unsigned pieces = round % 200 == 0 ? 12000 : rng() % 200;
    // Some texts are mostly plain, so that blocks with one odd byte, and
    // unusual bytes far in, are common.
    const unsigned odd_in = rng() % 3 == 0 ? 40 : 2;
    for (unsigned i = 0; i < pieces; ++i) {
      text += rng() % odd_in == 0 ? kOdd[rng() % kOdd.size()] : kPlain[rng() % kPlain.size()];
    }
    for (const char delimiter : {',', ';', '\t'}) {
      INFO("delimiter " << int(delimiter) << " text: [" << text << "]");
      const Listed portable = list(text, delimiter, Loop::kPortable);
      CHECK(list(text, delimiter, Loop::kAvx2) == portable);
      CHECK(list(text, delimiter, Loop::kBest) == portable);
    }
  }
}

}  // namespace
}  // namespace leadscore
