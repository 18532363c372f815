// Candidate name spans for the entity recogniser's second stage (span typing).
//
// GUM's named mentions are runs of proper nouns (see extract/nlp/gum_entities.h), so the
// candidates are cut from the predicted tags the same way: maximal runs of PROPN tokens,
// widened by capitalised ADJ/NOUN next to them ("National Library") and joined across
// connectors ("Bank of England") when a proper noun follows. On GUM dev 85% of the gold
// person/organisation/place names equal one of these runs exactly.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "extract/nlp/sentence.h"

namespace quarry::nlp {

// [begin, end) token ranges, in order, not overlapping.
std::vector<std::pair<size_t, size_t>> name_runs(const Sentence& sentence);

// Every span of at most `max_length` words inside one of `runs`, except the whole runs:
// the sub-span candidates ("Ana Velasco" in "Ana Velasco Vice President").
std::vector<std::pair<size_t, size_t>> sub_spans(const std::vector<std::pair<size_t, size_t>>& runs,
                                                 size_t max_length);

// A candidate span with its best name type (1 + index into kEntityTypes) and by how much
// that type's score beats "none".
struct ScoredSpan {
  size_t begin, end;
  int cls;
  float margin;
};
ScoredSpan best_type(size_t begin, size_t end, const float* scores, int classes);

// The non-overlapping spans of a sentence of `n` words with the largest total margin, in
// order; spans without a positive margin are never taken.
std::vector<ScoredSpan> best_segmentation(const std::vector<ScoredSpan>& spans, size_t n);

// The document a sentence of a UD treebank belongs to: its id up to the last '-'
// ("GUM_news_example-12" -> "GUM_news_example").
std::string document_id(const Sentence& sentence);

}  // namespace quarry::nlp
