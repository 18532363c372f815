// Training the whole pipeline from Universal Dependencies treebanks.
//
// Deterministic: fixed seeds and a fixed data order give a byte-identical model file. One
// thread. The parser and the entity recogniser learn from jackknifed tags (each fold
// tagged by a tagger trained on the other folds), so they see tagging errors as they will
// at run time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/nlp/entity_lists.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/sentence.h"
#include "quarry/status.h"

namespace quarry::nlp {

struct PipelineTrainOptions {
  int tagger_iterations = 8;
  int tagger_passes = 1;  // 2: a second pass that sees the first pass's tags to the right
  bool tagger_first_right_to_left = false;  // the first pass reads sentences backwards
  int parser_iterations = 12;
  int entity_iterations = 10;
  int jackknife_folds = 3;  // 0 or 1: the parser learns from gold tags
  // Averaged weights smaller than these are dropped from the model (size and speed; see
  // docs/nlp.md for the measured trade-off): min_weight for the parser and the entity
  // recogniser, tagger_min_weight for the tagger, which loses accuracy sooner.
  float min_weight = 1.0f;
  float tagger_min_weight = 0.3f;
  uint64_t seed = 1;
  bool verbose = false;  // progress on stderr
};

// Trains on `train` (gold annotations; `ner` filled where entities are annotated, empty in
// sentences without entity annotation, which the entity recogniser then skips).
Pipeline train_pipeline(const std::vector<Sentence>& train, const PipelineTrainOptions& options);

// Retrains only the entity recogniser of `base` (tagger, lemmas and parser kept), from the
// same jackknifed tags train_pipeline uses; `jackknife_cache` (optional): a CoNLL-U file
// holding them, written on the first run and read on later ones. For entity experiments.
Result<Pipeline> retrain_entities(const std::vector<Sentence>& train, const Pipeline& base,
                                  const PipelineTrainOptions& options,
                                  const std::string& jackknife_cache);

// The name lists the entity recogniser trains with (extract/nlp/entity_lists.h), from the
// Debian packages' default paths; a missing list is a warning on stderr.
NameLists entity_name_lists(bool verbose);

// Retrains only the parser of `base` (the tagger, lemmas and entities are kept). With the
// options `base` was trained with, the result equals train_pipeline's: the parser learns
// from the same jackknifed tags, and no other stage depends on it. For parser experiments
// and parser-only changes: it skips the tagger and entity training.
Pipeline retrain_parser(const std::vector<Sentence>& train, const Pipeline& base,
                        const PipelineTrainOptions& options);

// Retrains only the tagger of `base` (lemmas, parser and entities kept, so parser scores
// are those of the old parser on the new tags). For tagger experiments.
Pipeline retrain_tagger(const std::vector<Sentence>& train, const Pipeline& base,
                        const PipelineTrainOptions& options);

// Jackknifed tags of `train`: each fold tagged by a tagger (of options.tagger_passes passes)
// trained on the other folds; `first_pass` holds the first pass's tags alone (the second
// pass's training input), equal to `tags` for a one-pass tagger. Empty folds (jackknife_folds
// 0 or 1) leave the gold tags. With `fold_second_pass` false only first_pass is computed.
struct JackknifedTags {
  std::vector<Sentence> first_pass;
  std::vector<Sentence> tags;
};
JackknifedTags jackknife_tags(const std::vector<Sentence>& train,
                              const PipelineTrainOptions& options, bool fold_second_pass = true);

// The shipped model's training data: the train splits of EWT and GUM in `ud_dir`, minus
// GUM's non-commercial genres (whow, fiction). GUM entities become BIO tags.
Result<std::vector<Sentence>> load_ud_training_data(const std::string& ud_dir);

// True for documents whose licence excludes them from the shipped model.
bool excluded_document(const std::string& doc_id);

}  // namespace quarry::nlp
