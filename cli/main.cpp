// `quarry`: the command-line client of the Quarry embedding API.
#include <cstdlib>
#include <iostream>

#include "cli/cli.h"

using namespace quarry::cli;

int main(int argc, char** argv) {
  CLI::App app{"Quarry: build a knowledge graph from news and query it with openCypher", "quarry"};
  app.require_subcommand(0, 1);  // none: the shell on a terminal, else usage
  GlobalOptions global;
  const char* env_db = std::getenv("QUARRY_DB");
  global.db_path = env_db && *env_db ? env_db : "quarry.db";
  app.add_option("--db", global.db_path, "Database directory (default: $QUARRY_DB or ./quarry.db)");
  app.add_flag("-q,--quiet", global.quiet, "Print only results and errors");
  app.add_flag("-v,--verbose", global.verbose, "Print more diagnostics on stderr");
  app.fallthrough();  // global options may also follow the subcommand: `quarry stats --db x`

  CommandAction run;
  add_version_command(app, global, run);
  add_import_command(app, global, run);
  add_export_command(app, global, run);
  add_stats_command(app, global, run);
  add_check_command(app, global, run);
  add_segment_eval_command(app, global, run);
  add_parse_command(app, global, run);
  add_train_command(app, global, run);
  add_nlp_eval_command(app, global, run);
  add_query_command(app, global, run);
  add_run_command(app, global, run);
  add_shell_command(app, global, run);
  add_extract_command(app, global, run);
  add_carb_eval_command(app, global, run);
  add_ingest_command(app, global, run);
  add_entities_command(app, global, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (!run && app.get_subcommands().empty()) {
    if (interactive_terminal()) return run_shell(global);
    std::cerr << app.help();
    return kExitUsage;
  }
  return run ? run() : kExitUsage;
}
