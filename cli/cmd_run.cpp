// quarry run: runs a script of statements and `:param` / `:format` / `:timeout` /
// `:maxrows` lines in order.
//
// The script (a file, or `-` for stdin, read whole either way, so a pipe behaves exactly
// like a file) is split by cli/script/script_reader.h. Each statement's result is printed
// in turn on stdout. A failure prints `FILE:LINE:COL:` of the statement and the error with
// its caret in the file's coordinates on stderr, then stops (exit 1, or 3 for database
// errors); with --continue the rest still runs and the exit code is the first failure's.
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/output/printer.h"
#include "cli/script/limits.h"
#include "cli/script/params.h"
#include "cli/script/script_reader.h"

namespace quarry::cli {
namespace {

struct RunArgs {
  std::string script;
  bool keep_going = false;
  std::string format = "table";
  std::string output;
  std::vector<std::string> params;  // name=value, before the script's own :param lines
  std::string timeout = "off";      // until the script's own :timeout line
  std::string max_rows = "off";     // until the script's own :maxrows line
};

class ScriptRun {
 public:
  ScriptRun(const GlobalOptions& global, const RunArgs& args, std::string name, std::string text)
      : global_(global), args_(args), name_(std::move(name)), text_(std::move(text)) {}

  int run(Database& db, std::ostream& out, PrintOptions options, Params params,
          QueryOptions limits) {
    params_ = std::move(params);
    limits_ = limits;
    auto items = read_script(text_);
    if (!items.ok()) return fail(ScriptItem{}, items.error(), false);
    options_ = options;
    for (const ScriptItem& item : *items) {
      int code =
          item.kind == ScriptItem::Kind::kCommand ? command(db, item) : statement(db, out, item);
      if (code != kExitOk) {
        if (first_failure_ == kExitOk) first_failure_ = code;
        if (!args_.keep_going) break;
      }
    }
    return first_failure_;
  }

 private:
  // Prints `error` (its span relative to `item`, or to the file when `relative` is false).
  int fail(const ScriptItem& item, const Error& error, bool relative = true) {
    std::cout.flush();
    SourceSpan span = relative ? to_file_span(item, error.span()) : error.span();
    Error moved(error.code(), error.message(), span, error.hint());
    uint32_t line = relative ? item.line : span.line;
    uint32_t column = relative ? item.column : span.column;
    std::cerr << fmt::format("{}:{}:{}: {}\n", name_, line, column, moved.to_string(text_));
    return exit_code_for(error) == kExitUsage ? kExitQueryError : exit_code_for(error);
  }

