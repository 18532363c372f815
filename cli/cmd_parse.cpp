// `quarry parse`: text -> sentences -> tokens (-> tags, trees, entities with a model).
#include "cli/cli.h"

namespace quarry::cli {

void add_parse_command(CLI::App&, GlobalOptions&, CommandAction&) {}

}  // namespace quarry::cli
