#include "extract/nlp/train.h"

#include <chrono>
#include <cstdio>

#include "extract/nlp/conllu.h"
#include "extract/nlp/gum_entities.h"
#include "extract/nlp/pipeline_models.h"

namespace quarry::nlp {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

bool excluded_document(const std::string& doc_id) {
  return doc_id.rfind("GUM_whow", 0) == 0 || doc_id.rfind("GUM_fiction", 0) == 0;
}

Result<std::vector<Sentence>> load_ud_training_data(const std::string& ud_dir) {
  std::vector<Sentence> out;
  for (const char* name : {"en_ewt-ud-train.conllu", "en_gum-ud-train.conllu"}) {
    auto doc = read_conllu_file(ud_dir + "/" + name);
    if (!doc.ok()) return doc.error();
    for (size_t i = 0; i < doc->sentences.size(); ++i) {
      if (excluded_document(doc->doc_ids[i])) continue;
      Sentence& s = doc->sentences[i];
      if (doc->doc_ids[i].rfind("GUM_", 0) == 0)
        gum_entities_to_bio(s);
      else
        for (Token& t : s.tokens) t.ner.clear();
      out.push_back(std::move(s));
    }
  }
  return out;
}

JackknifedTags jackknife_tags(const std::vector<Sentence>& train, const PipelineTrainOptions& o,
                              bool fold_second_pass) {
  auto start = std::chrono::steady_clock::now();
  JackknifedTags out;
  out.first_pass = train;
  const size_t folds = o.jackknife_folds > 1 ? static_cast<size_t>(o.jackknife_folds) : 0;
  std::vector<Tagger> fold_taggers;
  std::vector<std::vector<const Sentence*>> rest(folds);
  for (size_t fold = 0; fold < folds; ++fold) {
    for (size_t i = 0; i < train.size(); ++i)
      if (i % folds != fold) rest[fold].push_back(&train[i]);
    fold_taggers.push_back(Tagger::train(rest[fold],
                                         TrainOptions{o.tagger_iterations, o.seed + fold, false},
                                         o.tagger_first_right_to_left));
    for (size_t i = fold; i < train.size(); i += folds) fold_taggers[fold].tag(out.first_pass[i]);
    if (o.verbose)
      std::fprintf(stderr, "jackknife fold %zu done (%.0fs)\n", fold + 1, seconds_since(start));
  }
  if (o.tagger_passes < 2 || !fold_second_pass || folds == 0) {
    out.tags = out.first_pass;
    return out;
  }
  // Each fold's second pass learns from the other folds' first-pass tags; none of them
  // came from a tagger that trained on the sentences it tagged.
  out.tags = train;
  for (size_t fold = 0; fold < folds; ++fold) {
    std::vector<const Sentence*> rest_tags;
    for (size_t i = 0; i < train.size(); ++i)
      if (i % folds != fold) rest_tags.push_back(&out.first_pass[i]);
    fold_taggers[fold].train_second_pass(rest[fold], rest_tags,
                                         TrainOptions{o.tagger_iterations, o.seed + fold, false});
    for (size_t i = fold; i < train.size(); i += folds) fold_taggers[fold].tag(out.tags[i]);
    if (o.verbose)
      std::fprintf(stderr, "jackknife second pass %zu done (%.0fs)\n", fold + 1,
                   seconds_since(start));
  }
  return out;
}

namespace {

// The tagger trained on all of `train`; its second pass learns from the jackknifed
// first-pass tags.
Tagger train_tagger(const std::vector<Sentence>& train, const std::vector<Sentence>& first_pass,
                    const PipelineTrainOptions& o) {
  std::vector<const Sentence*> all, first;
  for (const Sentence& s : train) all.push_back(&s);
  for (const Sentence& s : first_pass) first.push_back(&s);
  Tagger tagger = Tagger::train(all, TrainOptions{o.tagger_iterations, o.seed, o.verbose},
                                o.tagger_first_right_to_left);
  if (o.tagger_passes >= 2)
    tagger.train_second_pass(all, first, TrainOptions{o.tagger_iterations, o.seed, o.verbose});
  if (o.tagger_min_weight > 0) tagger.prune(o.tagger_min_weight);
  return tagger;
}

Parser train_parser(const std::vector<Sentence>& tagged, const PipelineTrainOptions& o,
                    std::chrono::steady_clock::time_point start) {
  std::vector<const Sentence*> parser_data;
  for (const Sentence& s : tagged) parser_data.push_back(&s);
  Parser parser = Parser::train(parser_data, TrainOptions{o.parser_iterations, o.seed, o.verbose});
  if (o.verbose) std::fprintf(stderr, "parser done (%.0fs)\n", seconds_since(start));
  if (o.min_weight > 0) parser.prune(o.min_weight);
  return parser;
}

}  // namespace

Pipeline train_pipeline(const std::vector<Sentence>& train, const PipelineTrainOptions& o) {
  auto start = std::chrono::steady_clock::now();
  auto models = std::make_unique<PipelineModels>();
  std::vector<const Sentence*> all;
  for (const Sentence& s : train) all.push_back(&s);

  JackknifedTags jackknifed = jackknife_tags(train, o);

  models->tagger = train_tagger(train, jackknifed.first_pass, o);
  if (o.verbose) std::fprintf(stderr, "tagger done (%.0fs)\n", seconds_since(start));
  models->morphology = Morphology::train(all);

  const std::vector<Sentence>& tagged = jackknifed.tags;
  models->parser = train_parser(tagged, o, start);

  std::vector<const Sentence*> entity_data;
  for (const Sentence& s : tagged)
    if (!s.tokens.empty() && !s.tokens[0].ner.empty()) entity_data.push_back(&s);
  models->entities =
      EntityTagger::train(entity_data, TrainOptions{o.entity_iterations, o.seed, o.verbose}, all,
                          entity_name_lists(o.verbose));
  if (o.verbose) std::fprintf(stderr, "entities done (%.0fs)\n", seconds_since(start));
  if (o.min_weight > 0) models->entities.prune(o.min_weight);
  return Pipeline(std::move(models));
}

Pipeline retrain_parser(const std::vector<Sentence>& train, const Pipeline& base,
                        const PipelineTrainOptions& o) {
  auto start = std::chrono::steady_clock::now();
  auto models = std::make_unique<PipelineModels>(base.models());
  models->parser = train_parser(jackknife_tags(train, o).tags, o, start);
  return Pipeline(std::move(models));
}

Pipeline retrain_tagger(const std::vector<Sentence>& train, const Pipeline& base,
                        const PipelineTrainOptions& o) {
  auto models = std::make_unique<PipelineModels>(base.models());
  std::vector<Sentence> first_pass =
      o.tagger_passes >= 2 ? jackknife_tags(train, o, false).first_pass : train;
  models->tagger = train_tagger(train, first_pass, o);
  return Pipeline(std::move(models));
}

}  // namespace quarry::nlp
