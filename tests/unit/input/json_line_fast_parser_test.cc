// The one-pass line parser against JsonObjectParser, line by line: whatever
// line it takes must give the very record JsonObjectParser gives, and a line it
// marks compact must be exactly what compact JSON output writes.
#include <map>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "input/json_line_fast_parser.h"
#include "input/json_object_parser.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

struct Outcome {
  bool taken = false;    // the fast parser gave a record
  bool compact = false;  // ... and said its line is in compact form
};

// Parses `line` both ways and checks that they agree wherever the fast
// parser answers; `fast` and `got` may carry what earlier lines left.
Outcome compare(const std::string& line, JsonLineFastParser& fast, InputRecord& got) {
  CAPTURE(line);
  JsonObjectParser slow;
  InputRecord expected;
  std::string message;
  size_t offset = 0;
  const bool slow_ok = slow.parse(line, expected, &message, &offset);

  Outcome outcome;
  outcome.taken = fast.parse(line, got);
  if (!outcome.taken) return outcome;
  REQUIRE(slow_ok);
  CHECK(*got.names == *expected.names);
  CHECK(got.values == expected.values);
  CHECK(got.object == nullptr);
  CHECK(got.delimiter == 0);
  CHECK(got.names_serial != 0);
  outcome.compact = !got.compact.empty();
  if (outcome.compact) {
    CHECK(expected.object->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) == got.compact);
  }
  return outcome;
}

// The same with a parser of its own: a line read on its own.
Outcome compare(const std::string& line) {
  JsonLineFastParser fast;
  InputRecord got;
  return compare(line, fast, got);
}

TEST_CASE("fast jsonl: plain lines are taken and found compact", "[jsonl][fast]") {
  for (const char* line : {R"({"a":"x","b":1,"c":true,"d":false,"e":null})", R"({"id":"L1"})",
                           R"({"a":"caf\u00e9"})", R"({"a":"caf)"
                                                   "\xC3\xA9"
                                                   R"("})"}) {
    const Outcome o = compare(line);
    CHECK(o.taken);
    if (std::string(line).find('\\') == std::string::npos) CHECK(o.compact);
  }
}

TEST_CASE("fast jsonl: escapes and \\u sequences", "[jsonl][fast]") {
  for (const char* line : {
           R"({"s":"x\"y\\z\/w\b\f\n\r\t"})",
           R"({"s":"\u0041\u00e9\u20AC\uFFFF"})",
           R"({"s":"\ud83d\ude00 smile"})",  // a surrogate pair
           R"({"s":"\u0000nul"})",
           R"({"k\u00e9y":"v","k\"q":1})",
           R"({"s":"\ud83d"})",       // a lone high surrogate
           R"({"s":"\ude00"})",       // a lone low surrogate
           R"({"s":"\ud83dx"})",      // high surrogate then text
           R"({"s":"\ud83d\u0041"})", // high surrogate then no low one
           R"({"s":"\x"})",
           R"({"s":"\u12"})",
           "{\"s\":\"tab\there\"}",   // a raw control character
           "{\"s\":\"\x7f\"}",
       }) {
    compare(line);  // where it says compact, compare() checks the line against dump()
  }
  CHECK(compare(R"({"s":"\ud83d\ude00"})").taken);
  CHECK_FALSE(compare(R"({"s":"\u00e9"})").compact);
  CHECK_FALSE(compare(R"({"s":"\/"})").compact);
  CHECK_FALSE(compare(R"({"s":"\u001F"})").compact);
  CHECK_FALSE(compare(R"({"s":"\u0009"})").compact);
  CHECK(compare(R"({"s":"a\"b\\c\n\t\b\f\r\u001f\u0000"})").compact);
  CHECK(compare(R"({"k\"ey":"v"})").compact);
  CHECK_FALSE(compare(R"({"k\u0065y":"v"})").compact);
}

