// quarry query: runs one openCypher statement and prints its result.
//
// `--format` picks the printer (cli/output/printer.h); on a terminal the table gets
// colour and the terminal's width, elsewhere (pipe, file, --output) it is the same table
// without colour or truncation. A statement that writes needs the write lock; when
// another process holds it, the database is opened read-only with a notice, so reads
// still work beside an ingest. Results go to stdout, everything else to stderr.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/output/printer.h"
#include "cli/script/limits.h"
#include "cli/script/params.h"

namespace quarry::cli {
namespace {

struct QueryArgs {
  std::string text;
  std::vector<std::string> params;  // name=value
  std::string format = "table";
  std::string output;
  std::string timeout = "off";
  std::string max_rows = "off";
};

int run_query(const GlobalOptions& global, const QueryArgs& args) {
  auto format = parse_output_format(args.format);
  if (!format) {
    std::cerr << fmt::format("quarry query: unknown format '{}' (use one of: {})\n", args.format,
                             format_names());
    return kExitUsage;
  }
  Params params;
  for (const std::string& p : args.params) {
    if (!parse_cli_param(p, params)) {
      std::cerr << fmt::format("quarry query: --param wants name=value, got '{}'\n", p);
      return kExitUsage;
    }
  }
  QueryOptions limits;
  if (!parse_limits("quarry query", args.timeout, args.max_rows, limits)) return kExitUsage;
  int code = kExitOk;
  auto db = open_for_queries(global, code);
  if (!db) return code;
  std::ofstream file;
  std::ostream* out = open_output(args.output, file);
  if (!out) return kExitUsage;
  PrintOptions options = print_options_for_stdout(*format);
  if (out != &std::cout) options.color = false, options.max_width = 0;

  auto started = std::chrono::steady_clock::now();
  auto result = db->query(args.text, params, limits);
  if (!result.ok()) {
    std::cerr << result.error().to_string(args.text) << "\n";
    return exit_code_for(result.error());
  }
  auto rows = print_result(*result, *out, options);
  if (rows.ok()) print_plan(*result, *format, *out);
  out->flush();  // the result first, then the count, when both go to one terminal
  if (!rows.ok()) {
    std::cerr << rows.error().to_string(args.text) << "\n";
    return exit_code_for(rows.error());
  }
  if (!*out) {
    std::cerr << fmt::format("quarry: cannot write {}\n",
                             args.output.empty() ? "stdout" : args.output);
    return kExitUsage;
  }
  if (!global.quiet) {
    std::cerr << fmt::format("{} row{}", *rows, *rows == 1 ? "" : "s");
    if (global.verbose) {
      std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
      std::cerr << fmt::format(" in {:.1f} ms", took.count());
    }
    std::cerr << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_query_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto args = std::make_shared<QueryArgs>();
  auto* cmd = app.add_subcommand("query", "Run one openCypher statement and print its result");
  cmd->add_option("statement", args->text, "The statement, e.g. 'MATCH (n) RETURN count(*)'")
      ->required();
  cmd->add_option("-p,--param", args->params, "A query parameter, name=value (repeatable)");
  cmd->add_option("-f,--format", args->format,
                  "Output format: table (default), csv, tsv, json, jsonl, markdown");
  cmd->add_option("-o,--output", args->output, "Write the result to FILE instead of stdout");
  add_limit_options(*cmd, args->timeout, args->max_rows);
  cmd->callback(
      [&global, &run, args] { run = [&global, args] { return run_query(global, *args); }; });
}

}  // namespace quarry::cli
