#include <iostream>

#include "cli/cli.h"

namespace quarry::cli {

void add_version_command(CLI::App& app, GlobalOptions&, CommandAction& run) {
  auto* cmd = app.add_subcommand("version", "Print the Quarry version");
  cmd->callback([&run] {
    run = [] {
      std::cout << "quarry " << QUARRY_VERSION << "\n";
      return kExitOk;
    };
  });
}

}  // namespace quarry::cli