TEST_CASE("fast jsonl: numbers are written as JsonObjectParser writes them", "[jsonl][fast]") {
  for (const char* number :
       {"0", "-0", "1", "-1", "42", "1.50", "1.5", "1e5", "1E5", "1e+5", "-1e-5", "0.1", "-0.0", "0.0",
        "1e308", "1e309", "-1e309", "1e-400", "123456789012345678", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "18446744073709551616", "123456789012345678901234567890", "01", "-01", "1.", ".5", "-", "+1",
        "1e", "0x10", "2.2250738585072014e-308", "4.9e-324", "3.141592653589793238462643383279",
        "100.0", "1.0e2", "5e-7", "1e21", "1e22", "123456789.123"}) {
    const std::string line = std::string(R"({"n":)") + number + "}";
    compare(line);
    compare(std::string(R"({"a":"x","n":)") + number + R"(,"z":1})");
  }
  CHECK(compare(R"({"n":1.5})").compact);
  CHECK(compare(R"({"n":-0})").taken);
  // Numbers written otherwise are rewritten into a compact copy of the line
  // (compare() checks it against dump()); blanks still rule it out.
  CHECK(compare(R"({"n":-0})").compact);
  CHECK(compare(R"({"n":1.50})").compact);
  CHECK(compare(R"({"n":1e5})").compact);
  CHECK(compare(R"({"a":"x","n":1.50,"b":"y","m":2.0e0})").compact);
  CHECK_FALSE(compare(R"({"n":1.50, "b":1})").compact);
  JsonLineFastParser fast;
  InputRecord r;
  REQUIRE(fast.parse(R"({"a":100.0,"b":"x","c":-0,"d":1.25})", r));
  CHECK(r.compact == R"({"a":100.0,"b":"x","c":0,"d":1.25})");
  CHECK(r.raw.empty());  // the parser leaves raw to the reader
  REQUIRE(fast.parse(R"({"a":1.10,"b":"x","c":7,"d":1.25})", r));  // same keys, the key fast path
  CHECK(r.compact == R"({"a":1.1,"b":"x","c":7,"d":1.25})");
  REQUIRE(fast.parse(R"({"a":1,"b":"x","c":7,"d":1.25})", r));
  CHECK(r.compact == R"({"a":1,"b":"x","c":7,"d":1.25})");
}

TEST_CASE("fast jsonl: integers around the 64-bit limits and odd number shapes", "[jsonl][fast]") {
  for (const char* number :
       {"123456789012345678", "1234567890123456789", "-1234567890123456789", "12345678901234567890",
        "99999999999999999999", "-999999999999999999", "-9999999999999999999", "00", "-00", "-a", "--1", "1.e5",
        "1e+", "1e-", "2e-0", "0e0", "-0.0e-0", "1.5E+3", "0.000001", "1e-7", "-", "0-1", "1-", "1..2", "1ee2"}) {
    const std::string line = std::string(R"({"n":)") + number + "}";
    compare(line);
    compare(std::string(R"({"a":"x","n":)") + number + R"(,"z":1})");
    compare(std::string(R"({"n" : )") + number + R"( , "z":1})");
  }
  CHECK(compare(R"({"n":1234567890123456789})").compact);
  CHECK(compare(R"({"n":-9223372036854775808})").compact);
  CHECK(compare(R"({"n":18446744073709551615})").compact);
}

TEST_CASE("fast jsonl: blanks and braces in every place", "[jsonl][fast]") {
  for (const std::string line :
       {R"({"a":1}})", R"({"a":1}{"b":2})", R"({"a":"}"})", R"({"a":"x"}  )", "{\"a\":\"x\"}\r\r", R"(  {"a":true})",
        R"({"a":true })", R"({"a":tru })", R"({"a":nul})", R"({"a":falsey})", R"({"a":true,})", R"({,"a":1})",
        R"({"a":1,,"b":2})", R"({"a"::1})", R"({"a":1 : 2})", R"({"a"})", R"({"a":})", R"({ })", R"({"":""})",
        R"({"a":"b" "c":1})", "{\"a\":1}\x0b", "{\x0b\"a\":1}", "}", "{", "{}}", R"("a":1})"}) {
    compare(line);
  }
  compare(std::string("{\"a\":\"x\"}\0", 10));
  compare(std::string("{\"a\":\"x\0\"}", 10));
  CHECK(compare(R"({"":""})").compact);
  CHECK(compare(R"({"a":"}"})").compact);
  CHECK_FALSE(compare(R"({"a":1}})").taken);
  CHECK_FALSE(compare(R"({"a":1}{"b":2})").taken);
  CHECK_FALSE(compare(R"({"a":true,})").taken);
}

