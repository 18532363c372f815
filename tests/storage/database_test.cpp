// Database over RocksDB: provenance merge and support, documents, retraction, atomicity,
// check and import.
#include <catch2/catch.hpp>

#include <fstream>

#include "quarry/database.h"
#include "storage/database_impl.h"
#include "storage/temp_db.h"

using namespace quarry;
using namespace quarry::storage;

namespace {

Fact fact(std::string s, std::string p, std::string o, std::string doc = {}, double conf = 1.0,
          std::string type = "Person") {
  Fact f;
  f.subject = {std::move(s), type};
  f.predicate = p;
  f.object = {std::move(o), type};
  f.text = p;
  f.mention.doc = std::move(doc);
  f.mention.confidence = conf;
  f.mention.extractor = "test";
  return f;
}

// A database plus direct access to its store for inspection.
struct Db {
  testing::TempDir dir;
  std::shared_ptr<Store> store;
  std::unique_ptr<DatabaseImpl> db;
  Db() { reopen(); }
  void reopen() {
    db.reset();
    store.reset();
    auto s = Store::open(dir.path(), {});
    REQUIRE(s.ok());
    store = *s;
    db = std::make_unique<DatabaseImpl>(store);
  }
  Stats stats() {
    auto st = db->stats();
    REQUIRE(st.ok());
    return *st;
  }
  void consistent() {
    auto report = db->check();
    REQUIRE(report.ok());
    std::string all;
    for (const auto& p : report->problems) all += p + "\n";
    INFO(all);
    REQUIRE(report->ok());
  }
  // Properties of the relationship subject -type-> object (which must be unique).
  std::optional<Map> rel_props(const std::string& s, const std::string& type,
                               const std::string& o) {
    Snapshot snap(store);
    std::optional<Map> out;
    auto node = [&](const std::string& name) {
      NodeId id = 0;
      REQUIRE(snap.find_nodes("name", Value(name),
                              [&](NodeId n) {
                                id = n;
                                return false;
                              })
                  .ok());
      return id;
    };
    auto t = snap.type_id(type);
    if (!t) return out;
    REQUIRE(snap.edges_between(node(s), node(o), Direction::kOut, *t,
                               [&](const Edge& e) {
                                 out = snap.rel(e.rel)->properties;
                                 return false;
                               })
                .ok());
    return out;
  }
};

Value prop(const std::optional<Map>& m, const char* key) {
  REQUIRE(m);
  const Value* v = find(*m, key);
  return v ? *v : Value();
}

}  // namespace

TEST_CASE("one fact from several documents is one relationship with support", "[db]") {
  Db d;
  auto w = d.db->add_facts({fact("Ada Park", "meet", "Ben Ortiz", "r1", 0.5),
                            fact("Ada Park", "meet", "Ben Ortiz", "r2", 0.9),
                            fact("ada park", "meet", "Ben Ortiz", "r2", 0.7),
                            fact("Ben Ortiz", "call", "Cleo Ruiz", "r2")});
  REQUIRE(w.ok());
  CHECK(w->facts_added == 2);
  CHECK(w->mentions_added == 4);
  CHECK(w->entities_added == 3);
  auto st = d.stats();
  CHECK(st.nodes == 3);
  CHECK(st.relationships == 2);
  CHECK(st.mentions == 4);
  CHECK(st.predicates.size() == 2);
  CHECK(st.labels == std::vector<std::pair<std::string, uint64_t>>{{"Person", 3}});
  auto meet = d.rel_props("Ada Park", "meet", "Ben Ortiz");
  CHECK(prop(meet, "support") == Value(2));
  CHECK(prop(meet, "confidence") == Value(0.9));  // the maximum over mentions
  CHECK(prop(meet, "text") == Value("meet"));
  // The second spelling became an alias, and every spelling finds the entity.
  Snapshot snap(d.store);
  std::vector<std::pair<NodeId, double>> hits;
  REQUIRE(snap.lookup("ADA-PARK",
                      [&](const auto& h) {
                        hits.push_back(h);
                        return true;
                      })
              .ok());
  REQUIRE(hits.size() == 1);
  auto node = snap.node(hits[0].first);
  CHECK(prop(node->properties, "aliases") == Value(List{"ada park"}));
  size_t count = 0;
  REQUIRE(snap.mentions(snap.rel(1)->id,
                        [&](const MentionRecord& m) {
                          CHECK(m.extractor == "test");
                          ++count;
                          return true;
                        })
              .ok());
  CHECK(count == 3);
  d.consistent();
}

