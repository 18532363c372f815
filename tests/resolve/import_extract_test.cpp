// `quarry import` of the JSON Lines `quarry extract` writes (storage/io/jsonl_reader.cpp):
// resolved names, aliases, spans, qualifiers, extra roles, symmetric facts and unresolved
// rows, with no model needed. The real extract -> import round trip is
// tests/ingest/extract_import_test.sh.
#include <catch2/catch.hpp>

#include <fstream>

#include "quarry/database.h"
#include "storage/temp_db.h"

using namespace quarry;

namespace {

std::vector<Row> rows(Database& db, const std::string& q) {
  auto r = db.query(q);
  INFO(q << ": " << (r.ok() ? std::string() : r.error().message()));
  REQUIRE(r.ok());
  auto all = r->fetch_all();
  REQUIRE(all.ok());
  return *all;
}

// Two documents as two map tasks would write them; the old import shape still works.
const char* kLines[] = {
    R"({"doc":"w1","source":"Wire","sentence":1,"span":[40,90],)"
    R"("subject":{"text":"Hart","start":40,"end":44,"type":"Person","name":"Lena Hart",)"
    R"("aliases":["Hart"],"merges":["'Hart': surname of 'Lena Hart'"]},)"
    R"("predicate":"hand","text":"handed","object":{"text":"a letter","type":"Other","name":"letter"},)"
    R"("extra":[{"text":"him","pronoun":true,"role":"recipient","name":"Omar Diallo"}],)"
    R"("qualifiers":{"time":"2031-05-12","time_text":"on Monday","hedged":true},)"
    R"("confidence":0.7,"rule":"svo"})",
    R"({"doc":"w1","sentence":2,"span":[91,120],"subject":{"text":"He","pronoun":true},)"
    R"("predicate":"leave","object":{"text":"Velden"},"confidence":0.9,"unresolved":true})",
    R"({"doc":"w1","sentence":1,"span":[40,90],"subject":{"text":"Hart","name":"Lena Hart",)"
    R"("type":"Person"},"predicate":"meet","text":"met","object":{"text":"Omar Diallo",)"
    R"("name":"Omar Diallo","type":"Person"},"symmetric":true,"confidence":0.9})",
    R"({"doc":"w2","sentence":0,"span":[0,30],"subject":{"text":"Omar Diallo","type":"Person",)"
    R"("name":"Omar Diallo"},"predicate":"meet","text":"met","object":{"text":"Hart",)"
    R"("type":"Person","name":"Hart"},"symmetric":true,"confidence":0.9})",
    R"({"subject": "Lena Hart", "predicate": "visit", "object": {"name": "Velden", "type": "Place"}})",
};

}  // namespace

TEST_CASE("import reads quarry extract's JSON Lines, resolution included") {
  testing::TempDir dir;
  std::string path = dir.file("facts.jsonl");
  {
    std::ofstream out(path);
    for (const char* line : kLines) out << line << "\n";
  }
  auto db = Database::open(dir.file("db"));
  REQUIRE(db.ok());
  Database& d = **db;
  auto report = d.import(path, ImportOptions{});
  REQUIRE(report.ok());
  CHECK(report->bad_lines.empty());
  CHECK(report->lines == 5);

  // "Hart" in w2 is found through the alias w1 recorded; "He" made no node.
  auto people = rows(d, "MATCH (p:Person) RETURN p.name, p.aliases, p.merges ORDER BY p.name");
  REQUIRE(people.size() == 2);
  CHECK(people[0][0] == Value("Lena Hart"));
  CHECK(people[0][1] == Value(List{Value("Hart")}));
  CHECK(people[0][2] == Value(List{Value("'Hart': surname of 'Lena Hart'")}));
  CHECK(people[1][0] == Value("Omar Diallo"));
  CHECK(rows(d, "MATCH (n {name: 'He'}) RETURN n").empty());

  auto hand = rows(d,
                   "MATCH (:Person)-[r:hand]->(x) CALL quarry.mentions(r) YIELD doc, sentence, "
                   "time, qualifiers RETURN x.name, doc, sentence, time, qualifiers.recipient, "
                   "qualifiers.hedged, qualifiers.time_text");
  REQUIRE(hand.size() == 1);
  CHECK(hand[0][0] == Value("letter"));
  CHECK(hand[0][1] == Value("w1"));
  CHECK(hand[0][2] == Value(1));
  CHECK(hand[0][3] == Value("2031-05-12"));
  CHECK(hand[0][4] == Value("Omar Diallo"));
  CHECK(hand[0][5] == Value(true));
  CHECK(hand[0][6] == Value("on Monday"));

  // Both directions of meet are one relationship with two mentions.
  auto met = rows(d,
                  "MATCH ({name: 'Lena Hart'})-[r:meet]-(x) CALL quarry.mentions(r) YIELD doc "
                  "RETURN x.name, r.symmetric, doc ORDER BY doc");
  REQUIRE(met.size() == 2);
  CHECK(met[0][0] == Value("Omar Diallo"));
  CHECK(met[0][1] == Value(true));
  CHECK(met[1][2] == Value("w2"));
  CHECK(rows(d, "MATCH (:Person)-[:visit]->(:Place) RETURN 1").size() == 1);
  auto check = d.check();
  REQUIRE(check.ok());
  CHECK(check->problems == std::vector<std::string>{});
}

