// Document-level consistency for the entity recogniser's output.
//
// A document repeats its names ("Gloria Smith ... Gloria ... Smith's"), and the sentence-
// level recogniser misses some repeats and types others differently. harmonise_entities()
// makes a document agree with itself: a run of proper nouns left outside any entity becomes
// an entity when the same words were recognised as one elsewhere in the document (the
// majority type wins), and an entity whose exact words were recognised more often with
// another type takes that type. Reads form, upos and ner (BIO); rewrites ner only.
// Measured on GUM dev (docs/nlp.md): +1.5 PER+ORG+PLACE F1, mostly recall.
#pragma once

#include <vector>

#include "extract/nlp/sentence.h"

namespace quarry::nlp {

void harmonise_entities(std::vector<Sentence*>& document);

}  // namespace quarry::nlp
