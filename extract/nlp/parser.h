// Dependency parser: greedy arc-hybrid transitions (extract/nlp/arc_hybrid.h) scored by an
// averaged perceptron with Zhang & Nivre (2011) style feature templates (words and tags of
// the stack, buffer and children, distance, valency, children's label sets).
//
// Trained with the dynamic oracle and error exploration (Goldberg & Nivre 2012): after the
// first iteration it follows its own mistakes 90% of the time, learning to recover from
// them. Reads form, xpos and upos; fills head and deprel. Immutable after training; parse()
// is const and thread-safe.
#pragma once

#include <string>
#include <vector>

#include "extract/nlp/model_io.h"
#include "extract/nlp/perceptron.h"
#include "extract/nlp/sentence.h"
#include "extract/nlp/tagger.h"
#include "extract/nlp/word_hashes.h"

namespace quarry::nlp {

class Parser {
 public:
  void parse(Sentence& sentence) const;
  void parse(Sentence& sentence, const std::vector<WordHashes>& words) const;

  // `data` carries gold head/deprel and the tags the parser will see at run time (ideally
  // predicted, not gold).
  static Parser train(const std::vector<const Sentence*>& data, const TrainOptions& options);

  // Drops weights below `min_weight` in magnitude (see Perceptron::pruned).
  void prune(float min_weight) { model_ = model_.pruned(min_weight); }
  size_t num_weights() const { return model_.num_weights(); }

  void write(ModelWriter& out) const;
  void read(ModelReader& in);

 private:
  std::vector<std::string> labels_;
  Perceptron model_;
};

}  // namespace quarry::nlp
