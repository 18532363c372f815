// `quarry train`: trains the English pipeline model from UD treebanks.
#include <chrono>
#include <iostream>

#include "cli/cli.h"
#include "extract/nlp/train.h"

namespace quarry::cli {

void add_train_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto* cmd = app.add_subcommand(
      "train", "Train the English tagger/parser/entity model from UD treebanks (EWT + GUM)");
  struct Args {
    std::string ud = "../shared/data/ud";
    std::string out = "models/en.qm";
    nlp::PipelineTrainOptions options;
    std::string entities_only;  // base model whose entity stage alone is retrained
    std::string jackknife_cache;
    std::string parser_only;  // base model whose other stages are kept
    std::string tagger_only;  // base model whose other stages are kept
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--ud", args->ud, "Directory holding en_{ewt,gum}-ud-train.conllu")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Model file to write")->capture_default_str();
  cmd->add_option("--tagger-iterations", args->options.tagger_iterations)->capture_default_str();
  cmd->add_option("--tagger-passes", args->options.tagger_passes,
                  "2: a second tagger pass that sees the first pass's tags to the right")
      ->capture_default_str();
  cmd->add_option("--tagger-right-to-left", args->options.tagger_first_right_to_left,
                  "1: the tagger's first pass reads sentences backwards")
      ->capture_default_str();
  cmd->add_option("--parser-iterations", args->options.parser_iterations)->capture_default_str();
  cmd->add_option("--entity-iterations", args->options.entity_iterations)->capture_default_str();
  cmd->add_option("--jackknife", args->options.jackknife_folds,
                  "Folds for jackknifed training tags (0: gold tags)")
      ->capture_default_str();
  cmd->add_option("--min-weight", args->options.min_weight,
                  "Drop parser/entity weights smaller than this (model size vs accuracy)")
      ->capture_default_str();
  cmd->add_option("--tagger-min-weight", args->options.tagger_min_weight,
                  "Drop tagger weights smaller than this")
      ->capture_default_str();
  cmd->add_option("--seed", args->options.seed)->capture_default_str();
  cmd->add_option("--entities-only", args->entities_only,
                  "Retrain only the entity stage of this model (tagger, parser kept)");
  cmd->add_option("--jackknife-cache", args->jackknife_cache,
                  "With --entities-only: CoNLL-U file caching the jackknifed training tags");
  cmd->add_option("--parser-only", args->parser_only,
                  "Retrain only the parser; keep the other stages of this model file "
                  "(same result as a full run with the same options)");
  cmd->add_option("--tagger-only", args->tagger_only,
                  "Retrain only the tagger; keep the other stages of this model file "
                  "(tagger experiments: the old parser runs on the new tags)");
  cmd->callback([&run, &global, args] {
    run = [&global, args] {
      auto start = std::chrono::steady_clock::now();
      auto data = nlp::load_ud_training_data(args->ud);
      if (!data.ok()) {
        std::cerr << data.error().to_string() << "\n";
        return exit_code_for(data.error());
      }
      args->options.verbose = !global.quiet;
      nlp::Pipeline pipeline;
      const std::string& base_path = !args->entities_only.empty() ? args->entities_only
                                     : !args->parser_only.empty() ? args->parser_only
                                                                  : args->tagger_only;
      nlp::Pipeline base;
      if (!base_path.empty()) {
        auto loaded = nlp::Pipeline::load(base_path);
        if (!loaded.ok()) {
          std::cerr << loaded.error().to_string() << "\n";
          return exit_code_for(loaded.error());
        }
        base = std::move(*loaded);
      }
      if (!args->entities_only.empty()) {
        auto retrained = nlp::retrain_entities(*data, base, args->options, args->jackknife_cache);
        if (!retrained.ok()) {
          std::cerr << retrained.error().to_string() << "\n";
          return exit_code_for(retrained.error());
        }
        pipeline = std::move(*retrained);
      } else if (!args->parser_only.empty()) {
        pipeline = nlp::retrain_parser(*data, base, args->options);
      } else if (!args->tagger_only.empty()) {
        pipeline = nlp::retrain_tagger(*data, base, args->options);
      } else {
        pipeline = nlp::train_pipeline(*data, args->options);
      }
      Status saved = pipeline.save(args->out);
      if (!saved.ok()) {
        std::cerr << saved.error().to_string() << "\n";
        return exit_code_for(saved.error());
      }
      if (!global.quiet)
        std::cerr << "wrote " << args->out << " ("
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
                  << " s)\n";
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace quarry::cli
