#include <catch2/catch.hpp>

#include <sstream>

#include "storage/io/triple_reader.h"

using namespace quarry;
using namespace quarry::storage;

namespace {

// Reads every line of `text`, collecting facts and the messages of bad lines.
struct ReadAll {
  std::vector<Fact> facts;
  std::vector<std::string> errors;
};

ReadAll read_all(ImportFormat format, const std::string& text) {
  std::istringstream in(text);
  auto reader = TripleReader::open(format, in, "in.txt");
  ReadAll out;
  for (;;) {
    Fact fact;
    auto more = reader->next(fact);
    if (!more.ok()) {
      out.errors.push_back(more.error().message());
      continue;
    }
    if (!more.value()) break;
    out.facts.push_back(fact);
  }
  return out;
}

}  // namespace

TEST_CASE("TSV: three to five fields, comments and blank lines skipped") {
  auto r = read_all(ImportFormat::kTsv,
                    "# a comment\n"
                    "Ana Lima\tmeet\tBo Chen\n"
                    "\n"
                    "Bo Chen\tlead\tTrade delegation\tdoc-7\r\n"
                    "Ana Lima\tvisit\tOslo\tdoc-8\t0.25\n");
  REQUIRE(r.errors.empty());
  REQUIRE(r.facts.size() == 3);
  CHECK(r.facts[0].subject.name == "Ana Lima");
  CHECK(r.facts[0].predicate == "meet");
  CHECK(r.facts[0].object.name == "Bo Chen");
  CHECK(r.facts[0].mention.doc.empty());
  CHECK(r.facts[0].mention.confidence == 1.0);
  CHECK(r.facts[1].mention.doc == "doc-7");
  CHECK(r.facts[1].object.name == "Trade delegation");  // the \r is not part of it
  CHECK(r.facts[2].mention.confidence == 0.25);
  CHECK(r.facts[2].mention.extractor == "import");
}

TEST_CASE("TSV: bad lines are reported as file:line and skipped") {
  auto r = read_all(ImportFormat::kTsv,
                    "a\tb\n"              // line 1: two fields
                    "a\tp\tc\n"           // line 2: fine
                    "a\tp\tc\td\t2.5\n"   // line 3: confidence out of range
                    "\tp\tc\n"            // line 4: empty subject
                    "a\tp\tc\td\t1\tx\n"  // line 5: six fields
                    "x\ty\tz\n");         // line 6: fine
  CHECK(r.facts.size() == 2);
  REQUIRE(r.errors.size() == 4);
  CHECK(r.errors[0] ==
        "in.txt:1: expected subject, predicate and object separated by tabs, found 2 fields");
  CHECK(r.errors[1] == "in.txt:3: confidence must be a number between 0 and 1, not '2.5'");
  CHECK(r.errors[2] == "in.txt:4: empty subject");
  CHECK(r.errors[3] == "in.txt:5: expected at most 5 fields, found 6");
}

TEST_CASE("JSON Lines: flat and nested entities, mentions expand to one fact each") {
  auto r = read_all(
      ImportFormat::kJsonl,
      R"({"subject": "Ana Lima", "subject_type": "Person", "predicate": "meet", "object": "Bo Chen"})"
      "\n"
      R"({"subject": {"name": "Bo Chen", "type": "Person"}, "predicate": "hand", "text": "handed",)"
      R"( "object": "letter", "mentions": [{"doc": "d1", "sentence": 2, "start": 10, "end": 50},)"
      R"( {"doc": "d2", "confidence": 0.5}]})"
      "\n");
  REQUIRE(r.errors.empty());
  REQUIRE(r.facts.size() == 3);
  CHECK(r.facts[0].subject.type == "Person");
  CHECK(r.facts[0].text == "meet");
  CHECK(r.facts[1].subject.name == "Bo Chen");
  CHECK(r.facts[1].text == "handed");
  CHECK(r.facts[1].mention.doc == "d1");
  CHECK(r.facts[1].mention.sentence == 2);
  CHECK(r.facts[1].mention.end == 50);
  CHECK(r.facts[2].mention.doc == "d2");
  CHECK(r.facts[2].mention.confidence == 0.5);
}

