// Scoring predictions against gold CoNLL-U with gold tokenisation, the CoNLL 2018 shared
// task way: every word counts (punctuation included); LAS compares the universal part of
// the relation (before ':'), and the full relation with subtypes is reported separately.
// Entities: exact span-and-type matches, precision/recall/F1 per type.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/nlp/pipeline.h"
#include "extract/nlp/sentence.h"

namespace quarry::nlp {

struct SpanCounts {
  size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct EvalReport {
  size_t sentences = 0, words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, feats = 0, uas = 0, las = 0, las_full = 0;
  bool has_entities = false;
  std::map<std::string, SpanCounts> entities;  // by type, plus "ALL" and "PER+ORG+PLACE"
  double seconds = 0;                          // time spent annotating
  // One line per entity error: "missed|spurious <tab> type <tab> words <tab> sentence".
  std::vector<std::string> entity_errors;
  std::string to_string(const std::string& title) const;
};

// Adds one gold/predicted sentence pair (same tokens) to `report`. Entities are scored
// when the gold sentence has ner tags.
void score_sentence(const Sentence& gold, const Sentence& predicted, EvalReport& report);

// Annotates a copy of every gold sentence with `pipeline` and scores it. GUM-style Entity
// annotations in MISC become gold entity tags (see gum_entities.h). With `doc_ids`
// (parallel to `gold`), each run of sentences with one id is annotated as a document
// (Pipeline::annotate_document); without, sentence by sentence.
EvalReport evaluate(const Pipeline& pipeline, std::vector<Sentence> gold,
                    const std::vector<std::string>& doc_ids = {});

}  // namespace quarry::nlp
