#include "cli/shell/shell.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/script/script_reader.h"
#include "cli/shell/interrupt.h"
#include "cli/shell/line_editor.h"

namespace quarry::cli::shell {
namespace {

constexpr const char* kPrompt = "quarry> ";
constexpr const char* kContinuation = "   ...> ";

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

Shell::Shell(Database& db, ShellOptions options) : db_(db), options_(std::move(options)) {
  sources_.commands = shell_commands();
  sources_.entity_names = [this](std::string_view prefix) { return entity_names(prefix); };
  watcher_ = std::make_unique<InterruptWatcher>();
}

Shell::~Shell() = default;

int Shell::run() {
  LineEditor editor(stdin, stdout, stderr, LineEditor::Options{options_.history_path});
  editor.set_completer([this](std::string_view before) { return complete(before); });
  if (!options_.quiet) {
    notice(
        fmt::format("Quarry {} shell. Statements end with ';'. :help for commands, Ctrl-D to exit.",
                    QUARRY_VERSION));
  }
  while (!quit_) {
    std::cout.flush();
    std::string line;
    auto status = editor.read_line(pending_.empty() ? kPrompt : kContinuation, line);
    if (status == LineEditor::ReadStatus::kEof) {
      std::cout << "\n";
      break;
    }
    if (status == LineEditor::ReadStatus::kInterrupted) {
      pending_.clear();  // ^C abandons the whole statement, not just this line
      continue;
    }
    if (pending_.empty()) {
      schema_stale_ = true;  // a new statement: names may have changed since the last Tab
      std::string t = trim(line);
      if (t.empty()) continue;
      if (t[0] == ':') {
        editor.add_history(t);
        run_command(t);
        continue;
      }
    }
    pending_ += pending_.empty() ? line : "\n" + line;
    if (!statement_complete(pending_)) continue;
    std::string text = std::move(pending_);
    pending_.clear();
    editor.add_history(trim(text));
    run_text(text, "");
  }
  return 0;
}

bool Shell::run_text(const std::string& text, const std::string& file) {
  auto items = read_script(text);
  if (!items.ok()) {
    print_error(items.error(), text, file);
    return false;
  }
  for (const ScriptItem& item : *items) {
    bool ok = item.kind == ScriptItem::Kind::kCommand
                  ? run_command(item.text)
                  : run_statement(item.text, text, item.line, item.column, file);
    if (!ok || quit_) return ok;
  }
  return true;
}

bool Shell::run_statement(const std::string& statement, const std::string& script, uint32_t line,
                          uint32_t column, const std::string& file) {
  auto start = std::chrono::steady_clock::now();
  auto result = db_.query(statement, params_, options_.limits);
  Error error;
  uint64_t rows = 0;
  if (result.ok()) {
    auto printed = [&] {
      WatchScope scope(*watcher_, *result);
      PrintOptions print = print_options_for_stdout(format_);
      print.color = print.color && options_.color;
      return print_result(*result, std::cout, print);
    }();
    std::cout.flush();
    if (printed.ok()) {
      rows = printed.value();
    } else {
      error = printed.error();
    }
  } else {
    error = result.error();
  }
  if (error.code() == ErrorCode::kCancelled) {
    std::cout.flush();
    std::cerr << "cancelled\n";
    return false;
  }
  if (error.code() != ErrorCode::kOk) {
    ScriptItem item;
    item.line = line;
    item.column = column;
    Error placed(error.code(), error.message(), to_file_span(item, error.span()), error.hint());
    print_error(placed, script, file);
    return false;
  }
  schema_stale_ = true;  // a write may have added labels, types or keys
  print_plan(*result, format_, std::cout);
  if (!options_.quiet) {
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::string count = fmt::format("{} row{}", rows, rows == 1 ? "" : "s");
    if (timing_) count += fmt::format(" ({:.1f} ms)", ms);
    notice(count);
  }
  return true;
}

void Shell::print_error(const Error& error, const std::string& source, const std::string& where) {
  std::string text;
  if (!where.empty()) {
    text = error.span().known()
               ? fmt::format("{}:{}:{}: ", where, error.span().line, error.span().column)
               : where + ": ";
  }
  text += error.to_string(source);
  std::cout.flush();
  if (options_.color) {
    std::cerr << "\033[31m" << text << "\033[0m\n";
  } else {
    std::cerr << text << "\n";
  }
}

void Shell::notice(const std::string& text) {
  if (options_.color) {
    std::cout << "\033[2m" << text << "\033[0m\n";
  } else {
    std::cout << text << "\n";
  }
}

Completion Shell::complete(std::string_view before_cursor) {
  refresh_schema();
  sources_.param_names.clear();
  for (const auto& [name, value] : params_) sources_.param_names.push_back(name);
  return shell::complete(pending_, before_cursor, sources_);
}

void Shell::refresh_schema() {
  if (!schema_stale_) return;
  schema_stale_ = false;
  sources_.labels.clear();
  sources_.rel_types.clear();
  sources_.property_keys.clear();
  QueryOptions options;
  options.timeout = std::chrono::milliseconds(2000);
  auto result = db_.query("CALL quarry.schema() YIELD kind, name RETURN kind, name", {}, options);
  if (!result.ok()) return;
  auto rows = result->fetch_all();
  if (!rows.ok()) return;
  for (const Row& row : *rows) {
    if (row.size() != 2 || row[0].kind() != ValueKind::kString ||
        row[1].kind() != ValueKind::kString) {
      continue;
    }
    const std::string& kind = row[0].as_string();
    auto& list = kind == "label"          ? sources_.labels
                 : kind == "relationship" ? sources_.rel_types
                                          : sources_.property_keys;
    list.push_back(row[1].as_string());
  }
}

std::vector<std::string> Shell::entity_names(std::string_view prefix) {
  // One scan of the name index (normalised: case, hyphens and accents do not matter),
  // bounded in time so Tab never hangs the shell.
  QueryOptions options;
  options.timeout = std::chrono::milliseconds(1000);
  Params params{{"prefix", Value(std::string(prefix))}};
  auto result = db_.query(
      "CALL quarry.lookup_prefix($prefix) YIELD name WHERE name IS NOT NULL "
      "RETURN DISTINCT name ORDER BY size(name), name LIMIT 100",
      params, options);
  std::vector<std::string> names;
  if (!result.ok()) return names;
  auto rows = result->fetch_all();
  if (!rows.ok()) return names;
  for (const Row& row : *rows) {
    if (!row.empty() && row[0].kind() == ValueKind::kString) names.push_back(row[0].as_string());
  }
  return names;
}

}  // namespace quarry::cli::shell
