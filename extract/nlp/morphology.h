// Lemmas and morphological features from the form and the predicted tags, learned from the
// training treebank.
//
// Lemmas: a form seen in training with a tag gets its most frequent lemma there (this is
// how irregular verbs like met -> meet and led -> lead are learned). An unseen form gets
// the most frequent edit rule ("strip k bytes, append s") of the longest form suffix seen
// with the same XPOS (handed -> hand via landed/ended). Proper nouns keep their case, other
// lemmas are lowercase, following EWT and GUM.
//
// Features: the most frequent FEATS of (lowercased form, XPOS, UPOS) in training, else of
// (XPOS, UPOS). Immutable after training; const methods are thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/nlp/model_io.h"
#include "extract/nlp/sentence.h"

namespace quarry::nlp {

class Morphology {
 public:
  // Fills lemma and feats of every token from form, xpos and upos.
  void analyse(Sentence& sentence) const;
  std::string lemma(std::string_view form, std::string_view xpos, std::string_view upos) const;
  std::string feats(std::string_view form, std::string_view xpos, std::string_view upos) const;

  static Morphology train(const std::vector<const Sentence*>& data);

  void write(ModelWriter& out) const;
  void read(ModelReader& in);

 private:
  std::unordered_map<std::string, std::string> lemmas_;     // xpos \t key form -> lemma
  std::unordered_map<std::string, std::string> rules_;      // xpos \t suffix -> "k\tappend"
  std::unordered_map<std::string, std::string> feats_;      // xpos \t upos \t lower -> feats
  std::unordered_map<std::string, std::string> tag_feats_;  // xpos \t upos -> feats
};

}  // namespace quarry::nlp
