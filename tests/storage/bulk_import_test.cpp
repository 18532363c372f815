// The bulk import's external sort: RunSorter on its own, and whole imports that spill
// (a tiny QUARRY_BULK_RUN) giving the very same database as imports that do not; the
// writer's concurrent stages, and imports where one stage's file fails midway
// (QUARRY_BULK_FAIL), in memory and spilled.
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

size_t files_in(const std::string& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

// Sets an environment variable for one scope.
struct Env {
  Env(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
  ~Env() { unsetenv(name_); }
  const char* name_;
};
// Sets QUARRY_BULK_RUN for one scope.
struct RunSize : Env {
  explicit RunSize(const char* n) : Env("QUARRY_BULK_RUN", n) {}
};

RunSorter<Rec> sorter_of(const std::string& dir, size_t run) {
  return RunSorter<Rec>(
      dir, "t", run, [](auto& v, auto& scratch) { radix_sort(v, scratch, &Rec::key); },
      [](const Rec& a, const Rec& b) { return a.key < b.key; });
}

// Repeated facts (merged), several documents per fact, repeated mentions, confidences,
// and 4 bad lines: every part of the writer sees run boundaries when it spills.
std::string random_graph(const testing::TempDir& files) {
  std::string path = files.file("graph.tsv");
  std::ofstream out(path);
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    int s = static_cast<int>(rng() % 300), o = static_cast<int>(rng() % 300);
    out << "Node " << s << "\trel" << rng() % 12 << "\tNode " << o;
    if (rng() % 3 == 0) out << "\tdoc" << rng() % 20 << "\t0." << 1 + rng() % 9;
    out << "\n";
    if (i % 997 == 0) out << "Node 1\tmeet\t---\n";
  }
  return path;
}

bool has_bulk_dir(const std::string& db) {
  for (const auto& e : fs::directory_iterator(db)) {
    if (e.path().filename().string().starts_with("bulk-")) return true;
  }
  return false;
}

std::string export_of(Database& db, ExportFormat format) {
  std::ostringstream out;
  REQUIRE(db.export_graph(out, format).ok());
  return out.str();
}

}  // namespace

TEST_CASE("RunSorter merges spilled runs in order, ties in arrival order", "[bulk]") {
  testing::TempDir tmp;
  fs::create_directories(tmp.path());
  for (size_t run : {size_t{1}, size_t{7}, size_t{64}, size_t{5000}}) {
    for (bool background : {true, false}) {
      std::vector<Rec> got;
      size_t spilled = 0;
      {
        RunSorter<Rec> sorter(
            tmp.path(), "t", run, [](auto& v, auto& scratch) { radix_sort(v, scratch, &Rec::key); },
            [](const Rec& a, const Rec& b) { return a.key < b.key; }, background);
        std::mt19937_64 rng(42);
        for (uint64_t i = 0; i < 1000; ++i) REQUIRE(sorter.add({rng() % 50 + 1000, i}).ok());
        CHECK(sorter.size() == 1000);
        spilled = sorter.runs_spilled();
        REQUIRE(sorter
                    .for_each([&](const Rec& r) {
                      got.push_back(r);
                      return Status();
                    })
                    .ok());
        if (run < 1000) CHECK(files_in(tmp.path()) == spilled);
      }
      CHECK(spilled == 1000 / run);      // a full run spills at once
      CHECK(files_in(tmp.path()) == 0);  // the runs are gone with the sorter
      REQUIRE(got.size() == 1000);
      for (size_t i = 1; i < got.size(); ++i) {
        INFO("run " << run << " at " << i);
        REQUIRE(got[i - 1].key <= got[i].key);
        if (got[i - 1].key == got[i].key) REQUIRE(got[i - 1].order < got[i].order);
      }
    }
  }
}

TEST_CASE("a bulk import that spills equals one that does not", "[bulk][import]") {
  testing::TempDir files;
  std::string path = random_graph(files);
  auto load = [&](const char* run, const std::string& dir) {
    RunSize size(run);
    auto db = Database::open(dir);
    REQUIRE(db.ok());
    auto r = (*db)->import(path, {});
    REQUIRE(r.ok());
    CHECK(r->bad_lines.size() == 4);
    auto check = (*db)->check();
    REQUIRE(check.ok());
    CHECK(check->ok());
    for (const auto& e : fs::directory_iterator(dir)) {
      CHECK_FALSE(e.path().filename().string().starts_with("bulk-"));
    }
    return std::pair(export_of(**db, ExportFormat::kJson), (*db)->stats().value().mentions);
  };
  testing::TempDir a, b, c;
  auto whole = load("1000000", a.path());
  auto spilled = load("100", b.path());
  auto tiny = load("7", c.path());
  CHECK(whole.second > 2000);
  CHECK(spilled == whole);
  CHECK(tiny == whole);
}

