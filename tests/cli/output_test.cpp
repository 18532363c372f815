#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "cli/output/printer.h"
#include "cli/output/text_width.h"
#include "cli/output/value_text.h"
#include "cli/rows_fixture.h"
#include "cli/script/params.h"

using namespace quarry;
using namespace quarry::cli;
using quarry::testing::rows_result;

namespace {

std::string print(OutputFormat format, std::vector<std::string> columns, std::vector<Row> rows,
                  PrintOptions options = {}) {
  options.format = format;
  auto result = rows_result(std::move(columns), std::move(rows));
  std::ostringstream out;
  auto printed = print_result(result, out, options);
  REQUIRE(printed.ok());
  return out.str();
}

Value person(int64_t id, const std::string& name) {
  return Node{id, {"Person"}, std::make_shared<Map>(Map{{"name", name}})};
}

Value meet(int64_t id, int64_t from, int64_t to) {
  return Relationship{id, from, to, "meet", std::make_shared<Map>(Map{{"support", 2}})};
}

}  // namespace

TEST_CASE("format names parse both ways", "[output]") {
  for (auto f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kTsv, OutputFormat::kJson,
                 OutputFormat::kJsonl, OutputFormat::kMarkdown}) {
    CHECK(parse_output_format(format_name(f)) == f);
  }
  CHECK(parse_output_format("CSV") == OutputFormat::kCsv);
  CHECK(parse_output_format("md") == OutputFormat::kMarkdown);
  CHECK_FALSE(parse_output_format("yaml").has_value());
}

TEST_CASE("values read like Cypher with double-quoted nested strings", "[output]") {
  using output::display_text;
  CHECK(display_text(Value("Kim Jong Un")) == "Kim Jong Un");
  CHECK(display_text(person(1, "Kim Jong Un")) == "(:Person {name: \"Kim Jong Un\"})");
  CHECK(display_text(meet(5, 1, 2)) == "[:meet {support: 2}]");
  CHECK(display_text(Value(List{"a, b", 1, nullptr})) == "[\"a, b\", 1, null]");
  CHECK(display_text(Value(Map{{"say \"hi\"", "x\ny"}})) == "{`say \"hi\"`: \"x\\ny\"}");
  CHECK(display_text(Value(2.0)) == "2.0");
  Path forward{{person(1, "A").as_node(), person(2, "B").as_node()},
               {meet(5, 1, 2).as_relationship()}};
  CHECK(display_text(Value(forward)) ==
        "(:Person {name: \"A\"})-[:meet {support: 2}]->(:Person {name: \"B\"})");
  Path backward{{person(2, "B").as_node(), person(1, "A").as_node()},
                {meet(5, 1, 2).as_relationship()}};
  CHECK(display_text(Value(backward)) ==
        "(:Person {name: \"B\"})<-[:meet {support: 2}]-(:Person {name: \"A\"})");
}

TEST_CASE("display width counts wide CJK characters as two cells", "[output]") {
  using namespace quarry::cli::output;
  CHECK(display_width("abc") == 3);
  CHECK(display_width("金正恩") == 6);
  CHECK(display_width("Zoë") == 3);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(truncate_to_width("abcdef", 4, "…") == "abc…");
  CHECK(truncate_to_width("abcd", 4, "…") == "abcd");
  CHECK(truncate_to_width("金正恩", 4, "…") == "金…");  // never half a character
  CHECK(truncate_to_width("金正恩", 5, "…") == "金正…");
  CHECK(one_line("a\tb\nc") == "a\\tb\\nc");
}

TEST_CASE("csv quotes commas, quotes and line breaks per RFC 4180", "[output]") {
  std::string out = print(OutputFormat::kCsv, {"name", "n"},
                          {{"plain", 1}, {"a,b", 2}, {"say \"hi\"", 3}, {"two\nlines", nullptr}});
  CHECK(out == "name,n\nplain,1\n\"a,b\",2\n\"say \"\"hi\"\"\",3\n\"two\nlines\",\n");
  CHECK(print(OutputFormat::kCsv, {"a,b"}, {}) == "\"a,b\"\n");
}

TEST_CASE("tsv escapes tab, newline, CR and backslash", "[output]") {
  std::string out =
      print(OutputFormat::kTsv, {"a", "b"}, {{"x\ty", "1\\2"}, {"l1\nl2\r", nullptr}});
  CHECK(out == "a\tb\nx\\ty\t1\\\\2\nl1\\nl2\\r\t\n");
}

