// Named-entity recogniser: greedy left-to-right averaged perceptron over BIO tags with
// types (see extract/nlp/gum_entities.h for what counts as an entity in training).
//
// Features: the word and its neighbours, shape, affixes, the predicted tags, the previous
// two entity tags, the dependency relation and the head word (entities are tagged after
// parsing), and how often the word was inside an entity of each type in the training data
// (the training data is the only name list). Reads form, upos, xpos, head, deprel; fills
// ner. "I-x" never follows anything but "B-x" or "I-x". Immutable; tag() is thread-safe.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "extract/nlp/model_io.h"
#include "extract/nlp/perceptron.h"
#include "extract/nlp/sentence.h"
#include "extract/nlp/tagger.h"
#include "extract/nlp/word_hashes.h"

namespace quarry::nlp {

class EntityTagger {
 public:
  using NameList = std::unordered_map<uint64_t, uint16_t>;  // lowercased-form hash -> class

  void tag(Sentence& sentence) const;
  void tag(Sentence& sentence, const std::vector<WordHashes>& words) const;

  // `data` carries gold ner tags and predicted tags and parses.
  static EntityTagger train(const std::vector<const Sentence*>& data, const TrainOptions& options);

  // Drops weights below `min_weight` in magnitude (see Perceptron::pruned).
  void prune(float min_weight) { model_ = model_.pruned(min_weight); }
  size_t num_weights() const { return model_.num_weights(); }

  void write(ModelWriter& out) const;
  void read(ModelReader& in);

 private:
  void features(const Sentence& s, const std::vector<WordHashes>& w, size_t i, int p1, int p2,
                const NameList& names, std::vector<uint64_t>& f) const;
  bool allowed(int cls, int prev) const;
  std::vector<std::string> classes_;  // "O", then "B-type", "I-type" pairs
  // Lowercased-form hash -> the entity class it most often had in training (when >= 50%).
  NameList names_;
  Perceptron model_;
};

}  // namespace quarry::nlp
