// Named-entity spans from GUM's coreference annotation (MISC `Entity=`), as BIO tags.
//
// GUM brackets every mention, named or not: `Entity=(12-person-new-...` opens mention 12
// of type person on a token and `12)` closes it; several may open or close on one token.
// A mention counts as a named entity when the word heading the span (its only word whose
// syntactic head lies outside it) is a proper noun, or, for type time, a number. The span
// is cut down to the name: the run of proper nouns around that word, joined by connectors
// like "of", "the", "'s" ("the United Kingdom, which ..." -> "United Kingdom"). Nested
// mentions give way to the outermost, and types outside kEntityTypes are ignored.
#pragma once

#include <string>
#include <vector>

#include "extract/nlp/sentence.h"

namespace quarry::nlp {

inline const std::vector<std::string> kEntityTypes = {"person", "organization", "place",
                                                      "event",  "time",         "object"};

// Sets token.ner ("B-person", "I-person", "O") on every token of `sentence` from the
// Entity annotations in token.misc and the gold heads and UPOS.
void gum_entities_to_bio(Sentence& sentence);

}  // namespace quarry::nlp
