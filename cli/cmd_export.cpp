// quarry export [--format json|jsonl|tsv|nt|graphml|dot] [-o FILE]
//
// Reads one snapshot of the database (read-only, so it works beside a running import)
// and writes it to stdout or FILE. A file is written under a temporary name and renamed
// when complete, so a failed export never leaves a truncated file under the real name.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/cli.h"

namespace quarry::cli {
namespace {

const std::map<std::string, ExportFormat>& formats() {
  static const std::map<std::string, ExportFormat> kFormats = {
      {"json", ExportFormat::kJson},       {"jsonl", ExportFormat::kJsonl},
      {"tsv", ExportFormat::kTsv},         {"nt", ExportFormat::kNTriples},
      {"graphml", ExportFormat::kGraphML}, {"dot", ExportFormat::kDot}};
  return kFormats;
}

struct ExportArgs {
  std::string format;
  std::string output;
};

int run_export(const GlobalOptions& global, const ExportArgs& args) {
  std::string name = args.format;
  if (name.empty() && !args.output.empty()) {
    // -o graph.graphml says the format well enough.
    std::string ext = std::filesystem::path(args.output).extension().string();
    if (!ext.empty() && formats().count(ext.substr(1))) name = ext.substr(1);
  }
  if (name.empty()) name = "json";
  ExportFormat format = formats().at(name);

  int code = kExitOk;
  auto db = open_for_reading(global, code);
  if (!db) return code;

  if (args.output.empty() || args.output == "-") {
    Status s = db->export_graph(std::cout, format);
    std::cout.flush();
    if (!s.ok()) {
      print_error(s.error());
      return exit_code_for(s.error());
    }
    if (!std::cout) {
      std::cerr << "quarry export: writing to stdout failed\n";
      return kExitDatabaseError;
    }
    return kExitOk;
  }

  std::string tmp = args.output + ".tmp";
  Status s;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      std::cerr << fmt::format("quarry export: cannot write {}: {}\n", tmp, std::strerror(errno));
      return kExitUsage;
    }
    s = db->export_graph(out, format);
    out.close();
    if (s.ok() && !out) s = Error(ErrorCode::kIOError, fmt::format("writing {} failed", tmp));
  }
  if (!s.ok()) {
    std::remove(tmp.c_str());
    print_error(s.error());
    return exit_code_for(s.error());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, args.output, ec);
  if (ec) {
    std::remove(tmp.c_str());
    std::cerr << fmt::format("quarry export: cannot write {}: {}\n", args.output, ec.message());
    return kExitUsage;
  }
  if (!global.quiet) std::cerr << fmt::format("exported {} as {}\n", args.output, name);
  return kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export", "Write the whole graph out (default: JSON on stdout)");
  std::vector<std::string> names;
  for (const auto& [name, _] : formats()) names.push_back(name);
  cmd->add_option("--format", args->format,
                  "json, jsonl, tsv or nt (the last three import back), graphml or dot; "
                  "default: by -o's extension, else json")
      ->check(CLI::IsMember(names));
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of stdout");
  cmd->callback(
      [&global, &run, args] { run = [&global, args] { return run_export(global, *args); }; });
}

}  // namespace quarry::cli
