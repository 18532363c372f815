// Shared pieces of the `quarry` command-line client. The CLI is only a client of the
// public API in include/quarry/: nothing here reaches into storage/ or engine/.
#pragma once

#include <CLI/CLI.hpp>

#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "quarry/database.h"

namespace quarry::cli {

// Exit codes, documented in docs/shell.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitQueryError = 1,
  kExitUsage = 2,
  kExitDatabaseError = 3,
};

struct GlobalOptions {
  std::string db_path;  // --db, else $QUARRY_DB, else ./quarry.db
  bool quiet = false;
  bool verbose = false;
};

// Maps an API error to the documented exit code.
int exit_code_for(const Error& error);

// Opens the database named by the global options, printing the error on failure.
std::unique_ptr<Database> open_database(const GlobalOptions& global, const OpenOptions& options,
                                        int& exit_code);

// Each subcommand registers itself on `app` and sets `run` to its action; the action
// returns the process exit code. One file per command: cli/cmd_<name>.cpp.
using CommandAction = std::function<int()>;
void add_version_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_import_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_export_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_stats_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_check_command(CLI::App& app, GlobalOptions& global, CommandAction& run);

// Prints `error` on stderr as "quarry: <error>".
void print_error(const Error& error);
// Opens an existing database for reading beside any writer. A missing database is a
// database error (exit 3) with a hint, rather than an empty one created by accident.
std::unique_ptr<Database> open_for_reading(const GlobalOptions& global, int& exit_code);
// "1.2 MB", "512 B": sizes for people.
std::string human_bytes(uint64_t bytes);
void add_segment_eval_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_parse_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_train_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_nlp_eval_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_query_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_run_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
// Opens the database for running statements: writable, or read-only with a notice on
// stderr (unless --quiet) when another process holds the write lock. A path with no
// database gets a new, empty one, with a notice.
std::unique_ptr<Database> open_for_queries(const GlobalOptions& global, int& exit_code);
// Where results go: `path` opened into `file`, or std::cout when `path` is empty or "-".
// Null (after printing "cannot write") when the file cannot be created.
std::ostream* open_output(const std::string& path, std::ofstream& file);
// `--timeout DURATION` and `--max-rows N` on a command that runs statements (query, run):
// the CLI face of QueryOptions (cli/script/limits.h reads the values).
void add_limit_options(CLI::App& command, std::string& timeout, std::string& max_rows);
// Fills `limits` from those options; false, after printing "<command>: ..." on stderr,
// when a value is malformed.
bool parse_limits(std::string_view command, const std::string& timeout, const std::string& max_rows,
                  QueryOptions& limits);
void add_shell_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
// True when standard input and output are both a terminal: plain `quarry` then starts
// the shell instead of printing usage.
bool interactive_terminal();
int run_shell(const GlobalOptions& global, const QueryOptions& limits = {});
void add_extract_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_carb_eval_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_ingest_command(CLI::App& app, GlobalOptions& global, CommandAction& run);
void add_entities_command(CLI::App& app, GlobalOptions& global, CommandAction& run);

}  // namespace quarry::cli
