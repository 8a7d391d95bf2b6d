#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "input/byte_source.h"
#include "input/chunk_splitter.h"
#include "input/open_input.h"
#include "input/simd_dispatch.h"

namespace leadscore {
namespace {

// Splits `text` with a tiny chunk size and returns the chunks.
std::vector<Chunk> split(const std::string& text, InputFormat format, size_t chunk_bytes, size_t block = 7) {
  ByteSource source;
  source.open_memory(text.data(), text.size());
  ChunkSplitter splitter(InputBuffer(std::move(source), block), 0, 1, format, chunk_bytes);
  std::vector<Chunk> out;
  while (auto c = splitter.next()) out.push_back(std::move(*c));
  return out;
}

std::string joined(const std::vector<Chunk>& chunks) {
  std::string s;
  for (const Chunk& c : chunks) s += c.bytes;
  return s;
}

TEST_CASE("chunks: cut only after whole records and cover the input", "[chunks]") {
  const std::string text = "a,b\n1,2\n3,4\n5,6\n";
  for (size_t size : {1, 2, 4, 5, 8, 100}) {
    auto chunks = split(text, InputFormat::kCsv, size);
    CHECK(joined(chunks) == text);
    for (const Chunk& c : chunks) CHECK(c.bytes.back() == '\n');
  }
}

TEST_CASE("chunks: a line end inside quotes is not a record boundary", "[chunks]") {
  const std::string text = "1,\"x\ny\nz\",2\n3,\"\"\"q\"\"\n\",4\n";
  for (size_t size : {1, 3, 6, 9, 64}) {
    auto chunks = split(text, InputFormat::kCsv, size);
    CHECK(joined(chunks) == text);
    for (const Chunk& c : chunks) {
      CHECK((c.bytes == "1,\"x\ny\nz\",2\n" || c.bytes == "3,\"\"\"q\"\"\n\",4\n" || c.bytes == text));
    }
  }
}

TEST_CASE("chunks: first_line counts LF, CRLF and lone CR line ends", "[chunks]") {
  const std::string text = "a\r\nb\rc\nd\"\n\"\ne";
  for (size_t block : {1, 2, 3, 7, 64}) {
    auto chunks = split(text, InputFormat::kCsv, 1, block);
    CHECK(joined(chunks) == text);
    uint64_t line = 1;
    for (const Chunk& c : chunks) {
      CHECK(c.first_line == line);
      line += count_lines(c.bytes.data(), c.bytes.size());
      // Never between the CR and LF of a pair, nor inside the quoted field.
      CHECK(c.bytes.back() != '"');
    }
  }
  for (size_t block : {1, 2, 3}) {
    auto chunks = split(text, InputFormat::kCsv, 1, block);
    for (size_t i = 1; i < chunks.size(); ++i) {
      CHECK_FALSE((chunks[i - 1].bytes.back() == '\r' && chunks[i].bytes.front() == '\n'));
    }
  }
}

TEST_CASE("chunks: a CR at the end of the data read so far waits for its LF", "[chunks]") {
  // Block size 3 makes "\r" the last byte read at some point; it must not cut.
  auto chunks = split("ab\r\ncd\r\n", InputFormat::kCsv, 1, 3);
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[0].bytes == "ab\r\n");
  CHECK(chunks[1].bytes == "cd\r\n");
}

TEST_CASE("chunks: JSON lines cut at every LF whatever the quotes", "[chunks]") {
  auto chunks = split("{\"a\":\"\\\"\"}\n{\"b\":1}\n", InputFormat::kJsonLines, 1);
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[1].first_line == 2);
}

TEST_CASE("chunks: an unterminated quote takes the rest of the input", "[chunks]") {
  auto chunks = split("1,2\n3,\"4\n5,6\n", InputFormat::kCsv, 1);
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[1].bytes == "3,\"4\n5,6\n");
}

TEST_CASE("count_lines counts each line end once", "[chunks]") {
  const std::string s = "a\r\nb\rc\n\r";
  CHECK(count_lines(s.data(), s.size()) == 4);
  CHECK(count_lines("", 0) == 0);
}

TEST_CASE("chunk reader checks field counts against the given header", "[chunks]") {
  std::vector<std::string> header{"a", "b"};
  InputOptions options;
  auto reader = open_chunk_reader("1,2\n3\n", InputFormat::kCsv, ',', "in.csv", options, &header);
  InputRecord rec;
  RecordError err;
  REQUIRE(reader->next(rec, err) == ReadStatus::kRecord);
  CHECK(rec.values.size() == 2);
  REQUIRE(reader->next(rec, err) == ReadStatus::kRejected);
  CHECK(err.line == 2);
  CHECK(err.message == "row has 1 field, expected 2 as in the header");
  CHECK(reader->next(rec, err) == ReadStatus::kEnd);
}

}  // namespace
}  // namespace leadscore

