#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "storage/io/export.h"
#include "storage/io/triple_reader.h"
#include "storage/memory_graph.h"

using namespace quarry;
using namespace quarry::storage;
using nlohmann::json;
using quarry::testing::MemoryGraph;

namespace {

MentionRecord mention(std::string doc, uint32_t sentence, uint32_t start, uint32_t end,
                      double confidence) {
  MentionRecord m;
  m.doc = std::move(doc);
  m.sentence = sentence;
  m.start = start;
  m.end = end;
  m.confidence = confidence;
  m.extractor = "import";
  return m;
}

// Ana Lima -meet-> Bo Chen (two documents), Bo Chen -lead-> the delegation (no mentions),
// and an isolated place whose name needs escaping in every format.
MemoryGraph sample_graph() {
  MemoryGraph g;
  auto ana = g.add_node("Ana Lima", "Person", {"A. Lima"});
  auto bo = g.add_node("Bo Chen", "Person");
  auto del = g.add_node("Trade delegation", "");
  g.add_node("Port \"<&>\" \\ Sorel\tEast", "Place");
  auto meet = g.add_rel(
      ana, "meet", bo, {{"text", Value("met")}, {"confidence", Value(0.9)}, {"support", Value(2)}});
  g.add_mention(meet, mention("d1", 2, 10, 40, 0.9));
  g.add_mention(meet, mention("d2", 0, 0, 12, 0.8));
  g.add_rel(bo, "lead", del, {{"since", Value(int64_t{2019})}});
  return g;
}

std::string export_text(MemoryGraph& g, ExportFormat format) {
  std::ostringstream out;
  auto status = write_graph(g, out, format);
  REQUIRE(status.ok());
  return out.str();
}

std::vector<Fact> read_back(ImportFormat format, const std::string& text) {
  std::istringstream in(text);
  auto reader = TripleReader::open(format, in, "export");
  std::vector<Fact> facts;
  for (;;) {
    Fact f;
    auto more = reader->next(f);
    REQUIRE(more.ok());
    if (!more.value()) return facts;
    facts.push_back(f);
  }
}

}  // namespace

TEST_CASE("export json: one object with nodes and edges in the documented shape") {
  auto g = sample_graph();
  json doc = json::parse(export_text(g, ExportFormat::kJson));
  REQUIRE(doc["nodes"].size() == 4);
  REQUIRE(doc["edges"].size() == 2);
  const json& ana = doc["nodes"][0];
  CHECK(ana["id"] == 1);
  CHECK(ana["type"] == "Person");
  CHECK(ana["name"] == "Ana Lima");
  CHECK(ana["aliases"] == json::array({"A. Lima"}));
  CHECK(doc["nodes"][2]["type"] == "Other");  // no label
  const json& meet = doc["edges"][0];
  CHECK(meet["source"] == 1);
  CHECK(meet["target"] == 2);
  CHECK(meet["predicate"] == "meet");
  CHECK(meet["text"] == "met");
  CHECK(meet["confidence"] == 0.9);
  CHECK(meet["support"] == 2);
  REQUIRE(meet["mentions"].size() == 2);
  CHECK(meet["mentions"][0]["doc"] == "d1");
  CHECK(meet["mentions"][0]["sentence"] == 2);
  CHECK(meet["mentions"][0]["start"] == 10);
  CHECK(meet["mentions"][0]["end"] == 40);
  const json& lead = doc["edges"][1];
  CHECK(lead["text"] == "lead");  // falls back to the type
  CHECK(lead["support"] == 0);
  CHECK(lead["since"] == 2019);  // other properties ride along
  CHECK(lead["mentions"].empty());
}

TEST_CASE("export json: fields keep the documented order and an empty graph is valid") {
  auto g = sample_graph();
  std::string text = export_text(g, ExportFormat::kJson);
  CHECK(text.find(R"({"id":1,"type":"Person","name":"Ana Lima","aliases":["A. Lima"]})") !=
        std::string::npos);
  MemoryGraph empty;
  json doc = json::parse(export_text(empty, ExportFormat::kJson));
  CHECK(doc == json::parse(R"({"nodes":[],"edges":[]})"));
}

TEST_CASE("export jsonl: node and edge rows; the importer reads the edges back whole") {
  auto g = sample_graph();
  std::string text = export_text(g, ExportFormat::kJsonl);
  std::istringstream lines(text);
  std::string line;
  int nodes = 0, edges = 0;
  while (std::getline(lines, line)) {
    json row = json::parse(line);
    (row["kind"] == "node" ? nodes : edges)++;
  }
  CHECK(nodes == 4);
  CHECK(edges == 2);

  auto facts = read_back(ImportFormat::kJsonl, text);
  REQUIRE(facts.size() == 3);  // two mentions of meet, one mention-less lead
  CHECK(facts[0].subject.name == "Ana Lima");
  CHECK(facts[0].subject.type == "Person");
  CHECK(facts[0].predicate == "meet");
  CHECK(facts[0].text == "met");
  CHECK(facts[0].object.name == "Bo Chen");
  CHECK(facts[0].mention.doc == "d1");
  CHECK(facts[0].mention.sentence == 2);
  CHECK(facts[0].mention.end == 40);
  CHECK(facts[0].mention.confidence == 0.9);
  CHECK(facts[1].mention.doc == "d2");
  CHECK(facts[1].mention.confidence == 0.8);
  CHECK(facts[2].predicate == "lead");
  CHECK(facts[2].object.type == "Other");
  CHECK(facts[2].mention.doc.empty());
}

