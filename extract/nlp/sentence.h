// The annotated sentence every stage of the English pipeline reads and writes.
//
// Segmentation fills form and the character span; the tagger fills upos, xpos, feats and
// lemma; the parser fills head and deprel; the entity recogniser fills ner. Fields a stage
// has not filled are empty (head: -1). The layout mirrors CoNLL-U so gold data and
// predictions share one type.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace quarry::nlp {

struct Token {
  std::string form;
  // Byte offsets [start, end) into the original text; both 0 when the token did not come
  // from raw text (e.g. read from CoNLL-U).
  uint32_t start = 0;
  uint32_t end = 0;
  bool space_after = true;  // false for CoNLL-U's SpaceAfter=No
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;  // CoNLL-U FEATS, "_" or empty when none
  int head = -1;      // 0 = root, 1-based index of the head token otherwise, -1 = unset
  std::string deprel;
  std::string ner;   // BIO tag with type, e.g. "B-person", "I-place", "O"; empty = unset
  std::string misc;  // the rest of CoNLL-U MISC, without SpaceAfter and NER
  // Multi-word token: on the first word of a surface token split into several syntactic
  // words ("don't" -> do + n't, "cannot" -> can + not), the number of words it covers;
  // 0 otherwise. The surface form is the concatenation of the words' forms.
  uint8_t multiword = 0;
};

struct Sentence {
  std::string id;    // "# sent_id" when read from CoNLL-U
  std::string text;  // "# text", or the raw text the sentence was cut from
  std::vector<Token> tokens;
};

}  // namespace quarry::nlp
