// The node-property cache shared by snapshots (storage/prop_cache.h): a snapshot never
// reads a value of another database state, whether the change came from this process's
// writes or, for a read-only instance, from the writer it follows.
#include <catch2/catch.hpp>

#include "storage/reader.h"
#include "storage/store.h"
#include "storage/temp_db.h"
#include "storage/writer.h"

using namespace quarry;
using namespace quarry::storage;

namespace {

std::string name_of(GraphSnapshot& s, NodeId n) {
  auto v = s.node_property(n, "name");
  return v && v->kind() == ValueKind::kString ? v->as_string() : "<none>";
}

NodeId make_node(std::shared_ptr<Store> store, const std::string& name) {
  Writer w(store);
  auto id = w.create_node({}, {{"name", Value(name)}});
  REQUIRE(id.ok());
  REQUIRE(w.commit().ok());
  return *id;
}

void rename(std::shared_ptr<Store> store, NodeId n, const Value& name) {
  Writer w(store);
  REQUIRE(w.set_node_property(n, "name", name).ok());
  REQUIRE(w.commit().ok());
}

}  // namespace

TEST_CASE("cached node properties follow writes and keep old snapshots old", "[cache]") {
  testing::TempDir dir;
  auto store = Store::open(dir.path(), {});
  REQUIRE(store.ok());
  NodeId a = make_node(*store, "Ada");
  Snapshot first(*store);
  CHECK(name_of(first, a) == "Ada");
  CHECK(name_of(first, a) == "Ada");  // now from the cache
  rename(*store, a, Value("Ada B"));
  Snapshot second(*store);
  CHECK(name_of(second, a) == "Ada B");
  CHECK(name_of(first, a) == "Ada");  // the older snapshot still reads its own state
  CHECK(name_of(second, a) == "Ada B");
  rename(*store, a, Value());  // removes the property
  Snapshot third(*store);
  CHECK(name_of(third, a) == "<none>");
  {
    Writer w(*store);
    REQUIRE(w.delete_node(a, true).ok());
    REQUIRE(w.commit().ok());
  }
  Snapshot fourth(*store);
  CHECK(name_of(fourth, a) == "<none>");
  CHECK(name_of(second, a) == "Ada B");
}

TEST_CASE("a read-only instance's cache follows the writer's commits", "[cache]") {
  testing::TempDir dir;
  auto writer = Store::open(dir.path(), {});
  REQUIRE(writer.ok());
  NodeId a = make_node(*writer, "Ada");
  OpenOptions ro;
  ro.read_only = true;
  auto reader = Store::open(dir.path(), ro);
  REQUIRE(reader.ok());
  {
    Snapshot s(*reader);
    CHECK(name_of(s, a) == "Ada");
    CHECK(name_of(s, a) == "Ada");
  }
  rename(*writer, a, Value("Ada C"));
  Snapshot s(*reader);
  CHECK(name_of(s, a) == "Ada C");
}

TEST_CASE("type names are shared by snapshots once committed, never from a transaction",
          "[cache]") {
  testing::TempDir dir;
  auto store = Store::open(dir.path(), {});
  REQUIRE(store.ok());
  NodeId a = make_node(*store, "Pavel Dremin");
  NodeId b = make_node(*store, "Ana Velasco");
  uint64_t meets = 0;
  {
    Writer w(*store);
    REQUIRE(w.create_rel(a, "meets", b, {}).ok());
    meets = *w.type_id("meets");
    REQUIRE(w.commit().ok());
  }
  Snapshot first(*store);
  CHECK(first.type_name(meets) == "meets");
  Snapshot second(*store);
  CHECK(second.type_name(meets) == "meets");  // now from the Store's cache
  uint64_t dropped = 0;
  {
    Writer w(*store);  // never committed: its new type must not reach the cache
    REQUIRE(w.create_rel(a, "visits", b, {}).ok());
    dropped = *w.type_id("visits");
    CHECK(w.type_name(dropped) == "visits");
  }
  Snapshot third(*store);
  CHECK(third.type_name(dropped).empty());
  {
    Writer w(*store);
    REQUIRE(w.create_rel(b, "greets", a, {}).ok());
    uint64_t greets = *w.type_id("greets");
    REQUIRE(w.commit().ok());
    Snapshot fourth(*store);
    CHECK(fourth.type_name(greets) == "greets");
    CHECK(fourth.type_name(meets) == "meets");
  }
}

TEST_CASE("the property cache finds every entry it holds and starts over when full", "[cache]") {
  PropCache cache(3000);
  PropCache::State s{7, 1};
  for (uint64_t n = 1; n <= 3000; ++n) {
    cache.put(s, n * 1024, n % 3, n % 5 ? std::optional<Value>(Value(int64_t(n))) : std::nullopt);
  }
  size_t hits = 0, absent = 0;
  for (uint64_t n = 1; n <= 3000; ++n) {
    auto hit = cache.get(s, n * 1024, n % 3);
    REQUIRE(hit);
    if (*hit) {
      CHECK((*hit)->as_int() == int64_t(n));
      ++hits;
    } else {
      ++absent;
    }
    CHECK_FALSE(cache.get(s, n * 1024, (n + 1) % 3));
  }
  CHECK(hits == 2400);
  CHECK(absent == 600);
  cache.put(s, 5, 0, Value("Oskar Lind"));  // the 3001st: a full cache starts over
  CHECK_FALSE(cache.get(s, 1024, 1));
  REQUIRE(cache.get(s, 5, 0));
  CHECK((*cache.get(s, 5, 0))->as_string() == "Oskar Lind");
  cache.put(s, 5, 0, Value("Mei Ruolan"));  // replaces
  CHECK((*cache.get(s, 5, 0))->as_string() == "Mei Ruolan");
}
