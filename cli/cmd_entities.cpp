// quarry entities NAME
//
// The entities any surface form of NAME finds (quarry.lookup: name or alias, after
// normalisation): type, canonical name, aliases, how many fact mentions and documents
// name it, and why its names were merged. Read-only; works beside a running writer.
// Exit 1 when nothing matches.
#include <fmt/format.h>

#include <iostream>

#include "cli/cli.h"

namespace quarry::cli {
namespace {

std::string text_of(const Value& v) {
  return v.kind() == ValueKind::kString ? v.as_string() : v.is_null() ? "" : v.to_string();
}

std::vector<std::string> strings(const Value& v) {
  std::vector<std::string> out;
  if (v.kind() != ValueKind::kList) return out;
  for (const Value& x : v.as_list()) out.push_back(text_of(x));
  return out;
}

int run_entities(const GlobalOptions& global, const std::string& name) {
  int code = kExitOk;
  auto db = open_for_reading(global, code);
  if (!db) return code;
  auto fetch = [&](const std::string& q, const Params& p) -> std::optional<std::vector<Row>> {
    auto r = db->query(q, p);
    if (!r.ok()) {
      print_error(r.error());
      return std::nullopt;
    }
    auto rows = r->fetch_all();
    if (!rows.ok()) {
      print_error(rows.error());
      return std::nullopt;
    }
    return *rows;
  };
  auto hits = fetch(
      "CALL quarry.lookup($name) YIELD node RETURN id(node), labels(node), node.name, "
      "node.aliases, node.merges",
      Params{{"name", Value(name)}});
  if (!hits) return kExitDatabaseError;
  if (hits->empty()) {
    std::cerr << fmt::format("quarry entities: no entity is named '{}'\n", name);
    return kExitQueryError;
  }
  for (const Row& h : *hits) {
    Params id{{"id", h[0]}};
    auto counts = fetch(
        "MATCH (n)-[r]-() WHERE id(n) = $id CALL quarry.mentions(r) YIELD doc "
        "RETURN count(*), count(DISTINCT doc)",
        id);
    auto rels = fetch("MATCH (n)-[r]-() WHERE id(n) = $id RETURN count(r)", id);
    if (!counts || !rels) return kExitDatabaseError;
    auto labels = strings(h[1]);
    std::cout << fmt::format(
        "{} ({})\n", text_of(h[2]),
        labels.empty() ? "no type" : fmt::format("{}", fmt::join(labels, ", ")));
    auto aliases = strings(h[3]);
    std::cout << fmt::format("  aliases:   {}\n",
                             aliases.empty() ? "-" : fmt::format("{}", fmt::join(aliases, "; ")));
    std::cout << fmt::format("  facts:     {} relationships, {} mentions in {} documents\n",
                             text_of((*rels)[0][0]), text_of((*counts)[0][0]),
                             text_of((*counts)[0][1]));
    auto merges = strings(h[4]);
    std::cout << "  merged because:" << (merges.empty() ? " -\n" : "\n");
    for (const auto& m : merges) std::cout << "    " << m << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_entities_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "entities",
      "Show the entity a name finds (any spelling or alias): type, aliases, mention count and "
      "why its names were merged");
  cmd->add_option("name", *name, "A name or alias, e.g. 'Shoigu'")->required();
  cmd->callback(
      [&global, &run, name] { run = [&global, name] { return run_entities(global, *name); }; });
}

}  // namespace quarry::cli
