// Part-of-speech tagger: greedy left-to-right averaged perceptron predicting the pair
// (PTB XPOS, UPOS) as one class, so the two never disagree.
//
// Optionally a second left-to-right pass retags the sentence with the first pass's tags of
// the words to the right in view (a greedy tagger otherwise decides before seeing what
// follows). The second pass learns from jackknifed first-pass tags, the kind it sees at
// run time.
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

  // `right_to_left`: the first pass reads the sentence backwards (so a second pass sees
  // right-context tags decided with their own right context in view).
  static Tagger train(const std::vector<const Sentence*>& data, const TrainOptions& options,
                      bool right_to_left = false);

  // Adds the second pass, trained on `gold` with the first-pass tags of `first_pass`
  // (the same sentences, tagged by a tagger that did not train on them).
  void train_second_pass(const std::vector<const Sentence*>& gold,
                         const std::vector<const Sentence*>& first_pass,
                         const TrainOptions& options);
  bool has_second_pass() const { return second_.num_classes() > 0; }

  // Drops weights below `min_weight` in magnitude (see Perceptron::pruned).
  void prune(float min_weight);
  size_t num_weights() const { return model_.num_weights() + second_.num_weights(); }

  void write(ModelWriter& out) const;
  // Files before format 5 have no second-pass flag.
  void read(ModelReader& in, uint32_t version = kModelVersion);

 private:
  void build_index();
  // The perceptron training loop of either pass (`right`: the second pass's input).
  Perceptron fit(const std::vector<const Sentence*>& data,
                 const std::vector<std::vector<int>>& gold,
                 const std::vector<std::vector<uint64_t>>* right, const TrainOptions& options,
                 bool right_to_left) const;
  void ambiguity(const std::vector<WordHashes>& words, std::vector<uint64_t>& amb) const;
  // One greedy pass; `right` (second pass only): hashes of the first pass's tags.
  void run_pass(const Perceptron& model, const std::vector<WordHashes>& words,
                const std::vector<uint64_t>& amb, const std::vector<uint64_t>* right,
                std::vector<float>& margins, std::vector<int>& out) const;
  void run_first_pass(const std::vector<WordHashes>& words, const std::vector<uint64_t>& amb,
                      std::vector<float>& margins, std::vector<int>& out) const;
  std::vector<std::string> classes_;  // "XPOS\tUPOS"
  std::vector<std::string> xpos_, upos_;
  std::vector<uint64_t> class_hashes_;  // hash_str of classes_[i]: the second pass's input
  std::unordered_map<uint64_t, uint16_t> tagdict_;  // lowercased-form hash -> class
  // Lowercased-form hash -> hash of the set of classes the word had in training.
  std::unordered_map<uint64_t, uint64_t> ambiguity_;
  Perceptron model_;
  Perceptron second_;  // no classes: single pass
  bool first_right_to_left_ = false;
};

}  // namespace quarry::nlp