TEST_CASE("json is valid, keeps column order, UTF-8 and the graph shapes", "[output]") {
  Path p{{person(1, "A").as_node(), person(2, "B").as_node()}, {meet(5, 1, 2).as_relationship()}};
  std::string out =
      print(OutputFormat::kJson, {"z", "a", "node", "rel", "path", "list"},
            {{"金正恩 \"q\"", 1.5, person(1, "Kim"), meet(5, 1, 2), Value(p), List{1, "x"}},
             {nullptr, true, nullptr, nullptr, nullptr, Map{{"k", 1}}}});
  auto doc = nlohmann::ordered_json::parse(out);
  REQUIRE(doc.is_array());
  REQUIRE(doc.size() == 2);
  CHECK(doc[0].begin().key() == "z");
  CHECK(doc[0]["z"] == "金正恩 \"q\"");
  CHECK(doc[0]["a"] == 1.5);
  CHECK(doc[0]["node"]["id"] == 1);
  CHECK(doc[0]["node"]["labels"][0] == "Person");
  CHECK(doc[0]["node"]["properties"]["name"] == "Kim");
  CHECK(doc[0]["rel"]["type"] == "meet");
  CHECK(doc[0]["rel"]["start"] == 1);
  CHECK(doc[0]["rel"]["end"] == 2);
  CHECK(doc[0]["rel"]["properties"]["support"] == 2);
  CHECK(doc[0]["path"]["nodes"].size() == 2);
  CHECK(doc[0]["path"]["relationships"][0]["id"] == 5);
  CHECK(doc[0]["list"][1] == "x");
  CHECK(doc[1]["z"].is_null());
  CHECK(doc[1]["list"]["k"] == 1);
  CHECK(nlohmann::json::parse(print(OutputFormat::kJson, {"a"}, {})) == nlohmann::json::array());
}

TEST_CASE("json replaces invalid UTF-8 instead of failing", "[output]") {
  std::string out = print(OutputFormat::kJsonl, {"s"}, {{std::string("ok\xff")}});
  CHECK(nlohmann::json::parse(out)["s"] == "ok\xEF\xBF\xBD");
}

TEST_CASE("jsonl writes one object per line", "[output]") {
  std::string out = print(OutputFormat::kJsonl, {"n", "s"}, {{1, "a"}, {2, "b\nc"}});
  std::istringstream in(out);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    auto row = nlohmann::json::parse(line);
    CHECK(row["n"] == ++n);
  }
  CHECK(n == 2);
}

TEST_CASE("markdown escapes pipes and right-aligns numbers", "[output]") {
  std::string out = print(OutputFormat::kMarkdown, {"name", "n"}, {{"a|b", 10}, {"x\ny", nullptr}});
  CHECK(out ==
        "| name   | n   |\n"
        "| ------ | --: |\n"
        "| a\\|b   |  10 |\n"
        "| x<br>y |     |\n");
}

TEST_CASE("table: box, types, right-aligned numbers, dim nulls only with colour", "[output]") {
  PrintOptions ascii;
  ascii.unicode = false;
  std::string out =
      print(OutputFormat::kTable, {"name", "n"}, {{"Sorel", 1}, {"金正恩", 25}}, ascii);
  CHECK(out ==
        "+--------+-----+\n"
        "| name   |   n |\n"
        "| STRING | INT |\n"
        "+--------+-----+\n"
        "| Sorel  |   1 |\n"
        "| 金正恩 |  25 |\n"
        "+--------+-----+\n");
  std::string boxed = print(OutputFormat::kTable, {"x"}, {{nullptr}, {1.5}});
  CHECK(boxed.find("┌───────┐") == 0);
  CHECK(boxed.find("│     x │") != std::string::npos);
  CHECK(boxed.find("│ FLOAT │") != std::string::npos);
  CHECK(boxed.find("│  null │") != std::string::npos);
  CHECK(boxed.find('\x1b') == std::string::npos);
  std::string empty = print(OutputFormat::kTable, {"x"}, {});
  CHECK(empty == "┌───┐\n│ x │\n├───┤\n└───┘\n");  // no rows, no types
  PrintOptions color;
  color.color = true;
  std::string colored = print(OutputFormat::kTable, {"x"}, {{nullptr}}, color);
  CHECK(colored.find("\x1b[1mx\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[2mnull\x1b[0m") != std::string::npos);
}

