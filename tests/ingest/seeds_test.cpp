// End to end on the five seed articles (../shared/data/seeds: one event, five outlets):
// ingest them with the real model, then check the graph an analyst expects.
//
// Skips with a message when the seed folder or models/en.qm is absent. Test cases tagged
// [!mayfail] would be targets not met yet (none are now): their failed checks are printed
// but do not fail the run; the others assert what holds.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

#include "extract/ingest/ingester.h"
#include "extract/nlp/pipeline.h"
#include "storage/temp_db.h"

using namespace quarry;

namespace {

const std::string kSeeds = QUARRY_SHARED_DIR "/data/seeds";
const std::string kModel = QUARRY_SOURCE_DIR "/models/en.qm";

struct Seeds {
  testing::TempDir dir;
  std::unique_ptr<Database> db;
  extract::ingest::IngestStats stats;
  std::vector<std::string> problems;
};

// Ingested once for all test cases; null when the data or the model is missing.
Seeds* seeds() {
  static std::unique_ptr<Seeds> s;
  static bool tried = false;
  if (tried) return s.get();
  tried = true;
  if (!std::filesystem::is_directory(kSeeds) || !std::filesystem::exists(kModel)) return nullptr;
  auto model = nlp::Pipeline::load(kModel);
  if (!model.ok()) return nullptr;
  s = std::make_unique<Seeds>();
  auto db = Database::open(s->dir.path());
  if (!db.ok()) return nullptr;
  s->db = std::move(*db);
  extract::ingest::IngestOptions options;
  options.jobs = 2;
  // Closed before RocksDB's own statics go away (they were created after `s`).
  std::atexit([] { s.reset(); });
  s->stats = extract::ingest::ingest(*s->db, &*model, {kSeeds}, options,
                                     [&](const std::string& p) { s->problems.push_back(p); }, {});
  return s.get();
}

#define SEEDS_OR_SKIP()                                                             \
  Seeds* S = seeds();                                                               \
  if (!S) {                                                                         \
    WARN("SKIPPED: needs " << kSeeds << " and " << kModel << " (see docs/nlp.md)"); \
    return;                                                                         \
  }

std::vector<Row> rows(Database& db, const std::string& q, const Params& p = {}) {
  auto r = db.query(q, p);
  REQUIRE(r.ok());
  auto all = r->fetch_all();
  REQUIRE(all.ok());
  return *all;
}

// Nodes any spelling of `name` finds.
std::set<int64_t> nodes_named(Database& db, const std::string& name) {
  std::set<int64_t> ids;
  for (const auto& r :
       rows(db, "CALL quarry.lookup($n) YIELD node RETURN id(node)", {{"n", Value(name)}})) {
    ids.insert(r[0].as_int());
  }
  return ids;
}

// The documents (file names) stating a fact between the nodes named a and b.
std::set<std::string> sources(Database& db, const std::string& pattern, const std::string& a,
                              const std::string& b_contains) {
  std::set<std::string> docs;
  auto found = rows(db,
                    "CALL quarry.lookup($a) YIELD node AS x MATCH " + pattern +
                        " WHERE toLower(y.name) CONTAINS $b CALL quarry.mentions(r) YIELD doc "
                        "RETURN DISTINCT doc",
                    {{"a", Value(a)}, {"b", Value(b_contains)}});
  for (const auto& r : found) {
    docs.insert(std::filesystem::path(r[0].as_string()).filename().string());
  }
  return docs;
}

std::string list(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out.empty() ? "(none)" : out;
}

}  // namespace

TEST_CASE("seeds: all five articles go in, consistently") {
  SEEDS_OR_SKIP();
  CHECK(S->problems.empty());
  CHECK(S->stats.added == 5);
  CHECK(S->stats.facts > 20);
  auto report = S->db->check();
  REQUIRE(report.ok());
  CHECK(report->problems == std::vector<std::string>{});
}

TEST_CASE("seeds: each person is one node, and different people stay apart") {
  SEEDS_OR_SKIP();
  auto kim = nodes_named(*S->db, "Kim Jong Un");
  auto kim2 = nodes_named(*S->db, "Kim Jong-un");
  auto shoigu = nodes_named(*S->db, "Sergei Shoigu");
  auto shoigu2 = nodes_named(*S->db, "Sergey Shoigu");
  auto li = nodes_named(*S->db, "Li Hongzhong");
  INFO("Kim Jong Un nodes: " << kim.size() << ", Sergei Shoigu nodes: " << shoigu.size()
                             << ", Li Hongzhong nodes: " << li.size());
  CHECK(kim.size() == 1);
  CHECK(kim == kim2);
  CHECK(shoigu.size() == 1);
  CHECK(shoigu == shoigu2);
  CHECK(li.size() == 1);
  for (const char* other : {"Kim Il Sung", "Kim Yo Jong", "Vladimir Putin"}) {
    for (int64_t n : nodes_named(*S->db, other)) {
      INFO(other << " shares a node with Kim Jong Un or Shoigu");
      CHECK(!kim.count(n));
      CHECK(!shoigu.count(n));
    }
  }
}

TEST_CASE("seeds: the reference facts with their sources") {
  SEEDS_OR_SKIP();
  auto met = sources(*S->db, "(x)-[r:meet]-(y)", "Sergei Shoigu", "kim jong");
  auto hand = sources(*S->db, "(x)-[r:hand]->(y)", "Sergei Shoigu", "letter");
  // The sender stays in the object, with or without the title before the name.
  auto putin = sources(*S->db, "(x)-[r:hand]->(y)", "Sergei Shoigu", "putin");
  auto xi = sources(*S->db, "(x)-[r:hand]->(y)", "Li Hongzhong", "xi jinping");
  auto lead = sources(*S->db, "(x)-[r:lead]->(y)", "Li Hongzhong", "delegation");
  std::cout << "seeds: (Shoigu)-[:meet]-(Kim Jong Un) from " << list(met) << "\n"
            << "seeds: (Shoigu)-[:hand]->(letter) from " << list(hand) << "\n"
            << "seeds: (Shoigu)-[:hand]->(letter from Putin) from " << list(putin) << "\n"
            << "seeds: (Li Hongzhong)-[:hand]->(letter from Xi Jinping) from " << list(xi) << "\n"
            << "seeds: (Li Hongzhong)-[:lead]->(delegation) from " << list(lead) << "\n";
  CHECK(met.size() >= 3);
  CHECK(hand.size() >= 2);
  CHECK(putin.size() >= 2);
  CHECK(xi.size() >= 2);
  CHECK(lead.size() >= 2);
}
