// Engine behaviour that case files cannot express: error rendering, parameters,
// limits and cancellation, EXPLAIN/PROFILE, atomic writes, procedures.
#include <catch2/catch.hpp>

#include "engine/engine.h"
#include "support/memory_graph.h"

using namespace quarry;

namespace {

std::shared_ptr<testing::MemorySource> graph_with(const std::string& setup) {
  auto src = std::make_shared<testing::MemorySource>();
  auto r = engine::run(src, setup, {}, {});
  REQUIRE(r.ok());
  REQUIRE(r->fetch_all().ok());
  return src;
}

Result<std::vector<Row>> rows_of(std::shared_ptr<testing::MemorySource> src, const std::string& q,
                                 const Map& params = {}, const QueryOptions& opts = {}) {
  auto r = engine::run(src, q, params, opts);
  if (!r.ok()) return r.error();
  return r->fetch_all();
}

}  // namespace

TEST_CASE("a misspelt keyword is a syntax error with a caret and a hint") {
  auto src = std::make_shared<testing::MemorySource>();
  std::string q = "MATCH (n)\nRETRUN n";
  auto r = engine::run(src, q, {}, {});
  REQUIRE(!r.ok());
  CHECK(r.error().code() == ErrorCode::kSyntaxError);
  CHECK(r.error().span().line == 2);
  CHECK(r.error().span().column == 1);
  CHECK(r.error().hint() == "did you mean RETURN?");
  CHECK(
      r.error().to_string(q) ==
      "SyntaxError at 2:1: unexpected 'RETRUN'\n  RETRUN n\n  ^^^^^^\nhint: did you mean RETURN?");
}

TEST_CASE("!= gets the <> hint") {
  auto src = std::make_shared<testing::MemorySource>();
  auto r = engine::run(src, "MATCH (a) WHERE a.x != 1 RETURN a", {}, {});
  REQUIRE(!r.ok());
  CHECK(r.error().code() == ErrorCode::kSyntaxError);
  CHECK(r.error().span().column == 21);
  CHECK(r.error().hint() == "Cypher writes inequality as <>");
}

// Found by the fuzzer (tests/fuzz): such inputs overflowed the stack before there was a
// limit. Every shape below used to crash the process at these sizes.
TEST_CASE("queries nested too deeply are refused with a position, not a crash") {
  auto src = std::make_shared<testing::MemorySource>();
  auto error_of = [&](const std::string& q) {
    auto r = rows_of(src, q);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code() == ErrorCode::kSyntaxError);
    return r.error();
  };
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  // Brackets: the parser itself would recurse too deeply.
  auto brackets = error_of("RETURN " + repeat("[", 20000) + "1" + repeat("]", 20000));
  CHECK(brackets.message() == "the query nests too deeply");
  CHECK(brackets.span().line == 1);
  CHECK(brackets.span().column > 8);
  CHECK(error_of("RETURN " + repeat("(", 5000) + "1" + repeat(")", 5000)).message() ==
        "the query nests too deeply");
  CHECK(error_of("RETURN " + repeat("- ", 50000) + "1").message() == "the query nests too deeply");
  CHECK(error_of("RETURN " + repeat("[", 5000)).message() == "the query nests too deeply");
  // Chains: flat for the parser, one level per operator for everything after it.
  auto chain = error_of("RETURN 1" + repeat(" + 1", 100000));
  CHECK(chain.message() == "expression nested too deeply (100001 levels; at most 1000)");
  CHECK(chain.span().column == 8);
  CHECK(error_of("RETURN true" + repeat(" OR true", 50000)).message().find("nested too deeply") !=
        std::string::npos);
  CHECK(error_of("WITH {a: 1} AS m RETURN m" + repeat(".a", 50000))
            .message()
            .find("nested too deeply") != std::string::npos);
  CHECK(error_of("RETURN [1]" + repeat("[0]", 50000)).message().find("nested too deeply") !=
        std::string::npos);
  // Below the limits everything still runs.
  auto deep = rows_of(src, "RETURN " + repeat("[", 150) + "1" + repeat("]", 150) + " AS v");
  REQUIRE(deep.ok());
  auto sum = rows_of(src, "RETURN 1" + repeat(" + 1", 900) + " AS n");
  REQUIRE(sum.ok());
  CHECK((*sum)[0][0].as_int() == 901);
  auto ors = rows_of(src, "RETURN false" + repeat(" OR false", 800) + " OR true AS b");
  REQUIRE(ors.ok());
  CHECK((*ors)[0][0].as_bool());
}