// A line of random keys, values and blanks, flat or not, valid or not.
std::string random_line(std::mt19937& random) {
  static const std::vector<std::string> keys = {
      "id", "a", "b", "name", R"(k\u00e9y)", R"(q\")", "", R"(caf\u00E9)", R"(x\/y)", R"(\ud83d\ude00)", R"(\u0001)",
      "long_key_name_over_sixteen_bytes"};
  static const std::vector<std::string> values = {
      R"("x")", R"("")", R"("Sch\u00f6der")", "\"Sch\xC3\xB6" "der\"", R"("tab\there")", R"("a\"b")", R"("\/")",
      R"("\u001f")", R"("\u001F")", R"("\ud83d")", "\"\xE9\"", "\"\xF0\x9F\x98\x80\"", "0", "-0", "7", "-12",
      "1.5", "1.50", "1e5", "-0.0", "123456789012345678901", "1e400", "true", "false", "null", "{}", "[1]",
      R"({"n":1})", R"("a longer value of some forty bytes or so....")", R"("x\\")", "tru", "01"};
  static const std::vector<std::string> blanks = {"", "", "", "", " ", "\t", " \r "};
  auto pick = [&](const std::vector<std::string>& from) -> const std::string& { return from[random() % from.size()]; };
  std::string line = pick(blanks) + "{" + pick(blanks);
  const int members = 1 + static_cast<int>(random() % 6);
  for (int m = 0; m < members; ++m) {
    if (m > 0) line += pick(blanks) + "," + pick(blanks);
    line += "\"" + pick(keys) + "\"" + pick(blanks) + ":" + pick(blanks) + pick(values);
  }
  return line + pick(blanks) + "}" + pick(blanks);
}

TEST_CASE("fast jsonl: random flat and not so flat objects", "[jsonl][fast]") {
  std::mt19937 random(2024);
  size_t taken = 0, compact = 0;
  for (int round = 0; round < 20000; ++round) {
    const Outcome o = compare(random_line(random));
    taken += o.taken ? 1 : 0;
    compact += o.compact ? 1 : 0;
  }
  CHECK(taken > 2000);
  CHECK(compact > 20);
}

// One parser over many lines, as a reader uses it: the names are right on
// every line, and a serial always stands for the same names.
TEST_CASE("fast jsonl: names and serials over a run of random lines", "[jsonl][fast]") {
  std::mt19937 random(99);
  JsonLineFastParser fast;
  std::map<uint64_t, Names> names_of_serial;
  std::string last_taken;
  size_t kept = 0;
  for (int round = 0; round < 20000; ++round) {
    // Now and then the line before again, with its keys in the same order.
    const std::string line = random() % 4 == 0 && !last_taken.empty() ? last_taken : random_line(random);
    CAPTURE(line);
    InputRecord got;
    if (!fast.parse(line, got)) continue;
    last_taken = line;
    JsonObjectParser slow;
    InputRecord expected;
    std::string message;
    size_t offset = 0;
    REQUIRE(slow.parse(line, expected, &message, &offset));
    CHECK(*got.names == *expected.names);
    CHECK(got.values == expected.values);
    const auto [it, added] = names_of_serial.emplace(got.names_serial, *got.names);
    CHECK(it->second == *got.names);
    kept += added ? 0 : 1;
  }
  CHECK(kept > 1000);
}

TEST_CASE("fast jsonl: names follow keys that come, go and repeat", "[jsonl][fast]") {
  JsonLineFastParser fast;
  InputRecord r;
  REQUIRE(fast.parse(R"({"x":1,"y":2})", r));
  const uint64_t first = r.names_serial;
  REQUIRE(fast.parse(R"({"x":1})", r));
  CHECK(*r.names == Names{"x"});
  CHECK(r.names_serial != first);
  REQUIRE(fast.parse(R"({"x":1,"y":2,"z":3})", r));
  CHECK(*r.names == Names{"x", "y", "z"});
  const uint64_t three = r.names_serial;
  CHECK_FALSE(fast.parse(R"({"x":1,"y":2,"x":3})", r));  // duplicates are JsonObjectParser's
  REQUIRE(fast.parse(R"({"x":1,"y":2,"z":3})", r));
  CHECK(*r.names == Names{"x", "y", "z"});
  CHECK(r.names_serial != three);
  REQUIRE(fast.parse(R"({"k\u00e9":1,"y":"v\u00e9"})", r));
  CHECK(*r.names == Names{"k\xC3\xA9", "y"});
  CHECK(r.values == std::vector<std::string_view>{"1", "v\xC3\xA9"});
  const uint64_t escaped = r.names_serial;
  REQUIRE(fast.parse(R"({"k\u00e9":5,"y":6})", r));
  CHECK(r.names_serial == escaped);  // the same keys, though escaped
  REQUIRE(fast.parse(R"({"k\u00e9":5,"z\"":6})", r));
  CHECK(*r.names == Names{"k\xC3\xA9", "z\""});
  CHECK(r.names_serial != escaped);
}

