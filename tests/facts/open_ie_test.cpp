// Rules added for CaRB dev recall (issue 6), on hand-built trees of our own sentences: each
// says which mode it applies to; open-IE-only rules leave the graph mode unchanged.
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

TEST_CASE("a gerund after a preposition is the noun's complement: the noun is not its subject") {
  // Ana Velasco defended the idea of selling the farm .
  auto s = tree({{"Ana", "Ana", "PROPN", "NNP", 3, "nsubj", "B-person"},
                 {"Velasco", "Velasco", "PROPN", "NNP", 1, "flat", "I-person"},
                 {"defended", "defend", "VERB", "VBD", 0, "root"},
                 {"the", "the", "DET", "DT", 5, "det"},
                 {"idea", "idea", "NOUN", "NN", 3, "obj"},
                 {"of", "of", "SCONJ", "IN", 7, "mark"},
                 {"selling", "sell", "VERB", "VBG", 5, "acl"},
                 {"the", "the", "DET", "DT", 9, "det"},
                 {"farm", "farm", "NOUN", "NN", 7, "obj"},
                 {".", ".", "PUNCT", ".", 3, "punct"}});
  for (const auto& options : {ExtractOptions{}, open_ie()}) {
    auto facts = extract_facts(s, 0, options);
    CHECK(std::none_of(facts.begin(), facts.end(),
                       [](const ExtractedFact& f) { return f.predicate == "sell"; }));
    CHECK(std::any_of(facts.begin(), facts.end(), [](const ExtractedFact& f) {
      return f.predicate == "defend" && f.subject.text == "Ana Velasco";
    }));
  }
  // A participle without a preposition still modifies its noun: "the farm selling eggs".
  auto p = tree({{"Ana", "Ana", "PROPN", "NNP", 2, "nsubj", "B-person"},
                 {"visited", "visit", "VERB", "VBD", 0, "root"},
                 {"the", "the", "DET", "DT", 4, "det"},
                 {"farm", "farm", "NOUN", "NN", 2, "obj"},
                 {"selling", "sell", "VERB", "VBG", 4, "acl"},
                 {"eggs", "egg", "NOUN", "NNS", 5, "obj"},
                 {".", ".", "PUNCT", ".", 2, "punct"}});
  auto facts = extract_facts(p, 0);
  CHECK(std::any_of(facts.begin(), facts.end(), [](const ExtractedFact& f) {
    return f.predicate == "sell" && f.subject.text == "the farm" && f.object.text == "eggs";
  }));
}

