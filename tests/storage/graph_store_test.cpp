// The GraphSnapshot / GraphTransaction implementation over RocksDB: the eight triple
// patterns, reading your own writes, and commit-or-nothing.
#include <catch2/catch.hpp>

#include <set>

#include "storage/graph.h"
#include "storage/store.h"
#include "storage/temp_db.h"
#include "storage/writer.h"

using namespace quarry;
using namespace quarry::storage;

namespace {

template <typename T>
T val(Result<T> r) {
  REQUIRE(r.ok());
  return r.value();
}

struct Graph {
  testing::TempDir dir;
  std::shared_ptr<Store> store;
  NodeId a = 0, b = 0, c = 0;
  uint64_t knows = 0, likes = 0;
  RelId ab_knows = 0, ab_likes = 0, bc_knows = 0, ca_likes = 0, ab_knows2 = 0;

  Graph() {
    auto s = Store::open(dir.path(), {});
    REQUIRE(s.ok());
    store = *s;
    Writer w(store);
    a = val(w.create_node({"Person"}, {{"name", "Ada"}}));
    b = val(w.create_node({"Person"}, {{"name", "Ben"}}));
    c = val(w.create_node({"Place"}, {{"name", "Cove"}}));
    ab_knows = val(w.create_rel(a, "knows", b, {}));
    ab_likes = val(w.create_rel(a, "likes", b, {{"since", 2020}}));
    bc_knows = val(w.create_rel(b, "knows", c, {}));
    ca_likes = val(w.create_rel(c, "likes", a, {}));
    ab_knows2 = val(w.create_rel(a, "knows", b, {}));  // CREATE allows parallel relationships
    REQUIRE(w.commit().ok());
    Snapshot snap(store);
    knows = *snap.type_id("knows");
    likes = *snap.type_id("likes");
  }
};

std::set<RelId> rels(const std::function<Status(const Visitor<Edge>&)>& scan) {
  std::set<RelId> out;
  REQUIRE(scan([&](const Edge& e) {
            out.insert(e.rel);
            return true;
          }).ok());
  return out;
}

}  // namespace

TEST_CASE("all eight triple patterns are answered", "[graph]") {
  Graph g;
  Snapshot s(g.store);
  using D = Direction;
  // (?, ?, ?)
  CHECK(rels([&](auto& v) { return s.scan_rels(std::nullopt, v); }) ==
        std::set<RelId>{g.ab_knows, g.ab_likes, g.bc_knows, g.ca_likes, g.ab_knows2});
  // (s, ?, ?)
  CHECK(rels([&](auto& v) { return s.expand(g.a, D::kOut, std::nullopt, v); }) ==
        std::set<RelId>{g.ab_knows, g.ab_likes, g.ab_knows2});
  // (?, p, ?)
  CHECK(rels([&](auto& v) { return s.scan_rels(g.likes, v); }) ==
        std::set<RelId>{g.ab_likes, g.ca_likes});
  // (?, ?, o)
  CHECK(rels([&](auto& v) { return s.expand(g.a, D::kIn, std::nullopt, v); }) ==
        std::set<RelId>{g.ca_likes});
  // (s, p, ?)
  CHECK(rels([&](auto& v) { return s.expand(g.a, D::kOut, g.knows, v); }) ==
        std::set<RelId>{g.ab_knows, g.ab_knows2});
  // (?, p, o)
  CHECK(rels([&](auto& v) { return s.expand(g.c, D::kIn, g.knows, v); }) ==
        std::set<RelId>{g.bc_knows});
  // (s, ?, o)
  CHECK(rels([&](auto& v) { return s.edges_between(g.a, g.b, D::kOut, std::nullopt, v); }) ==
        std::set<RelId>{g.ab_knows, g.ab_likes, g.ab_knows2});
  // (s, p, o)
  CHECK(rels([&](auto& v) { return s.edges_between(g.a, g.b, D::kOut, g.likes, v); }) ==
        std::set<RelId>{g.ab_likes});
  // Both directions and the reverse pair.
  CHECK(rels([&](auto& v) { return s.expand(g.a, D::kBoth, std::nullopt, v); }).size() == 4);
  CHECK(rels([&](auto& v) { return s.edges_between(g.b, g.a, D::kIn, std::nullopt, v); }).size() ==
        3);
  CHECK(rels([&](auto& v) { return s.edges_between(g.b, g.a, D::kOut, std::nullopt, v); }).empty());
}

