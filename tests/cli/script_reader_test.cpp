#include <catch2/catch.hpp>

#include "cli/script/script_reader.h"

using namespace quarry;
using namespace quarry::cli;

namespace {

std::vector<ScriptItem> items_of(std::string_view script) {
  auto items = read_script(script);
  REQUIRE(items.ok());
  return *items;
}

}  // namespace

TEST_CASE("statements end at ; and the last may omit it", "[script]") {
  auto items = items_of("RETURN 1;\n  MATCH (n)\n  RETURN n;\nRETURN 3");
  REQUIRE(items.size() == 3);
  CHECK(items[0].text == "RETURN 1");
  CHECK(items[0].line == 1);
  CHECK(items[0].column == 1);
  CHECK(items[1].text == "MATCH (n)\n  RETURN n");
  CHECK(items[1].line == 2);
  CHECK(items[1].column == 3);
  CHECK(items[2].text == "RETURN 3");
  CHECK(items[2].line == 4);
  CHECK(items_of("RETURN 1; RETURN 2;").size() == 2);
  CHECK(items_of("RETURN 1; RETURN 2;")[1].column == 11);
}

TEST_CASE("; inside strings, identifiers and comments does not end a statement", "[script]") {
  auto items = items_of(
      "RETURN 'a;b', \"c;d\", 'it\\'s;' AS `x;y`; // no; split\n"
      "/* still; one */ RETURN 2 /* ; */;\n");
  REQUIRE(items.size() == 2);
  CHECK(items[0].text == "RETURN 'a;b', \"c;d\", 'it\\'s;' AS `x;y`");
  CHECK(items[1].text == "RETURN 2 /* ; */");
  CHECK(items[1].line == 2);
  CHECK(items[1].column == 18);
}

TEST_CASE("blank and comment-only statements are dropped", "[script]") {
  CHECK(items_of("").empty());
  CHECK(items_of("  \n// only a comment\n/* and\nanother */\n;;\n").empty());
  auto items = items_of("RETURN 1 // trailing comment, no semicolon");
  REQUIRE(items.size() == 1);
  CHECK(items[0].text == "RETURN 1 // trailing comment, no semicolon");
}

TEST_CASE(": lines are commands, one per line, outside statements only", "[script]") {
  auto items = items_of(":param who => 'Ada; Park'\n  :format csv\nMATCH (n\n:Person) RETURN n;\n");
  REQUIRE(items.size() == 3);
  CHECK(items[0].kind == ScriptItem::Kind::kCommand);
  CHECK(items[0].text == ":param who => 'Ada; Park'");
  CHECK(items[1].kind == ScriptItem::Kind::kCommand);
  CHECK(items[1].text == ":format csv");
  CHECK(items[1].line == 2);
  CHECK(items[1].column == 3);
  CHECK(items[2].kind == ScriptItem::Kind::kStatement);
  CHECK(items[2].text == "MATCH (n\n:Person) RETURN n");
}

TEST_CASE("unterminated strings and comments are errors at their opening", "[script]") {
  auto a = read_script("RETURN 1;\nRETURN 'abc;\n");
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().code() == ErrorCode::kSyntaxError);
  CHECK(a.error().span().line == 2);
  CHECK(a.error().span().column == 8);
  CHECK(a.error().message() == "unterminated string");
  auto b = read_script("RETURN 1;\n  /* never closed ;\n");
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().span().line == 2);
  CHECK(b.error().span().column == 3);
  auto c = read_script("MATCH (`x) RETURN 1");
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().span().column == 8);
  auto d = read_script("RETURN \"x\\\"");  // the escaped quote does not close it
  REQUIRE_FALSE(d.ok());
}

TEST_CASE("columns count characters, not bytes", "[script]") {
  auto items = items_of("RETURN '金正恩'; RETURN 2");
  REQUIRE(items.size() == 2);
  CHECK(items[1].column == 15);
}

TEST_CASE("statement_complete drives the continuation prompt", "[script]") {
  CHECK(statement_complete(""));
  CHECK(statement_complete("RETURN 1;"));
  CHECK(statement_complete("RETURN 1;  // done"));
  CHECK(statement_complete(":help"));
  CHECK_FALSE(statement_complete("RETURN 1"));
  CHECK_FALSE(statement_complete("MATCH (n)\nRETURN n"));
  CHECK_FALSE(statement_complete("RETURN 'a;"));
  CHECK_FALSE(statement_complete("RETURN 1 /* ; "));
  CHECK_FALSE(statement_complete("RETURN 1; RETURN 2"));
  CHECK(statement_complete("RETURN 'a;\nb';"));
}

TEST_CASE("to_file_span moves an engine error into the script", "[script]") {
  ScriptItem item;
  item.line = 5;
  item.column = 3;
  SourceSpan first = to_file_span(item, SourceSpan{1, 4, 2});
  CHECK(first.line == 5);
  CHECK(first.column == 6);
  CHECK(first.length == 2);
  SourceSpan later = to_file_span(item, SourceSpan{3, 7, 1});
  CHECK(later.line == 7);
  CHECK(later.column == 7);
  CHECK_FALSE(to_file_span(item, SourceSpan{}).known());
}

TEST_CASE(":param commands split into name and value", "[script]") {
  auto p = parse_param_command(":param who =>  'Ada Park' ");
  REQUIRE(p.has_value());
  CHECK(p->name == "who");
  CHECK(p->value == "'Ada Park'");
  CHECK(p->value_column == 16);
  auto q = parse_param_command(":param `a b`=>[1, 2]");
  REQUIRE(q.has_value());
  CHECK(q->name == "a b");
  CHECK(q->value == "[1, 2]");
  CHECK_FALSE(parse_param_command(":param who").has_value());
  CHECK_FALSE(parse_param_command(":param => 1").has_value());
  CHECK_FALSE(parse_param_command(":params").has_value());
  CHECK_FALSE(parse_param_command(":param x =>").has_value());
}

TEST_CASE("CRLF line ends split like LF", "[script]") {
  auto items = items_of(":format csv\r\nRETURN 1;\r\nRETURN\r\n  2\r\n");
  REQUIRE(items.size() == 3);
  CHECK(items[0].text == ":format csv");
  CHECK(items[1].text == "RETURN 1");
  CHECK(items[2].text == "RETURN\r\n  2");
  CHECK(items[2].line == 3);
}
