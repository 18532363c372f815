// Open-IE-only rules (CaRB conventions) on hand-built trees of our own sentences; the graph
// mode must not change with them.
#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/facts/extractor.h"
#include "facts/tree_builder.h"

using namespace quarry;
using namespace quarry::extract;
using quarry::test::tree;

namespace {

ExtractOptions open_ie() {
  ExtractOptions o;
  o.open_ie = true;
  return o;
}

const ExtractedFact* with_text(const std::vector<ExtractedFact>& facts, const std::string& text) {
  auto it = std::find_if(facts.begin(), facts.end(),
                         [&](const ExtractedFact& f) { return f.text == text; });
  return it == facts.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("open IE: a subject pronoun is not resolved into its own complement clause") {
  // Oskar Lind would sign the pact , he said .
  auto s = tree({{"Oskar", "Oskar", "PROPN", "NNP", 4, "nsubj", "B-person"},
                 {"Lind", "Lind", "PROPN", "NNP", 1, "flat", "I-person"},
                 {"would", "would", "AUX", "MD", 4, "aux"},
                 {"sign", "sign", "VERB", "VB", 9, "ccomp"},
                 {"the", "the", "DET", "DT", 6, "det"},
                 {"pact", "pact", "NOUN", "NN", 4, "obj"},
                 {",", ",", "PUNCT", ",", 4, "punct"},
                 {"he", "he", "PRON", "PRP", 9, "nsubj"},
                 {"said", "say", "VERB", "VBD", 0, "root"},
                 {".", ".", "PUNCT", ".", 9, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* said = with_text(facts, "said");
  REQUIRE(said != nullptr);
  CHECK(said->subject.text == "he");
  CHECK(said->object.text == "Oskar Lind would sign the pact");
}

TEST_CASE("open IE: a pronoun after a fronted adverbial clause still finds its antecedent") {
  // Although Mei Ruolan won , she resigned .
  auto s = tree({{"Although", "although", "SCONJ", "IN", 4, "mark"},
                 {"Mei", "Mei", "PROPN", "NNP", 4, "nsubj", "B-person"},
                 {"Ruolan", "Ruolan", "PROPN", "NNP", 2, "flat", "I-person"},
                 {"won", "win", "VERB", "VBD", 7, "advcl"},
                 {",", ",", "PUNCT", ",", 4, "punct"},
                 {"she", "she", "PRON", "PRP", 7, "nsubj"},
                 {"resigned", "resign", "VERB", "VBD", 0, "root"},
                 {"from", "from", "ADP", "IN", 10, "case"},
                 {"the", "the", "DET", "DT", 10, "det"},
                 {"board", "board", "NOUN", "NN", 7, "obl"},
                 {".", ".", "PUNCT", ".", 7, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* resigned = with_text(facts, "resigned from");
  REQUIRE(resigned != nullptr);
  CHECK(resigned->subject.text == "Mei Ruolan");
}