TEST_CASE("fast jsonl: nested values, duplicates and odd shapes go to the slow parser", "[jsonl][fast]") {
  CHECK_FALSE(compare(R"({"o":{"a":1}})").taken);
  CHECK_FALSE(compare(R"({"a":[1,2]})").taken);
  CHECK_FALSE(compare(R"({"a":1,"b":2,"a":3})").taken);
  CHECK_FALSE(compare(R"({})").taken);
  for (const char* line : {"[1,2]", "\"x\"", "42", "null", "true", "{\"a\":1} x", "{\"a\":1}}", "{\"a\":1,}",
                           "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{a:1}", "{\"a\":tru}", "{\"a\":1", "{\"a\":",
                           "", " ", "{\"a\":\"x}", "\xEF\xBB\xBF{\"a\":1}", "{\"a\":\"caf\xE9\"}",
                           "{\"a\":\"\xC0\xAF\"}", "{\"a\":\"\xED\xA0\x80\"}"}) {
    CHECK_FALSE(compare(line).taken);
  }
}

TEST_CASE("fast jsonl: blanks between tokens are fine but not compact", "[jsonl][fast]") {
  for (const char* line : {R"( {"a":1})", R"({"a":1} )", R"({ "a":1})", R"({"a" :1})", R"({"a": 1})",
                           R"({"a":1 })", R"({"a":1 ,"b":2})", R"({"a":1, "b":2})", "{\"a\":1}\r",
                           "{\"a\":1}\t", "\t{\"a\":\"x\"\t}"}) {
    const Outcome o = compare(line);
    CHECK(o.taken);
    CHECK_FALSE(o.compact);
  }
}

TEST_CASE("fast jsonl: a huge line", "[jsonl][fast]") {
  std::string line = "{";
  for (int i = 0; i < 20000; ++i) line += "\"k" + std::to_string(i) + "\":\"" + std::string(50, 'v') + "\",";
  line += "\"last\":1.25}";
  const Outcome o = compare(line);
  CHECK(o.taken);
  CHECK(o.compact);
}

TEST_CASE("fast jsonl: names keep their serial while the keys stay the same", "[jsonl][fast]") {
  JsonLineFastParser fast;
  InputRecord a, b, c, d;
  REQUIRE(fast.parse(R"({"x":1,"y":2})", a));
  const uint64_t first = a.names_serial;
  REQUIRE(fast.parse(R"({"x":3,"y":4})", b));
  CHECK(b.names_serial == first);
  REQUIRE(fast.parse(R"({"y":3,"x":4})", c));
  CHECK(c.names_serial != first);
  CHECK(*c.names == Names{"y", "x"});
  JsonLineFastParser other;  // another reader never shares a serial
  REQUIRE(other.parse(R"({"y":3,"x":4})", d));
  CHECK(d.names_serial != c.names_serial);
}

TEST_CASE("fast jsonl: random damage to a line never makes the parsers disagree", "[jsonl][fast]") {
  const std::string base =
      R"({"id":"L1","t":"Head of \"Sales\" \u00e9\ud83d\ude00","n":-12,"f":1.5,"e":1e3,"b":true,"z":null,)"
      R"("s":"x"})";
  const std::string alphabet = "{}[]\":,\\u0123456789abcdefEn.-+ \t\r\x80\xC3\xA9\xED\xF0";
  std::mt19937 random(12345);
  size_t taken = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string line = base;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t at = random() % line.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0: line[at] = c; break;
        case 1: line.insert(line.begin() + static_cast<ptrdiff_t>(at), c); break;
        default: line.erase(at, 1); break;
      }
    }
    taken += compare(line).taken ? 1 : 0;
  }
  CHECK(taken > 1000);
}

