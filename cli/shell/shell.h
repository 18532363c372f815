// The interactive shell behind `quarry shell` (and plain `quarry` on a terminal).
//
// Reads statements with line editing (line_editor.h), runs them through the public
// Database API and prints each result with the shared printers (cli/output/printer.h),
// followed by "N rows (12.3 ms)". Lines starting with `:` at the start of a statement are
// shell commands (:help lists them). Ctrl-C cancels a running query or the input being
// typed and never ends the shell; Ctrl-D or :quit does. Errors are printed with the
// engine's position and caret and the shell carries on; a failed statement leaves the
// database unchanged (the engine commits a write only when all of it succeeded).
//
// Not thread-safe; one shell per process (it owns the SIGINT handler while it exists).
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/output/printer.h"
#include "cli/shell/completion.h"
#include "quarry/database.h"

namespace quarry::cli::shell {

struct ShellOptions {
  std::string history_path;  // empty: no persistent history
  bool color = false;        // ANSI colour in results and messages
  bool quiet = false;        // no banner, notices or row counts
  QueryOptions limits;       // timeout and row limit of typed statements (:timeout, :maxrows)
};

class InterruptWatcher;

class Shell {
 public:
  Shell(Database& db, ShellOptions options);
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;
  // Runs until Ctrl-D or :quit; returns the process exit status (0).
  int run();

  // Runs every statement and command in `text` (as typed, or a file's contents for
  // :source). `file` names the origin in error positions; empty for typed input.
  // Returns false once an item failed or was cancelled (the rest is skipped).
  bool run_text(const std::string& text, const std::string& file);
  // Runs one `:command` line. Returns false when it failed.
  bool run_command(const std::string& line);
  bool quit_requested() const { return quit_; }

 private:
  // Runs one statement; `script`, `line`, `column` place it for error messages.
  bool run_statement(const std::string& statement, const std::string& script, uint32_t line,
                     uint32_t column, const std::string& file);
  bool print_query(const std::string& text, const Params& params, bool show_count);
  void print_error(const Error& error, const std::string& source, const std::string& where);
  void notice(const std::string& text);
  Completion complete(std::string_view before_cursor);
  void refresh_schema();
  std::vector<std::string> entity_names(std::string_view prefix);

  // commands.cpp
  bool cmd_help();
  bool cmd_schema();
  bool cmd_stats();
  bool cmd_format(const std::string& arg);
  bool cmd_timing(const std::string& arg);
  bool cmd_timeout(const std::string& arg);
  bool cmd_maxrows(const std::string& arg);
  bool cmd_param(const std::string& line);
  bool cmd_params();
  bool cmd_source(const std::string& arg);
  bool cmd_explain(const std::string& arg);
  bool cmd_why(const std::string& arg);

  Database& db_;
  ShellOptions options_;
  OutputFormat format_ = OutputFormat::kTable;
  bool timing_ = true;
  bool quit_ = false;
  int source_depth_ = 0;
  Params params_;
  std::string pending_;  // earlier lines of the statement being typed
  bool schema_stale_ = true;
  CompletionSources sources_;
  std::unique_ptr<InterruptWatcher> watcher_;
};

// The shell commands, with their colons, for completion and "did you mean".
const std::vector<std::string>& shell_commands();
// The closest of `names` to `word` by edit distance, or empty when nothing is close.
std::string closest_name(const std::string& word, const std::vector<std::string>& names);

}  // namespace quarry::cli::shell
