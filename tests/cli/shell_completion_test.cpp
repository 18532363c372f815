// Tab completion of the shell, without a terminal: which words fit at the cursor.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cli/shell/completion.h"

using quarry::cli::shell::bound_variables;
using quarry::cli::shell::complete;
using quarry::cli::shell::Completion;
using quarry::cli::shell::CompletionSources;

namespace {

CompletionSources sample_sources() {
  CompletionSources s;
  s.labels = {"Person", "Place", "Organization"};
  s.rel_types = {"meet", "meet_with", "arrive_in"};
  s.property_keys = {"name", "aliases", "support", "text"};
  s.param_names = {"who", "limit"};
  s.commands = {":help", ":format", ":timing", ":explain", ":quit", ":params", ":param"};
  s.entity_names = [](std::string_view prefix) {
    std::vector<std::string> all = {"Kim Jong Un", "Kim Yo Jong", "O'Brien"};
    std::vector<std::string> out;
    for (const auto& n : all) {
      if (n.size() >= prefix.size() &&
          std::equal(prefix.begin(), prefix.end(), n.begin(),
                     [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
        out.push_back(n);
      }
    }
    return out;
  };
  return s;
}

bool has(const Completion& c, const std::string& word) {
  return std::find(c.candidates.begin(), c.candidates.end(), word) != c.candidates.end();
}

}  // namespace

TEST_CASE("labels after a colon in a node pattern") {
  auto s = sample_sources();
  Completion c = complete("", "MATCH (n:Pe", s);
  CHECK(c.start == 9);
  CHECK(c.candidates == std::vector<std::string>{"Person"});
  c = complete("", "MATCH (:P", s);
  CHECK(c.candidates == std::vector<std::string>{"Person", "Place"});
  // Label tests in WHERE are labels too; lower-case typing still finds them.
  c = complete("", "MATCH (n) WHERE n:org", s);
  CHECK(c.candidates == std::vector<std::string>{"Organization"});
}

TEST_CASE("relationship types inside brackets, also after |") {
  auto s = sample_sources();
  Completion c = complete("", "MATCH (a)-[r:me", s);
  CHECK(c.candidates == std::vector<std::string>{"meet", "meet_with"});
  c = complete("", "MATCH (a)-[:meet|arr", s);
  CHECK(c.candidates == std::vector<std::string>{"arrive_in"});
}

TEST_CASE("a colon inside a map is not a label position") {
  auto s = sample_sources();
  Completion c = complete("", "MATCH (n {name: tr", s);
  CHECK(has(c, "true"));
  CHECK_FALSE(has(c, "Person"));
}

TEST_CASE("keywords follow the case being typed; functions get a parenthesis") {
  auto s = sample_sources();
  Completion c = complete("", "MATCH (n) RET", s);
  CHECK(c.candidates == std::vector<std::string>{"RETURN"});
  c = complete("", "match (n) ret", s);
  CHECK(c.candidates == std::vector<std::string>{"return"});
  c = complete("", "RETURN toUp", s);
  CHECK(c.candidates == std::vector<std::string>{"toUpper("});
  c = complete("", "RETURN shortest", s);
  CHECK(c.candidates == std::vector<std::string>{"shortestPath("});
}

TEST_CASE("property keys after a dot, procedures after quarry.") {
  auto s = sample_sources();
  Completion c = complete("", "MATCH (n) RETURN n.na", s);
  CHECK(c.start == 19);
  CHECK(c.candidates == std::vector<std::string>{"name"});
  c = complete("", "CALL quarry.lo", s);
  CHECK(c.candidates == std::vector<std::string>{"lookup('"});
  c = complete("", "CALL qua", s);
  CHECK(c.candidates == std::vector<std::string>{"quarry."});
}

TEST_CASE("parameters after $") {
  auto s = sample_sources();
  Completion c = complete("", "MATCH (n {name: $w", s);
  CHECK(c.candidates == std::vector<std::string>{"who"});
}

TEST_CASE("variables bound earlier in the statement, across its lines") {
  auto s = sample_sources();
  Completion c = complete("MATCH (person:Person)-[rel:meet]->(other)", "WHERE pe", s);
  CHECK(c.start == 6);
  CHECK(has(c, "person"));
  c = complete("MATCH (person)\nWITH count(*) AS total", "RETURN to", s);
  CHECK(has(c, "total"));
  CHECK(has(c, "toUpper("));
  CHECK(bound_variables("MATCH (a)-[r:meet]->(b) WITH a, count(r) AS n UNWIND [1, 2] AS x") ==
        std::vector<std::string>{"a", "r", "b", "n", "x"});
  // Neither a function's argument nor a list literal binds anything.
  CHECK(bound_variables("RETURN count(q), [z]").empty());
  // Nor does text inside a string.
  CHECK(bound_variables("RETURN '(fake' AS real") == std::vector<std::string>{"real"});
}

TEST_CASE("entity names inside quarry.lookup('") {
  auto s = sample_sources();
  Completion c = complete("", "CALL quarry.lookup('kim", s);
  CHECK(c.start == 20);
  CHECK(c.candidates == std::vector<std::string>{"Kim Jong Un'", "Kim Yo Jong'"});
  // The quote a name contains is escaped for the literal.
  c = complete("", "CALL quarry.lookup(\"o'", s);
  CHECK(c.candidates == std::vector<std::string>{"O'Brien\""});
  c = complete("", "CALL quarry.lookup('o", s);
  CHECK(c.candidates == std::vector<std::string>{"O\\'Brien'"});
  // A closed argument completes as ordinary text again.
  c = complete("", "CALL quarry.lookup('Kim') YIE", s);
  CHECK(c.candidates == std::vector<std::string>{"YIELD"});
}

TEST_CASE("nothing inside an ordinary string") {
  auto s = sample_sources();
  CHECK(complete("", "RETURN 'MAT", s).candidates.empty());
}

TEST_CASE("shell commands and their arguments") {
  auto s = sample_sources();
  Completion c = complete("", ":fo", s);
  CHECK(c.start == 0);
  CHECK(c.candidates == std::vector<std::string>{":format"});
  c = complete("", ":param", s);
  CHECK(c.candidates == std::vector<std::string>{":param", ":params"});
  c = complete("", ":format js", s);
  CHECK(c.start == 8);
  CHECK(c.candidates == std::vector<std::string>{"json", "jsonl"});
  c = complete("", ":timing o", s);
  CHECK(c.candidates == std::vector<std::string>{"off", "on"});
  // :explain completes its query.
  c = complete("", ":explain MATCH (n:Pers", s);
  CHECK(c.start == 18);
  CHECK(c.candidates == std::vector<std::string>{"Person"});
  // A colon on a continuation line is part of the statement, not a command.
  c = complete("MATCH (n", ":Pe", s);
  CHECK(c.candidates == std::vector<std::string>{"Person"});
}
