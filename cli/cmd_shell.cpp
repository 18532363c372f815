// quarry shell: the interactive shell (cli/shell/shell.h); also what plain `quarry` runs
// when both standard input and output are a terminal.
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "cli/shell/shell.h"

namespace quarry::cli {
namespace {

// $QUARRY_HISTORY, else ~/.quarry_history; empty (no history kept) without a home.
std::string history_path() {
  if (const char* env = std::getenv("QUARRY_HISTORY"); env && *env) return env;
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.quarry_history";
  }
  return {};
}

}  // namespace

bool interactive_terminal() { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }

int run_shell(const GlobalOptions& global, const QueryOptions& limits) {
  // Multibyte input (names with accents, CJK) needs the terminal's character set; only
  // LC_CTYPE, so number formatting stays "C".
  std::setlocale(LC_CTYPE, "");
  // Like query and run: an existing database, read-only with a notice beside a writer.
  int code = kExitOk;
  auto db = open_for_queries(global, code);
  if (!db) return code;
  const char* no_color = std::getenv("NO_COLOR");
  shell::ShellOptions shell_options;
  shell_options.history_path = history_path();
  shell_options.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
  shell_options.quiet = global.quiet;
  shell_options.limits = limits;
  shell::Shell shell(*db, shell_options);
  return shell.run();
}

void add_shell_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  struct ShellArgs {
    std::string timeout = "off";
    std::string max_rows = "off";
  };
  auto args = std::make_shared<ShellArgs>();
  auto* cmd = app.add_subcommand("shell", "Interactive shell: run queries with line editing");
  add_limit_options(*cmd, args->timeout, args->max_rows);
  cmd->callback([&global, &run, args] {
    run = [&global, args]() -> int {
      QueryOptions limits;
      if (!parse_limits("quarry shell", args->timeout, args->max_rows, limits)) return kExitUsage;
      return run_shell(global, limits);
    };
  });
}

}  // namespace quarry::cli