TEST_CASE("JSON Lines: each kind of bad line names its reason") {
  auto r = read_all(ImportFormat::kJsonl,
                    "{not json\n"
                    "[1, 2]\n"
                    R"({"subject": "a", "object": "b"})"
                    "\n"
                    R"({"subject": "a", "predicate": "p", "object": 3})"
                    "\n"
                    R"({"subject": "a", "predicate": "p", "object": "b", "sentence": -1})"
                    "\n"
                    R"({"subject": "a", "predicate": "p", "object": "b", "confidence": 7})"
                    "\n");
  CHECK(r.facts.empty());
  REQUIRE(r.errors.size() == 6);
  CHECK(r.errors[0] == "in.txt:1: not valid JSON");
  CHECK(r.errors[1] == "in.txt:2: expected a JSON object");
  CHECK(r.errors[2] == "in.txt:3: missing \"predicate\"");
  CHECK(r.errors[3] == "in.txt:4: \"object\" must be a string");
  CHECK(r.errors[4] == "in.txt:5: \"sentence\" must be a non-negative integer");
  CHECK(r.errors[5] == "in.txt:6: \"confidence\" must be a number between 0 and 1");
}

TEST_CASE("N-Triples: IRIs, blank nodes and escaped literals") {
  auto r =
      read_all(ImportFormat::kNTriples,
               "<urn:quarry:node:Ana%20Lima> <urn:quarry:rel:meet> "
               "<urn:quarry:node:Bo%20Chen> .\n"
               "_:b1 <http://example.org/p/name> \"Caf\\u00E9 \\\"Nord\\\"\"@en .\n"
               "<http://example.org/x> <urn:quarry:rel:in> \"7\"^^<http://w3.org/int> . # c\n");
  REQUIRE(r.errors.empty());
  REQUIRE(r.facts.size() == 3);
  CHECK(r.facts[0].subject.name == "Ana Lima");
  CHECK(r.facts[0].predicate == "meet");
  CHECK(r.facts[0].object.name == "Bo Chen");
  CHECK(r.facts[1].subject.name == "_:b1");
  CHECK(r.facts[1].predicate == "http://example.org/p/name");
  CHECK(r.facts[1].object.name == "Caf\xC3\xA9 \"Nord\"");
  CHECK(r.facts[2].subject.name == "http://example.org/x");
  CHECK(r.facts[2].object.name == "7");
}

TEST_CASE("N-Triples: malformed lines are reported, and the next line is read cleanly") {
  auto r = read_all(ImportFormat::kNTriples,
                    "<a:s> <a:p> <a:o>\n"
                    "<a:s> <a:p \"x\" .\n"
                    "<a:s> p <a:o> .\n"
                    "<a:s> <a:p> \"bad \\q\" .\n"
                    "<a:s> <a:p> <a:o> . extra\n"
                    "<a:s> <a:p> <a:o> .\n");
  CHECK(r.facts.size() == 1);
  REQUIRE(r.errors.size() == 5);
  CHECK(r.errors[0] == "in.txt:1: expected '.' at the end of the triple");
  CHECK(r.errors[1].rfind("in.txt:2: ", 0) == 0);
  CHECK(r.errors[2] == "in.txt:3: expected the predicate as an <IRI>");
  CHECK(r.errors[3] == "in.txt:4: unknown escape \\q in literal");
  CHECK(r.errors[4] == "in.txt:5: unexpected text after '.'");
}

TEST_CASE("Names and IRIs round-trip, absolute IRIs stay themselves") {
  for (std::string name : {"Kim Jong Un", "a/b?c#d", "100%", "Ünïcode näme", "x>y"}) {
    CHECK(name_from_iri(node_iri(name)) == name);
    CHECK(node_iri(name).find(' ') == std::string::npos);
    CHECK(node_iri(name).find('>') == std::string::npos);
  }
  CHECK(node_iri("http://example.org/a") == "http://example.org/a");
  CHECK(name_from_iri(predicate_iri("arrive_in")) == "arrive_in");
  CHECK(predicate_iri("meet") == "urn:quarry:rel:meet");
}

TEST_CASE("Formats are chosen by extension and by name") {
  CHECK(format_for_path("a.jsonl") == ImportFormat::kJsonl);
  CHECK(format_for_path("dir/a.nt") == ImportFormat::kNTriples);
  CHECK(format_for_path("a.tsv") == ImportFormat::kTsv);
  CHECK(format_for_path("-") == ImportFormat::kTsv);
  CHECK(parse_import_format("nt") == ImportFormat::kNTriples);
  CHECK(parse_import_format("csv") == ImportFormat::kAuto);
}