TEST_CASE("Kim Jong-un finds Kim Jong Un and the type keeps entities apart", "[db]") {
  Db d;
  REQUIRE(d.db->add_facts({fact("Kim Jong Un", "meet", "Sergei Shoigu"),
                           fact("Kim Jong-un", "visit", "Pyongyang", {}, 1.0, "")})
              .ok());
  CHECK(d.stats().nodes == 3);  // the untyped mention resolved to the Person
  Fact host = fact("Pyongyang", "host", "Kim Jong Un");
  host.subject.type = "Place";
  REQUIRE(d.db->add_facts({host}).ok());
  // A typed Place takes over the untyped (Other) Pyongyang: a typed mention wins over
  // Other (docs/data-model.md); the Person is found again.
  CHECK(d.stats().nodes == 3);
  CHECK(d.stats().labels ==
        std::vector<std::pair<std::string, uint64_t>>{{"Person", 2}, {"Place", 1}});
  d.consistent();
}

TEST_CASE("documents: identical re-add, changed re-add and removal", "[db]") {
  Db d;
  Document doc{"wire-1", "Talks", "Harbour Wire", "2024-05-01", "Ada met Ben. Ben called Cleo."};
  auto first = d.db->add_document(doc, {fact("Ada", "meet", "Ben"), fact("Ben", "call", "Cleo")});
  REQUIRE(first.ok());
  CHECK(first->documents_added == 1);
  REQUIRE(d.db->add_facts({fact("Ada", "meet", "Ben", "wire-2")}).ok());
  auto again = d.db->add_document(doc, {fact("Ada", "meet", "Ben"), fact("Ben", "call", "Cleo")});
  REQUIRE(again.ok());
  CHECK(again->documents_unchanged == 1);
  CHECK(again->mentions_added == 0);
  CHECK(d.stats().mentions == 3);
  CHECK(d.stats().documents == 1);
  CHECK(prop(d.rel_props("Ada", "meet", "Ben"), "support") == Value(2));

  // Changed text: the old mentions go; "call" loses its only support and is retracted.
  doc.text = "Ada met Ben again.";
  auto changed = d.db->add_document(doc, {fact("Ada", "meet", "Ben")});
  REQUIRE(changed.ok());
  CHECK(changed->documents_added == 1);
  CHECK(d.stats().relationships == 1);
  CHECK(d.stats().mentions == 2);
  CHECK_FALSE(d.rel_props("Ben", "call", "Cleo"));
  d.consistent();

  // Removing wire-1 leaves the fact supported by wire-2 alone.
  REQUIRE(d.db->remove_document("wire-1").ok());
  CHECK(d.stats().relationships == 1);
  CHECK(d.stats().documents == 0);
  CHECK(prop(d.rel_props("Ada", "meet", "Ben"), "support") == Value(1));
  REQUIRE(d.db->remove_document("wire-2").ok());
  CHECK(d.stats().relationships == 0);
  CHECK(d.stats().mentions == 0);
  CHECK(d.db->remove_document("wire-2").code() == ErrorCode::kNotFound);
  d.consistent();
}

TEST_CASE("a batch failing half-way leaves nothing", "[db]") {
  Db d;
  REQUIRE(d.db->add_facts({fact("Ada", "meet", "Ben")}).ok());
  auto bad = d.db->add_facts(
      {fact("Cleo", "meet", "Dan"), fact("Eve", "call", "Fay"), fact("Gus", "meet", "---")});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code() == ErrorCode::kInvalidArgument);
  CHECK(bad.error().message().find("fact 3") != std::string::npos);
  auto st = d.stats();
  CHECK(st.nodes == 2);
  CHECK(st.relationships == 1);
  CHECK(st.mentions == 1);
  d.consistent();
  // Nothing of the failed batch survives a reopen either.
  d.reopen();
  CHECK(d.stats().nodes == 2);
  d.consistent();
}

TEST_CASE("check names a planted inconsistency", "[db]") {
  Db d;
  REQUIRE(d.db->add_facts({fact("Ada", "meet", "Ben"), fact("Ben", "call", "Cleo")}).ok());
  d.consistent();
  // An SPO entry for a relationship that does not exist, written behind Quarry's back.
  char quad[keys::kMaxQuadSize];
  size_t quad_size = keys::encode_quad(keys::Order::kSpo, keys::Triple{1, 2, 3, 77}, quad);
  REQUIRE(
      d.store->db()->Put({}, d.store->cf(keys::kSpo), rocksdb::Slice(quad, quad_size), "").ok());
  // And a degree counter that is off by one.
  REQUIRE(
      d.store->db()
          ->Merge({}, d.store->cf(keys::kStats), keys::stat_degree_key(true, 1), keys::i64_value(1))
          .ok());
  auto report = d.db->check();
  REQUIRE(report.ok());
  CHECK_FALSE(report->ok());
  std::string all;
  for (const auto& p : report->problems) all += p + "\n";
  INFO(all);
  CHECK(all.find("spo: entry (1, 2, 3) of relationship 77 disagrees with rels") !=
        std::string::npos);
  CHECK(all.find("spo: 3 entries for 2 relationships") != std::string::npos);
  CHECK(all.find("the out-degree of node 1 is 2 but the recount is 1") != std::string::npos);
}