  int command(Database& db, const ScriptItem& item) {
    std::string_view text = item.text;
    std::string_view word = text.substr(0, text.find_first_of(" \t"));
    if (word == ":param") {
      auto param = parse_param_command(text);
      if (!param) {
        return fail(item, Error(ErrorCode::kSyntaxError, "expected :param name => value",
                                SourceSpan{1, 1, static_cast<uint32_t>(word.size())}));
      }
      auto value = evaluate_param(db, *param, params_);
      if (!value.ok()) return fail(item, value.error());
      set_param(params_, param->name, std::move(value).value());
      return kExitOk;
    }
    if (word == ":format") {
      std::string_view rest = text.substr(word.size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      auto format = parse_output_format(rest);
      if (!format) {
        return fail(item, Error(ErrorCode::kSyntaxError, fmt::format("unknown format '{}'", rest),
                                SourceSpan{1, static_cast<uint32_t>(word.size() + 2), 1},
                                fmt::format("use one of: {}", format_names())));
      }
      options_.format = *format;
      return kExitOk;
    }
    if (word == ":timeout" || word == ":maxrows") return limit_command(item, word);
    return fail(item, Error(ErrorCode::kSyntaxError, fmt::format("unknown command {}", word),
                            SourceSpan{1, 1, static_cast<uint32_t>(word.size())},
                            "scripts take :param name => value, :format FORMAT, "
                            ":timeout DURATION and :maxrows N"));
  }

  // `:timeout 5s` / `:maxrows 1000` (or off): the limits of the statements after it.
  int limit_command(const ScriptItem& item, std::string_view word) {
    std::string_view text = item.text;
    size_t at = text.find_first_not_of(" \t", word.size());
    std::string_view value = at == std::string_view::npos ? "" : text.substr(at);
    const bool is_timeout = word == ":timeout";
    if (is_timeout) {
      if (auto duration = parse_timeout(value)) {
        limits_.timeout = *duration;
        return kExitOk;
      }
    } else if (auto rows = parse_max_rows(value)) {
      limits_.max_rows = *rows;
      return kExitOk;
    }
    auto column = static_cast<uint32_t>(at == std::string_view::npos ? text.size() + 1 : at + 1);
    auto width = static_cast<uint32_t>(std::max<size_t>(1, value.size()));
    return fail(item,
                Error(ErrorCode::kSyntaxError,
                      fmt::format("{} wants {}", word, is_timeout ? kTimeoutUsage : kMaxRowsUsage),
                      SourceSpan{1, column, width}));
  }

  int statement(Database& db, std::ostream& out, const ScriptItem& item) {
    auto started = std::chrono::steady_clock::now();
    auto result = db.query(item.text, params_, limits_);
    if (!result.ok()) return fail(item, result.error());
    bool spaced =
        options_.format == OutputFormat::kTable || options_.format == OutputFormat::kMarkdown;
    if (spaced && printed_ && !result->columns().empty()) out << '\n';
    auto rows = print_result(*result, out, options_);
    if (rows.ok()) print_plan(*result, options_.format, out);
    out.flush();
    if (!rows.ok()) return fail(item, rows.error());
    printed_ = printed_ || !result->columns().empty();
    std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
    if (global_.verbose) {
      std::cerr << fmt::format("{}:{}:{}: {} row{} in {:.1f} ms\n", name_, item.line, item.column,
                               *rows, *rows == 1 ? "" : "s", took.count());
    } else if (!global_.quiet && !result->columns().empty()) {
      std::cerr << fmt::format("{} row{}\n", *rows, *rows == 1 ? "" : "s");
    }
    return kExitOk;
  }

  const GlobalOptions& global_;
  const RunArgs& args_;
  std::string name_;
  std::string text_;
  PrintOptions options_;
  Params params_;
  QueryOptions limits_;
  bool printed_ = false;
  int first_failure_ = kExitOk;
};

int run_script(const GlobalOptions& global, const RunArgs& args) {
  auto format = parse_output_format(args.format);
  if (!format) {
    std::cerr << fmt::format("quarry run: unknown format '{}' (use one of: {})\n", args.format,
                             format_names());
    return kExitUsage;
  }
  const bool from_stdin = args.script == "-";
  std::string text;
  if (from_stdin) {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(args.script, std::ios::binary);
    if (!in) {
      std::cerr << fmt::format("quarry run: cannot read {}\n", args.script);
      return kExitUsage;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  Params params;
  for (const std::string& p : args.params) {
    if (!parse_cli_param(p, params)) {
      std::cerr << fmt::format("quarry run: --param wants name=value, got '{}'\n", p);
      return kExitUsage;
    }
  }
  QueryOptions limits;
  if (!parse_limits("quarry run", args.timeout, args.max_rows, limits)) return kExitUsage;
  // A byte-order mark from a Windows editor is not part of the first statement.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  int code = kExitOk;
  auto db = open_for_queries(global, code);
  if (!db) return code;
  std::ofstream file;
  std::ostream* out = open_output(args.output, file);
  if (!out) return kExitUsage;
  PrintOptions options = print_options_for_stdout(*format);
  if (out != &std::cout) options.color = false, options.max_width = 0;
  ScriptRun run(global, args, from_stdin ? "<stdin>" : args.script, std::move(text));
  code = run.run(*db, *out, options, std::move(params), limits);
  if (!*out) {
    std::cerr << fmt::format("quarry: cannot write {}\n",
                             out == &std::cout ? "stdout" : args.output);
    return kExitUsage;
  }
  return code;
}

}  // namespace

void add_run_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto args = std::make_shared<RunArgs>();
  auto* cmd =
      app.add_subcommand("run", "Run a script of openCypher statements (FILE, or - for stdin)");
  cmd->add_option("script", args->script,
                  "The script: statements ending in ';', :param, :format, :timeout, :maxrows")
      ->required();
  cmd->add_flag("-c,--continue", args->keep_going,
                "Keep going after a failing statement (the exit code still says it failed)");
  cmd->add_option("-f,--format", args->format,
                  "Output format: table (default), csv, tsv, json, jsonl, markdown");
  cmd->add_option("-o,--output", args->output, "Write results to FILE instead of stdout");
  cmd->add_option("-p,--param", args->params, "A query parameter, name=value (repeatable)");
  add_limit_options(*cmd, args->timeout, args->max_rows);
  cmd->callback(
      [&global, &run, args] { run = [&global, args] { return run_script(global, *args); }; });
}

}  // namespace quarry::cli