namespace leadscore {
namespace {

TEST_CASE("count_byte counts across the 16-byte steps and the tail", "[chunks]") {
  std::string s(100, 'x');
  for (size_t i = 0; i < s.size(); i += 7) s[i] = '"';
  uint64_t expected = 0;
  for (char c : s) expected += c == '"';
  for (size_t n = 0; n <= s.size(); ++n) {
    uint64_t want = 0;
    for (size_t i = 0; i < n; ++i) want += s[i] == '"';
    CHECK(count_byte(s.data(), n, '"') == want);
  }
  CHECK(count_byte(s.data(), s.size(), '"') == expected);
}

}  // namespace
}  // namespace leadscore

namespace leadscore {
namespace {

TEST_CASE("count_byte: long runs of matches do not overflow its byte counters", "[chunks]") {
  const std::string all(255 * 16 * 3 + 21, '\n');
  for (size_t n : {size_t{0}, size_t{15}, size_t{16}, size_t{255 * 16}, size_t{255 * 16 + 1}, all.size()}) {
    CHECK(count_byte(all.data(), n, '\n') == n);
  }
  CHECK(count_lines(all.data(), all.size()) == all.size());
}

// Counting by definition, for the vector versions to be checked against.
uint64_t count_lines_simply(const std::string& s) {
  uint64_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') ++n;
    else if (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n')) ++n;
  }
  return n;
}

TEST_CASE("count_lines: SSE2 and AVX2 paths agree with a plain count", "[chunks]") {
  std::mt19937 random(5);
  for (const bool avx2 : {false, true}) {
    simd::allow_avx2_for_testing(avx2);
    for (int round = 0; round < 3000; ++round) {
      // Lengths around the 64-byte steps, and long runs of line ends that
      // fill the byte counters.
      const size_t size = round < 300 ? static_cast<size_t>(round) : static_cast<size_t>(random() % 20000);
      const int mode = static_cast<int>(random() % 4);
      std::string s(size, 'x');
      for (char& c : s) {
        const unsigned r = random() % 100;
        if (mode == 0) c = r < 3 ? '\n' : 'x';
        else if (mode == 1) c = r < 90 ? '\n' : 'x';
        else if (mode == 2) c = r < 3 ? '\n' : r < 4 ? '\r' : 'x';
        else c = r < 40 ? '\r' : r < 80 ? '\n' : 'x';
      }
      CAPTURE(avx2, size, mode);
      REQUIRE(count_lines(s.data(), s.size()) == count_lines_simply(s));
    }
  }
  simd::allow_avx2_for_testing(true);
}

TEST_CASE("chunks: first_line is right on both vector paths, with quotes and CRs about", "[chunks]") {
  // The CSV splitter counts a chunk's quotes and line ends in one pass; the
  // first line of every chunk must be what a plain count of the text before it says.
  std::mt19937 random(11);
  for (const bool avx2 : {false, true}) {
    simd::allow_avx2_for_testing(avx2);
    for (int round = 0; round < 200; ++round) {
      std::string text;
      const size_t records = 1 + random() % 400;
      for (size_t r = 0; r < records; ++r) {
        const unsigned kind = random() % 10;
        if (kind == 0) text += "\"quoted\nline, with \"\"quotes\"\"\",2";
        else if (kind == 1) text += "\"cr\rinside\",3";
        else text += std::string(random() % 90, 'v') + ",1";
        const unsigned end = random() % 10;
        text += end == 0 ? "\r\n" : end == 1 ? "\r" : "\n";
      }
      const size_t chunk_bytes = 1 + random() % 700;
      auto chunks = split(text, InputFormat::kCsv, chunk_bytes, 1 + random() % 300);
      CAPTURE(avx2, round, chunk_bytes);
      REQUIRE(joined(chunks) == text);
      size_t offset = 0;
      for (const Chunk& c : chunks) {
        REQUIRE(c.first_line == 1 + count_lines_simply(text.substr(0, offset)));
        offset += c.bytes.size();
      }
    }
  }
  simd::allow_avx2_for_testing(true);
}

TEST_CASE("JSON lines chunk reader reads the chunk where it is", "[chunks]") {
  // The chunk is the middle of a larger text: nothing after it is read.
  const std::string text = "PREFIX{\"a\":1}\n\n{\"a\":2,\"b\":\"x\"}\r\n{\"a\":[3]}\n{\"a\":4}SUFFIX";
  const std::string_view chunk = std::string_view(text).substr(6, text.size() - 12);
  InputOptions options;
  auto reader = open_chunk_reader(chunk, InputFormat::kJsonLines, 0, "in.jsonl", options, nullptr);
  InputRecord rec;
  RecordError err;
  std::vector<std::pair<uint64_t, std::string>> got;
  while (reader->next(rec, err) == ReadStatus::kRecord) {
    CHECK(rec.raw.data() >= chunk.data());
    CHECK(rec.raw.data() + rec.raw.size() <= chunk.data() + chunk.size());
    got.emplace_back(rec.line, std::string(rec.raw) + "=" + std::string(rec.values.at(0)));
  }
  CHECK(reader->io_error().empty());
  CHECK(got == std::vector<std::pair<uint64_t, std::string>>{
                   {1, "{\"a\":1}=1"}, {3, "{\"a\":2,\"b\":\"x\"}=2"}, {4, "{\"a\":[3]}=[3]"}, {5, "{\"a\":4}=4"}});
}

}  // namespace
}  // namespace leadscore
