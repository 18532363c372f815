// Part-of-speech tagger: greedy left-to-right averaged perceptron predicting the pair
// (PTB XPOS, UPOS) as one class, so the two never disagree.
//
// Frequent words that were (nearly) unambiguous in training are tagged from a tag
// dictionary without scoring: faster, and as accurate on those words. Immutable after
// training or reading; tag() is const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/nlp/model_io.h"
#include "extract/nlp/perceptron.h"
#include "extract/nlp/sentence.h"
#include "extract/nlp/word_hashes.h"

namespace quarry::nlp {

struct TrainOptions {
  int iterations = 10;
  uint64_t seed = 1;
  bool verbose = false;
};

class Tagger {
 public:
  // Fills xpos and upos of every token.
  void tag(Sentence& sentence) const;
  // Same, with the sentence's hashes already computed.
  void tag(Sentence& sentence, const std::vector<WordHashes>& words) const;

  static Tagger train(const std::vector<const Sentence*>& data, const TrainOptions& options);

  // Drops weights below `min_weight` in magnitude (see Perceptron::pruned).
  void prune(float min_weight) { model_ = model_.pruned(min_weight); }
  size_t num_weights() const { return model_.num_weights(); }

  void write(ModelWriter& out) const;
  void read(ModelReader& in);

 private:
  void build_index();
  void ambiguity(const std::vector<WordHashes>& words, std::vector<uint64_t>& amb) const;
  std::vector<std::string> classes_;  // "XPOS\tUPOS"
  std::vector<std::string> xpos_, upos_;
  std::unordered_map<uint64_t, uint16_t> tagdict_;  // lowercased-form hash -> class
  // Lowercased-form hash -> hash of the set of classes the word had in training.
  std::unordered_map<uint64_t, uint64_t> ambiguity_;
  Perceptron model_;
};

}  // namespace quarry::nlp
