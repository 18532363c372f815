// The adjacency cache shared by snapshots (storage/adjacency_cache.h): an expansion never
// returns edges of another database state, whether the change came from this process's
// writes or, for a read-only instance, from the writer it follows.
#include <catch2/catch.hpp>

#include "storage/adjacency_cache.h"
#include "storage/reader.h"
#include "storage/store.h"
#include "storage/temp_db.h"
#include "storage/writer.h"

using namespace quarry;
using namespace quarry::storage;

namespace {

// The other ends of an expansion with their type names, in the order it reports them.
std::vector<std::string> ends(GraphSnapshot& s, NodeId n, Direction d,
                              std::optional<std::string> type = std::nullopt, size_t limit = 100) {
  std::optional<uint64_t> type_id;
  if (type) {
    type_id = s.type_id(*type);
    if (!type_id) return {};
  }
  std::vector<std::string> out;
  auto st = s.expand(n, d, type_id, [&](const Edge& e) {
    NodeId other = e.start == n ? e.end : e.start;
    auto name = s.node_property(other, "name");
    out.push_back(s.type_name(e.type) + ":" + (name ? name->as_string() : "?"));
    return out.size() < limit;
  });
  REQUIRE(st.ok());
  return out;
}

using Names = std::vector<std::string>;

struct Graph {
  std::shared_ptr<Store> store;
  NodeId pavel = 0, ana = 0, chen = 0;

  explicit Graph(std::shared_ptr<Store> s) : store(std::move(s)) {
    Writer w(store);
    auto node = [&](const char* name) {
      auto id = w.create_node({}, {{"name", Value(name)}});
      REQUIRE(id.ok());
      return id.value();
    };
    pavel = node("Pavel Dremin");
    ana = node("Ana Velasco");
    chen = node("Chen Hualing");
    REQUIRE(w.create_rel(pavel, "meets", ana, {}).ok());
    REQUIRE(w.create_rel(pavel, "advises", chen, {}).ok());
    REQUIRE(w.commit().ok());
  }

  RelId link(NodeId from, const std::string& type, NodeId to) {
    Writer w(store);
    auto r = w.create_rel(from, type, to, {});
    REQUIRE(r.ok());
    REQUIRE(w.commit().ok());
    return *r;
  }
};

std::shared_ptr<Store> open_store(const testing::TempDir& dir) {
  auto store = Store::open(dir.path(), {});
  REQUIRE(store.ok());
  return *store;
}

// A fresh database with the graph above.
struct Fixture {
  testing::TempDir dir;
  std::shared_ptr<Store> store = open_store(dir);
  Graph g{store};
};

}  // namespace

TEST_CASE("cached expansions follow writes and keep old snapshots old", "[cache]") {
  Fixture f;
  auto& store = f.store;
  Graph& g = f.g;
  Snapshot first(store);
  // Index order: by type id (types numbered as first used), then the other end.
  Names before{"meets:Ana Velasco", "advises:Chen Hualing"};
  CHECK(ends(first, g.pavel, Direction::kOut) == before);
  CHECK(ends(first, g.pavel, Direction::kOut) == before);  // now from the cache
  CHECK(ends(first, g.pavel, Direction::kOut, "meets") == Names{"meets:Ana Velasco"});
  CHECK(ends(first, g.pavel, Direction::kOut, "greets").empty());

  RelId added = g.link(g.pavel, "meets", g.chen);
  Snapshot second(store);
  Names after{"meets:Ana Velasco", "meets:Chen Hualing", "advises:Chen Hualing"};
  CHECK(ends(second, g.pavel, Direction::kOut) == after);
  CHECK(ends(second, g.pavel, Direction::kOut) == after);
  CHECK(ends(second, g.pavel, Direction::kOut, "meets") ==
        Names{"meets:Ana Velasco", "meets:Chen Hualing"});
  CHECK(ends(second, g.chen, Direction::kIn) ==
        Names{"meets:Pavel Dremin", "advises:Pavel Dremin"});
  CHECK(ends(first, g.pavel, Direction::kOut) == before);  // its own state still
  CHECK(ends(second, g.pavel, Direction::kOut) == after);

  {
    Writer w(store);
    REQUIRE(w.delete_rel(added).ok());
    REQUIRE(w.commit().ok());
  }
  Snapshot third(store);
  CHECK(ends(third, g.pavel, Direction::kOut) == before);
  CHECK(ends(third, g.chen, Direction::kIn) == Names{"advises:Pavel Dremin"});
}