TEST_CASE("import reports bad lines, and both paths agree", "[db][import]") {
  testing::TempDir files;
  std::string path = files.file("facts.tsv");
  {
    std::ofstream out(path);
    out << "Ada\tmeet\tBen\td1\t0.5\n"
        << "Ada\tmeet\n"
        << "Ben\tcall\tCleo\n"
        << "Ada\tmeet\tBen\td2\t0.8\n"
        << "Ada\tmeet\tBen\td1\t0.5\n"  // an identical mention is not repeated
        << "Cleo\tvisit\t...\n";
  }
  ImportOptions opts;
  opts.display_name = "facts.tsv";
  for (int populated = 0; populated < 2; ++populated) {
    Db d;
    if (populated) REQUIRE(d.db->add_facts({fact("Zed", "know", "Yan")}).ok());
    auto r = d.db->import(path, opts);
    REQUIRE(r.ok());
    REQUIRE(r->bad_lines.size() == 2);
    CHECK(r->bad_lines[0].message() ==
          "facts.tsv:2: expected subject, predicate and object separated by tabs, found 2 fields");
    CHECK(r->bad_lines[1].message() == "facts.tsv:6: entity name '...' has no letters or digits");
    CHECK(r->lines == 6);
    CHECK(r->summary.facts_added == 2);
    CHECK(r->summary.mentions_added == 3);
    auto st = d.stats();
    CHECK(st.relationships == 2u + populated);
    CHECK(st.mentions == 3u + populated);
    auto meet = d.rel_props("Ada", "meet", "Ben");
    CHECK(prop(meet, "support") == Value(2));
    CHECK(prop(meet, "confidence") == Value(0.8));
    d.consistent();
    // Re-importing the same file adds no mentions.
    auto again = d.db->import(path, opts);
    REQUIRE(again.ok());
    CHECK(again->summary.mentions_added == 0);
    CHECK(d.stats().mentions == 3u + populated);
    d.consistent();
    d.reopen();
    CHECK(d.stats().relationships == 2u + populated);
    d.consistent();

    ImportOptions strict = opts;
    strict.strict = true;
    Db e;
    auto failed = e.db->import(path, strict);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message().rfind("facts.tsv:2:", 0) == 0);
    CHECK(e.stats().relationships == 0);
    CHECK(e.stats().nodes == 0);
  }
}

TEST_CASE("a database in an older format is refused with a clear message", "[db]") {
  testing::TempDir dir;
  {
    auto s = Store::open(dir.path(), {});
    REQUIRE(s.ok());
    std::string v(4, '\0');
    keys::put_u32(v.data(), 1);
    REQUIRE((*s)->db()
                ->Put({}, (*s)->cf(keys::kDefault), std::string(keys::kFormatVersionKey), v)
                .ok());
  }
  auto s = Store::open(dir.path(), {});
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code() == ErrorCode::kCorruption);
  CHECK(s.error().message().find("has format version 1, written by an older Quarry; this one "
                                 "reads formats 2 to 3") != std::string::npos);
}

