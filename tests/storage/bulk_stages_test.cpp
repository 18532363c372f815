// The bulk writer's concurrent stages: RunSorter::for_each_stage on its own, and whole
// imports where one stage's file fails midway (QUARRY_BULK_FAIL), in memory and spilled.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "quarry/database.h"
#include "storage/run_sorter.h"
#include "storage/temp_db.h"

using namespace quarry;
using namespace quarry::storage;
namespace fs = std::filesystem;

namespace {

struct Rec {
  uint64_t key = 0, order = 0;
};

// Sets an environment variable for one scope.
struct Env {
  Env(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
  ~Env() { unsetenv(name_); }
  const char* name_;
};

RunSorter<Rec> sorter_of(const std::string& dir, size_t run) {
  return RunSorter<Rec>(
      dir, "t", run, [](auto& v, auto& scratch) { radix_sort(v, scratch, &Rec::key); },
      [](const Rec& a, const Rec& b) { return a.key < b.key; });
}

bool has_bulk_dir(const std::string& db) {
  for (const auto& e : fs::directory_iterator(db)) {
    if (e.path().filename().string().starts_with("bulk-")) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every stage sees every record in order, then its done", "[bulk]") {
  testing::TempDir tmp;
  fs::create_directories(tmp.path());
  for (size_t run : {size_t{7}, size_t{5000}}) {  // spilled, in memory
    INFO("run " << run);
    auto sorter = sorter_of(tmp.path(), run);
    std::mt19937_64 rng(5);
    for (uint64_t i = 0; i < 1000; ++i) REQUIRE(sorter.add({rng() % 30, i}).ok());
    std::vector<std::vector<Rec>> seen(3);
    std::vector<size_t> seen_at_done(3, 0);
    std::vector<RunSorter<Rec>::Stage> stages;
    for (size_t i = 0; i < 3; ++i) {
      stages.push_back({[&, i](const Rec& r) {
                          seen[i].push_back(r);
                          return Status();
                        },
                        [&, i] {
                          seen_at_done[i] = seen[i].size();
                          return Status();
                        }});
    }
    REQUIRE(sorter.for_each_stage(stages).ok());
    for (size_t i = 0; i < 3; ++i) {
      CHECK(seen_at_done[i] == 1000);
      REQUIRE(seen[i].size() == 1000);
      for (size_t k = 1; k < 1000; ++k) {
        REQUIRE(seen[i][k - 1].key <= seen[i][k].key);
        if (seen[i][k - 1].key == seen[i][k].key) REQUIRE(seen[i][k - 1].order < seen[i][k].order);
      }
      CHECK(seen[i][500].order == seen[0][500].order);
    }
  }
}

TEST_CASE("a stage's error is the result and skips its done", "[bulk]") {
  testing::TempDir tmp;
  fs::create_directories(tmp.path());
  for (size_t run : {size_t{7}, size_t{5000}}) {
    for (size_t failing : {size_t{0}, size_t{2}}) {
      INFO("run " << run << ", failing stage " << failing);
      auto sorter = sorter_of(tmp.path(), run);
      for (uint64_t i = 0; i < 1000; ++i) REQUIRE(sorter.add({i % 17, i}).ok());
      std::vector<int> done(3, 0);
      std::vector<RunSorter<Rec>::Stage> stages;
      for (size_t i = 0; i < 3; ++i) {
        stages.push_back({[&, i](const Rec& r) {
                            if (i == failing && r.order == 600) {
                              return Status(Error(ErrorCode::kIOError, "disk full"));
                            }
                            return Status();
                          },
                          [&, i] {
                            ++done[i];
                            return Status();
                          }});
      }
      auto s = sorter.for_each_stage(stages);
      REQUIRE_FALSE(s.ok());
      CHECK(s.error().message() == "disk full");
      CHECK(done[failing] == 0);
    }
  }
}

TEST_CASE("a bulk import whose stage fails leaves no database and no files", "[bulk][import]") {
  testing::TempDir files;
  std::string path = files.file("docs.tsv");
  {
    std::ofstream out(path);
    std::mt19937 rng(11);
    for (int i = 0; i < 2000; ++i) {
      out << "Oskar Lind " << rng() % 200 << "\tmeets" << rng() % 5 << "\tMei Ruolan "
          << rng() % 200;
      if (rng() % 2) out << "\tdoc" << rng() % 30 << "\t0.5";
      out << "\n";
    }
  }
  for (const char* run : {"1000000", "300"}) {
    for (const char* cf : {"spo", "rels", "prov", "docrels", "pos", "osp", "labelidx", "stats"}) {
      INFO("run " << run << ", failing " << cf);
      testing::TempDir dir;
      Env size("QUARRY_BULK_RUN", run);
      auto db = Database::open(dir.path());
      REQUIRE(db.ok());
      {
        Env fail("QUARRY_BULK_FAIL", cf);
        auto r = (*db)->import(path, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message().find(std::string(cf) + ".sst failed") != std::string::npos);
      }
      CHECK((*db)->stats().value().nodes == 0);
      CHECK((*db)->stats().value().relationships == 0);
      CHECK_FALSE(has_bulk_dir(dir.path()));
      // Nothing half-written stays behind: the same file imports in full afterwards.
      auto r = (*db)->import(path, {});
      REQUIRE(r.ok());
      CHECK(r->summary.entities_added == (*db)->stats().value().nodes);
      CHECK((*db)->stats().value().relationships == r->summary.facts_added);
      CHECK((*db)->check().value().ok());
    }
  }
}

TEST_CASE("radix_sort_into sorts stably into a second table, narrow or wide keys", "[bulk]") {
  for (uint64_t span : {uint64_t{1}, uint64_t{300}, uint64_t{1} << 20}) {
    INFO("span " << span);
    BigVector<Rec> src, dst;
    std::mt19937_64 rng(9);
    for (uint64_t i = 0; i < 5000; ++i) src.push_back({1000 + rng() % span, i});
    std::vector<Rec> want(src.begin(), src.end());
    std::stable_sort(want.begin(), want.end(),
                     [](const Rec& a, const Rec& b) { return a.key < b.key; });
    radix_sort_into(src, dst, &Rec::key);
    REQUIRE(dst.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      REQUIRE(dst[i].key == want[i].key);
      REQUIRE(dst[i].order == want[i].order);
    }
    CHECK(src[0].order == 0);  // the source is left as it was
  }
}

TEST_CASE("a bulk import with types over 2^16 term ids apart equals one that spills",
          "[bulk][import]") {
  // Every line names a new document before the second type appears: the types' ids span
  // more than 65,536, the POS sort's wide case.
  testing::TempDir files;
  std::string path = files.file("wide.tsv");
  {
    std::ofstream out(path);
    for (int i = 0; i < 70000; ++i) {
      out << "Chen Hualing " << i % 300 << "\tmeets\tAna Velasco " << i % 70 << "\td" << i
          << "\t0.5\n";
    }
    for (int i = 0; i < 500; ++i) out << "Ana Velasco " << i << "\tleads\tCSNA " << i % 9 << "\n";
  }
  auto load = [&](const char* run, const std::string& dir) {
    Env size("QUARRY_BULK_RUN", run);
    auto db = Database::open(dir);
    REQUIRE(db.ok());
    REQUIRE((*db)->import(path, {}).ok());
    CHECK((*db)->check().value().ok());
    std::ostringstream out;
    REQUIRE((*db)->export_graph(out, ExportFormat::kJson).ok());
    auto r = (*db)->query("MATCH (a)-[:leads]->(b {name: 'CSNA 3'}) RETURN count(a)");
    REQUIRE(r.ok());
    auto rows = r->fetch_all();
    REQUIRE(rows.ok());
    return std::pair(out.str(), rows->at(0).at(0).as_int());
  };
  testing::TempDir a, b;
  auto whole = load("1000000", a.path());
  auto spilled = load("5000", b.path());
  CHECK(whole.second == 56);  // i % 9 == 3 for 56 of 0..499
  CHECK(spilled == whole);
}