TEST_CASE("a failed bulk import leaves no temporary files", "[bulk][import]") {
  testing::TempDir files, dir;
  std::string path = files.file("bad.tsv");
  {
    std::ofstream out(path);
    for (int i = 0; i < 50; ++i) out << "A" << i << "\tlinks\tB" << i << "\n";
    out << "A1\tlinks\t!!!\n";
  }
  RunSize size("8");
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  ImportOptions strict;
  strict.strict = true;
  auto r = (*db)->import(path, strict);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message().find("bad.tsv:51:") != std::string::npos);
  CHECK((*db)->stats().value().nodes == 0);
  for (const auto& e : fs::directory_iterator(dir.path())) {
    CHECK_FALSE(e.path().filename().string().starts_with("bulk-"));
  }
  // The same file imports leniently afterwards, spilling, with the bad line reported.
  auto ok = (*db)->import(path, {});
  REQUIRE(ok.ok());
  CHECK(ok->bad_lines.size() == 1);
  CHECK((*db)->stats().value().relationships == 50);
  CHECK((*db)->check().value().ok());
}

TEST_CASE("a bulk import removes temporary files a killed import left behind", "[bulk][import]") {
  testing::TempDir files, dir;
  std::string path = files.file("small.tsv");
  {
    std::ofstream out(path);
    out << "Oskar Lind\tmeet\tMei Ruolan\n";
  }
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  fs::create_directories(fs::path(dir.path()) / "bulk-999999");
  std::ofstream(fs::path(dir.path()) / "bulk-999999" / "lines-0.run") << "leftover";
  auto r = (*db)->import(path, {});
  REQUIRE(r.ok());
  CHECK(r->summary.facts_added == 1);
  CHECK_FALSE(fs::exists(fs::path(dir.path()) / "bulk-999999"));
  CHECK((*db)->check().value().ok());
}

TEST_CASE("a bulk import reports bad lines beyond the reader's first batch at their lines",
          "[bulk][import]") {
  // The reader runs ahead in batches of 1,024 lines: bad lines just before, at and after a
  // boundary, and a name the loader refuses (no letters or digits) in the second batch.
  testing::TempDir files, dir;
  std::string path = files.file("long.tsv");
  {
    std::ofstream out(path);
    for (int line = 1; line <= 2100; ++line) {
      if (line == 1024 || line == 1025) {
        out << "Ana Velasco\tmeet\n";
      } else if (line == 2049) {
        out << "***\tmeet\tAna Velasco\n";
      } else {
        out << "Chen Hualing " << line % 40 << "\tmeet\tPavel Dremin " << line << "\n";
      }
    }
  }
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  ImportOptions strict;
  strict.strict = true;
  auto failed = (*db)->import(path, strict);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message() == path +
                                        ":1024: expected subject, predicate and object "
                                        "separated by tabs, found 2 fields");
  CHECK((*db)->stats().value().nodes == 0);

  auto r = (*db)->import(path, {});
  REQUIRE(r.ok());
  REQUIRE(r->bad_lines.size() == 3);
  CHECK(r->bad_lines[0].message().starts_with(path + ":1024: expected subject"));
  CHECK(r->bad_lines[1].message().starts_with(path + ":1025: expected subject"));
  CHECK(r->bad_lines[2].message() == path + ":2049: entity name '***' has no letters or digits");
  CHECK(r->lines == 2100);
  CHECK(r->summary.facts_added == 2097);
  CHECK(r->summary.entities_added == 40 + 2097);
  CHECK((*db)->check().value().ok());
}

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
  std::string path = random_graph(files);
  for (const char* run : {"1000000", "300"}) {
    for (const char* cf : {"spo", "rels", "prov", "docrels", "pos", "osp", "labelidx", "stats"}) {
      INFO("run " << run << ", failing " << cf);
      testing::TempDir dir;
      RunSize size(run);
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
    RunSize size(run);
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
