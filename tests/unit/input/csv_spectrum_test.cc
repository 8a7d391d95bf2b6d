// The csv-spectrum corpus: every CSV must read as its expected JSON.
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "input/open_input.h"
#include "input_test_util.h"

namespace leadscore::testing {
namespace {

const std::string kSpectrum = std::string(LEADSCORE_TEST_DATA) + "/input/csv-spectrum";

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  DIR* dir = opendir((kSpectrum + "/csvs").c_str());
  if (dir == nullptr) return names;
  while (const dirent* entry = readdir(dir)) {
    const std::string file = entry->d_name;
    if (file.size() > 4 && file.compare(file.size() - 4, 4, ".csv") == 0) {
      names.push_back(file.substr(0, file.size() - 4));
    }
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("csv: csv-spectrum corpus reads as its expected JSON", "[csv]") {
  const std::vector<std::string> names = case_names();
  REQUIRE(names.size() == 12);
  for (const std::string& name : names) {
    INFO("case " << name);
    std::ifstream json_file(kSpectrum + "/json/" + name + ".json");
    REQUIRE(json_file);
    std::stringstream text;
    text << json_file.rdbuf();
    nlohmann::ordered_json expected = nlohmann::ordered_json::parse(text.str());

    const ReadResult got = read_path(kSpectrum + "/csvs/" + name + ".csv");
    REQUIRE(got.opened);
    CHECK(got.rejections().empty());
    if (name == "location_coordinates") {
      // Upstream defect: the expectation is a bare object and its phone
      // number does not match the CSV (see the corpus README).
      REQUIRE(expected.is_object());
      expected["Contact Phone Number"] = "2095257564";
      expected = nlohmann::ordered_json::array({expected});
    }
    REQUIRE(expected.is_array());
    REQUIRE(got.items.size() == expected.size());
    for (size_t i = 0; i < got.items.size(); ++i) {
      const Item& item = got.items[i];
      nlohmann::ordered_json row = nlohmann::ordered_json::object();
      REQUIRE(item.names.size() == item.values.size());
      for (size_t k = 0; k < item.names.size(); ++k) row[item.names[k]] = item.values[k];
      CHECK(row == expected[i]);
    }
  }
}

TEST_CASE("csv: csv-spectrum corpus reads the same at every block size", "[csv]") {
  for (const std::string& name : case_names()) {
    INFO("case " << name);
    std::ifstream file(kSpectrum + "/csvs/" + name + ".csv", std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    const ReadResult r = read_all_blocks(bytes.str(), ".csv");
    CHECK(r.opened);
  }
}

}  // namespace
}  // namespace leadscore::testing
