// `quarry segment-eval --gold FILE.conllu...`: segments the raw text rebuilt from gold
// CoNLL-U and prints tokens, words and sentences precision/recall/F1 (CoNLL 2018 style).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <set>

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

// Sentence ends in one set and not the other, shown in context with a bar at the end.
void print_sentence_errors(const nlp::RawGold& gold, const std::vector<nlp::Sentence>& system,
                           size_t limit) {
  std::set<uint32_t> gold_ends, sys_ends;
  for (const auto& s : gold.sentences) gold_ends.insert(s.second);
  for (const auto& s : system)
    if (!s.tokens.empty()) sys_ends.insert(s.tokens.back().end);
  auto show = [&](const char* what, const std::set<uint32_t>& a, const std::set<uint32_t>& b) {
    size_t shown = 0;
    for (uint32_t end : a) {
      if (b.count(end) || shown++ >= limit) continue;
      size_t from = end > 60 ? end - 60 : 0;
      std::string ctx = gold.text.substr(from, end - from) + " || " + gold.text.substr(end, 40);
      for (char& c : ctx)
        if (c == '\n') c = ' ';
      std::cout << "  " << what << ": " << ctx << "\n";
    }
  };
  show("missed", gold_ends, sys_ends);
  show("spurious", sys_ends, gold_ends);
  // Tokens: gold tokens whose span the system did not produce, with the system's pieces.
  std::set<std::pair<uint32_t, uint32_t>> sys_tokens;
  for (const auto& s : system)
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      size_t n = std::max<size_t>(1, s.tokens[i].multiword);
      sys_tokens.insert({s.tokens[i].start, s.tokens[std::min(i + n, s.tokens.size()) - 1].end});
      i += n - 1;
    }
  size_t shown = 0;
  for (const auto& t : gold.tokens) {
    if (sys_tokens.count(t.span) || shown++ >= limit) continue;
    std::string pieces;
    for (auto it = sys_tokens.lower_bound({t.span.first, 0});
         it != sys_tokens.end() && it->first < t.span.second; ++it)
      pieces += " [" + gold.text.substr(it->first, it->second - it->first) + "]";
    std::cout << "  token: " << gold.text.substr(t.span.first, t.span.second - t.span.first)
              << " ->" << pieces << "\n";
  }
}

}  // namespace

void add_segment_eval_command(CLI::App& app, GlobalOptions& global, CommandAction& run) {
  auto* cmd = app.add_subcommand(
      "segment-eval", "Score sentence splitting and tokenisation from raw text against CoNLL-U");
  static std::vector<std::string> gold_files;
  static size_t show_errors = 0;
  cmd->add_option("--errors", show_errors,
                  "Print up to N missed and N spurious sentence ends with context (default 0)");
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
        if (show_errors) print_sentence_errors(*gold, sentences, show_errors);
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
