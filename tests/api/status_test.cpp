#include <catch2/catch.hpp>

#include "quarry/status.h"

using namespace quarry;

TEST_CASE("an error renders line:col, the source line and a caret under the span") {
  Error e(ErrorCode::kSyntaxError, "unexpected '!='", SourceSpan{2, 9, 2},
          "Cypher writes inequality as <>");
  std::string text = e.to_string("MATCH (a)\nWHERE a != b\nRETURN a");
  CHECK(text ==
        "SyntaxError at 2:9: unexpected '!='\n"
        "  WHERE a != b\n"
        "          ^^\n"
        "hint: Cypher writes inequality as <>");
}

TEST_CASE("the caret counts characters, not bytes, on lines with UTF-8") {
  Error e(ErrorCode::kSemanticError, "unknown variable", SourceSpan{1, 10, 1});
  std::string text = e.to_string("RETURN 'é', x");
  CHECK(text == "SemanticError at 1:10: unknown variable\n  RETURN 'é', x\n           ^");
}

TEST_CASE("an error without a span has no caret") {
  Error e(ErrorCode::kDatabaseInUse, "database is in use");
  CHECK(e.to_string("anything") == "DatabaseInUse: database is in use");
}

TEST_CASE("Result holds a value or an error") {
  Result<int> good = 3;
  REQUIRE(good.ok());
  CHECK(*good == 3);
  Result<int> bad = Error(ErrorCode::kNotFound, "no such document");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code() == ErrorCode::kNotFound);
  CHECK(bad.status().code() == ErrorCode::kNotFound);
}
