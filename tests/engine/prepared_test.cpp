// Prepared statements (quarry/prepared.h): same rows as query(), parameters rebound per
// execution, errors with spans from both phases, writes, and concurrent executions.
#include <catch2/catch.hpp>

#include <thread>

#include "engine/engine.h"
#include "quarry/database.h"
#include "storage/temp_db.h"
#include "support/memory_graph.h"

using namespace quarry;

namespace {

std::shared_ptr<testing::MemorySource> people() {
  auto src = std::make_shared<testing::MemorySource>();
  auto r = engine::run(src,
                       "CREATE (a:P {name: 'Pavel Dremin', age: 41}), (b:P {name: 'Ana Velasco', "
                       "age: 35}), (c:P {name: 'Oskar Lind', age: 52}), (a)-[:meet]->(b), "
                       "(a)-[:meet]->(c), (b)-[:advise]->(c)",
                       {}, {});
  REQUIRE(r.ok());
  REQUIRE(r->fetch_all().ok());
  return src;
}

std::vector<Row> rows(Result<QueryResult> r) {
  if (!r.ok()) FAIL(r.error().to_string());
  auto all = r->fetch_all();
  if (!all.ok()) FAIL(all.error().to_string());
  return std::move(all).value();
}

}  // namespace

TEST_CASE("a prepared query returns what query() returns, for each binding of its parameters") {
  auto src = people();
  std::string q =
      "MATCH (a:P {name: $who})-[r]->(b) WHERE b.age > $min RETURN type(r), b.name "
      "ORDER BY b.name";
  auto prepared = engine::prepare(src, q);
  REQUIRE(prepared.ok());
  CHECK(prepared->text() == q);
  CHECK(prepared->columns() == std::vector<std::string>{"type(r)", "b.name"});
  CHECK_FALSE(prepared->writes());

  for (const char* who : {"Pavel Dremin", "Ana Velasco", "Oskar Lind", "Pavel Dremin"}) {
    for (int64_t min : {0, 40}) {
      Map params{{"who", Value(who)}, {"min", Value(min)}};
      auto expected = rows(engine::run(src, q, params, {}));
      CHECK(rows(prepared->execute(params)) == expected);
    }
  }
  // Spot values, so the comparison above is not between two empty results.
  auto pavel = rows(prepared->execute({{"who", Value("Pavel Dremin")}, {"min", Value(0)}}));
  REQUIRE(pavel.size() == 2);
  CHECK(pavel[0] == Row{Value("meet"), Value("Ana Velasco")});
  CHECK(pavel[1] == Row{Value("meet"), Value("Oskar Lind")});
  auto older = rows(prepared->execute({{"who", Value("Pavel Dremin")}, {"min", Value(40)}}));
  REQUIRE(older.size() == 1);
  CHECK(older[0][1] == Value("Oskar Lind"));
}

TEST_CASE("prepare reports syntax and semantic errors with their position") {
  auto src = std::make_shared<testing::MemorySource>();
  std::string q = "MATCH (n)\nRETRUN n";
  auto bad = engine::prepare(src, q);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code() == ErrorCode::kSyntaxError);
  CHECK(bad.error().to_string(q) ==
        "SyntaxError at 2:1: unexpected 'RETRUN'\n  RETRUN n\n  ^^^^^^\nhint: did you mean "
        "RETURN?");
  auto unknown = engine::prepare(src, "MATCH (person) RETURN persn");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code() == ErrorCode::kSemanticError);
  CHECK(unknown.error().span().column == 23);
}

TEST_CASE("runtime errors of an execution point into the prepared text; the next run is clean") {
  auto src = std::make_shared<testing::MemorySource>();
  auto prepared = engine::prepare(src, "UNWIND [1, $d] AS x RETURN 10 / x");
  REQUIRE(prepared.ok());
  auto zero = prepared->execute({{"d", Value(0)}});
  REQUIRE(zero.ok());
  auto failed = zero->fetch_all();
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message() == "division by zero");
  CHECK(failed.error().span().column == 31);  // the division
  CHECK(failed.error().to_string(prepared->text()).find("^") != std::string::npos);

  auto fine = rows(prepared->execute({{"d", Value(5)}}));
  REQUIRE(fine.size() == 2);
  CHECK(fine[1][0] == Value(2));

  auto missing = prepared->execute({});
  auto err = missing.ok() ? missing->fetch_all().status() : missing.status();
  REQUIRE_FALSE(err.ok());
  CHECK(err.code() == ErrorCode::kSemanticError);
}

TEST_CASE("a prepared write commits once per execution and sees earlier executions") {
  auto src = std::make_shared<testing::MemorySource>();
  auto create = engine::prepare(src, "CREATE (:P {name: $name})");
  REQUIRE(create.ok());
  CHECK(create->writes());
  auto count = engine::prepare(src, "MATCH (p:P) RETURN count(*)");
  REQUIRE(count.ok());
  for (const char* name : {"Chen Hualing", "Mei Ruolan", "Oskar Lind"}) {
    rows(create->execute({{"name", Value(name)}}));
  }
  CHECK(rows(count->execute())[0][0] == Value(3));
}

TEST_CASE("one prepared query runs on several threads at once") {
  auto src = people();
  auto prepared = engine::prepare(src, "MATCH (a:P {name: $who})-->(b) RETURN count(b)");
  REQUIRE(prepared.ok());
  std::vector<int64_t> counts(8, -1);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      Value who(t % 2 ? "Ana Velasco" : "Pavel Dremin");
      for (int i = 0; i < 50; ++i) {
        auto r = prepared->execute({{"who", who}});
        if (!r.ok()) return;
        auto all = r->fetch_all();
        if (!all.ok() || all->size() != 1) return;
        counts[t] = (*all)[0][0].as_int();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < counts.size(); ++t) CHECK(counts[t] == (t % 2 ? 1 : 2));
}

TEST_CASE("Database::prepare on a store, and on a read-only instance following the writer") {
  testing::TempDir dir;
  auto db = Database::open(dir.path());
  REQUIRE(db.ok());
  auto add = (*db)->prepare("CREATE (:P {name: $name})-[:meet]->(:P {name: $other})");
  REQUIRE(add.ok());
  rows(add->execute({{"name", Value("Pavel Dremin")}, {"other", Value("Ana Velasco")}}));

  OpenOptions ro;
  ro.read_only = true;
  auto reader = Database::open(dir.path(), ro);
  REQUIRE(reader.ok());
  auto out = (*reader)->prepare("MATCH (a {name: $x})-[r]->(b) RETURN type(r), b.name");
  REQUIRE(out.ok());
  auto first = rows(out->execute({{"x", Value("Pavel Dremin")}}));
  REQUIRE(first.size() == 1);
  CHECK(first[0] == Row{Value("meet"), Value("Ana Velasco")});

  rows(add->execute({{"name", Value("Ana Velasco")}, {"other", Value("Oskar Lind")}}));
  // A later execution takes a later snapshot: the writer's new commit is visible.
  auto second = rows(out->execute({{"x", Value("Ana Velasco")}}));
  REQUIRE(second.size() == 1);
  CHECK(second[0][1] == Value("Oskar Lind"));

  auto refused = (*reader)->prepare("CREATE (:P)");
  REQUIRE(refused.ok());  // a write is refused when it runs, as with query()
  CHECK(refused->execute().error().code() == ErrorCode::kReadOnly);
}