TEST_CASE("unknown function and variable suggest the closest name") {
  auto src = std::make_shared<testing::MemorySource>();
  auto r = engine::run(src, "RETURN tolowr('A')", {}, {});
  REQUIRE(!r.ok());
  CHECK(r.error().code() == ErrorCode::kSemanticError);
  CHECK(r.error().hint() == "did you mean toLower()?");  // the documented spelling
  auto start = engine::run(src, "MATCH ()-[r]->() RETURN startnod(r)", {}, {});
  REQUIRE(!start.ok());
  CHECK(start.error().hint() == "did you mean startNode()?");
  auto v = engine::run(src, "MATCH (person) RETURN persn", {}, {});
  REQUIRE(!v.ok());
  CHECK(v.error().span().column == 23);
  CHECK(v.error().hint() == "did you mean person?");
}

TEST_CASE("parameters stand where literals do") {
  auto src = graph_with("CREATE (:P {name: 'a', age: 3}), (:P {name: 'b', age: 5})");
  auto rows = rows_of(src, "MATCH (p:P {name: $n}) WHERE p.age > $min RETURN p.age",
                      Map{{"n", Value("b")}, {"min", Value(1)}});
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK((*rows)[0][0] == Value(5));
  auto missing = rows_of(src, "RETURN $nope");
  REQUIRE(!missing.ok());
  CHECK(missing.error().code() == ErrorCode::kSemanticError);
}

TEST_CASE("division by zero is a runtime error with a span") {
  auto src = std::make_shared<testing::MemorySource>();
  auto rows = rows_of(src, "UNWIND [1, 0] AS x RETURN 10 / x");
  REQUIRE(!rows.ok());
  CHECK(rows.error().code() == ErrorCode::kRuntimeError);
  CHECK(rows.error().message() == "division by zero");
  CHECK(rows.error().span().column == 30);
}

TEST_CASE("max_rows stops a query") {
  auto src = std::make_shared<testing::MemorySource>();
  QueryOptions opts;
  opts.max_rows = 5;
  auto rows = rows_of(src, "UNWIND range(1, 100) AS x RETURN x", {}, opts);
  REQUIRE(!rows.ok());
  CHECK(rows.error().code() == ErrorCode::kRuntimeError);
  CHECK(rows_of(src, "UNWIND range(1, 5) AS x RETURN x", {}, opts).ok());
}

TEST_CASE("cancel and timeout stop a long query") {
  auto src = std::make_shared<testing::MemorySource>();
  auto r = engine::run(src, "UNWIND range(1, 1000000) AS x RETURN x", {}, {});
  REQUIRE(r.ok());
  Row row;
  REQUIRE(r->next(row).value());
  r->cancel();
  auto more = r->next(row);
  REQUIRE(!more.ok());
  CHECK(more.error().code() == ErrorCode::kCancelled);

  QueryOptions opts;
  opts.timeout = std::chrono::milliseconds(20);
  auto slow = rows_of(src, "UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y RETURN count(*)",
                      {}, opts);
  REQUIRE(!slow.ok());
  CHECK(slow.error().code() == ErrorCode::kTimeout);
}

