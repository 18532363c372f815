// PrimaryWatch (storage/primary_watch.h): a read-only instance skips RocksDB's catch-up
// only while the writer's files show no change, and still sees every commit.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "quarry/database.h"
#include "storage/primary_watch.h"
#include "storage/temp_db.h"

using namespace quarry;
using storage::PrimaryWatch;

namespace {

void append(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::app);
  out << text;
}

// Moves the mtime of the directory and everything in it ten seconds back, as if the
// writer had been idle that long, so the watch can trust what it records.
void age(const std::string& dir) {
  timespec old[2];
  clock_gettime(CLOCK_REALTIME, &old[0]);
  old[0].tv_sec -= 10;
  old[1] = old[0];
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    REQUIRE(utimensat(AT_FDCWD, e.path().c_str(), old, 0) == 0);
  }
  REQUIRE(utimensat(AT_FDCWD, dir.c_str(), old, 0) == 0);
}

Fact fact(std::string s, std::string o) {
  Fact f;
  f.subject.name = std::move(s);
  f.predicate = "meet";
  f.object.name = std::move(o);
  return f;
}

int64_t count_rels(Database& db) {
  auto r = db.query("MATCH ()-[r]->() RETURN count(r)");
  REQUIRE(r.ok());
  auto rows = r->fetch_all();
  REQUIRE(rows.ok());
  return (*rows)[0][0].as_int();
}

}  // namespace

TEST_CASE("the watch reports the file changes a writer makes, and only those", "[watch]") {
  testing::TempDir tmp;
  std::string dir = tmp.path();
  std::filesystem::create_directories(dir);
  for (const char* f : {"CURRENT", "MANIFEST-000001", "000003.log", "000004.sst", "LOG"}) {
    append(dir + "/" + f, "x");
  }
  PrimaryWatch watch(dir);
  CHECK(watch.may_have_changed());  // nothing recorded yet
  CHECK(watch.may_have_changed());  // fresh mtimes: cannot tell yet
  age(dir);
  CHECK(watch.may_have_changed());  // records a trusted state
  CHECK_FALSE(watch.may_have_changed());
  CHECK_FALSE(watch.may_have_changed());

  SECTION("a commit grows the write-ahead log") {
    append(dir + "/000003.log", "commit");
    CHECK(watch.may_have_changed());
  }
  SECTION("a flush appends to the MANIFEST") {
    append(dir + "/MANIFEST-000001", "edit");
    CHECK(watch.may_have_changed());
  }
  SECTION("a new table file changes the directory") {
    append(dir + "/000005.sst", "table");
    CHECK(watch.may_have_changed());
    CHECK(watch.may_have_changed());  // the directory's mtime is fresh now
    age(dir);
    CHECK(watch.may_have_changed());
    CHECK_FALSE(watch.may_have_changed());
  }
  SECTION("a reopened writer replaces CURRENT") {
    append(dir + "/CURRENT.tmp", "MANIFEST-000009");
    REQUIRE(std::rename((dir + "/CURRENT.tmp").c_str(), (dir + "/CURRENT").c_str()) == 0);
    CHECK(watch.may_have_changed());
  }
  SECTION("the info log and existing table files do not count") {
    append(dir + "/LOG", "a warning");
    append(dir + "/000004.sst", "y");
    CHECK_FALSE(watch.may_have_changed());
  }
  SECTION("a missing directory always reports a change") {
    std::filesystem::remove_all(dir);
    CHECK(watch.may_have_changed());
    CHECK(watch.may_have_changed());
  }
}

TEST_CASE("a read-only instance that skips idle catch-ups still sees each commit", "[watch]") {
  testing::TempDir tmp;
  auto writer = Database::open(tmp.path());
  REQUIRE(writer.ok());
  REQUIRE((*writer)->add_facts({fact("Pavel Dremin", "Ana Velasco")}).ok());
  OpenOptions ro;
  ro.read_only = true;
  auto reader = Database::open(tmp.path(), ro);
  REQUIRE(reader.ok());

  // The real directory behaves like the synthetic one: idle, then a commit.
  PrimaryWatch watch(tmp.path());
  age(tmp.path());
  CHECK(watch.may_have_changed());
  CHECK_FALSE(watch.may_have_changed());

  CHECK(count_rels(**reader) == 1);  // the reader's own watch records a trusted state
  CHECK(count_rels(**reader) == 1);  // and skips this catch-up
  for (int i = 2; i <= 4; ++i) {
    REQUIRE((*writer)->add_facts({fact("Oskar Lind", "Chen Hualing " + std::to_string(i))}).ok());
    CHECK(count_rels(**reader) == i);  // seen at once: the WAL grew
    age(tmp.path());
    CHECK(count_rels(**reader) == i);
    CHECK(count_rels(**reader) == i);
  }
  CHECK(watch.may_have_changed());
}