// What the reader gave before it had a fast path: every line through
// JsonObjectParser.
std::vector<Item> read_slowly(const std::string& text) {
  std::vector<Item> items;
  JsonObjectParser parser;
  uint64_t line_number = 0, number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++number;
    Item item;
    item.line = line_number;
    InputRecord record;
    size_t offset = 0;
    if (!parser.parse(line, record, &item.message, &offset)) {
      item.rejected = true;
      item.column = offset == std::string_view::npos ? 0 : offset + 1;
    } else {
      item.number = number;
      item.names = *record.names;
      item.values.assign(record.values.begin(), record.values.end());
    }
    item.raw = std::string(line);
    items.push_back(std::move(item));
  }
  return items;
}

TEST_CASE("fast jsonl: the reader gives what it gave with nlohmann alone", "[jsonl][fast]") {
  const std::string text =
      "{\"a\":\"x\",\"b\":1}\n"
      "{\"a\":\"y\",\"b\":2}\r\n"
      "\n  \t\r\n"
      "{\"a\": \"z\\u00e9\", \"b\": 1.50}\n"
      "{\"a\":{\"n\":[1, 2]},\"b\":null}\n"
      "{\"a\":1,\"a\":2}\n"
      "{\"a\":tru}\n"
      "{\"a\":\"\xE9\"}\n"
      "[1]\n"
      "{\"a\":1} x\n"
      "{\"b\":3,\"a\":-0}\n"
      "{}\n"
      "{\"a\":\"last\"}";
  const ReadResult r = read_all_blocks(text, ".jsonl");
  const std::vector<Item> expected = read_slowly(text);
  REQUIRE(r.items.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(r.items[i].rejected == expected[i].rejected);
    CHECK(r.items[i].line == expected[i].line);
    CHECK(r.items[i].number == expected[i].number);
    CHECK(r.items[i].column == expected[i].column);
    CHECK(r.items[i].message == expected[i].message);
    CHECK(r.items[i].names == expected[i].names);
    CHECK(r.items[i].values == expected[i].values);
    CHECK(r.items[i].raw == expected[i].raw);
  }
}

}  // namespace
}  // namespace leadscore::testing

namespace leadscore::testing {
namespace {

// Lines that mostly repeat the last one's keys, with a change here and there
// where the matching of known keys must hand over to the general loop: a
// blank, an escaped or a new key, a key gone, a bad or nested value, a line
// end within 32 bytes of a key. One parser and one record for the whole run,
// as the reader uses them.
std::string repeated_keys_line(std::mt19937& random, std::vector<std::string>& keys) {
  static const std::vector<std::string> kPool = {
      "id", "n", "email", "a_key_name_that_is_longer_than_thirty_two_bytes", "k\xC3\xA9", "q\\\"t", "x\\\\y", "", "abcdefghijklmn"};
  static const std::vector<std::string> kValues = {
      "\"a1\"", "12", "-3", "0", "-0", "1.5", "1.50", "1e2", "true", "false", "null", "\"x\\\"y\"", "\"caf\xC3\xA9\"",
      "\"a much longer string value, more than thirty-two bytes\"", "\"\"", "[1]", "{\"a\":1}", "tru", "01", "\"\\/\""};
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  if (keys.empty() || pick(8) == 0) {
    keys.clear();
    const size_t count = 1 + pick(7);
    for (size_t i = 0; i < count; ++i) keys.push_back(kPool[pick(kPool.size())]);
  } else if (pick(4) == 0) {
    switch (pick(5)) {
      case 0: keys.pop_back(); break;
      case 1: keys.push_back(kPool[pick(kPool.size())]); break;
      case 2: keys[pick(keys.size())] = kPool[pick(kPool.size())]; break;
      case 3: if (keys.size() > 1) std::swap(keys[0], keys[keys.size() - 1]); break;
      default: keys.erase(keys.begin() + static_cast<ptrdiff_t>(pick(keys.size()))); break;
    }
  }
  const bool spaced = pick(6) == 0;
  auto blank = [&]() { return spaced && pick(3) == 0 ? std::string(" ") : std::string(); };
  std::string line = "{";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) line += blank() + "," + blank();
    std::string key = keys[i];
    if (key == "id" && pick(10) == 0) key = "\\u0069d";  // the same key, escaped
    line += "\"" + key + "\"" + blank() + ":" + blank();
    line += pick(3) == 0 ? kValues[pick(kValues.size())] : kValues[pick(4)];
  }
  line += blank() + "}";
  return line;
}