// A typed scan's relationships as "start>end" names, in the order it reports them.
Names scanned(GraphSnapshot& s, const std::string& type, size_t limit = 100) {
  auto type_id = s.type_id(type);
  if (!type_id) return {};
  Names out;
  auto name = [&](NodeId n) { return s.node_property(n, "name")->as_string(); };
  auto st = s.scan_rels(*type_id, [&](const Edge& e) {
    CHECK(e.type == *type_id);
    out.push_back(name(e.start) + ">" + name(e.end));
    return out.size() < limit;
  });
  REQUIRE(st.ok());
  return out;
}

TEST_CASE("cached scans of one type follow writes, keep old snapshots old, stop early", "[cache]") {
  Fixture f;
  auto& store = f.store;
  Graph& g = f.g;
  g.link(g.chen, "meets", g.ana);
  Snapshot first(store);
  Names before{"Pavel Dremin>Ana Velasco", "Chen Hualing>Ana Velasco"};
  CHECK(scanned(first, "meets", 1) == Names{"Pavel Dremin>Ana Velasco"});  // keeps nothing
  CHECK(scanned(first, "meets") == before);
  CHECK(scanned(first, "meets") == before);  // now from the cache
  CHECK(scanned(first, "advises") == Names{"Pavel Dremin>Chen Hualing"});
  CHECK(scanned(first, "meets", 1) == Names{"Pavel Dremin>Ana Velasco"});

  RelId added = g.link(g.ana, "meets", g.pavel);
  Snapshot second(store);
  // POS order: by end, then start (Pavel's id is the lowest).
  Names after{"Ana Velasco>Pavel Dremin", "Pavel Dremin>Ana Velasco", "Chen Hualing>Ana Velasco"};
  CHECK(scanned(second, "meets") == after);
  CHECK(scanned(second, "meets") == after);
  CHECK(scanned(first, "meets") == before);  // its own state still
  {
    Writer w(store);
    REQUIRE(w.delete_rel(added).ok());
    REQUIRE(w.commit().ok());
  }
  Snapshot third(store);
  CHECK(scanned(third, "meets") == before);
}

TEST_CASE("a cached expansion in both directions reports a self-loop once", "[cache]") {
  Fixture f;
  auto& store = f.store;
  Graph& g = f.g;
  g.link(g.ana, "cites", g.ana);
  g.link(g.chen, "greets", g.ana);
  Names both{"cites:Ana Velasco", "meets:Pavel Dremin", "greets:Chen Hualing"};
  for (int run = 0; run < 2; ++run) {  // a miss, then a hit
    Snapshot s(store);
    CHECK(ends(s, g.ana, Direction::kBoth) == both);
    CHECK(ends(s, g.ana, Direction::kIn).size() == 3);
  }
}

TEST_CASE("an expansion stopped early does not leave a partial list behind", "[cache]") {
  Fixture f;
  auto& store = f.store;
  Graph& g = f.g;
  Snapshot s(store);
  CHECK(ends(s, g.pavel, Direction::kOut, std::nullopt, 1) == Names{"meets:Ana Velasco"});
  CHECK(ends(s, g.pavel, Direction::kOut) == Names{"meets:Ana Velasco", "advises:Chen Hualing"});
}

TEST_CASE("a read-only instance's cached expansions follow the writer's commits", "[cache]") {
  testing::TempDir dir;
  auto writer = Store::open(dir.path(), {});
  REQUIRE(writer.ok());
  Graph g(*writer);
  OpenOptions ro;
  ro.read_only = true;
  auto reader = Store::open(dir.path(), ro);
  REQUIRE(reader.ok());
  Names before{"meets:Ana Velasco", "advises:Chen Hualing"};
  for (int run = 0; run < 2; ++run) {
    Snapshot s(*reader);
    CHECK(ends(s, g.pavel, Direction::kOut) == before);
  }
  g.link(g.pavel, "greets", g.ana);
  Snapshot s(*reader);
  CHECK(ends(s, g.pavel, Direction::kOut) ==
        Names{"meets:Ana Velasco", "advises:Chen Hualing", "greets:Ana Velasco"});
}

