// quarry import [--format tsv|jsonl|nt] [--strict] FILE...|-
//
// Each file is one import through Database::import(), committed as a unit: a file that
// fails (or, with --strict, has a bad line) leaves nothing of itself behind, while the
// files before it stay imported. Bad lines are printed as `file:line: reason` and skipped;
// they do not change the exit code unless --strict turns them into a failure (exit 2).
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"

namespace quarry::cli {
namespace {

struct ImportArgs {
  std::string format;
  bool strict = false;
  std::vector<std::string> files;
};

std::string plural(uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string summary_text(const ImportReport& r) {
  const WriteSummary& s = r.summary;
  return fmt::format("{}: {} new, {}, {}", plural(r.lines, "line", "lines"),
                     plural(s.facts_added, "relationship", "relationships"),
                     plural(s.entities_added, "new entity", "new entities"),
                     plural(s.mentions_added, "new mention", "new mentions"));
}

int run_import(const GlobalOptions& global, const ImportArgs& args) {
  ImportFormat format = ImportFormat::kAuto;
  if (args.format == "tsv") format = ImportFormat::kTsv;
  if (args.format == "jsonl") format = ImportFormat::kJsonl;
  if (args.format == "nt") format = ImportFormat::kNTriples;

  // Check every input before opening (and perhaps creating) the database, so a typo in
  // a file name costs nothing.
  for (const std::string& path : args.files) {
    if (path != "-" && access(path.c_str(), R_OK) != 0) {
      std::cerr << fmt::format("quarry import: cannot read {}: {}\n", path, std::strerror(errno));
      return kExitUsage;
    }
  }
  int code = kExitOk;
  auto db = open_database(global, OpenOptions{}, code);
  if (!db) return code;

  ImportReport total;
  uint64_t skipped = 0;
  for (const std::string& path : args.files) {
    ImportOptions options;
    options.format = format;
    options.strict = args.strict;
    options.display_name = path;
    Result<ImportReport> report = [&] {
      ImportProgress progress(path, path == "-" ? "stdin" : path, !global.quiet);
      return db->import(path, options);
    }();
    if (!report.ok()) {
      print_error(report.error());
      if (args.files.size() > 1) {
        std::cerr << fmt::format("quarry import: nothing of {} was imported\n", path);
      }
      return exit_code_for(report.error());
    }
    for (const Error& bad : report->bad_lines) std::cerr << bad.message() << "\n";
    skipped += report->bad_lines.size();
    if (!global.quiet) {
      std::cerr << fmt::format("imported {}: {}", path, summary_text(*report));
      if (!report->bad_lines.empty()) {
        std::cerr << fmt::format("; {} skipped",
                                 plural(report->bad_lines.size(), "bad line", "bad lines"));
      }
      std::cerr << "\n";
    }
    total.lines += report->lines;
    total.summary.facts_added += report->summary.facts_added;
    total.summary.entities_added += report->summary.entities_added;
    total.summary.mentions_added += report->summary.mentions_added;
  }
  if (!global.quiet && args.files.size() > 1) {
    std::cerr << fmt::format(
        "imported {}: {}{}\n", plural(args.files.size(), "file", "files"), summary_text(total),
        skipped ? fmt::format("; {} skipped", plural(skipped, "bad line", "bad lines")) : "");
  }
  return kExitOk;
}

}  // namespace

void add_import_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand(
      "import",
      "Import triples from files (\"-\" = stdin): TSV subject<TAB>predicate<TAB>object"
      "[<TAB>doc<TAB>confidence], JSON Lines or N-Triples. Bad lines are reported as "
      "file:line: reason and skipped; each file commits as one unit.");
  cmd->add_option("--format", args->format, "Input format (default: by file extension, else tsv)")
      ->check(CLI::IsMember({"tsv", "jsonl", "nt"}));
  cmd->add_flag("--strict", args->strict,
                "Stop at the first bad line; nothing of that file is imported (exit 2)");
  cmd->add_option("files", args->files, "Files to import, or - for stdin")->required();
  cmd->callback(
      [&global, &run, args] { run = [&global, args] { return run_import(global, *args); }; });
}

}  // namespace quarry::cli
