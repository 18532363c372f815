// Runs every tests/engine/cases/*.cypher file against the in-memory graph.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <unistd.h>

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

#include "storage/database_impl.h"
#include "storage/store.h"

TEST_CASE("query-language cases on the RocksDB store") {
  fs::path root = fs::temp_directory_path() / fmt::format("quarry-cases-{}", ::getpid());
  fs::remove_all(root);
  fs::create_directories(root);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(QUARRY_SOURCE_DIR "/tests/engine/cases")) {
    if (entry.path().extension() == ".cypher") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  int n = 0;
  for (const auto& path : files) {
    auto file = testing::read_case_file(path.string());
    for (const auto& c : file.cases) {
      INFO(path.filename().string() << " :: " << c.name);
      std::string failure = testing::run_case(file, c, [&] {
        fs::path dir = root / std::to_string(n++);
        auto store = storage::Store::open(dir.string(), OpenOptions{});
        INFO((store.ok() ? "" : store.error().to_string()));
        REQUIRE(store.ok());
        return std::make_shared<storage::StoreSource>(store.value());
      });
      CHECK(failure == "");
    }
  }
  fs::remove_all(root);
}