TEST_CASE("export tsv: one line per document, importable back") {
  auto g = sample_graph();
  std::string text = export_text(g, ExportFormat::kTsv);
  CHECK(text ==
        "# quarry export: subject\tpredicate\tobject\tdocument\tconfidence\n"
        "Ana Lima\tmeet\tBo Chen\td1\t0.9\n"
        "Ana Lima\tmeet\tBo Chen\td2\t0.8\n"
        "Bo Chen\tlead\tTrade delegation\n");
  auto facts = read_back(ImportFormat::kTsv, text);
  REQUIRE(facts.size() == 3);
  CHECK(facts[1].mention.doc == "d2");
  CHECK(facts[1].mention.confidence == 0.8);
}

TEST_CASE("export tsv: tabs and line breaks inside names cannot split a line") {
  MemoryGraph g;
  auto a = g.add_node("Port\tEast", "Place");
  auto b = g.add_node("two\nlines", "Other");
  auto r = g.add_rel(a, "near", b, {{"confidence", Value(0.5)}});
  (void)r;
  std::string text = export_text(g, ExportFormat::kTsv);
  CHECK(text.substr(text.find('\n') + 1) == "Port East\tnear\ttwo lines\t\t0.5\n");
  auto facts = read_back(ImportFormat::kTsv, text);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].mention.confidence == 0.5);
}

TEST_CASE("export nt: IRIs for names, importable back to the same names") {
  MemoryGraph g;
  auto a = g.add_node("Ana Lima", "Person");
  auto b = g.add_node("http://example.org/Bo", "Person");
  auto c = g.add_node("Sorel \"old\" port>", "Place");
  g.add_rel(a, "meet", b);
  g.add_rel(a, "arrive_in", c);
  std::string text = export_text(g, ExportFormat::kNTriples);
  CHECK(text ==
        "<urn:quarry:node:Ana%20Lima> <urn:quarry:rel:meet> <http://example.org/Bo> .\n"
        "<urn:quarry:node:Ana%20Lima> <urn:quarry:rel:arrive_in> "
        "<urn:quarry:node:Sorel%20%22old%22%20port%3E> .\n");
  auto facts = read_back(ImportFormat::kNTriples, text);
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].subject.name == "Ana Lima");
  CHECK(facts[0].object.name == "http://example.org/Bo");
  CHECK(facts[1].predicate == "arrive_in");
  CHECK(facts[1].object.name == "Sorel \"old\" port>");
}

TEST_CASE("export graphml: escaped names, declared keys, directed edges") {
  auto g = sample_graph();
  std::string text = export_text(g, ExportFormat::kGraphML);
  CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 0) == 0);
  CHECK(text.find("<graph id=\"quarry\" edgedefault=\"directed\">") != std::string::npos);
  CHECK(text.find("<data key=\"name\">Port &quot;&lt;&amp;&gt;&quot; \\ Sorel\tEast</data>") !=
        std::string::npos);
  CHECK(text.find("<data key=\"aliases\">[&quot;A. Lima&quot;]</data>") != std::string::npos);
  CHECK(text.find("<edge id=\"e1\" source=\"n1\" target=\"n2\">") != std::string::npos);
  CHECK(text.find("<data key=\"support\">2</data>") != std::string::npos);
  CHECK(text.find("<data key=\"properties\">{&quot;since&quot;:2019}</data>") != std::string::npos);
  CHECK(text.size() - text.rfind("</graphml>\n") == 11);
}

TEST_CASE("export graphml: control characters never reach the XML") {
  MemoryGraph g;
  g.add_node(std::string("bell\x07here"), "Other");
  std::string text = export_text(g, ExportFormat::kGraphML);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("bell\xEF\xBF\xBDhere") != std::string::npos);
}

TEST_CASE("export dot: quotes, backslashes and newlines escaped") {
  MemoryGraph g;
  auto a = g.add_node("say \"hi\"\\now", "Person");
  auto b = g.add_node("two\nlines", "");
  g.add_rel(a, "tell", b, {{"support", Value(3)}});
  std::string text = export_text(g, ExportFormat::kDot);
  CHECK(text ==
        "digraph quarry {\n"
        "  n1 [label=\"say \\\"hi\\\"\\\\now\", type=\"Person\"];\n"
        "  n2 [label=\"two\\nlines\", type=\"Other\"];\n"
        "  n1 -> n2 [label=\"tell\", support=3];\n"
        "}\n");
}

TEST_CASE("export: a relationship without its record is reported as corruption") {
  auto g = sample_graph();
  g.add_dangling_rel(99);
  std::ostringstream out;
  auto status = write_graph(g, out, ExportFormat::kTsv);
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == ErrorCode::kCorruption);
  CHECK(status.error().message() == "export: relationship 99 is indexed but missing");
}

TEST_CASE("export: a failing stream is an IO error, not a silent truncation") {
  auto g = sample_graph();
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  auto status = write_graph(g, out, ExportFormat::kJson);
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == ErrorCode::kIOError);
}

TEST_CASE("export: a node without a name is written as a blank node") {
  MemoryGraph g;
  auto a = g.add_node("", "Other");
  auto b = g.add_node("Bo", "Person");
  g.add_rel(a, "know", b);
  CHECK(export_text(g, ExportFormat::kTsv).find("_:n1\tknow\tBo\n") != std::string::npos);
}
