// One document's extracted facts -> facts ready for Database::add_document: every argument
// resolved to an entity (DocumentResolver), qualifiers turned into mention qualifiers, time
// phrases resolved against the document date.
#pragma once

#include <string>
#include <vector>

#include "extract/facts/fact.h"
#include "extract/nlp/sentence.h"
#include "extract/resolve/resolver.h"
#include "quarry/database.h"

namespace quarry::extract::resolve {

struct ResolvedDocument {
  std::vector<Fact> facts;       // for Database::add_document
  std::vector<Entity> entities;  // every entity the document mentions
  size_t unresolved = 0;         // facts dropped: a pronoun without antecedent, a self-loop
  // For each of `facts`, its index in the input once sorted into reading order (sentence,
  // then subject start, stable): input already in that order maps to itself.
  std::vector<size_t> origin;
};

// `sentences`: the annotated sentences (may be empty, e.g. facts from a plug-in extractor:
// then names are read from the argument text alone). `facts` may come in any order; they
// are resolved in reading order. `doc_date` (ISO or empty) anchors time phrases;
// `extractor` names the producer in every mention.
ResolvedDocument resolve_document(const std::vector<nlp::Sentence>& sentences,
                                  std::vector<ExtractedFact> facts, const std::string& doc_date,
                                  const std::string& extractor);

}  // namespace quarry::extract::resolve
