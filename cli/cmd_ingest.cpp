// quarry ingest [--jobs N] [--model M] [--extractor 'COMMAND'] FILE|DIR|-...
//
// News documents in, a resolved and sourced graph out: each document is segmented, parsed,
// its facts extracted (or asked of a plug-in program), its entities resolved, and stored
// with Database::add_document as one atomic commit. Problems with single files or lines
// are printed as "PATH[:LINE]: reason" and skipped; exit 1 when any were skipped, 0 when
// all went in. A progress line on a terminal: documents, tokens/s, facts.
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/cli.h"
#include "cli/progress.h"
#include "extract/ingest/ingester.h"
#include "extract/nlp/pipeline.h"

namespace quarry::cli {
namespace {

struct IngestArgs {
  unsigned jobs = 1;
  std::string model;
  std::string extractor;
  std::vector<std::string> inputs;
};

int run_ingest(const GlobalOptions& global, const IngestArgs& args) {
  std::optional<nlp::Pipeline> pipeline;
  if (args.extractor.empty()) {
    auto loaded = nlp::Pipeline::load(args.model);
    if (!loaded.ok()) {
      std::cerr << fmt::format(
          "quarry ingest: cannot load the model {}: {}\n  hint: build it with `quarry train`, "
          "pass --model or set $QUARRY_MODEL\n",
          args.model, loaded.error().message());
      return kExitUsage;
    }
    pipeline.emplace(std::move(*loaded));
  }
  int code = kExitOk;
  auto db = open_database(global, OpenOptions{}, code);
  if (!db) return code;

  bool draw = !global.quiet && stderr_is_terminal();
  std::mutex out;
  bool drawn = false;
  auto clear = [&] {
    if (drawn) std::cerr << "\r\033[K";
    drawn = false;
  };
  auto problem = [&](const std::string& line) {
    std::lock_guard lock(out);
    clear();
    std::cerr << line << "\n";
  };
  auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto progress = [&](const extract::ingest::IngestStats& s) {
    if (!draw) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::milliseconds(100)) return;
    last = now;
    std::lock_guard lock(out);
    std::cerr << fmt::format("\r\033[Kingest: {} documents, {:.0f} tokens/s, {} facts",
                             s.added + s.unchanged + s.failed,
                             s.seconds > 0 ? s.tokens / s.seconds : 0.0, s.facts);
    drawn = true;
  };
  extract::ingest::IngestOptions options;
  options.jobs = std::max(1u, args.jobs);
  options.extractor_command = args.extractor;
  auto s = extract::ingest::ingest(*db, pipeline ? &*pipeline : nullptr, args.inputs, options,
                                   problem, progress);
  {
    std::lock_guard lock(out);
    clear();
  }
  if (!global.quiet) {
    std::cerr << fmt::format(
        "ingested {} documents ({} new or changed, {} unchanged, {} skipped): {} facts, {} new "
        "relationships, {} new entities; {} tokens in {:.2f} s ({:.0f} tokens/s, {} jobs; CPU "
        "s: analysis {:.2f}, storage {:.2f})\n",
        s.added + s.unchanged, s.added, s.unchanged, s.failed, s.facts, s.new_relationships,
        s.new_entities, s.tokens, s.seconds, s.seconds > 0 ? s.tokens / s.seconds : 0.0,
        options.jobs, s.analysis_cpu, s.storage_cpu);
  }
  return s.failed ? kExitQueryError : kExitOk;
}

}  // namespace

void add_ingest_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto args = std::make_shared<IngestArgs>();
  const char* env_model = std::getenv("QUARRY_MODEL");
  args->model = env_model && *env_model ? env_model : "models/en.qm";
  auto* cmd = app.add_subcommand(
      "ingest",
      "Extract facts from news documents (.txt, .md, JSON Lines; directories recursively; - = "
      "stdin), resolve their entities and store them with their sources. One commit per "
      "document; an unchanged document is a no-op, a changed one replaces its facts.");
  cmd->add_option("-j,--jobs", args->jobs, "Extraction threads (default: 1)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--model", args->model, "Model file (default: $QUARRY_MODEL or models/en.qm)");
  cmd->add_option("--extractor", args->extractor,
                  "Plug-in extractor command: reads documents as JSON Lines on stdin, writes "
                  "facts as JSON Lines (docs/extraction.md); no model needed");
  cmd->add_option("inputs", args->inputs, "Files, directories, or - for stdin")->required();
  cmd->callback(
      [&global, &run, args] { run = [&global, args] { return run_ingest(global, *args); }; });
}

}  // namespace quarry::cli
