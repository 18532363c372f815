// A read-only view of one parsed sentence as a dependency tree, for the extraction rules.
//
// Indices are 0-based token positions (the Sentence stores 1-based heads). The view borrows
// the sentence: it must outlive the tree. Malformed trees (heads out of range, cycles) are
// tolerated: such tokens are treated as roots, so rules never loop or read out of bounds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/facts/fact.h"
#include "extract/nlp/sentence.h"

namespace quarry::extract {

class DepTree {
 public:
  explicit DepTree(const nlp::Sentence& sentence);

  const nlp::Sentence& sentence() const { return s_; }
  size_t size() const { return s_.tokens.size(); }
  const nlp::Token& tok(uint32_t i) const { return s_.tokens[i]; }

  // The head's index, or -1 for the root (and for tokens whose head is invalid).
  int head(uint32_t i) const { return heads_[i]; }
  const std::vector<uint32_t>& children(uint32_t i) const { return children_[i]; }
  // The relation without its subtype: "nsubj" for "nsubj:pass".
  std::string_view rel(uint32_t i) const;
  const std::string& deprel(uint32_t i) const { return s_.tokens[i].deprel; }
  // The lower-case lemma (the form when the tagger left no lemma).
  std::string lemma(uint32_t i) const;
  std::string lower_form(uint32_t i) const;
  bool has_feat(uint32_t i, std::string_view feat) const;

  // Children whose full deprel is `deprel`, or whose base relation is `deprel` when it
  // has no ':' ("nsubj" also finds "nsubj:pass").
  std::vector<uint32_t> kids(uint32_t i, std::string_view wanted) const;
  int first_kid(uint32_t i, std::string_view wanted) const;
  // The lower-case words of i's case/mark children joined by '_' ("according_to", "of").
  std::string case_of(uint32_t i) const;

  // Tokens of the subtree under i (i included), in sentence order.
  std::vector<uint32_t> subtree(uint32_t i) const;
  // Whether some arc crosses another: a cue that the parse is less reliable.
  bool non_projective() const { return non_projective_; }

  // The argument headed by `head`: the noun phrase core (det, amod, compound, flat, nummod,
  // possessives, "of"/"from" nmods, ...), never relative clauses or whole clauses. With
  // `full`, every dependent except relative/participial clauses and appositions is kept.
  Argument argument(uint32_t head, bool full = false) const;
  // The text of the tokens, spaced as in the source.
  std::string text_of(const std::vector<uint32_t>& tokens) const;

 private:
  void collect(uint32_t i, bool full, bool top, std::vector<uint32_t>& out) const;
  bool top_comma(uint32_t a, uint32_t b) const;

  const nlp::Sentence& s_;
  std::vector<int> heads_;
  std::vector<std::vector<uint32_t>> children_;
  bool non_projective_ = false;
};

// Data-model type for an NER tag ("B-person" -> "Person"); empty for "O" and times.
std::string entity_type(std::string_view ner);

}  // namespace quarry::extract
