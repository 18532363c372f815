// Ingestion without the model: reading inputs (formats, metadata, per-file problems) and
// the plug-in extractor protocol end to end into a database.
#include <catch2/catch.hpp>

#include <fstream>

#include "extract/ingest/ingester.h"
#include "storage/temp_db.h"

using namespace quarry;
using namespace quarry::extract::ingest;

namespace {

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<Row> rows(Database& db, const std::string& q) {
  auto r = db.query(q);
  REQUIRE(r.ok());
  auto all = r->fetch_all();
  REQUIRE(all.ok());
  return *all;
}

const std::string kToy = "python3 " QUARRY_SOURCE_DIR "/tests/ingest/toy_extractor.py";

}  // namespace

TEST_CASE("inputs: text, Markdown and JSON Lines, sorted, with per-file problems") {
  testing::TempDir dir;
  std::string in = dir.file("in");
  std::filesystem::create_directories(in + "/sub");
  write(in + "/b.md", "# Envoys arrive\n\nSOREL, March 14 (Meridian Wire) - Ministers met.\n");
  write(in + "/a.txt", "Talks end\n\nMarch 16, 2031 - The envoy left.\n");
  write(in + "/sub/c.jsonl",
        "{\"id\": \"u1\", \"title\": \"T\", \"date\": \"2031-03-17\", \"source\": \"Union Daily\", "
        "\"text\": \"Chen met Velasco.\"}\n"
        "not json\n"
        "{\"text\": \"No id here.\", \"date\": \"March\"}\n"
        "{\"text\": \"(Harbour Wire) -- No id here.\"}\n");
  write(in + "/binary.txt", std::string("abc\0def", 7));
  write(in + "/latin1.txt", "caf\xe9 au lait");
  write(in + "/empty.md", " \n\n");
  write(in + "/notes.csv", "skipped silently");
  std::vector<InputDocument> docs;
  std::vector<std::string> problems;
  size_t n = read_inputs(
      {in}, [&](InputDocument d) { docs.push_back(std::move(d)); },
      [&](const std::string& p) { problems.push_back(p); });
  REQUIRE(n == 4);
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].doc.id == in + "/a.txt");
  CHECK(docs[0].doc.title == "Talks end");
  CHECK(docs[0].doc.date == "2031-03-16");
  CHECK(docs[1].doc.title == "Envoys arrive");
  CHECK(docs[1].doc.source == "Meridian Wire");
  CHECK(docs[1].doc.date == "");
  CHECK(docs[2].doc.id == "u1");
  CHECK(docs[2].doc.source == "Union Daily");
  CHECK(docs[3].doc.id == in + "/sub/c.jsonl:4");
  CHECK(docs[3].doc.source == "Harbour Wire");
  REQUIRE(problems.size() == 5);
  CHECK(problems[0] == in + "/binary.txt: binary data (a NUL byte at byte 3), skipped");
  CHECK(problems[1] == in + "/empty.md: empty document, skipped");
  CHECK(problems[2] == in + "/latin1.txt: invalid UTF-8 at byte 3, skipped");
  CHECK(problems[3] == in + "/sub/c.jsonl:2: not a JSON object");
  CHECK(problems[4] == in + "/sub/c.jsonl:3: \"date\" 'March' is not an ISO date (YYYY-MM-DD)");

  problems.clear();
  read_inputs(
      {dir.file("missing.txt")}, [&](InputDocument) {},
      [&](const std::string& p) { problems.push_back(p); });
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("missing.txt: cannot read") != std::string::npos);
}

TEST_CASE("plug-in extractor: facts in, resolution, provenance and storage as usual") {
  testing::TempDir dir;
  std::string in = dir.file("news");
  std::filesystem::create_directories(in);
  write(in + "/1.txt",
        "Dremin visits Sorel\n\nMr. Pavel Dremin met Ms. Ana Velasco on Tuesday. She thanked "
        "him. Dremin thanked Velasco.\n");
  write(in + "/2.jsonl",
        "{\"id\": \"post-1\", \"date\": \"2031-03-16\", \"source\": \"Evening Post\", \"text\": "
        "\"Velasco met Dremin on Wednesday.\"}\n");
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  IngestOptions options;
  options.extractor_command = kToy;
  std::vector<std::string> problems;
  auto stats = ingest(**db, nullptr, {in}, options,
                      [&](const std::string& p) { problems.push_back(p); }, {});
  CHECK(problems.empty());
  CHECK(stats.added == 2);
  CHECK(stats.facts == 4);
  CHECK(stats.tokens > 10);

  auto people = rows(**db, "MATCH (p:Person) RETURN p.name ORDER BY p.name");
  REQUIRE(people.size() == 2);
  CHECK(people[0][0] == Value("Ana Velasco"));
  CHECK(people[1][0] == Value("Pavel Dremin"));
  // "She thanked him" (gender from Ms./Mr.) and "Dremin thanked Velasco" (surnames).
  auto thank = rows(**db, "MATCH (a)-[:thank]->(b) RETURN a.name, b.name ORDER BY a.name");
  REQUIRE(thank.size() == 2);
  CHECK(thank[0][0] == Value("Ana Velasco"));
  CHECK(thank[0][1] == Value("Pavel Dremin"));
  CHECK(thank[1][0] == Value("Pavel Dremin"));
  CHECK(thank[1][1] == Value("Ana Velasco"));
  auto meet = rows(**db,
                   "MATCH (a)-[r:meet]->(b) CALL quarry.mentions(r) YIELD doc, source, "
                   "extractor, time RETURN a.name, doc, source, extractor, time ORDER BY doc");
  REQUIRE(meet.size() == 2);
  CHECK(rows(**db, "MATCH ()-[r:meet]->() RETURN r").size() == 1);
  CHECK(meet[0][0] == Value("Pavel Dremin"));
  CHECK(meet[0][1] == Value(in + "/1.txt"));
  CHECK(meet[0][3] == Value("plugin:toy_extractor.py"));
  CHECK(meet[0][4] == Value("on Tuesday"));  // no document date: kept as written
  // "Velasco met Dremin": meet is symmetric, so it is a second mention of the same
  // relationship, stored from the entity created first.
  CHECK(meet[1][0] == Value("Pavel Dremin"));
  CHECK(meet[1][1] == Value("post-1"));
  CHECK(meet[1][2] == Value("Evening Post"));
  CHECK(meet[1][4] == Value("2031-03-12"));  // the Wednesday before Sunday 2031-03-16

  // Unchanged documents are a no-op; the store is consistent.
  auto again = ingest(**db, nullptr, {in}, options, [](const std::string&) {}, {});
  CHECK(again.unchanged == 2);
  CHECK(again.added == 0);
  auto check = (*db)->check();
  REQUIRE(check.ok());
  CHECK(check->problems == std::vector<std::string>{});
}

TEST_CASE("plug-in extractor failures skip that batch with a message") {
  testing::TempDir dir;
  write(dir.file("bad.txt"), "This text says FAIL.\n");
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  IngestOptions options;
  options.extractor_command = kToy;
  std::vector<std::string> problems;
  auto stats = ingest(**db, nullptr, {dir.file("bad.txt")}, options,
                      [&](const std::string& p) { problems.push_back(p); }, {});
  CHECK(stats.failed == 1);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("exited with status 3") != std::string::npos);

  options.extractor_command = "echo '{\"doc\": \"nope\"}'";
  problems.clear();
  ingest(**db, nullptr, {dir.file("bad.txt")}, options,
         [&](const std::string& p) { problems.push_back(p); }, {});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("output line 1: unknown document \"nope\"") != std::string::npos);
}
