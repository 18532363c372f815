// Document-level entity consistency (extract/nlp/entity_document.h).
#include <catch2/catch.hpp>

#include "extract/nlp/entity_document.h"

using namespace quarry::nlp;

namespace {

// Tokens as "form/UPOS/ner".
Sentence make(std::vector<std::vector<std::string>> tokens) {
  Sentence s;
  for (auto& t : tokens) {
    Token tok;
    tok.form = t[0];
    tok.upos = t[1];
    tok.ner = t[2];
    s.tokens.push_back(tok);
  }
  return s;
}

std::vector<std::string> tags(const Sentence& s) {
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.push_back(t.ner);
  return out;
}

}  // namespace

TEST_CASE("a missed repeat of a recognised name is found") {
  Sentence a =
      make({{"Mira", "PROPN", "B-person"}, {"Olsen", "PROPN", "I-person"}, {"sang", "VERB", "O"}});
  Sentence b = make({{"Later", "ADV", "O"},
                     {"Mira", "PROPN", "O"},
                     {"Olsen", "PROPN", "O"},
                     {"left", "VERB", "O"}});
  Sentence c = make({{"Olsen", "PROPN", "O"}, {"stayed", "VERB", "O"}});
  std::vector<Sentence*> doc{&a, &b, &c};
  harmonise_entities(doc);
  CHECK(tags(b) == std::vector<std::string>{"O", "B-person", "I-person", "O"});
  // Only whole recognised names are repeated: "Olsen" alone was never one.
  CHECK(tags(c) == std::vector<std::string>{"O", "O"});
  CHECK(tags(a) == std::vector<std::string>{"B-person", "I-person", "O"});
}

TEST_CASE("a name takes the type it has most often in the document") {
  Sentence a = make({{"in", "ADP", "O"}, {"Tarnow", "PROPN", "B-place"}});
  Sentence b = make({{"to", "ADP", "O"}, {"Tarnow", "PROPN", "B-place"}});
  Sentence c = make({{"Tarnow", "PROPN", "B-organization"}, {"voted", "VERB", "O"}});
  Sentence d = make({{"the", "DET", "O"}, {"town", "NOUN", "O"}});  // common nouns stay
  std::vector<Sentence*> doc{&a, &b, &c, &d};
  harmonise_entities(doc);
  CHECK(tags(c) == std::vector<std::string>{"B-place", "O"});
  CHECK(tags(d) == std::vector<std::string>{"O", "O"});
}

TEST_CASE("a document without entities is left alone") {
  Sentence a = make({{"Kestrel", "PROPN", "O"}, {"flew", "VERB", "O"}});
  std::vector<Sentence*> doc{&a};
  harmonise_entities(doc);
  CHECK(tags(a) == std::vector<std::string>{"O", "O"});
}
