// quarry stats [--json] [--top N]: what the database holds, from the statistics the
// store keeps in step with the data (no scan of the graph).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/cli.h"

namespace quarry::cli {
namespace {

struct StatsArgs {
  bool json = false;
  size_t top = 10;
};

void print_ranked(std::string_view title, const std::vector<std::pair<std::string, uint64_t>>& rows,
                  size_t top) {
  std::cout << title;
  if (rows.size() > top) std::cout << fmt::format(" (top {} of {})", top, rows.size());
  std::cout << ":\n";
  if (rows.empty()) std::cout << "  (none)\n";
  size_t width = 0;
  for (size_t i = 0; i < rows.size() && i < top; ++i) width = std::max(width, rows[i].first.size());
  for (size_t i = 0; i < rows.size() && i < top; ++i) {
    std::cout << fmt::format("  {:<{}}  {:>9}\n", rows[i].first, width, rows[i].second);
  }
}

int run_stats(const GlobalOptions& global, const StatsArgs& args) {
  int code = kExitOk;
  auto db = open_for_reading(global, code);
  if (!db) return code;
  auto stats = db->stats();
  if (!stats.ok()) {
    print_error(stats.error());
    return exit_code_for(stats.error());
  }
  const Stats& s = *stats;
  if (args.json) {
    auto ranked = [](const std::vector<std::pair<std::string, uint64_t>>& rows) {
      nlohmann::ordered_json out = nlohmann::ordered_json::object();
      for (const auto& [name, n] : rows) out[name] = n;
      return out;
    };
    nlohmann::ordered_json out = {
        {"database", global.db_path},       {"nodes", s.nodes},
        {"relationships", s.relationships}, {"mentions", s.mentions},
        {"documents", s.documents},         {"terms", s.terms},
        {"bytes_on_disk", s.bytes_on_disk}, {"predicates", ranked(s.predicates)},
        {"labels", ranked(s.labels)}};
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::cout << fmt::format("database       {}\n", global.db_path)
            << fmt::format("nodes          {:>9}\n", s.nodes)
            << fmt::format("relationships  {:>9}\n", s.relationships)
            << fmt::format("mentions       {:>9}\n", s.mentions)
            << fmt::format("documents      {:>9}\n", s.documents)
            << fmt::format("terms          {:>9}\n", s.terms)
            << fmt::format("size on disk   {:>9}\n", human_bytes(s.bytes_on_disk));
  print_ranked("predicates", s.predicates, args.top);
  print_ranked("labels", s.labels, args.top);
  return kExitOk;
}

}  // namespace

void add_stats_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto args = std::make_shared<StatsArgs>();
  auto* cmd = app.add_subcommand("stats", "Counts, top predicates, labels and size on disk");
  cmd->add_flag("--json", args->json, "Print one JSON object instead of a table");
  cmd->add_option("--top", args->top, "How many predicates and labels to list (default 10)")
      ->check(CLI::PositiveNumber);
  cmd->callback(
      [&global, &run, args] { run = [&global, args] { return run_stats(global, *args); }; });
}

}  // namespace quarry::cli