TEST_CASE("table: long values are cut with an ellipsis to fit max_width", "[output]") {
  PrintOptions narrow;
  narrow.max_width = 20;
  narrow.show_types = false;
  std::string out = print(OutputFormat::kTable, {"a", "b"},
                          {{std::string(30, 'x'), "short"}, {"金正恩金正恩金正恩", "y"}}, narrow);
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) CHECK(output::display_width(line) <= 20);
  CHECK(out.find("xxxxxx…") != std::string::npos);
  CHECK(out.find("short") != std::string::npos);
  PrintOptions wide;
  CHECK(print(OutputFormat::kTable, {"a"}, {{std::string(300, 'x')}}, wide)
            .find(std::string(300, 'x')) != std::string::npos);
}

TEST_CASE("table: rows after the measured ones stream with the same widths", "[output]") {
  PrintOptions options;
  options.unicode = false;
  options.show_types = false;
  auto result = QueryResult(std::make_unique<quarry::testing::GeneratedRows>(
      std::vector<std::string>{"v"}, [](uint64_t i, Row& row) {
        if (i > kMeasureRows) return false;
        row.push_back(i == kMeasureRows ? Value(std::string(20, 'y')) : Value("abcd"));
        return true;
      }));
  std::ostringstream out;
  auto rows = print_result(result, out, options);
  REQUIRE(rows.ok());
  CHECK(*rows == kMeasureRows + 1);
  CHECK(out.str().find("| y... |") != std::string::npos);
}

TEST_CASE("csv and jsonl stream a large result without holding it", "[output]") {
  // Rows are generated on demand; 50k rows of a ~1 KB string would need ~50 MB if
  // buffered, and the printer only ever sees one at a time.
  for (auto format : {OutputFormat::kCsv, OutputFormat::kTsv, OutputFormat::kJsonl}) {
    const std::string big(1000, 'z');
    auto result = QueryResult(std::make_unique<quarry::testing::GeneratedRows>(
        std::vector<std::string>{"i", "s"}, [&big](uint64_t i, Row& row) {
          if (i >= 50000) return false;
          row.push_back(static_cast<int64_t>(i));
          row.push_back(big);
          return true;
        }));
    struct CountingBuf : std::streambuf {
      uint64_t bytes = 0;
      int_type overflow(int_type c) override {
        ++bytes;
        return c;
      }
      std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<uint64_t>(n);
        return n;
      }
    } sink;
    std::ostream out(&sink);
    PrintOptions options;
    options.format = format;
    auto rows = print_result(result, out, options);
    REQUIRE(rows.ok());
    CHECK(*rows == 50000);
    CHECK(sink.bytes > 50000ull * 1000);
  }
}

TEST_CASE("a row error stops printing and is returned", "[output]") {
  struct Failing : RowSource {
    std::vector<std::string> cols{"i"};
    int n = 0;
    const std::vector<std::string>& columns() const override { return cols; }
    Result<bool> next(Row& row) override {
      if (n == 2) return Error(ErrorCode::kRuntimeError, "/ by zero");
      row = {n++};
      return true;
    }
    void cancel() override {}
    std::string plan() const override { return {}; }
  };
  QueryResult failing(std::make_unique<Failing>());
  std::ostringstream out;
  PrintOptions options;
  options.format = OutputFormat::kJson;
  auto rows = print_result(failing, out, options);
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.error().code() == ErrorCode::kRuntimeError);
  CHECK(nlohmann::json::parse(out.str()).size() == 2);  // what was printed stays valid
}

TEST_CASE("command-line param values read as numbers, booleans, null or strings", "[params]") {
  Params params;
  CHECK(parse_cli_param("n=42", params));
  CHECK(parse_cli_param("f=1.5", params));
  CHECK(parse_cli_param("b=true", params));
  CHECK(parse_cli_param("z=null", params));
  CHECK(parse_cli_param("who=Ana Velasco", params));
  CHECK(parse_cli_param("id=12abc", params));
  CHECK(parse_cli_param("n=7", params));  // replaces
  CHECK_FALSE(parse_cli_param("novalue", params));
  CHECK_FALSE(parse_cli_param("=1", params));
  REQUIRE(params.size() == 6);
  CHECK(*find(params, "n") == Value(7));
  CHECK(*find(params, "f") == Value(1.5));
  CHECK(*find(params, "b") == Value(true));
  CHECK(find(params, "z")->is_null());
  CHECK(*find(params, "who") == Value("Ana Velasco"));
  CHECK(*find(params, "id") == Value("12abc"));
}