TEST_CASE("the adjacency cache keeps to its byte budget and to the newest state", "[cache]") {
  using State = AdjacencyCache::State;
  // Room for a few short lists; a list over a sixteenth of the budget is never kept.
  AdjacencyCache cache(4096);
  State s1{10, 1}, s2{11, 1};
  std::vector<Edge> two{{1, 5, 6, 7}, {2, 5, 8, 7}};
  cache.put(s1, 5, true, two);
  REQUIRE(cache.get(s1, 5, true));
  CHECK(cache.get(s1, 5, true)->size() == 2);
  CHECK_FALSE(cache.get(s1, 5, false));  // the other direction
  CHECK_FALSE(cache.get(s2, 5, true));   // another state
  CHECK_FALSE(cache.fits(20));
  cache.put(s1, 6, true, std::vector<Edge>(20));
  CHECK_FALSE(cache.get(s1, 6, true));

  cache.put(s2, 6, true, two);  // a newer state starts over
  CHECK_FALSE(cache.get(s1, 5, true));
  CHECK(cache.get(s2, 6, true));
  cache.put(s1, 5, true, two);  // an older snapshot never fills it
  CHECK_FALSE(cache.get(s1, 5, true));
  CHECK_FALSE(cache.get(s2, 5, true));

  // A list of 2 edges counts 64 + 96 bytes: 25 fit in 4096, the 26th starts over.
  for (NodeId n = 100; n < 124; ++n) cache.put(s2, n, false, two);
  CHECK(cache.get(s2, 6, true));
  CHECK(cache.get(s2, 123, false));
  cache.put(s2, 124, false, two);
  CHECK_FALSE(cache.get(s2, 6, true));
  CHECK(cache.get(s2, 124, false));
}

TEST_CASE("lists of one type share the adjacency cache's budget and state", "[cache]") {
  using State = AdjacencyCache::State;
  AdjacencyCache cache(4096);  // a type's list may take a quarter: 29 edges
  State s1{10, 1}, s2{11, 1};
  std::vector<Edge> two{{1, 5, 6, 7}, {2, 8, 6, 7}};
  CHECK(cache.fits_type(29));
  CHECK_FALSE(cache.fits_type(30));
  cache.put_type(s1, 7, two);
  REQUIRE(cache.get_type(s1, 7));
  CHECK(cache.get_type(s1, 7)->size() == 2);
  CHECK(cache.get_type(s1, 7)->back().start == 8);
  CHECK_FALSE(cache.get_type(s1, 8));   // another type
  CHECK_FALSE(cache.get(s1, 7, true));  // a node's list is another thing
  CHECK_FALSE(cache.get_type(s2, 7));   // another state
  cache.put_type(s1, 9, std::vector<Edge>(30));
  CHECK_FALSE(cache.get_type(s1, 9));  // over a quarter of the budget

  cache.put(s2, 5, true, two);  // a newer state drops the type lists too
  CHECK_FALSE(cache.get_type(s1, 7));
  cache.put_type(s1, 7, two);  // an older snapshot never fills it
  CHECK_FALSE(cache.get_type(s1, 7));
  cache.put_type(s2, 7, two);
  CHECK(cache.get_type(s2, 7));
  // Two 29-edge lists (2 x 1024 bytes) and the rest: the budget counts both kinds.
  cache.put_type(s2, 10, std::vector<Edge>(29));
  cache.put_type(s2, 11, std::vector<Edge>(29));
  CHECK(cache.get_type(s2, 10));
  CHECK(cache.get(s2, 5, true));
  cache.put_type(s2, 12, std::vector<Edge>(29));  // 3,392 bytes in all
  cache.put_type(s2, 13, std::vector<Edge>(29));  // 4,416 > 4,096: starts over
  CHECK_FALSE(cache.get(s2, 5, true));
  CHECK(cache.get_type(s2, 13));
}
