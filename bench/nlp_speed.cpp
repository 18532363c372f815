// quarry-bench-nlp: model load time and one-thread annotation speed (tagging + lemmas +
// parsing + entities) on gold-tokenised CoNLL-U, e.g.
//   build/quarry-bench-nlp models/en.qm ../shared/data/ud/en_ewt-ud-test.conllu
// Prints one Markdown table row per file. Speed is words per second of CPU-bound work on
// one thread; run it on an otherwise idle machine.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "extract/nlp/conllu.h"
#include "extract/nlp/pipeline.h"

using namespace quarry::nlp;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s MODEL FILE.conllu...\n", argv[0]);
    return 2;
  }
  auto start = Clock::now();
  auto pipeline = Pipeline::load(argv[1]);
  double load = since(start);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.error().to_string().c_str());
    return 1;
  }
  fmt::print("model load: {:.3f} s\n\n", load);
  fmt::print("| file | words | passes | words/s (tag+lemma+parse+entities) |\n|---|---|---|---|\n");
  for (int f = 2; f < argc; ++f) {
    auto doc = read_conllu_file(argv[f]);
    if (!doc.ok()) {
      std::fprintf(stderr, "%s\n", doc.error().to_string().c_str());
      return 1;
    }
    std::vector<Sentence> input;
    size_t words = 0;
    for (const Sentence& g : doc->sentences) {
      Sentence s;
      for (const Token& t : g.tokens) {
        Token copy;
        copy.form = t.form;
        s.tokens.push_back(copy);
      }
      words += s.tokens.size();
      input.push_back(std::move(s));
    }
    // Repeat until at least two seconds have passed, so short files still time well.
    int passes = 0;
    auto t0 = Clock::now();
    do {
      for (Sentence& s : input) pipeline->annotate(s);
      ++passes;
    } while (since(t0) < 2.0);
    double secs = since(t0);
    fmt::print("| {} | {} | {} | {:.0f} |\n", argv[f], words, passes,
               static_cast<double>(words) * passes / secs);
  }
  return 0;
}
