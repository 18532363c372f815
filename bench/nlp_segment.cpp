// Segmentation throughput: rebuilds the raw text of CoNLL-U files (as segment-eval does) and
// segments it repeatedly on one thread, reporting tokens/s and MB/s of the best round.
//
//   quarry-bench-segment [--rounds N] FILE.conllu...
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "extract/nlp/segment_eval.h"
#include "extract/nlp/segmenter.h"

int main(int argc, char** argv) {
  int rounds = 5;
  std::string text;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
      continue;
    }
    auto gold = quarry::nlp::read_raw_gold(argv[i]);
    if (!gold) {
      std::cerr << gold.error().message() << "\n";
      return 1;
    }
    text += gold->text;
    text += "\n\n";
  }
  if (text.empty()) {
    std::cerr << "usage: quarry-bench-segment [--rounds N] FILE.conllu...\n";
    return 2;
  }
  double best = 1e30;
  size_t tokens = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    auto sentences = quarry::nlp::segment(text);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    tokens = 0;
    for (const auto& s : sentences) tokens += s.tokens.size();
    best = std::min(best, secs);
  }
  std::cout << fmt::format(
      "segment: {} bytes, {} words; best of {}: {:.3f} s, {:.0f} words/s, {:.1f} MB/s\n",
      text.size(), tokens, rounds, best, tokens / best, text.size() / best / 1e6);
  return 0;
}