TEST_CASE("import: bare triples stay exact identifiers beside resolved extract rows") {
  testing::TempDir dir;
  std::string path = dir.file("mixed.jsonl");
  {
    std::ofstream out(path);
    // An extract row (resolved name + alias), then bare rows whose names only normalise
    // like an existing one: those are identifiers, so they make nodes of their own.
    out << R"({"doc":"w1","subject":{"text":"Hart","type":"Person","name":"Lena Hart",)"
           R"("aliases":["Hart"]},"predicate":"visit","object":{"text":"Velden","name":"Velden"}})"
        << "\n";
    out << R"({"subject": "lena-hart", "predicate": "visit", "object": "Velden"})"
        << "\n";
    out << R"({"subject": "Hart", "predicate": "visit", "object": "Velden"})"
        << "\n";
    // An extract row naming "Hart" joins Lena Hart through her alias.
    out << R"({"doc":"w2","subject":{"text":"Hart","type":"Person","name":"Hart"},)"
           R"("predicate":"leave","object":{"text":"Velden","name":"Velden"}})"
        << "\n";
  }
  auto db = Database::open(dir.file("db"));
  REQUIRE(db.ok());
  REQUIRE((*db)->import(path, ImportOptions{}).ok());
  auto names = rows(**db, "MATCH (n)-[:visit]->() RETURN n.name ORDER BY n.name");
  REQUIRE(names.size() == 3);
  CHECK(names[0][0] == Value("Hart"));
  CHECK(names[1][0] == Value("Lena Hart"));
  CHECK(names[2][0] == Value("lena-hart"));
  auto left = rows(**db, "MATCH (n)-[:leave]->() RETURN n.name");
  REQUIRE(left.size() == 1);
  CHECK(left[0][0] == Value("Lena Hart"));
}

TEST_CASE("import of extract lines: malformed extract fields are file:line errors") {
  testing::TempDir dir;
  std::string path = dir.file("bad.jsonl");
  std::ofstream(path) << R"({"subject":{"text":"A"},"predicate":"p","object":"B","span":[1]})"
                      << "\n"
                      << R"({"subject":"A","predicate":"p","object":"B","qualifiers":[1]})"
                      << "\n"
                      << R"({"subject":"A","predicate":"p","object":"B","extra":[{"text":"x"}]})"
                      << "\n"
                      << R"({"subject":"A","predicate":"p","object":"B","symmetric":"yes"})"
                      << "\n";
  auto db = Database::open(dir.file("db"));
  REQUIRE(db.ok());
  auto report = (*db)->import(path, ImportOptions{});
  REQUIRE(report.ok());
  REQUIRE(report->bad_lines.size() == 4);
  CHECK(report->bad_lines[0].message() == path + ":1: \"span\" must be [start, end]");
  CHECK(report->bad_lines[1].message() == path + ":2: \"qualifiers\" must be an object");
  CHECK(report->bad_lines[2].message() == path + ":3: missing \"role\"");
  CHECK(report->bad_lines[3].message() == path + ":4: \"symmetric\" must be true or false");
}
