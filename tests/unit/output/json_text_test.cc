// JSON strings and numbers written piece by piece must be byte for byte what
// a JSON tree dumps, odd characters included.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "output/json_number.h"
#include "output/json_text.h"

using namespace leadscore;

namespace {

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

std::string tree_dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string json_num(double v) {
  std::string out;
  append_json_number(out, v);
  return out;
}

}  // namespace

TEST_CASE("plain text is quoted as is", "[json_text]") {
  CHECK(json_string("") == "\"\"");
  CHECK(json_string("senior_title") == "\"senior_title\"");
  CHECK(json_string("job_title 'VP Sales' matches /\\b(vp)\\b/") == "\"job_title 'VP Sales' matches /\\\\b(vp)\\\\b/\"");
}

TEST_CASE("quotes, backslashes and control characters are escaped", "[json_text]") {
  CHECK(json_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(json_string("a\\b") == "\"a\\\\b\"");
  CHECK(json_string("tab\there\nnew\rret\bback\fform") == "\"tab\\there\\nnew\\rret\\bback\\fform\"");
  CHECK(json_string(std::string_view("nul\0x", 5)) == "\"nul\\u0000x\"");
  CHECK(json_string("\x01\x1f") == "\"\\u0001\\u001f\"");
  CHECK(json_string("del\x7f") == "\"del\x7f\"");  // not a control character in JSON
}

TEST_CASE("non-ASCII text is kept as UTF-8", "[json_text]") {
  CHECK(json_string("Chloé") == "\"Chloé\"");
  CHECK(json_string("×0.5 日本 🚀") == "\"×0.5 日本 🚀\"");
}

TEST_CASE("invalid UTF-8 is replaced as the JSON library replaces it", "[json_text]") {
  for (std::string s : {std::string("\x80"), std::string("ab\xC3"), std::string("\xC0\x80"), std::string("\xED\xA0\x80x"),
                        std::string("\xF5\x80\x80\x80"), std::string("\xF4\x90\x80\x80"), std::string("x\xE2\x82"),
                        std::string("long enough to use words \xFF and more words after it")}) {
    INFO(s);
    CHECK(json_string(s) == tree_dump(s));
  }
}

TEST_CASE("any bytes come out as the JSON library writes them", "[json_text][random]") {
  std::mt19937 rng(7);
  // Mostly printable text with odd bytes sprinkled in, across word boundaries.
  const std::string odd = std::string("\"\\\n\t\x01\x7f") + "é×日🚀" + "\x80\xC3\xED\xF0";
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const size_t len = rng() % 40;
    for (size_t i = 0; i < len; ++i) {
      const unsigned r = rng() % 10;
      if (r < 7) s += static_cast<char>(' ' + rng() % 95);
      else if (r < 9) s += odd[rng() % odd.size()];
      else s += static_cast<char>(rng() % 256);
    }
    INFO(n);
    REQUIRE(json_string(s) == tree_dump(s));
  }
}

TEST_CASE("numbers are written as json_number gives them", "[json_text][numbers]") {
  for (double v : {0.0, -0.0, 1.0, -10.0, 12.5, 7.333, 0.004, 0.005, -0.31, 123456.789, 1e13, 9e15, 1e20, -2.5e17,
                   0.1 + 0.2, 1.0 / 3, std::numeric_limits<double>::infinity(), std::nan("")}) {
    INFO(v);
    CHECK(json_num(v) == tree_dump(json_number(v)));
  }
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> wide(-1e6, 1e6);
  for (int n = 0; n < 20000; ++n) {
    const double v = wide(rng);
    REQUIRE(json_num(v) == tree_dump(json_number(v)));
  }
  // Whole numbers (most scores) are written by write_json_number's integer
  // branch: small ones, and large ones up to 2e13.
  for (double v : {0.0, -0.0, 99.0, 100.0, -100.0, 1e12, 9999999999999.0, -9999999999999.0, 10000000000000.0,
                   -10000000000000.0, 9e15, -9e15}) {
    INFO(v);
    CHECK(json_num(v) == tree_dump(json_number(v)));
  }
  std::uniform_int_distribution<int64_t> whole(-20000000000000, 20000000000000);
  for (int n = 0; n < 20000; ++n) {
    const auto v = static_cast<double>(n < 10000 ? n - 5000 : whole(rng));
    REQUIRE(json_num(v) == tree_dump(json_number(v)));
  }
}

namespace {

// A reasons text split the way the JSON writer's tree holds it.
std::string tree_list(std::string_view items) {
  auto list = nlohmann::ordered_json::array();
  size_t start = 0;
  while (start < items.size()) {
    size_t end = items.find("; ", start);
    if (end == std::string_view::npos) end = items.size();
    list.push_back(std::string(items.substr(start, end - start)));
    start = end + 2;
  }
  return tree_dump(list);
}

std::string json_list(std::string_view items) {
  std::string out = "x";  // appended to, not replaced
  append_json_list(out, items);
  return out.substr(1);
}

}  // namespace

TEST_CASE("reasons lists are split on \"; \" as the tree splits them", "[json_text][list]") {
  for (const char* items : {"", "a", "a; b", "senior_title+15; target_country+5; stale_activity-10", "; ", "; a",
                            "a; ", "a; ; b", "a; ; ", "a;; b", "a;b", "a ;b", ";", " ", "a;", "a; b; ",
                            "decay\xC3\x97" "0.5", "x; decay\xC3\x97" "0.5; ", "say \"hi\"; ok", "tab\there; x",
                            "bad \xE9; x", "a longer reason text than sixteen bytes; and another one"}) {
    CAPTURE(items);
    CHECK(json_list(items) == tree_list(items));
  }
}

TEST_CASE("random reasons lists come out as the tree writes them", "[json_text][list][random]") {
  std::mt19937 random(11);
  const std::string alphabet = "ab; ;+-0\"\\\x01\xC3\x97\xE9";
  for (int round = 0; round < 5000; ++round) {
    std::string items(random() % 24, ' ');
    for (char& c : items) c = alphabet[random() % alphabet.size()];
    CAPTURE(items);
    CHECK(json_list(items) == tree_list(items));
  }
}
