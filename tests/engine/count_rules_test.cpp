// The whole-query count rules (engine/planner/distinct_ends_rule.cpp, chain_count_rule.cpp)
// against the ordinary executor on random graphs with self-loops, multi-edges and
// reciprocal edges; EXPLAIN names the rule; the frontier rule falls back when its trail
// witnesses run out.
#include <catch2/catch.hpp>

#include <random>

#include "engine/engine.h"
#include "support/memory_graph.h"

using namespace quarry;

namespace {

// `setup` run on an empty graph; `state` sets where its ids start.
std::shared_ptr<testing::MemorySource> graph_with(
    const std::string& setup, std::shared_ptr<testing::MemoryState> state = nullptr) {
  auto src = std::make_shared<testing::MemorySource>();
  if (state) src->replace(state);
  auto r = engine::run(src, setup, {}, {});
  REQUIRE(r.ok());
  REQUIRE(r->fetch_all().ok());
  return src;
}

int64_t count_of(std::shared_ptr<testing::MemorySource> src, const std::string& q) {
  auto r = engine::run(src, q, {}, {});
  REQUIRE(r.ok());
  auto rows = r->fetch_all();
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  return (*rows)[0][0].as_int();
}

std::string plan_of(std::shared_ptr<testing::MemorySource> src, const std::string& q) {
  auto r = engine::run(src, "EXPLAIN " + q, {}, {});
  REQUIRE(r.ok());
  return r->plan();
}

// n nodes named '0'..'n-1' and m random relationships of types A and B, small enough
// that loops, parallel and reciprocal relationships are common.
std::string random_graph(std::mt19937& rng, int n, int m) {
  std::string q =
      "UNWIND range(0, " + std::to_string(n - 1) + ") AS i CREATE ({name: toString(i)})";
  q += " WITH count(*) AS ignored";
  std::uniform_int_distribution<int> node(0, n - 1), type(0, 1);
  for (int i = 0; i < m; ++i) {
    std::string s = std::to_string(i);
    q += " MATCH (s" + s + " {name: '" + std::to_string(node(rng)) + "'}), (o" + s + " {name: '" +
         std::to_string(node(rng)) + "'}) CREATE (s" + s + ")-[:" + (type(rng) ? "A" : "B") +
         "]->(o" + s + ")";
    q += " WITH count(*) AS w" + s;
  }
  return q + " RETURN 1";
}

// Whether PROFILE shows the frontier rule's ordinary plan (its child) producing rows.
bool fell_back(std::shared_ptr<testing::MemorySource> src, const std::string& q) {
  auto r = engine::run(src, "PROFILE " + q, {}, {});
  REQUIRE(r.ok());
  REQUIRE(r->fetch_all().ok());
  std::string plan = r->plan();
  REQUIRE(plan.find("CountDistinctEndsByFrontier") != std::string::npos);
  size_t child = plan.find('\n');
  return plan.find("rows=0", child) != plan.find("rows=", child);
}

}  // namespace

TEST_CASE("count(DISTINCT end) by frontiers equals the ordinary executor") {
  std::mt19937 rng(11);
  const char* shapes[] = {"-->()-->",         "-->()-->()-->",     "<--()-->", "--()--",
                          "-[:A]->()<-[:B]-", "-[:A|B]-()-->()--", "-->"};
  for (int g = 0; g < 12; ++g) {
    auto src = graph_with(random_graph(rng, 4 + g % 4, 10 + g));
    for (const char* shape : shapes) {
      for (int start = 0; start < 4; ++start) {
        std::string m = "MATCH (x {name: '" + std::to_string(start) + "'})" + shape + "(y)";
        INFO(m);
        CHECK(count_of(src, m + " RETURN count(DISTINCT y)") ==
              count_of(src, m + " WITH y RETURN count(DISTINCT y)"));
      }
    }
  }
}

TEST_CASE("two-hop chain counts by type scans equal the ordinary executor") {
  std::mt19937 rng(5);
  const char* shapes[] = {"-[:A]->(b)-[:B]->", "-[:A]->(b)-[:A]->", "-[:A]->(b)<-[:A]-",
                          "<-[:B]-(b)-[:B]->", "<-[:A]-(b)<-[:B]-"};
  for (int g = 0; g < 12; ++g) {
    auto src = graph_with(random_graph(rng, 3 + g % 4, 8 + g));
    for (const char* shape : shapes) {
      std::string m = std::string("MATCH (a)") + shape + "(c)";
      INFO(m);
      CHECK(count_of(src, m + " RETURN count(*)") == count_of(src, m + " WITH a RETURN count(*)"));
    }
  }
}

TEST_CASE("EXPLAIN shows the count rules") {
  auto src = graph_with("CREATE ({name: 'a'})-[:T]->()-[:U]->()");
  CHECK(plan_of(src, "MATCH (a {name: 'a'})-->()-->(c) RETURN count(DISTINCT c)")
            .find("CountDistinctEndsByFrontier") != std::string::npos);
  CHECK(plan_of(src, "MATCH (a)-[:T]->(b)-[:U]->(c) RETURN count(*)")
            .find("CountTwoHopChainByTypeScans") != std::string::npos);
  // Returning paths or rows keeps the ordinary plan.
  CHECK(
      plan_of(src, "MATCH (a {name: 'a'})-->()-->(c) RETURN count(c)").find("CountDistinctEnds") ==
      std::string::npos);
  CHECK(plan_of(src, "MATCH (a)-[:T]->(b)-[:U]->(a) RETURN count(*)").find("CountTwoHop") ==
        std::string::npos);
}

