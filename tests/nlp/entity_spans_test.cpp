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

TEST_CASE("sub-spans of runs: every shorter span inside a run, up to a length") {
  // "Ana Velasco Vice President" (0-4) and "CSNA" (6-7).
  CHECK(sub_spans({{0, 4}, {6, 7}}, 2) ==
        Runs{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}, {2, 4}, {3, 4}});
  CHECK(sub_spans({{0, 3}}, 6) == Runs{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}});
  CHECK(sub_spans({{5, 6}}, 6).empty());
}

TEST_CASE("the best segmentation maximises the total margin over none") {
  // "Ana Velasco Vice President": the name alone beats the whole run, and the title (a
  // negative margin) is never taken.
  std::vector<ScoredSpan> spans = {{0, 4, 1, 2.0f}, {0, 2, 1, 3.0f}, {2, 4, 2, -1.0f}};
  auto best = best_segmentation(spans, 5);
  REQUIRE(best.size() == 1);
  CHECK((best[0].begin == 0 && best[0].end == 2 && best[0].cls == 1));
  // Two short names together outscore the one long span that covers both.
  spans = {{0, 3, 3, 4.0f}, {0, 1, 1, 2.5f}, {1, 3, 2, 2.0f}};
  best = best_segmentation(spans, 3);
  REQUIRE(best.size() == 2);
  CHECK((best[0].end == 1 && best[1].begin == 1 && best[1].cls == 2));
  CHECK(best_segmentation({{1, 2, 1, 0.0f}}, 3).empty());
}

TEST_CASE("a span's best type and margin over none") {
  const float scores[4] = {1.0f, 0.5f, 3.0f, 2.0f};
  ScoredSpan s = best_type(2, 4, scores, 4);
  CHECK((s.begin == 2 && s.end == 4 && s.cls == 2));
  CHECK(s.margin == 2.0f);
}