TEST_CASE("UNWIND walks range() lazily, so LIMIT stops it") {
  auto src = std::make_shared<testing::MemorySource>();
  // A built list of 4e12 values could never finish; the timeout only turns a regression
  // into a failure instead of a machine out of memory.
  QueryOptions opts;
  opts.timeout = std::chrono::milliseconds(1000);
  auto rows = rows_of(src, "UNWIND range(1, 4000000000000) AS x RETURN x LIMIT 3", {}, opts);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[2][0] == Value(3));
}

TEST_CASE("a failing write changes nothing") {
  auto src = graph_with("CREATE (:P {n: 1})");
  auto rows =
      rows_of(src, "CREATE (:P {n: 2}) WITH 1 AS one UNWIND [1, 0] AS x CREATE (:P {n: 10 / x})");
  REQUIRE(!rows.ok());
  auto count = rows_of(src, "MATCH (p:P) RETURN count(p)");
  REQUIRE(count.ok());
  CHECK((*count)[0][0] == Value(1));
}

TEST_CASE("writes on a read-only source fail with kReadOnly") {
  auto src = std::make_shared<testing::MemorySource>();
  src->set_read_only(true);
  auto r = engine::run(src, "CREATE (:P)", {}, {});
  REQUIRE(!r.ok());
  CHECK(r.error().code() == ErrorCode::kReadOnly);
  CHECK(rows_of(src, "MATCH (n) RETURN n").ok());
}

TEST_CASE("a snapshot does not see later commits") {
  auto src = graph_with("CREATE (:P)");
  auto r = engine::run(src, "MATCH (p:P) RETURN p", {}, {});
  REQUIRE(r.ok());
  REQUIRE(rows_of(src, "CREATE (:P)").ok());
  auto rows = r->fetch_all();
  REQUIRE(rows.ok());
  CHECK(rows->size() == 1);
}

TEST_CASE("EXPLAIN returns the plan without rows; PROFILE counts rows") {
  auto src = graph_with("CREATE (:P)-[:R]->(:P)");
  auto r = engine::run(src, "EXPLAIN MATCH (a:P)-[:R]->(b) RETURN b", {}, {});
  REQUIRE(r.ok());
  CHECK(r->plan().find("Match((a:P)-[:R]->(b))") != std::string::npos);
  auto rows = r->fetch_all();
  REQUIRE(rows.ok());
  CHECK(rows->empty());
  auto p = engine::run(src, "PROFILE MATCH (a:P)-[:R]->(b) RETURN b", {}, {});
  REQUIRE(p.ok());
  REQUIRE(p->fetch_all().ok());
  CHECK(p->plan().find("rows=1") != std::string::npos);
}

TEST_CASE("count(*) over a label is answered from statistics") {
  auto src = graph_with("CREATE (:P), (:P), (:Q)");
  auto r = engine::run(src, "EXPLAIN MATCH (n:P) RETURN count(*)", {}, {});
  REQUIRE(r.ok());
  CHECK(r->plan().find("CountFromStatistics") != std::string::npos);
  auto rows = rows_of(src, "MATCH (n:P) RETURN count(*)");
  REQUIRE(rows.ok());
  CHECK((*rows)[0][0] == Value(2));
}

TEST_CASE("quarry.lookup and quarry.mentions") {
  auto src = graph_with(
      "CREATE (:Person {name: 'Kim Jong-un', aliases: ['Kim Jong Un']})-[:meet]->"
      "(:Person {name: 'Moon Jae-in'})");
  storage::MentionRecord m;
  m.doc = "d1";
  m.title = "Summit";
  m.date = "2018-04-27";
  m.sentence = 3;
  m.text = "Kim met Moon.";
  m.confidence = 0.9;
  src->add_mention(1, m);
  auto rows =
      rows_of(src, "CALL quarry.lookup('kim jong un') YIELD node, score RETURN node.name, score");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK((*rows)[0][0] == Value("Kim Jong-un"));
  auto ment = rows_of(src,
                      "MATCH ()-[r:meet]->() CALL quarry.mentions(r) YIELD doc, sentence, text "
                      "RETURN doc, sentence, text");
  REQUIRE(ment.ok());
  REQUIRE(ment->size() == 1);
  CHECK((*ment)[0][0] == Value("d1"));
  CHECK((*ment)[0][1] == Value(3));
  auto bad = rows_of(src, "CALL quarry.lookpu('x')");
  REQUIRE(!bad.ok());
  CHECK(bad.error().hint() == "did you mean quarry.lookup?");
}

