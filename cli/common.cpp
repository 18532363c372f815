#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/script/limits.h"

namespace quarry::cli {

int exit_code_for(const Error& error) {
  switch (error.code()) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kInvalidArgument: return kExitUsage;
    case ErrorCode::kDatabaseInUse:
    case ErrorCode::kCorruption:
    case ErrorCode::kIOError:
    case ErrorCode::kReadOnly: return kExitDatabaseError;
    default: return kExitQueryError;
  }
}

void print_error(const Error& error) { std::cerr << "quarry: " << error.to_string() << "\n"; }

std::unique_ptr<Database> open_database(const GlobalOptions& global, const OpenOptions& options,
                                        int& exit_code) {
  auto db = Database::open(global.db_path, options);
  if (!db.ok()) {
    print_error(db.error());
    // Failing to open is always about the database, whatever the code says.
    exit_code = db.error().code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitDatabaseError;
    return nullptr;
  }
  exit_code = kExitOk;
  return std::move(db).value();
}

std::unique_ptr<Database> open_for_reading(const GlobalOptions& global, int& exit_code) {
  std::error_code ec;
  if (!std::filesystem::is_directory(global.db_path, ec)) {
    std::cerr << fmt::format(
        "quarry: no database at {} (create one with `quarry import`, or pass --db PATH)\n",
        global.db_path);
    exit_code = kExitDatabaseError;
    return nullptr;
  }
  OpenOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  return open_database(global, options, exit_code);
}

std::unique_ptr<Database> open_for_queries(const GlobalOptions& global, int& exit_code) {
  std::error_code ec;
  OpenOptions options;
  options.read_only_if_locked = true;
  // Like sqlite3 and DuckDB's shell, naming a new path starts a new database, so a user can
  // CREATE into it; the notice makes a mistyped --db visible at once.
  if (!std::filesystem::exists(global.db_path, ec) && !global.quiet) {
    std::cerr << fmt::format("quarry: no database at {}; creating a new, empty one\n",
                             global.db_path);
  }
  auto db = open_database(global, options, exit_code);
  if (db && db->read_only() && !global.quiet) {
    std::cerr << "quarry: another process is writing to the database; opened read-only\n";
  }
  return db;
}

std::ostream* open_output(const std::string& path, std::ofstream& file) {
  if (path.empty() || path == "-") return &std::cout;
  file.open(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << fmt::format("quarry: cannot write {}\n", path);
    return nullptr;
  }
  return &file;
}

void add_limit_options(CLI::App& command, std::string& timeout, std::string& max_rows) {
  command.add_option("--timeout", timeout,
                     "Stop a statement that runs longer than this: 500ms, 5s, 2m (default: off)");
  command.add_option("--max-rows", max_rows,
                     "Fail a statement that would return more rows than this (default: off)");
}

bool parse_limits(std::string_view command, const std::string& timeout, const std::string& max_rows,
                  QueryOptions& limits) {
  auto duration = parse_timeout(timeout);
  if (!duration) {
    std::cerr << fmt::format("{}: --timeout wants {}, got '{}'\n", command, kTimeoutUsage, timeout);
    return false;
  }
  auto rows = parse_max_rows(max_rows);
  if (!rows) {
    std::cerr << fmt::format("{}: --max-rows wants {}, got '{}'\n", command, kMaxRowsUsage,
                             max_rows);
    return false;
  }
  limits.timeout = *duration;
  limits.max_rows = *rows;
  return true;
}

std::string human_bytes(uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  static constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int unit = -1;
  while (v >= 1024 && unit < 3) {
    v /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", v, kUnits[unit]);
}

}  // namespace quarry::cli
