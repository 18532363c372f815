// quarry query: runs one openCypher statement and prints its rows as an aligned table.
//
// The one-shot form the demo and scripts use until the full shell lands (issue 4 adds
// output formats and `quarry run`). A statement that writes needs the write lock; when
// another process holds it, the database is opened read-only with a notice, so reads
// still work beside an ingest.
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace quarry::cli {
namespace {

struct QueryArgs {
  std::string text;
  std::vector<std::string> params;  // name=value
};

// Display width of UTF-8 text in code points: close enough for aligning columns of
// names and numbers (wide CJK characters are the known exception).
size_t display_width(const std::string& s) {
  size_t width = 0;
  for (unsigned char c : s) width += (c & 0xC0) != 0x80;
  return width;
}

// A parameter value as a user types it: integers, floats, true/false/null, else a string.
Value parse_param_value(const std::string& text) {
  if (text == "null") return Value();
  if (text == "true") return Value(true);
  if (text == "false") return Value(false);
  try {
    size_t used = 0;
    long long i = std::stoll(text, &used);
    if (used == text.size()) return Value(static_cast<int64_t>(i));
    double d = std::stod(text, &used);
    if (used == text.size()) return Value(d);
  } catch (const std::exception&) {
    // not a number: a string
  }
  return Value(text);
}

void print_table(const std::vector<std::string>& columns, const std::vector<Row>& rows) {
  std::vector<size_t> widths;
  for (const auto& c : columns) widths.push_back(display_width(c));
  std::vector<std::vector<std::string>> cells;
  for (const Row& row : rows) {
    auto& line = cells.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      line.push_back(row[i].to_string());
      widths[i] = std::max(widths[i], display_width(line.back()));
    }
  }
  auto print_line = [&](const std::vector<std::string>& values) {
    std::string out;
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out += " | ";
      out += values[i];
      if (i + 1 < values.size()) out.append(widths[i] - display_width(values[i]), ' ');
    }
    std::cout << out << "\n";
  };
  print_line(columns);
  std::string rule;
  for (size_t i = 0; i < widths.size(); ++i) rule += (i ? "-+-" : "") + std::string(widths[i], '-');
  std::cout << rule << "\n";
  for (const auto& line : cells) print_line(line);
}

int run_query(const GlobalOptions& global, const QueryArgs& args) {
  Params params;
  for (const std::string& p : args.params) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << fmt::format("quarry query: --param wants name=value, got '{}'\n", p);
      return kExitUsage;
    }
    params.emplace_back(p.substr(0, eq), parse_param_value(p.substr(eq + 1)));
  }
  OpenOptions options;
  options.read_only_if_locked = true;
  int code = kExitOk;
  auto db = open_database(global, options, code);
  if (!db) return code;
  if (db->read_only() && !global.quiet) {
    std::cerr << "quarry: another process is writing to the database; opened read-only\n";
  }
  auto result = db->query(args.text, params);
  if (!result.ok()) {
    std::cerr << result.error().to_string(args.text) << "\n";
    return exit_code_for(result.error());
  }
  auto rows = result->fetch_all();
  if (!rows.ok()) {
    std::cerr << rows.error().to_string(args.text) << "\n";
    return exit_code_for(rows.error());
  }
  if (!result->columns().empty()) print_table(result->columns(), *rows);
  std::cout.flush();  // the table first, then the count, when both go to one terminal
  if (!global.quiet) {
    std::cerr << fmt::format("{} row{}\n", rows->size(), rows->size() == 1 ? "" : "s");
  }
  return kExitOk;
}

}  // namespace

void add_query_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto args = std::make_shared<QueryArgs>();
  auto* cmd = app.add_subcommand("query", "Run one openCypher statement and print its rows");
  cmd->add_option("statement", args->text, "The statement, e.g. 'MATCH (n) RETURN count(*)'")
      ->required();
  cmd->add_option("-p,--param", args->params, "A query parameter, name=value (repeatable)");
  cmd->callback(
      [&global, &run, args] { run = [&global, args] { return run_query(global, *args); }; });
}

}  // namespace quarry::cli