TEST_CASE("the frontier rule falls back when trails overlap beyond its witnesses") {
  // Eight parallel b->c relationships all share the one a->b: c's trails are not disjoint.
  // Three hops are still exact (a hop out of c cannot walk a->b or b->c again).
  std::string setup = "CREATE (a {name: 'a'})-[:T]->(b), (c)-[:T]->(d), (c)-[:T]->(b)";
  for (int i = 0; i < 8; ++i) setup += ", (b)-[:T]->(c)";
  auto src = graph_with(setup);
  std::string m = "MATCH (x {name: 'a'})-->()-->()-->(y)";
  CHECK(count_of(src, m + " RETURN count(DISTINCT y)") == 2);  // d, and b (via c->b)
  CHECK(count_of(src, m + " WITH y RETURN count(DISTINCT y)") == 2);
  // With two hops left after c, the shared a->b is at risk: the ordinary plan decides.
  std::string m4 = "MATCH (x {name: 'a'})-->()-->()-->()-->(y)";
  CHECK(fell_back(src, m4 + " RETURN count(DISTINCT y)"));
  CHECK(count_of(src, m4 + " RETURN count(DISTINCT y)") ==
        count_of(src, m4 + " WITH y RETURN count(DISTINCT y)"));
}

TEST_CASE("frontiers stay exact when parallel trails share only a relationship behind them") {
  // Ten parallel a->b, then one b->c and c->d: every trail to c shares b->c, which a
  // further outgoing hop cannot walk again, so no fallback is needed.
  std::string setup = "CREATE (a {name: 'a'}), (b), (c), (d), (e), (c)-[:T]->(d), (b)-[:T]->(c)";
  for (int i = 0; i < 10; ++i) setup += ", (a)-[:T]->(b)";
  setup += ", (d)-[:T]->(e), (c)-[:T]->(b)";
  auto src = graph_with(setup);
  for (const char* shape :
       {"-->()-->()-->", "-->()-->()-->()-->", "-->()-->()<--", "-->()-->()--"}) {
    std::string m = std::string("MATCH (x {name: 'a'})") + shape + "(y)";
    INFO(m);
    CHECK(count_of(src, m + " RETURN count(DISTINCT y)") ==
          count_of(src, m + " WITH y RETURN count(DISTINCT y)"));
  }
  CHECK_FALSE(fell_back(src, "MATCH (x {name: 'a'})-->()-->()-->(y) RETURN count(DISTINCT y)"));
}

TEST_CASE("frontiers equal the ordinary executor on dense multigraphs") {
  // Few nodes and many relationships: nodes get more trails than the rule keeps, so the
  // exactness test (and the fallback) decide the answer.
  std::mt19937 rng(23);
  const char* shapes[] = {"-->()-->()-->", "-->()-->()<--",        "-->()<--()--",
                          "--()--()--",    "-[:A]->()-->()-[:B]-", "-->()-->()-->()-->"};
  for (int g = 0; g < 6; ++g) {
    auto src = graph_with(random_graph(rng, 3 + g % 3, 24 + 3 * g));
    for (const char* shape : shapes) {
      for (int start = 0; start < 3; ++start) {
        std::string m = "MATCH (x {name: '" + std::to_string(start) + "'})" + shape + "(y)";
        INFO(m);
        CHECK(count_of(src, m + " RETURN count(DISTINCT y)") ==
              count_of(src, m + " WITH y RETURN count(DISTINCT y)"));
      }
    }
  }
}

TEST_CASE("frontiers equal the ordinary executor with node ids past the flat index") {
  // Ids from 65,476 on: the first 60 nodes take the frontier index's flat part, the rest
  // its hash table, which grows several times over 150 nodes.
  auto state = std::make_shared<testing::MemoryState>();
  state->next_node = (1u << 16) - 60;
  auto src = graph_with(
      "UNWIND range(0, 149) AS i CREATE ({name: toString(i)}) WITH count(*) AS c "
      "MATCH (a), (b) WHERE (toInteger(a.name) * 31 + toInteger(b.name) * 17) % 23 = 0 "
      "CREATE (a)-[:A]->(b)",
      state);
  for (const char* shape : {"-->()-->", "-->()-->()-->", "<--()--"}) {
    for (int start : {0, 59, 60, 149}) {
      std::string m = "MATCH (x {name: '" + std::to_string(start) + "'})" + shape + "(y)";
      INFO(m);
      int64_t frontier = count_of(src, m + " RETURN count(DISTINCT y)");
      CHECK(frontier > 0);
      CHECK(frontier == count_of(src, m + " WITH y RETURN count(DISTINCT y)"));
    }
  }
}