TEST_CASE("invalid UTF-8 is a syntax error, not a crash (found by the fuzzer)") {
  auto src = std::make_shared<testing::MemorySource>();
  auto r = engine::run(src, "RETURN 'a\xff\xfe'", {}, {});
  REQUIRE(!r.ok());
  CHECK(r.error().code() == ErrorCode::kSyntaxError);
  CHECK(r.error().span().column == 10);
}

TEST_CASE("MATCH streams large results from its fiber with the same answers") {
  // 1,000 matches of one input row: more than MATCH finds inline, so it searches again
  // on its fiber and hands rows over in batches.
  auto src = graph_with(
      "CREATE (a {name: 'a'}) WITH a UNWIND range(1, 1000) AS i CREATE (a)-[:T]->({i: i})");
  auto one = [&](const std::string& q) {
    auto rows = rows_of(src, q);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    return (*rows)[0][0];
  };
  CHECK(one("MATCH (a {name: 'a'})-->(b) RETURN count(*)") == Value(1000));
  CHECK(one("MATCH (a {name: 'a'})-->(b) WHERE b.i % 2 = 0 RETURN sum(b.i)") == Value(250500));
  CHECK(one("OPTIONAL MATCH (a {name: 'a'})-->(b) RETURN count(b)") == Value(1000));
  CHECK(one("MATCH (a {name: 'a'})-->(b) MATCH (a)-->(c) WHERE c.i <= 2 RETURN count(*)") ==
        Value(2000));
  // The rows found inline are handed on and the fiber goes on after them: none twice.
  CHECK(one("MATCH (a {name: 'a'})-->(b) WITH b.i AS i WHERE i > 0 RETURN count(DISTINCT i)") ==
        Value(1000));
  CHECK(one("MATCH (a {name: 'a'})-[r]->(b) WHERE type(r) = 'T' RETURN count(*)") == Value(1000));
  // A relationship read from an edge carries its type id inside the engine; the caller
  // gets the name.
  auto rel = rows_of(src, "MATCH (a {name: 'a'})-[r]->(b) RETURN r, type(r) LIMIT 260");
  REQUIRE(rel.ok());
  REQUIRE(rel->size() == 260);
  CHECK(rel->back()[0].as_relationship().type == "T");
  CHECK(rel->back()[1] == Value("T"));
  // A write searches again from the start on its fiber; every row is written once.
  REQUIRE(rows_of(src, "MATCH (a {name: 'a'})-->(b) SET b.j = b.i + 1").ok());
  CHECK(one("MATCH (a {name: 'a'})-->(b) RETURN sum(b.j)") == Value(501500));
  auto limited = rows_of(src, "MATCH (a {name: 'a'})-->(b) RETURN b.i LIMIT 300");
  REQUIRE(limited.ok());
  CHECK(limited->size() == 300);
  // An error raised on the fiber reaches the caller with its span.
  auto bad = rows_of(src, "MATCH (a {name: 'a'})-->(b) WHERE 10 / (b.i - 700) > 0 RETURN b");
  REQUIRE(!bad.ok());
  CHECK(bad.error().message() == "division by zero");
  CHECK(bad.error().span().column == 38);  // the division
  // A query dropped half-way (its MATCH paused on the fiber) is destroyed cleanly.
  auto r = engine::run(src, "MATCH (a {name: 'a'})-->(b) RETURN b.i", {}, {});
  REQUIRE(r.ok());
  Row row;
  for (int i = 0; i < 400; ++i) REQUIRE(r->next(row).value());
}
