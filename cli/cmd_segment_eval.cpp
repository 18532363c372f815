// `quarry segment-eval --gold FILE.conllu...`: segments the raw text rebuilt from gold
// CoNLL-U and prints tokens, words and sentences precision/recall/F1 (CoNLL 2018 style).
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "cli/cli.h"
#include "extract/nlp/segment_eval.h"
#include "extract/nlp/segmenter.h"

namespace quarry::cli {
namespace {

void print_score(const char* name, const nlp::F1Score& s) {
  std::cout << fmt::format(
      "  {:<10} P {:6.2f}  R {:6.2f}  F1 {:6.2f}   (gold {}, system {}, correct {})\n", name,
      s.precision(), s.recall(), s.f1(), s.gold, s.system, s.correct);
}

}  // namespace

void add_segment_eval_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto* cmd = app.add_subcommand(
      "segment-eval", "Score sentence splitting and tokenisation from raw text against CoNLL-U");
  static std::vector<std::string> gold_files;
  cmd->add_option("--gold", gold_files, "Gold CoNLL-U file(s); each is scored on its own")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->callback([&run, &global] {
    run = [&global] {
      int status = kExitOk;
      for (const auto& path : gold_files) {
        auto gold = nlp::read_raw_gold(path);
        if (!gold) {
          std::cerr << gold.error().to_string() << "\n";
          status = exit_code_for(gold.error());
          continue;
        }
        std::vector<std::string> warnings;
        auto t0 = std::chrono::steady_clock::now();
        auto sentences = nlp::segment(gold->text, {}, &warnings);
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        for (const auto& w : warnings) std::cerr << path << ": warning: " << w << "\n";
        auto scores = nlp::score_segmentation(*gold, sentences);
        std::cout << path << "\n";
        print_score("tokens", scores.tokens);
        print_score("words", scores.words);
        print_score("sentences", scores.sentences);
        if (!global.quiet)
          std::cout << fmt::format("  segmented {} bytes in {:.3f} s ({:.0f} tokens/s)\n",
                                   gold->text.size(), secs,
                                   secs > 0 ? scores.tokens.system / secs : 0.0);
      }
      return status;
    };
  });
}

}  // namespace quarry::cli