TEST_CASE("a reported clause's subject misread as the reporting verb's second subject") {
  // Rui Mota left the country , the agency said .   (Rui and agency both nsubj of "said")
  auto s = tree({{"Rui", "Rui", "PROPN", "NNP", 9, "nsubj", "B-person"},
                 {"Mota", "Mota", "PROPN", "NNP", 1, "flat", "I-person"},
                 {"left", "leave", "VERB", "VBD", 9, "ccomp"},
                 {"the", "the", "DET", "DT", 5, "det"},
                 {"country", "country", "NOUN", "NN", 3, "obj"},
                 {",", ",", "PUNCT", ",", 9, "punct"},
                 {"the", "the", "DET", "DT", 8, "det"},
                 {"agency", "agency", "NOUN", "NN", 9, "nsubj"},
                 {"said", "say", "VERB", "VBD", 0, "root"},
                 {".", ".", "PUNCT", ".", 9, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* said = with_text(facts, "said");
  REQUIRE(said != nullptr);
  CHECK(said->subject.text == "the agency");
  // The misread subject opens the reported clause again.
  CHECK(said->object.text == "Rui Mota left the country");
  // Without a comma between them two subjects are not a reported clause and its reporter.
  auto close = tree({{"Rui", "Rui", "PROPN", "NNP", 3, "nsubj", "B-person"},
                     {"agents", "agent", "NOUN", "NNS", 3, "nsubj"},
                     {"said", "say", "VERB", "VBD", 0, "root"},
                     {"it", "it", "PRON", "PRP", 5, "nsubj"},
                     {"rained", "rain", "VERB", "VBD", 3, "ccomp"},
                     {".", ".", "PUNCT", ".", 3, "punct"}});
  auto close_facts = extract_facts(close, 0, open_ie());
  const ExtractedFact* kept = with_text(close_facts, "said");
  REQUIRE(kept != nullptr);
  CHECK(kept->subject.text == "Rui");
}

TEST_CASE("open IE: a reporting verb closing the sentence states the clause before it") {
  // Lind will win the vote , he adds .   ("adds" parataxis of "win")
  auto s = tree({{"Lind", "Lind", "PROPN", "NNP", 3, "nsubj", "B-person"},
                 {"will", "will", "AUX", "MD", 3, "aux"},
                 {"win", "win", "VERB", "VB", 0, "root"},
                 {"the", "the", "DET", "DT", 5, "det"},
                 {"vote", "vote", "NOUN", "NN", 3, "obj"},
                 {",", ",", "PUNCT", ",", 8, "punct"},
                 {"he", "he", "PRON", "PRP", 8, "nsubj"},
                 {"adds", "add", "VERB", "VBZ", 3, "parataxis"},
                 {".", ".", "PUNCT", ".", 3, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* adds = with_text(facts, "adds");
  REQUIRE(adds != nullptr);
  // "he" is not Lind: Lind is inside what he reports.
  CHECK(adds->subject.text == "he");
  CHECK(adds->object.text == "Lind will win the vote");
  // The graph states no clause as an object.
  auto graph = extract_facts(s, 0);
  CHECK(with_text(graph, "adds") == nullptr);
}

TEST_CASE("a verb tagged as a plural noun heading the sentence, with an object, is the verb") {
  // The trade pact bolsters the CSNA budget .   ("bolsters" NOUN root, "pact" its compound)
  auto s = tree({{"The", "the", "DET", "DT", 4, "det"},
                 {"trade", "trade", "NOUN", "NN", 3, "compound"},
                 {"pact", "pact", "NOUN", "NN", 4, "compound"},
                 {"bolsters", "bolster", "NOUN", "NNS", 0, "root"},
                 {"the", "the", "DET", "DT", 7, "det"},
                 {"CSNA", "CSNA", "PROPN", "NNP", 7, "compound", "B-organization"},
                 {"budget", "budget", "NOUN", "NN", 4, "obj"},
                 {".", ".", "PUNCT", ".", 4, "punct"}});
  for (const auto& options : {ExtractOptions{}, open_ie()}) {
    auto facts = extract_facts(s, 0, options);
    const ExtractedFact* f = with_text(facts, "bolsters");
    REQUIRE(f != nullptr);
    CHECK(f->subject.text == "The trade pact");
    CHECK(f->object.text == "the CSNA budget");
  }
}

TEST_CASE("open IE: a comparative or adjective completing a verb is its second argument") {
  // The fees were set higher .
  auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"fees", "fee", "NOUN", "NNS", 4, "nsubj:pass"},
                 {"were", "be", "AUX", "VBD", 4, "aux:pass"},
                 {"set", "set", "VERB", "VBN", 0, "root"},
                 {"higher", "high", "ADJ", "JJR", 4, "advmod"},
                 {".", ".", "PUNCT", ".", 4, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* set = with_text(facts, "were set");
  REQUIRE(set != nullptr);
  CHECK(set->subject.text == "The fees");
  CHECK(set->object.text == "higher");
  CHECK(set->rule == "adverbial");
  // An adverb of manner or time is no such argument ("The fees were set then").
  auto t = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"fees", "fee", "NOUN", "NNS", 4, "nsubj:pass"},
                 {"were", "be", "AUX", "VBD", 4, "aux:pass"},
                 {"set", "set", "VERB", "VBN", 0, "root"},
                 {"then", "then", "ADV", "RB", 4, "advmod"},
                 {".", ".", "PUNCT", ".", 4, "punct"}});
  CHECK(extract_facts(t, 0, open_ie()).empty());
  // The graph keeps to entities: no such fact.
  CHECK(extract_facts(s, 0).empty());
}

TEST_CASE("a town and its state abbreviation is a place, not an apposition's description") {
  // Ana Velasco lives in Dover , Del .   ("Del." an apposition of "Dover")
  auto s = tree({{"Ana", "Ana", "PROPN", "NNP", 3, "nsubj", "B-person"},
                 {"Velasco", "Velasco", "PROPN", "NNP", 1, "flat", "I-person"},
                 {"lives", "live", "VERB", "VBZ", 0, "root"},
                 {"in", "in", "ADP", "IN", 5, "case"},
                 {"Dover", "Dover", "PROPN", "NNP", 3, "obl", "B-place"},
                 {",", ",", "PUNCT", ",", 7, "punct"},
                 {"Del.", "Del.", "PROPN", "NNP", 5, "appos"},
                 {".", ".", "PUNCT", ".", 3, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  CHECK(std::none_of(facts.begin(), facts.end(),
                     [](const ExtractedFact& f) { return f.rule == "appos"; }));
  const ExtractedFact* in = with_text(facts, "is in");
  REQUIRE(in != nullptr);
  CHECK(in->subject.text == "Dover");
  CHECK(in->object.text == "Del.");
}

TEST_CASE("open IE: a common noun right before a name, both under one head, describes it") {
  // "... in honour of American banker Oskar Lind": "banker" nmod, "Oskar" appos of "honour"
  auto s = tree({{"Streets", "street", "NOUN", "NNS", 3, "nsubj:pass"},
                 {"were", "be", "AUX", "VBD", 3, "aux:pass"},
                 {"named", "name", "VERB", "VBN", 0, "root"},
                 {"in", "in", "ADP", "IN", 5, "case"},
                 {"honour", "honour", "NOUN", "NN", 3, "obl"},
                 {"of", "of", "ADP", "IN", 8, "case"},
                 {"American", "American", "ADJ", "JJ", 8, "amod"},
                 {"banker", "banker", "NOUN", "NN", 5, "nmod"},
                 {"Oskar", "Oskar", "PROPN", "NNP", 5, "appos", "B-person"},
                 {"Lind", "Lind", "PROPN", "NNP", 9, "flat", "I-person"},
                 {".", ".", "PUNCT", ".", 3, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  auto it = std::find_if(facts.begin(), facts.end(),
                         [](const ExtractedFact& f) { return f.rule == "description"; });
  REQUIRE(it != facts.end());
  CHECK(it->subject.text == "Oskar Lind");
  CHECK(it->object.text == "American banker");
  // With its own determiner the noun heads a phrase of its own ("after a short absence
  // Lind returned"): no description.
  auto d = tree({{"After", "after", "ADP", "IN", 4, "case"},
                 {"a", "a", "DET", "DT", 4, "det"},
                 {"short", "short", "ADJ", "JJ", 4, "amod"},
                 {"absence", "absence", "NOUN", "NN", 6, "obl"},
                 {"Lind", "Lind", "PROPN", "NNP", 6, "nsubj", "B-person"},
                 {"returned", "return", "VERB", "VBD", 0, "root"},
                 {".", ".", "PUNCT", ".", 6, "punct"}});
  auto dfacts = extract_facts(d, 0, open_ie());
  CHECK(std::none_of(dfacts.begin(), dfacts.end(),
                     [](const ExtractedFact& f) { return f.rule == "description"; }));
}

TEST_CASE("open IE: a quoted title right after its common noun is the subject it describes") {
  // Ana sang the song `` Northern Lights '' .
  auto s = tree({{"Ana", "Ana", "PROPN", "NNP", 2, "nsubj", "B-person"},
                 {"sang", "sing", "VERB", "VBD", 0, "root"},
                 {"the", "the", "DET", "DT", 4, "det"},
                 {"song", "song", "NOUN", "NN", 2, "obj"},
                 {"``", "``", "PUNCT", "``", 7, "punct"},
                 {"Northern", "Northern", "PROPN", "NNP", 7, "compound"},
                 {"Lights", "Lights", "PROPN", "NNPS", 4, "appos"},
                 {"''", "''", "PUNCT", "''", 7, "punct"},
                 {".", ".", "PUNCT", ".", 2, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  auto it = std::find_if(facts.begin(), facts.end(),
                         [](const ExtractedFact& f) { return f.rule == "appos"; });
  REQUIRE(it != facts.end());
  CHECK(it->subject.text.find("Northern Lights") != std::string::npos);
  CHECK(it->object.text == "the song");
}

TEST_CASE("open IE: a verb tagged as a noun, with a subject and no copula, is the verb") {
  // The guests marvel at the garden .   ("marvel" NOUN root with a subject)
  auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"guests", "guest", "NOUN", "NNS", 3, "nsubj"},
                 {"marvel", "marvel", "NOUN", "NN", 0, "root"},
                 {"at", "at", "ADP", "IN", 6, "case"},
                 {"the", "the", "DET", "DT", 6, "det"},
                 {"garden", "garden", "NOUN", "NN", 3, "nmod"},
                 {".", ".", "PUNCT", ".", 3, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* f = with_text(facts, "marvel at");
  REQUIRE(f != nullptr);
  CHECK(f->subject.text == "The guests");
  CHECK(f->object.text == "the garden");
  // The graph keeps to verbs with an object here: a subject alone may be a misplaced copula.
  auto graph = extract_facts(s, 0);
  CHECK(with_text(graph, "marvel at") == nullptr);
}

TEST_CASE("open IE: a verb tagged as a noun inside an xcomp, with an object after it") {
  // The firm will be able to service debt .   ("service" NOUN xcomp of "able")
  auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"firm", "firm", "NOUN", "NN", 5, "nsubj"},
                 {"will", "will", "AUX", "MD", 5, "aux"},
                 {"be", "be", "AUX", "VB", 5, "cop"},
                 {"able", "able", "ADJ", "JJ", 0, "root"},
                 {"to", "to", "PART", "TO", 7, "mark"},
                 {"service", "service", "NOUN", "NN", 5, "xcomp"},
                 {"debt", "debt", "NOUN", "NN", 7, "obj"},
                 {".", ".", "PUNCT", ".", 5, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  auto it = std::find_if(facts.begin(), facts.end(),
                         [](const ExtractedFact& f) { return f.object.text == "debt"; });
  REQUIRE(it != facts.end());
  CHECK(it->subject.text == "The firm");
  CHECK(it->text == "will be able to service");
}

TEST_CASE("open IE: a measured time ('two years later') is the argument of a bare verb") {
  // Two years later the line was closed .
  auto s = tree({{"Two", "two", "NUM", "CD", 2, "nummod"},
                 {"years", "year", "NOUN", "NNS", 3, "obl:unmarked"},
                 {"later", "late", "ADV", "RBR", 7, "advmod"},
                 {"the", "the", "DET", "DT", 5, "det"},
                 {"line", "line", "NOUN", "NN", 7, "nsubj:pass"},
                 {"was", "be", "AUX", "VBD", 7, "aux:pass"},
                 {"closed", "close", "VERB", "VBN", 0, "root"},
                 {".", ".", "PUNCT", ".", 7, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* f = with_text(facts, "was closed");
  REQUIRE(f != nullptr);
  CHECK(f->subject.text == "the line");
  CHECK(f->object.text == "Two years later");
  CHECK(extract_facts(s, 0).empty());
}

TEST_CASE("open IE: a gerund clause after 'by' is a passive verb's agent") {
  // The noise is caused by loosening the belt .
  auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"noise", "noise", "NOUN", "NN", 4, "nsubj:pass"},
                 {"is", "be", "AUX", "VBZ", 4, "aux:pass"},
                 {"caused", "cause", "VERB", "VBN", 0, "root"},
                 {"by", "by", "SCONJ", "IN", 6, "mark"},
                 {"loosening", "loosen", "VERB", "VBG", 4, "advcl"},
                 {"the", "the", "DET", "DT", 8, "det"},
                 {"belt", "belt", "NOUN", "NN", 6, "obj"},
                 {".", ".", "PUNCT", ".", 4, "punct"}});
  auto facts = extract_facts(s, 0, open_ie());
  const ExtractedFact* f = with_text(facts, "is caused by");
  REQUIRE(f != nullptr);
  CHECK(f->rule == "passive");
  CHECK(f->subject.text == "loosening the belt");  // the agent
  CHECK(f->object.text == "The noise");            // the patient, first in CaRB output
  CHECK(with_text(extract_facts(s, 0), "is caused by") == nullptr);
}
