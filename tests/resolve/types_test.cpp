// Cross-document resolution when documents disagree on an entity's type, and symmetric
// predicates stored once (storage/facts.cpp, Fact::symmetric), through the public API.
#include <catch2/catch.hpp>

#include "quarry/database.h"
#include "storage/temp_db.h"

using namespace quarry;

namespace {

Fact fact(EntityRef s, std::string p, EntityRef o, bool symmetric = false) {
  Fact f;
  f.subject = std::move(s);
  f.predicate = p;
  f.text = p;
  f.object = std::move(o);
  f.symmetric = symmetric;
  f.mention.extractor = "test";
  return f;
}

std::vector<Row> rows(Database& db, const std::string& q) {
  auto r = db.query(q);
  REQUIRE(r.ok());
  auto all = r->fetch_all();
  REQUIRE(all.ok());
  return *all;
}

void add(Database& db, const std::string& id, const std::vector<Fact>& facts) {
  REQUIRE(db.add_document(Document{id, id, "Wire", "", "text of " + id}, facts).ok());
}

const EntityRef kHarbour{"Sorel Harbour", "Place"};

}  // namespace

TEST_CASE("types across documents: a typed mention wins over Other, either order") {
  testing::TempDir dir;
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  Database& d = **db;
  // The recogniser missed Amara Osei in the first document, found her in the second.
  add(d, "a", {fact({"Amara Osei", "Other"}, "visit", kHarbour)});
  add(d, "b", {fact({"Amara Osei", "Person", {"Osei"}}, "leave", kHarbour)});
  // And the other way round: typed first, Other later.
  add(d, "c", {fact({"Tomas Varga", "Person"}, "visit", kHarbour)});
  add(d, "d", {fact({"Tomas Varga", "Other"}, "leave", kHarbour)});

  auto people = rows(d,
                     "MATCH (p) WHERE p.name IN ['Amara Osei', 'Tomas Varga'] "
                     "RETURN p.name, labels(p), p.merges ORDER BY p.name");
  REQUIRE(people.size() == 2);
  CHECK(people[0][1] == Value(List{Value("Person")}));
  CHECK(people[0][2] ==
        Value(List{Value("'Amara Osei': typed Person here, Other before (a typed mention wins "
                         "over Other)")}));
  CHECK(people[1][1] == Value(List{Value("Person")}));
  CHECK(people[1][2] ==
        Value(List{Value("'Tomas Varga': typed Other here, joins the one typed entity of that "
                         "name")}));
  auto visits = rows(d,
                     "MATCH (p:Person)-[r]->(:Place) RETURN p.name, type(r) ORDER BY p.name, "
                     "type(r)");
  CHECK(visits.size() == 4);
  CHECK(rows(d, "MATCH (n:Other) RETURN n").empty());
  auto report = d.check();
  REQUIRE(report.ok());
  CHECK(report->problems == std::vector<std::string>{});
}

TEST_CASE("types across documents: two specific types stay apart, and so does an ambiguous Other") {
  testing::TempDir dir;
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  Database& d = **db;
  add(d, "a", {fact({"Jordan", "Person"}, "visit", kHarbour)});
  add(d, "b", {fact({"Jordan", "Place"}, "border", {"Sorel", "Place"})});
  CHECK(rows(d, "MATCH (n {name: 'Jordan'}) RETURN n").size() == 2);

  // Two people answer to "Okafor"; a bare Other "Okafor" joins neither.
  add(d, "c",
      {fact({"Ada Okafor", "Person", {"Okafor"}}, "meet", {"Ben Okafor", "Person", {"Okafor"}})});
  add(d, "d", {fact({"Okafor", "Other"}, "leave", kHarbour)});
  auto okafor = rows(d, "MATCH (n {name: 'Okafor'}) RETURN labels(n)");
  REQUIRE(okafor.size() == 1);
  CHECK(okafor[0][0] == Value(List{Value("Other")}));
}

TEST_CASE("symmetric facts: both directions are one relationship, found once undirected") {
  testing::TempDir dir;
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  Database& d = **db;
  EntityRef lin{"Mei Lin", "Person"}, rossi{"Marco Rossi", "Person"};
  add(d, "a", {fact(lin, "meet", rossi, true)});
  add(d, "b", {fact(rossi, "meet", lin, true), fact(rossi, "thank", lin)});
  add(d, "c", {fact(lin, "meet", rossi, true)});

  auto met = rows(d, "MATCH ({name: 'Mei Lin'})-[r:meet]-(x) RETURN x.name, r.symmetric");
  REQUIRE(met.size() == 1);
  CHECK(met[0][0] == Value("Marco Rossi"));
  CHECK(met[0][1] == Value(true));
  CHECK(rows(d, "MATCH ({name: 'Marco Rossi'})-[r:meet]-(x) RETURN x").size() == 1);
  CHECK(rows(d, "MATCH ()-[r:meet]->() RETURN r").size() == 1);
  auto sources = rows(d,
                      "MATCH ()-[r:meet]->() CALL quarry.mentions(r) YIELD doc RETURN doc "
                      "ORDER BY doc");
  REQUIRE(sources.size() == 3);
  CHECK(sources[1][0] == Value("b"));
  // A directed predicate keeps its direction and gets no marker.
  auto thanked = rows(d, "MATCH (a)-[r:thank]->(b) RETURN a.name, b.name, r.symmetric");
  REQUIRE(thanked.size() == 1);
  CHECK(thanked[0][0] == Value("Marco Rossi"));
  CHECK(thanked[0][2].is_null());

  // Removing the documents one by one keeps the fact until its last mention goes.
  REQUIRE(d.remove_document("a").ok());
  REQUIRE(d.remove_document("b").ok());
  CHECK(rows(d, "MATCH ()-[r:meet]-() RETURN r").size() == 2);  // one rel, both ways round
  REQUIRE(d.remove_document("c").ok());
  CHECK(rows(d, "MATCH ()-[r:meet]-() RETURN r").empty());
  auto report = d.check();
  REQUIRE(report.ok());
  CHECK(report->problems == std::vector<std::string>{});
}
