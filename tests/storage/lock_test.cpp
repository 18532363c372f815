// The write lock between processes, and read-only opens beside a writer.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>

#include "quarry/database.h"
#include "storage/temp_db.h"

using namespace quarry;

namespace {

// Runs the probe in another process and returns what it printed.
std::string probe(const std::string& db, const std::string& mode) {
  std::string cmd = std::string(QUARRY_BINARY_DIR) + "/tests/storage_lock_probe " + db + " " + mode;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string out;
  std::array<char, 256> buf;
  while (fgets(buf.data(), buf.size(), pipe.get())) out += buf.data();
  return out;
}

Fact fact(std::string s, std::string o) {
  Fact f;
  f.subject.name = std::move(s);
  f.predicate = "meet";
  f.object.name = std::move(o);
  return f;
}

}  // namespace

TEST_CASE("a second writer gets DatabaseInUse; readers work beside the writer", "[lock]") {
  testing::TempDir dir;
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  REQUIRE((*db)->add_facts({fact("Ada", "Ben")}).ok());

  std::string path = dir.path();
  CHECK(probe(path, "write") ==
        "DatabaseInUse: database " + path + " is in use by another process\n");
  CHECK(probe(path, "read") == "opened read_only=1 nodes=2\nwrite: ReadOnly\n");
  CHECK(probe(path, "fallback") == "opened read_only=1 nodes=2\nwrite: ReadOnly\n");

  // In this process too: a second writable open is refused, a read-only one follows the writer.
  auto second = Database::open(path);
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code() == ErrorCode::kDatabaseInUse);
  OpenOptions ro;
  ro.read_only = true;
  auto reader = Database::open(path, ro);
  REQUIRE(reader.ok());
  CHECK((*reader)->stats()->nodes == 2);
  REQUIRE((*db)->add_facts({fact("Cleo", "Dan")}).ok());
  CHECK((*reader)->stats()->nodes == 4);  // each read catches up with the writer
  auto check = (*reader)->check();
  if (!check.ok()) FAIL(check.error().message());
  CHECK(check->ok());

  db->reset();
  CHECK(probe(path, "write") == "opened read_only=0 nodes=4\n");
}

TEST_CASE("opening a missing database read-only or without create fails clearly", "[lock]") {
  testing::TempDir dir;
  OpenOptions ro;
  ro.read_only = true;
  auto r = Database::open(dir.path(), ro);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code() == ErrorCode::kNotFound);
  OpenOptions nocreate;
  nocreate.create_if_missing = false;
  auto n = Database::open(dir.path(), nocreate);
  REQUIRE_FALSE(n.ok());
  CHECK(n.error().code() == ErrorCode::kNotFound);
}

// Regression (issue 2): catching up used to open table files on 16 fresh threads per column
// family for every query. Now it opens them on one; a reader must still follow the writer
// when new table files appear, as they do when a bulk import ingests its SSTs.
TEST_CASE("a read-only instance follows a bulk import's new table files", "[lock]") {
  testing::TempDir dir;
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  OpenOptions ro;
  ro.read_only = true;
  auto reader = Database::open(dir.path(), ro);
  REQUIRE(reader.ok());
  CHECK((*reader)->stats()->nodes == 0);

  std::string tsv = dir.file("edges.tsv");
  {
    std::unique_ptr<FILE, int (*)(FILE*)> out(fopen(tsv.c_str(), "w"), fclose);
    REQUIRE(out);
    for (int i = 0; i < 50; ++i) fprintf(out.get(), "n%d\tlinks\tn%d\n", i, i + 1);
  }
  auto report = (*db)->import(tsv, {});
  REQUIRE(report.ok());
  CHECK(report->summary.facts_added == 50);

  for (int round = 0; round < 3; ++round) {  // repeated snapshots keep seeing the same state
    CHECK((*reader)->stats()->nodes == 51);
    auto result = (*reader)->query("MATCH (a)-[:links]->(b) RETURN count(*)");
    REQUIRE(result.ok());
    Row row;
    auto more = result->next(row);
    REQUIRE(more.ok());
    REQUIRE(more.value());
    CHECK(row.at(0).as_int() == 50);
  }
  REQUIRE((*db)->add_facts({fact("n0", "n50")}).ok());
  CHECK((*reader)->stats()->relationships == 51);
}
