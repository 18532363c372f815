// Resolved entities and mention qualifiers through the public API: aliases and merge
// reasons on nodes, cross-document resolution through the alias index, qualifiers yielded
// by quarry.mentions, and a consistent `check`.
#include <catch2/catch.hpp>

#include "quarry/database.h"
#include "storage/temp_db.h"

using namespace quarry;

namespace {

Fact fact(EntityRef s, std::string p, EntityRef o) {
  Fact f;
  f.subject = std::move(s);
  f.predicate = p;
  f.text = p;
  f.object = std::move(o);
  f.mention.extractor = "test";
  return f;
}

std::vector<std::vector<Value>> rows(Database& db, const std::string& q) {
  auto r = db.query(q);
  REQUIRE(r.ok());
  auto all = r->fetch_all();
  REQUIRE(all.ok());
  std::vector<std::vector<Value>> out;
  for (const auto& row : *all) out.push_back(std::vector<Value>(row.begin(), row.end()));
  return out;
}

}  // namespace

TEST_CASE("aliases, merge reasons and qualifiers are stored and found across documents") {
  testing::TempDir dir;
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  Database& d = **db;

  EntityRef shoigu{"Sergei Shoigu",
                   "Person",
                   {"Shoigu", "Defense Minister Shoigu"},
                   {"'Shoigu': surname of 'Sergei Shoigu'"}};
  EntityRef kim{"Kim Jong Un", "Person", {"Kim"}, {"'Kim': surname of 'Kim Jong Un'"}};
  Fact met = fact(shoigu, "meet", kim);
  met.mention.qualifiers = Map{{"negated", Value(false)},
                               {"time", Value("2023-07-26")},
                               {"recipient", Value("Kim Jong Un")}};
  REQUIRE(d.add_document(Document{"a", "A", "Wire", "2023-07-27", "Shoigu met Kim."}, {met}).ok());

  // Another outlet names him by surname only, spells the leader differently, and mentions
  // a different Kim whose bare surname must not pull her onto Kim Jong Un's node.
  EntityRef surname{"Shoigu", "Person", {}, {}};
  EntityRef variant{"Kim Jong-un", "Person", {}, {}};
  EntityRef sister{"Kim Yo Jong", "Person", {"Kim"}, {"'Kim': surname of 'Kim Yo Jong'"}};
  Fact thanked = fact(variant, "thank", surname);
  thanked.mention.qualifiers = Map{{"hedged", Value(true)}, {"attribution", Value("KCNA")}};
  REQUIRE(d.add_document(Document{"b", "B", "Post", "", "Kim thanked Shoigu. Kim Yo Jong spoke."},
                         {thanked, fact(sister, "criticise", EntityRef{"Seoul", "Place", {}, {}})})
              .ok());

  // A transliteration variant finds the node through the caller's variants.
  EntityRef sergey{"Sergey Shoigu", "Person", {}, {}, {"Sergei Shoigu"}};
  REQUIRE(d.add_document(Document{"c", "C", "Times", "", "Sergey Shoigu left."},
                         {fact(sergey, "leave", EntityRef{"Pyongyang", "Place", {}, {}})})
              .ok());

  auto people = rows(d, "MATCH (p:Person) RETURN p.name ORDER BY p.name");
  REQUIRE(people.size() == 3);
  CHECK(people[0][0] == Value("Kim Jong Un"));
  CHECK(people[1][0] == Value("Kim Yo Jong"));
  CHECK(people[2][0] == Value("Sergei Shoigu"));

  auto node = rows(d, "MATCH (p {name: 'Sergei Shoigu'}) RETURN p.aliases, p.merges");
  REQUIRE(node.size() == 1);
  CHECK(node[0][0] ==
        Value(List{Value("Shoigu"), Value("Defense Minister Shoigu"), Value("Sergey Shoigu")}));
  CHECK(node[0][1] == Value(List{Value("'Shoigu': surname of 'Sergei Shoigu'")}));

  auto lookup =
      rows(d, "CALL quarry.lookup('Defense Minister Shoigu') YIELD node RETURN node.name");
  REQUIRE(lookup.size() == 1);
  CHECK(lookup[0][0] == Value("Sergei Shoigu"));

  auto m = rows(d,
                "MATCH (:Person {name: 'Kim Jong Un'})-[r:thank]->() CALL quarry.mentions(r) "
                "YIELD doc, source, negated, hedged, attribution, time RETURN doc, source, "
                "negated, hedged, attribution, time");
  REQUIRE(m.size() == 1);
  CHECK(m[0][0] == Value("b"));
  CHECK(m[0][1] == Value("Post"));
  CHECK(m[0][2] == Value(false));
  CHECK(m[0][3] == Value(true));
  CHECK(m[0][4] == Value("KCNA"));
  CHECK(m[0][5].is_null());

  auto q = rows(d,
                "MATCH ()-[r:meet]->() CALL quarry.mentions(r) YIELD time, qualifiers "
                "RETURN time, qualifiers.recipient");
  REQUIRE(q.size() == 1);
  CHECK(q[0][0] == Value("2023-07-26"));
  CHECK(q[0][1] == Value("Kim Jong Un"));

  // Re-adding the same document is a no-op; the store stays consistent.
  auto again = d.add_document(Document{"a", "A", "Wire", "2023-07-27", "Shoigu met Kim."}, {met});
  REQUIRE(again.ok());
  CHECK(again->documents_unchanged == 1);
  auto report = d.check();
  REQUIRE(report.ok());
  CHECK(report->problems == std::vector<std::string>{});
}
