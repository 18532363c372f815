// The bulk import's external sort: RunSorter on its own, and whole imports that spill
// (a tiny QUARRY_BULK_RUN) giving the very same database as imports that do not.
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

// Sets QUARRY_BULK_RUN for one scope.
struct RunSize {
  explicit RunSize(const char* n) { setenv("QUARRY_BULK_RUN", n, 1); }
  ~RunSize() { unsetenv("QUARRY_BULK_RUN"); }
};

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
  std::string path = files.file("graph.tsv");
  {
    // Repeated facts (merged), several documents per fact, repeated mentions, confidences,
    // and a few bad lines: every part of the one-pass writer sees run boundaries.
    std::ofstream out(path);
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
      int s = static_cast<int>(rng() % 300), o = static_cast<int>(rng() % 300);
      out << "Node " << s << "\trel" << rng() % 12 << "\tNode " << o;
      if (rng() % 3 == 0) out << "\tdoc" << rng() % 20 << "\t0." << 1 + rng() % 9;
      out << "\n";
      if (i % 997 == 0) out << "Node 1\tmeet\t---\n";
    }
  }
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
