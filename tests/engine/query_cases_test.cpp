// Runs every tests/engine/cases/*.cypher file against the in-memory graph.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/case_file.h"
#include "support/memory_graph.h"

namespace fs = std::filesystem;
using namespace quarry;

TEST_CASE("query-language cases on the in-memory graph") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(QUARRY_SOURCE_DIR "/tests/engine/cases")) {
    if (entry.path().extension() == ".cypher") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  size_t total = 0;
  for (const auto& path : files) {
    auto file = testing::read_case_file(path.string());
    for (const auto& c : file.cases) {
      ++total;
      INFO(path.filename().string() << " :: " << c.name);
      std::string failure =
          testing::run_case(file, c, [] { return std::make_shared<testing::MemorySource>(); });
      CHECK(failure == "");
    }
  }
  CHECK(total > 0);
}