TEST_CASE("records, labels and statistics read back", "[graph]") {
  Graph g;
  Snapshot s(g.store);
  auto a = s.node(g.a);
  REQUIRE(a);
  CHECK(a->labels == std::vector<std::string>{"Person"});
  REQUIRE(find(a->properties, "name"));
  CHECK(*find(a->properties, "name") == Value("Ada"));
  auto r = s.rel(g.ab_likes);
  REQUIRE(r);
  CHECK((r->start == g.a && r->end == g.b && r->type == "likes"));
  CHECK(*find(r->properties, "since") == Value(2020));
  CHECK_FALSE(s.node(999).has_value());
  CHECK(s.node_count(std::nullopt) == 3);
  CHECK(s.node_count("Person") == 2);
  CHECK(s.rel_count(std::nullopt) == 5);
  CHECK(s.rel_count(g.knows) == 3);
  CHECK(s.degree(g.a, Direction::kOut) == 3);
  CHECK(s.degree(g.a, Direction::kBoth) == 4);
  CHECK(s.labels().front() == std::pair<std::string, uint64_t>{"Person", 2});
  CHECK(s.type_name(g.likes) == "likes");
  std::vector<NodeId> people;
  REQUIRE(s.scan_nodes("Person", [&](NodeId n) {
             people.push_back(n);
             return true;
           }).ok());
  CHECK(people == std::vector<NodeId>{g.a, g.b});
  std::vector<NodeId> named;
  REQUIRE(s.find_nodes("name", Value("Cove"), [&](NodeId n) {
             named.push_back(n);
             return true;
           }).ok());
  CHECK(named == std::vector<NodeId>{g.c});
}

TEST_CASE("a transaction reads its own writes and commits all or nothing", "[graph]") {
  Graph g;
  {
    Writer w(g.store);
    auto d = w.create_node({"Person"}, {{"name", "Dee"}});
    REQUIRE(d.ok());
    REQUIRE(w.create_rel(*d, "knows", g.a, {}).ok());
    CHECK(w.node_count(std::nullopt) == 4);
    CHECK(w.degree(g.a, Direction::kIn) == 2);
    CHECK(rels([&](auto& v) { return w.expand(*d, Direction::kOut, std::nullopt, v); }).size() ==
          1);
    REQUIRE(w.set_node_property(g.a, "name", Value("Adaline")).ok());
    CHECK(*find(w.node(g.a)->properties, "name") == Value("Adaline"));
    // dropped without commit
  }
  Snapshot s(g.store);
  CHECK(s.node_count(std::nullopt) == 3);
  CHECK(*find(s.node(g.a)->properties, "name") == Value("Ada"));
  CHECK(s.degree(g.a, Direction::kIn) == 1);
}

TEST_CASE("a snapshot does not see later commits", "[graph]") {
  Graph g;
  Snapshot before(g.store);
  {
    Writer w(g.store);
    REQUIRE(w.delete_node(g.c, true).ok());
    REQUIRE(w.commit().ok());
  }
  CHECK(before.node(g.c).has_value());
  CHECK(before.rel_count(std::nullopt) == 5);
  Snapshot after(g.store);
  CHECK_FALSE(after.node(g.c).has_value());
  CHECK(after.rel_count(std::nullopt) == 3);
  CHECK(after.degree(g.a, Direction::kIn) == 0);
}

TEST_CASE("deleting a node with relationships needs detach", "[graph]") {
  Graph g;
  Writer w(g.store);
  auto s = w.delete_node(g.b, false);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == ErrorCode::kRuntimeError);
  REQUIRE(w.delete_rel(g.bc_knows).ok());
  REQUIRE(w.remove_label(g.a, "Person").ok());
  REQUIRE(w.add_label(g.a, "Agent").ok());
  REQUIRE(w.commit().ok());
  Snapshot snap(g.store);
  CHECK(snap.node_count("Person") == 1);
  CHECK(snap.node_count("Agent") == 1);
  CHECK(snap.rel_count(g.knows) == 2);
}