TEST_CASE("import keeps names that only normalise alike apart", "[db][import]") {
  // Regression: "/m/01n4w" and "/m/01n4w_" (two FB15k-237 entities) became one node.
  testing::TempDir files;
  std::string path = files.file("ids.tsv");
  {
    std::ofstream out(path);
    out << "/m/01n4w\tnear\t/m/01n4w_\n/m/01n4w_\tnear\tAda\n/M/01N4W\tnear\tAda\n";
  }
  for (int populated = 0; populated < 2; ++populated) {
    Db d;
    if (populated) REQUIRE(d.db->add_facts({fact("Zed", "know", "Yan")}).ok());
    auto r = d.db->import(path, {});
    REQUIRE(r.ok());
    CHECK(r->bad_lines.empty());
    CHECK(r->summary.entities_added == 4);
    CHECK(r->summary.facts_added == 3);
    CHECK(d.stats().nodes == 4u + 2 * populated);
    CHECK(d.rel_props("/m/01n4w", "near", "/m/01n4w_").has_value());
    CHECK(d.rel_props("/m/01n4w_", "near", "Ada").has_value());
    CHECK_FALSE(d.rel_props("/m/01n4w", "near", "Ada").has_value());
    // The alias index still finds every spelling, the exact name first.
    Snapshot snap(d.store);
    std::vector<std::string> found;
    REQUIRE(snap.lookup("/m/01n4w",
                        [&](const std::pair<NodeId, double>& hit) {
                          found.push_back(snap.node_property(hit.first, "name")->as_string());
                          return true;
                        })
                .ok());
    REQUIRE(found.size() == 3);
    CHECK(found[0] == "/m/01n4w");
    d.consistent();
    // A second import finds the same nodes by their exact names.
    auto again = d.db->import(path, {});
    REQUIRE(again.ok());
    CHECK(again->summary.entities_added == 0);
    CHECK(d.stats().nodes == 4u + 2 * populated);
    d.consistent();
  }
  // With types: one name, two labels, two nodes; a line without a type takes the first.
  std::string typed = files.file("typed.jsonl");
  {
    std::ofstream out(typed);
    out << R"({"subject": {"name": "Ana", "type": "Person"}, "predicate": "visit", "object": "Rome"})"
        << "\n"
        << R"({"subject": {"name": "Ana", "type": "Place"}, "predicate": "near", "object": "Rome"})"
        << "\n"
        << R"({"subject": "Ana", "predicate": "like", "object": "Rome"})"
        << "\n";
  }
  for (int populated = 0; populated < 2; ++populated) {
    Db d;
    if (populated) REQUIRE(d.db->add_facts({fact("Zed", "know", "Yan")}).ok());
    auto r = d.db->import(typed, {});
    REQUIRE(r.ok());
    CHECK(r->bad_lines.empty());
    CHECK(r->summary.entities_added == 3);
    CHECK(d.stats().labels == std::vector<std::pair<std::string, uint64_t>>{
                                  {populated ? "Person" : "Other", populated ? 3 : 1},
                                  {populated ? "Other" : "Person", 1},
                                  {"Place", 1}});
    Snapshot snap(d.store);
    NodeId person = 0;
    REQUIRE(snap.scan_nodes("Person",
                            [&](NodeId n) {
                              if (snap.node_property(n, "name") == Value("Ana")) person = n;
                              return true;
                            })
                .ok());
    REQUIRE(person != 0);
    uint64_t out_edges = 0;
    REQUIRE(snap.expand(person, Direction::kOut, std::nullopt,
                        [&](const Edge&) {
                          ++out_edges;
                          return true;
                        })
                .ok());
    CHECK(out_edges == 2);  // visit, and like (no type: the first node named Ana)
    d.consistent();
  }

  // Facts added through the API (extraction) still merge spellings into one entity.
  Db e;
  REQUIRE(e.db->add_facts({fact("Kim Jong Un", "meet", "Ada"), fact("Kim Jong-un", "meet", "Ada")})
              .ok());
  CHECK(e.stats().nodes == 2);
}

TEST_CASE("the bulk path builds on an emptied database without reusing ids", "[db][import]") {
  Db d;
  REQUIRE(
      d.db->add_facts({fact("Ada", "meet", "Ben", "d1"), fact("Ben", "call", "Cleo", "d1")}).ok());
  {
    Writer w(d.store);  // holds the write lock until the end of this scope
    REQUIRE(w.delete_node(1, true).ok());
    REQUIRE(w.delete_node(2, true).ok());
    REQUIRE(w.delete_node(3, true).ok());
    REQUIRE(w.commit().ok());
  }
  CHECK(d.stats().nodes == 0);
  d.consistent();

  testing::TempDir files;
  std::string path = files.file("more.tsv");
  {
    std::ofstream out(path);
    out << "Dan\tmeet\tEve\td1\nEve\tcall\tDan\td2\t0.4\n";
  }
  auto r = d.db->import(path, {});
  REQUIRE(r.ok());
  CHECK(r->summary.facts_added == 2);
  CHECK(d.stats().nodes == 2);
  CHECK(d.stats().relationships == 2);
  d.consistent();
  Snapshot snap(d.store);
  CHECK_FALSE(snap.node(1).has_value());  // ids of deleted nodes stay unused
  CHECK(snap.node(4).has_value());
  CHECK(prop(d.rel_props("Eve", "call", "Dan"), "confidence") == Value(0.4));
  // After the bulk load the ordinary path merges into the bulk-loaded facts.
  REQUIRE(d.db->add_facts({fact("Dan", "meet", "Eve", "d3", 1.0, "")}).ok());
  CHECK(d.stats().relationships == 2);
  CHECK(prop(d.rel_props("Dan", "meet", "Eve"), "support") == Value(2));
  REQUIRE(d.db->remove_document("d2").ok());
  CHECK(d.stats().relationships == 1);
  d.consistent();
}
