// Named-entity recogniser: greedy left-to-right averaged perceptron over BIO tags with
// types (see extract/nlp/gum_entities.h for what counts as an entity in training).
//
// Features: the word and its neighbours, shape, affixes, the predicted tags, the previous
// two entity tags, the dependency relation and the head word (entities are tagged after
// parsing), how often the word was inside an entity of each type in the training data,
// how often the word is capitalised in running text, and external name lists (places,
// first and last names, dictionary words; extract/nlp/entity_lists.h) stored in the
// model. Reads form, upos, xpos, head, deprel; fills ner. "I-x" never follows anything but "B-x" or
// "I-x". A second stage (format 4, extract/nlp/entity_spans.h) then types whole spans, the
// first stage's and the proper-noun runs it missed, and may drop them. Immutable; tag() and
// tag_document() are thread-safe.
#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/nlp/entity_lists.h"
#include "extract/nlp/model_io.h"
#include "extract/nlp/perceptron.h"
#include "extract/nlp/sentence.h"
#include "extract/nlp/tagger.h"
#include "extract/nlp/word_hashes.h"

namespace quarry::nlp {

class EntityTagger {
 public:
  using NameList = std::unordered_map<uint64_t, uint16_t>;  // lowercased-form hash -> class

  void tag(Sentence& sentence) const;
  void tag(Sentence& sentence, const std::vector<WordHashes>& words) const;
  // The sentences of one text (tagged and parsed): the span typer also sees how the first
  // stage typed the same name elsewhere in the text.
  void tag_document(const std::vector<Sentence*>& document) const;

  // `data` carries gold ner tags and predicted tags and parses. `text` (all training
  // sentences, with or without entities) is where the recogniser learns how often each
  // word is capitalised when it does not start a sentence; empty: from `data`.
  // `lists`: name lists for features (see extract/nlp/entity_lists.h); the model keeps them.
  static EntityTagger train(const std::vector<const Sentence*>& data, const TrainOptions& options,
                            const std::vector<const Sentence*>& text = {},
                            const NameLists& lists = {});

  // Drops weights below `min_weight` in magnitude (see Perceptron::pruned).
  void prune(float min_weight) {
    model_ = model_.pruned(min_weight);
    spans_ = spans_.pruned(min_weight);
  }
  size_t num_weights() const { return model_.num_weights(); }

  void write(ModelWriter& out) const;
  // `version`: the model file's format version (1 had no capitalisation table, 2 no name
  // lists).
  void read(ModelReader& in, uint32_t version = kModelVersion);

 private:
  void features(const Sentence& s, const std::vector<WordHashes>& w, size_t i, int p1, int p2,
                const NameList& names, const std::vector<uint16_t>& phrases,
                std::vector<uint64_t>& f) const;
  uint64_t capitals(uint64_t lower) const;
  // How often the first stage gave each type (1 + index into kEntityTypes) to a name's
  // words, and to its last word, in one document.
  struct DocumentTypes {
    std::unordered_map<uint64_t, std::array<uint16_t, 8>> text, last;
    // Last word of a candidate name -> the contexts (preposition, or relation and governing
    // word) of its mentions in the document, at most 8.
    std::unordered_map<uint64_t, std::vector<uint64_t>> contexts;
  };
  static void count_types(const Sentence& first, const std::vector<WordHashes>& w,
                          DocumentTypes& doc);
  // Second stage (extract/nlp/entity_spans.cpp): types whole spans.
  void span_features(const Sentence& s, const std::vector<WordHashes>& w, size_t b, size_t e,
                     const NameList& names, const std::vector<uint16_t>& phrases,
                     const Sentence& first, const DocumentTypes& doc,
                     std::vector<uint64_t>& f) const;
  int type_span(const Sentence& s, const std::vector<WordHashes>& w, size_t b, size_t e,
                const std::vector<uint16_t>& phrases, const Sentence& first,
                const DocumentTypes& doc, std::vector<uint64_t>& f) const;
  void retype(Sentence& s, const std::vector<WordHashes>& w, const std::vector<uint16_t>& phrases,
              const DocumentTypes& doc) const;
  // Candidate spans of a sentence: the proper-noun runs, the first stage's spans (from
  // `first`) and, when segmenting, the runs' sub-spans.
  std::vector<std::pair<size_t, size_t>> candidates(const Sentence& s, const Sentence& first) const;
  // Segmenting decoder: scores every candidate and keeps the non-overlapping set with the
  // largest total margin over "none".
  void segment(Sentence& s, const std::vector<WordHashes>& w, const std::vector<uint16_t>& phrases,
               const Sentence& first, const DocumentTypes& doc) const;
  void train_spans(const std::vector<const Sentence*>& data, const std::vector<Sentence>& first,
                   const TrainOptions& options, const std::vector<NameList>& fold_names);
  // First stage: greedy BIO decoding with `m`; training of a BIO model on data[subset].
  void decode(const Perceptron& m, const NameList& names, Sentence& sentence,
              const std::vector<WordHashes>& words, const std::vector<uint16_t>& phrases) const;
  Perceptron fit(const std::vector<const Sentence*>& data, const std::vector<size_t>& subset,
                 const TrainOptions& options, const std::vector<NameList>& fold_names) const;
  bool allowed(int cls, int prev) const;
  std::vector<std::string> classes_;  // "O", then "B-type", "I-type" pairs
  // Lowercased-form hash -> the entity class it most often had in training (when >= 50%).
  NameList names_;
  // Lowercased-form hash -> how often the word was capitalised away from the start of a
  // sentence, in steps of 1..5 (1: never, 5: always); a word that is usually lowercase but
  // capitalised here is less likely a name. Words seen fewer than twice are absent.
  std::unordered_map<uint64_t, uint8_t> caps_;
  NameLists lists_;  // external name lists (empty in models before format 3)
  Perceptron model_;
  // Span typer: classes 0 (not a name) and 1 + index into kEntityTypes; empty before format 4.
  Perceptron spans_;
  // Format 6: the typer also scores sub-spans of the runs and picks the best segmentation
  // (segment()); older models retype the first stage's spans and add free runs.
  bool segment_ = false;
  static constexpr size_t kMaxSubSpan = 6;
};

}  // namespace quarry::nlp
