// quarry check: recount everything and compare (dictionary both ways, the three indexes,
// provenance and its document back-index, statistics). Prints each inconsistency on its
// own line and exits 3 when there is any, so scripts can gate on it.
#include <fmt/format.h>

#include <iostream>

#include "cli/cli.h"

namespace quarry::cli {
namespace {

int run_check(const GlobalOptions& global) {
  int code = kExitOk;
  auto db = open_for_reading(global, code);
  if (!db) return code;
  auto report = db->check();
  if (!report.ok()) {
    print_error(report.error());
    return exit_code_for(report.error());
  }
  if (report->ok()) {
    if (!global.quiet) std::cout << fmt::format("ok: {} is consistent\n", global.db_path);
    return kExitOk;
  }
  for (const std::string& problem : report->problems) std::cout << problem << "\n";
  std::cerr << fmt::format("quarry check: {} problem{} in {}\n", report->problems.size(),
                           report->problems.size() == 1 ? "" : "s", global.db_path);
  return kExitDatabaseError;
}

}  // namespace

void add_check_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto* cmd = app.add_subcommand(
      "check", "Verify the database: exits 3 and names each inconsistency when there is any");
  cmd->callback([&global, &run] { run = [&global] { return run_check(global); }; });
}

}  // namespace quarry::cli
