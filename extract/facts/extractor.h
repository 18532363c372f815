// Fact extraction: one parsed sentence -> the facts its clauses state.
//
// Rules read the dependency tree (UD relations, as extract/nlp/pipeline.h produces them)
// clause by clause; each construction family lives in its own file (verbal_rules.cpp,
// nominal_rules.cpp, qualifiers.cpp). The constructions, predicate names and confidence
// grades are documented in docs/extraction.md.
//
// Thread safety: extract_facts() is a pure function of its arguments. Malformed trees
// (unset heads, cycles) give fewer facts, never a crash.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/facts/fact.h"
#include "extract/nlp/sentence.h"

namespace quarry::extract {

struct ExtractOptions {
  // Open-IE mode (for CaRB-style output): also emit facts whose object is a whole clause
  // ("indicated that <clause>", "said <clause>"), adjectival predicates ("X is popular") and
  // arguments with all their dependents. Default false: knowledge-graph facts whose
  // arguments are noun phrases (entities or descriptions of them).
  bool open_ie = false;
  // Facts below this confidence are dropped. Default 0: keep all.
  double min_confidence = 0.0;
};

// Facts stated by `sentence` (tokens annotated by nlp::Pipeline::annotate). Byte spans are
// the tokens' offsets; `sentence_index` is copied into every fact. An unparsed sentence
// (heads unset) gives no facts.
std::vector<ExtractedFact> extract_facts(const nlp::Sentence& sentence, uint32_t sentence_index,
                                         const ExtractOptions& options = {});

}  // namespace quarry::extract