TEST_CASE("fast jsonl: runs of lines with the last line's keys", "[jsonl][fast]") {
  std::mt19937 random(7);
  JsonLineFastParser fast;
  InputRecord got;
  std::vector<std::string> keys;
  size_t taken = 0, same_serial = 0;
  uint64_t last_serial = 0;
  for (int round = 0; round < 40000; ++round) {
    const std::string line = repeated_keys_line(random, keys);
    if (!compare(line, fast, got).taken) continue;
    ++taken;
    same_serial += got.names_serial == last_serial;
    last_serial = got.names_serial;
  }
  CHECK(taken > 10000);
  CHECK(same_serial > 5000);
}

TEST_CASE("fast jsonl: blanks before values on long lines with the last line's keys", "[jsonl][fast]") {
  // The way Python's json.dumps writes by default (", " and ": "), on lines
  // long enough that the key patterns are compared 32 bytes at a time.
  JsonLineFastParser fast;
  InputRecord got;
  const std::string compact =
      R"({"lead_id":"L1","email":"ann@example.com","job_title":"Head of Sales","company_size":250,"budget":1.50})";
  CHECK(compare(compact, fast, got).compact);
  for (const std::string line :
       {R"({"lead_id": "L2", "email": "bo@example.com", "job_title": "VP", "company_size": 12, "budget": null})",
        "{\"lead_id\":\t\"L3\",\"email\":\r\n \"c@example.com\",\"job_title\":\"CTO\",\"company_size\": 7,\"budget\":  true}",
        R"({"lead_id":"L4","email":"d@example.com","job_title":"Intern","company_size":3,"budget": 9})",
        R"({"lead_id":"L5","email":"e@example.com","job_title":"Intern","company_size":3,"budget":9 })",
        R"({"lead_id":"L6","email":"f@example.com","job_title":"Intern","company_size":3,"budget":  [9]})"}) {
    const Outcome outcome = compare(line, fast, got);
    if (line.find('[') != std::string::npos) {
      CHECK_FALSE(outcome.taken);
      continue;
    }
    CHECK(outcome.taken);
    CHECK_FALSE(outcome.compact);
  }
  CHECK(compare(compact, fast, got).compact);
  CHECK(got.values[0] == "L1");
}

TEST_CASE("fast jsonl: a key that looks like the last line's but is not", "[jsonl][fast]") {
  JsonLineFastParser fast;
  InputRecord r;
  REQUIRE(fast.parse(R"({"a":1,"bc":2})", r));
  REQUIRE(fast.parse(R"({"a":1,"bcd":2})", r));
  CHECK(*r.names == Names{"a", "bcd"});
  REQUIRE(fast.parse(R"({"a":1,"b":2})", r));
  CHECK(*r.names == Names{"a", "b"});
  REQUIRE(fast.parse(R"({"a":1})", r));
  CHECK(*r.names == Names{"a"});
  CHECK(r.values == std::vector<std::string_view>{"1"});
  REQUIRE(fast.parse(R"({"a":1,"b":2,"c":3})", r));
  CHECK(*r.names == Names{"a", "b", "c"});
  REQUIRE(fast.parse(R"({"a" :1,"b":2,"c":3})", r));
  CHECK(r.compact.empty());
  REQUIRE(fast.parse(R"({"a":1,"b": 2,"c":3})", r));
  CHECK(r.values == std::vector<std::string_view>{"1", "2", "3"});
  CHECK(r.compact.empty());
  REQUIRE(fast.parse(R"({"a":1,"b":2 ,"c":3})", r));
  CHECK(r.compact.empty());
  CHECK_FALSE(fast.parse(R"({"a":1,"b":2,"c":[3]})", r));
  CHECK_FALSE(fast.parse(R"({"a":1,"b":2,"c":3}})", r));
  CHECK_FALSE(fast.parse(R"({"a":1,"b":2,"c":3,})", r));
  REQUIRE(fast.parse(R"({"a":1,"b":2,"c":3})", r));
  CHECK(r.compact == R"({"a":1,"b":2,"c":3})");
  CHECK(r.values == std::vector<std::string_view>{"1", "2", "3"});
}

}  // namespace
}  // namespace leadscore::testing
