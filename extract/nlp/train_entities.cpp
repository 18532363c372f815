// Entity-stage training helpers: the name lists training reads, and retraining only the
// entity recogniser of an existing model (for entity experiments: minutes instead of the
// half hour a full training takes).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "extract/nlp/conllu.h"
#include "extract/nlp/pipeline_models.h"
#include "extract/nlp/train.h"

namespace quarry::nlp {

NameLists entity_name_lists(bool verbose) {
  std::vector<std::string> missing;
  NameLists lists = NameLists::load(NameListSources(), &missing);
  for (const std::string& m : missing)
    std::fprintf(stderr, "warning: name list %s not found, training without it\n", m.c_str());
  if (verbose) std::fprintf(stderr, "name lists: %zu entries\n", lists.size());
  return lists;
}

namespace {

// The training sentences with jackknifed tags (see train_pipeline), cached in `cache` as
// CoNLL-U when given: the jackknife is the slow part and does not change between entity
// experiments.
Result<std::vector<Sentence>> jackknifed(const std::vector<Sentence>& train,
                                         const PipelineTrainOptions& o, const std::string& cache) {
  std::error_code ec;
  if (!cache.empty() && std::filesystem::exists(cache, ec)) {
    auto doc = read_conllu_file(cache);
    if (!doc.ok()) return doc.error();
    if (doc->sentences.size() != train.size())
      return Error(ErrorCode::kInvalidArgument,
                   cache + ": jackknife cache does not match the training data");
    return std::move(doc->sentences);
  }
  std::vector<Sentence> tagged = jackknife_tags(train, o).tags;
  if (!cache.empty()) {
    std::ofstream out(cache);
    for (const Sentence& s : tagged) write_conllu(out, s);
  }
  return tagged;
}

}  // namespace

Result<Pipeline> retrain_entities(const std::vector<Sentence>& train, const Pipeline& base,
                                  const PipelineTrainOptions& o, const std::string& cache) {
  auto tagged = jackknifed(train, o, cache);
  if (!tagged.ok()) return tagged.error();
  auto models = std::make_unique<PipelineModels>(base.models());
  std::vector<const Sentence*> all, entity_data;
  for (const Sentence& s : train) all.push_back(&s);
  for (const Sentence& s : *tagged)
    if (!s.tokens.empty() && !s.tokens[0].ner.empty()) entity_data.push_back(&s);
  models->entities =
      EntityTagger::train(entity_data, TrainOptions{o.entity_iterations, o.seed, o.verbose}, all,
                          entity_name_lists(o.verbose));
  if (o.min_weight > 0) models->entities.prune(o.min_weight);
  return Pipeline(std::move(models));
}

}  // namespace quarry::nlp
