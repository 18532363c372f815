// Candidate name spans for the span typer (extract/nlp/entity_spans.h).
#include <catch2/catch.hpp>

#include "extract/nlp/entity_spans.h"

using namespace quarry::nlp;

namespace {

// Tokens as {form, UPOS}.
Sentence make(std::vector<std::pair<std::string, std::string>> tokens) {
  Sentence s;
  for (auto& [form, upos] : tokens) {
    Token t;
    t.form = form;
    t.upos = upos;
    s.tokens.push_back(t);
  }
  return s;
}

using Runs = std::vector<std::pair<size_t, size_t>>;

}  // namespace

TEST_CASE("runs of proper nouns are candidates, joined across connectors") {
  Sentence s = make({{"Pavel", "PROPN"},
                     {"Dremin", "PROPN"},
                     {"joined", "VERB"},
                     {"the", "DET"},
                     {"Bank", "PROPN"},
                     {"of", "ADP"},
                     {"the", "DET"},
                     {"Northern", "ADJ"},
                     {"Federation", "PROPN"},
                     {"in", "ADP"},
                     {"May", "PROPN"},
                     {".", "PUNCT"}});
  CHECK(name_runs(s) == Runs{{0, 2}, {4, 9}, {10, 11}});
}

TEST_CASE("capitalised adjectives and nouns widen a run, but not at the sentence start") {
  // "National Library": the adjective belongs to the name.
  Sentence a =
      make({{"She", "PRON"}, {"visited", "VERB"}, {"National", "ADJ"}, {"Library", "PROPN"}});
  CHECK(name_runs(a) == Runs{{2, 4}});
  // A sentence-initial capital is no evidence of a name.
  Sentence b = make({{"Former", "ADJ"}, {"Ana", "PROPN"}, {"Velasco", "PROPN"}, {"won", "VERB"}});
  CHECK(name_runs(b) == Runs{{1, 3}});
  // A connector only joins when a proper noun follows it.
  Sentence c = make({{"Oskar", "PROPN"}, {"Lind", "PROPN"}, {"of", "ADP"}, {"course", "NOUN"}});
  CHECK(name_runs(c) == Runs{{0, 2}});
  // No proper noun, no candidate.
  Sentence d = make({{"the", "DET"}, {"river", "NOUN"}, {"rose", "VERB"}});
  CHECK(name_runs(d).empty());
}

TEST_CASE("document ids are sentence ids without their number") {
  Sentence s;
  s.id = "GUM_news_harbour-12";
  CHECK(document_id(s) == "GUM_news_harbour");
  s.id = "loose";
  CHECK(document_id(s) == "loose");
}
