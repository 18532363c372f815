#include <catch2/catch.hpp>

#include "quarry/value.h"

using namespace quarry;

TEST_CASE("scalar values print as Cypher literals") {
  CHECK(Value().to_string() == "null");
  CHECK(Value(true).to_string() == "true");
  CHECK(Value(int64_t{-42}).to_string() == "-42");
  CHECK(Value(1.5).to_string() == "1.5");
  CHECK(Value(2.0).to_string() == "2.0");
  CHECK(Value("it's").to_string() == "'it\\'s'");
}

TEST_CASE("collections print nested") {
  Value v(List{Value(1), Value("a"), Value(Map{{"k", Value(List{})}})});
  CHECK(v.to_string() == "[1, 'a', {k: []}]");
}

TEST_CASE("nodes, relationships and paths print readably") {
  auto props = std::make_shared<Map>(Map{{"name", Value("Kim Jong Un")}});
  Node kim{1, {"Person"}, props};
  Node shoigu{2, {"Person"}, std::make_shared<Map>(Map{{"name", Value("Sergei Shoigu")}})};
  Relationship met{7, 2, 1, "meet", std::make_shared<Map>()};
  CHECK(Value(kim).to_string() == "(:Person {name: 'Kim Jong Un'})");
  CHECK(Value(met).to_string() == "[:meet]");
  Path p{{kim, shoigu}, {met}};
  CHECK(Value(p).to_string() ==
        "(:Person {name: 'Kim Jong Un'})<-[:meet]-(:Person {name: 'Sergei Shoigu'})");
}

TEST_CASE("equality is structural and kind-sensitive") {
  CHECK(Value(1) == Value(int64_t{1}));
  CHECK_FALSE(Value(1) == Value(1.0));
  CHECK(Value(List{Value(1)}) == Value(List{Value(1)}));
  CHECK(find(Map{{"a", Value(1)}}, "a") != nullptr);
  CHECK(find(Map{{"a", Value(1)}}, "b") == nullptr);
}

TEST_CASE("a shared string is a string: kind, text, equality, printing, copies") {
  auto text = std::make_shared<const std::string>("negotiated_trade_agreement_with");
  Value shared = Value::shared_string(text);
  CHECK(shared.kind() == ValueKind::kString);
  CHECK_FALSE(shared.is_null());
  CHECK(shared.as_string() == "negotiated_trade_agreement_with");
  CHECK(shared == Value("negotiated_trade_agreement_with"));
  CHECK(Value("negotiated_trade_agreement_with") == shared);
  CHECK_FALSE(shared == Value("met"));
  CHECK(shared.to_string() == "'negotiated_trade_agreement_with'");
  CHECK(Value(List{shared, Value(1)}) == Value(List{Value(*text), Value(1)}));
  // Copies share the text instead of copying it; the text outlives the original Value.
  Value copy = shared;
  CHECK(&copy.as_string() == text.get());
  shared = Value(2);
  text.reset();
  CHECK(copy.as_string() == "negotiated_trade_agreement_with");
  Value moved = std::move(copy);
  CHECK(moved.kind() == ValueKind::kString);
  CHECK(moved.as_string() == "negotiated_trade_agreement_with");
}
