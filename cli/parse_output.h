// Output formats of `quarry parse` besides CoNLL-U (which extract/nlp/conllu.h writes).
#pragma once

#include <ostream>

#include "extract/nlp/sentence.h"

namespace quarry::cli {

// One JSON object on one line: id, text and tokens (id, form, start, end, space_after, and
// lemma/upos/xpos/feats/head/deprel/ner when filled; multiword on the first word of a
// multi-word token).
void write_sentence_json(std::ostream& out, const nlp::Sentence& sentence);

// For a person: the sentence, then its dependency tree drawn with box characters, one word a
// line ("form  UPOS  deprel  entity"); tokens with their byte spans when there is no tree.
void write_sentence_pretty(std::ostream& out, const nlp::Sentence& sentence);

}  // namespace quarry::cli
