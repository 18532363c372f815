#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/cli.h"

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
