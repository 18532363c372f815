// Hand-built parsed sentences for model-free tests of the extraction rules.
#pragma once

#include <string>
#include <vector>

#include "extract/nlp/sentence.h"

namespace quarry::test {

struct Row {
  std::string form, lemma, upos, xpos;
  int head;  // 1-based, 0 = root
  std::string deprel;
  std::string ner = "O";
  std::string feats = "_";
};

// Tokens separated by one space; byte offsets as in the joined text.
inline nlp::Sentence tree(const std::vector<Row>& rows) {
  nlp::Sentence s;
  for (const auto& r : rows) {
    if (!s.text.empty()) s.text += ' ';
    nlp::Token t;
    t.form = r.form;
    t.start = static_cast<uint32_t>(s.text.size());
    s.text += r.form;
    t.end = static_cast<uint32_t>(s.text.size());
    t.lemma = r.lemma;
    t.upos = r.upos;
    t.xpos = r.xpos;
    t.head = r.head;
    t.deprel = r.deprel;
    t.ner = r.ner;
    t.feats = r.feats;
    s.tokens.push_back(t);
  }
  return s;
}

}  // namespace quarry::test
