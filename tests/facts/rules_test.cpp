// The extraction rules on hand-built trees (no model needed): each construction once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "extract/facts/extractor.h"
#include "extract/resolve/symmetric.h"
#include "facts/tree_builder.h"

using namespace quarry;
using namespace quarry::extract;
using quarry::test::tree;

namespace {

const ExtractedFact* find(const std::vector<ExtractedFact>& facts, const std::string& predicate) {
  auto it = std::find_if(facts.begin(), facts.end(),
                         [&](const ExtractedFact& f) { return f.predicate == predicate; });
  return it == facts.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("svo: subject, verb, object with compound name and determiner") {
  // The envoy greeted Ana Lima .
  auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"envoy", "envoy", "NOUN", "NN", 3, "nsubj"},
                 {"greeted", "greet", "VERB", "VBD", 0, "root"},
                 {"Ana", "Ana", "PROPN", "NNP", 3, "obj", "B-person"},
                 {"Lima", "Lima", "PROPN", "NNP", 4, "flat", "I-person"},
                 {".", ".", "PUNCT", ".", 3, "punct"}});
  auto facts = extract_facts(s, 7);
  REQUIRE(facts.size() == 1);
  const auto& f = facts[0];
  CHECK(f.predicate == "greet");
  CHECK(f.text == "greeted");
  CHECK(f.subject.text == "The envoy");
  CHECK(f.subject.type.empty());
  CHECK(f.object.text == "Ana Lima");
  CHECK(f.object.type == "Person");
  CHECK(f.object.start == 18);
  CHECK(f.object.end == 26);
  CHECK(f.sentence == 7);
  CHECK(f.rule == "svo");
  CHECK(f.confidence == Approx(0.9));
}

TEST_CASE("a date misparsed as a second subject gives way to the real subject") {
  // Friday , Lee met Ana .
  auto s = tree({{"Friday", "Friday", "PROPN", "NNP", 4, "nsubj", "B-time"},
                 {",", ",", "PUNCT", ",", 3, "punct"},
                 {"Lee", "Lee", "PROPN", "NNP", 4, "nsubj", "B-person"},
                 {"met", "meet", "VERB", "VBD", 0, "root"},
                 {"Ana", "Ana", "PROPN", "NNP", 4, "obj", "B-person"},
                 {".", ".", "PUNCT", ".", 4, "punct"}});
  auto facts = extract_facts(s, 0);
  const ExtractedFact* met = find(facts, "meet");
  REQUIRE(met != nullptr);
  CHECK(met->subject.text == "Lee");
  CHECK(met->object.text == "Ana");
}

TEST_CASE("verb + preposition: arrive_in, meet_with folded to meet, time as a qualifier") {
  // Ana met with the mayor in Porto on Friday .
  auto s = tree({{"Ana", "Ana", "PROPN", "NNP", 2, "nsubj", "B-person"},
                 {"met", "meet", "VERB", "VBD", 0, "root"},
                 {"with", "with", "ADP", "IN", 5, "case"},
                 {"the", "the", "DET", "DT", 5, "det"},
                 {"mayor", "mayor", "NOUN", "NN", 2, "obl"},
                 {"in", "in", "ADP", "IN", 7, "case"},
                 {"Porto", "Porto", "PROPN", "NNP", 2, "obl", "B-place"},
                 {"on", "on", "ADP", "IN", 9, "case"},
                 {"Friday", "Friday", "PROPN", "NNP", 2, "obl", "B-time"},
                 {".", ".", "PUNCT", ".", 2, "punct"}});
  auto facts = extract_facts(s, 0);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "meet");
  CHECK(facts[0].text == "met with");
  CHECK(facts[0].object.text == "the mayor");
  CHECK(facts[0].qualifiers.time == "on Friday");
  CHECK(facts[0].qualifiers.place == "in Porto");
  CHECK(facts[0].rule == "verb_prep");
}

TEST_CASE("passive with a named agent turns active; coordination of subjects is distributed") {
  // The bridge was opened by Ana and Rui .
  auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"bridge", "bridge", "NOUN", "NN", 4, "nsubj:pass"},
                 {"was", "be", "AUX", "VBD", 4, "aux:pass"},
                 {"opened", "open", "VERB", "VBN", 0, "root"},
                 {"by", "by", "ADP", "IN", 6, "case"},
                 {"Ana", "Ana", "PROPN", "NNP", 4, "obl:agent", "B-person"},
                 {"and", "and", "CCONJ", "CC", 8, "cc"},
                 {"Rui", "Rui", "PROPN", "NNP", 6, "conj", "B-person"},
                 {".", ".", "PUNCT", ".", 4, "punct"}});
  auto facts = extract_facts(s, 0);
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].subject.text == "Ana");
  CHECK(facts[1].subject.text == "Rui");
  for (const auto& f : facts) {
    CHECK(f.predicate == "open");
    CHECK(f.object.text == "The bridge");
    CHECK(f.rule == "passive");
    CHECK(f.text == "was opened by");
  }
  const ExtractedFact* f = find(facts, "open");
  REQUIRE(f != nullptr);
}

TEST_CASE("malformed trees: cycles, self-loops, out-of-range heads give no crash") {
  // A deterministic generator: heads anywhere in [-1, n+1], relations from a fixed list.
  const char* rels[] = {"nsubj", "obj",  "obl",   "conj", "acl:relcl", "appos",    "xcomp",
                        "ccomp", "flat", "case",  "cop",  "nmod",      "acl",      "nsubj:pass",
                        "root",  "amod", "advcl", "iobj", "nmod:poss", "parataxis"};
  const char* upos[] = {"NOUN", "PROPN", "VERB", "PRON", "ADJ", "ADP", "AUX", "PUNCT"};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  size_t facts = 0;
  for (int round = 0; round < 400; ++round) {
    int n = 1 + static_cast<int>(next() % 14);
    std::vector<quarry::test::Row> rows;
    for (int i = 0; i < n; ++i) {
      const char* u = upos[next() % 8];
      rows.push_back({"w" + std::to_string(i), "w", u, "VBN",
                      static_cast<int>(next() % (n + 3)) - 1, rels[next() % 20],
                      (next() % 3 == 0) ? "B-person" : "O"});
    }
    auto s = tree(rows);
    ExtractOptions open;
    open.open_ie = true;
    for (const auto& f : extract_facts(s, 0)) {
      CHECK(f.subject.last_token <= s.tokens.size());
      CHECK(f.object.last_token <= s.tokens.size());
      ++facts;
    }
    facts += extract_facts(s, 0, open).size();
  }
  CHECK(facts > 0);  // the generator does reach the rules
}

TEST_CASE("talk_with is kept, not folded to the directed talk_to, and is symmetric") {
  // Ana talked with the mayor .
  auto s = tree({{"Ana", "Ana", "PROPN", "NNP", 2, "nsubj", "B-person"},
                 {"talked", "talk", "VERB", "VBD", 0, "root"},
                 {"with", "with", "ADP", "IN", 5, "case"},
                 {"the", "the", "DET", "DT", 5, "det"},
                 {"mayor", "mayor", "NOUN", "NN", 2, "obl"},
                 {".", ".", "PUNCT", ".", 2, "punct"}});
  auto facts = extract_facts(s, 0);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "talk_with");
  CHECK(resolve::symmetric_predicate(facts[0].predicate));
  CHECK(resolve::symmetric_predicate("speak_with"));
  CHECK_FALSE(resolve::symmetric_predicate("talk_to"));
}

TEST_CASE("a wire story's dateline split off as a sentence states no fact") {
  ExtractOptions open_ie;
  open_ie.open_ie = true;
  // PORTO ( CSNA ) -   (as the model parses it: the outlet an apposition of the place)
  auto dateline = tree({{"PORTO", "PORTO", "PROPN", "NNP", 0, "root", "B-place"},
                        {"(", "(", "PUNCT", "-LRB-", 3, "punct"},
                        {"CSNA", "CSNA", "PROPN", "NNP", 1, "appos"},
                        {")", ")", "PUNCT", "-RRB-", 3, "punct"},
                        {"-", "-", "PUNCT", ":", 1, "punct"}});
  CHECK(extract_facts(dateline, 0).empty());
  CHECK(extract_facts(dateline, 0, open_ie).empty());
  // An apposition in a sentence with a verb still counts: Ana , a baker , smiled -
  auto clause = tree({{"Ana", "Ana", "PROPN", "NNP", 6, "nsubj", "B-person"},
                      {",", ",", "PUNCT", ",", 4, "punct"},
                      {"a", "a", "DET", "DT", 4, "det"},
                      {"baker", "baker", "NOUN", "NN", 1, "appos"},
                      {",", ",", "PUNCT", ",", 4, "punct"},
                      {"smiled", "smile", "VERB", "VBD", 0, "root"},
                      {"-", "-", "PUNCT", ":", 6, "punct"}});
  CHECK(find(extract_facts(clause, 0), "role") != nullptr);
}

TEST_CASE("open IE: a possessor's tuple is written in the clause's tense (has/had)") {
  ExtractOptions open_ie;
  open_ie.open_ie = true;
  for (auto [verb, xpos, rel] : {std::tuple{"left", "VBD", "had"}, {"leaves", "VBZ", "has"}}) {
    // Rui 's brother left/leaves .
    auto s = tree({{"Rui", "Rui", "PROPN", "NNP", 3, "nmod:poss", "B-person"},
                   {"'s", "'s", "PART", "POS", 1, "case"},
                   {"brother", "brother", "NOUN", "NN", 4, "nsubj"},
                   {verb, "leave", "VERB", xpos, 0, "root"},
                   {".", ".", "PUNCT", ".", 4, "punct"}});
    auto facts = extract_facts(s, 0, open_ie);
    const ExtractedFact* has = find(facts, "has");
    INFO(verb);
    REQUIRE(has != nullptr);
    CHECK(has->subject.text == "Rui");
    CHECK(has->object.text == "brother");
    CHECK(has->text == rel);
  }
}

TEST_CASE("open IE: a time object keeps its preposition, a place object does not") {
  ExtractOptions open_ie;
  open_ie.open_ie = true;
  for (auto [word, upos, ner, text, object] :
       {std::tuple{"1986", "NUM", "B-time", "was held", "in 1986"},
        {"Porto", "PROPN", "B-place", "was held in", "Porto"}}) {
    // The fair was held in 1986/Porto .
    auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                   {"fair", "fair", "NOUN", "NN", 4, "nsubj:pass"},
                   {"was", "be", "AUX", "VBD", 4, "aux:pass"},
                   {"held", "hold", "VERB", "VBN", 0, "root"},
                   {"in", "in", "ADP", "IN", 6, "case"},
                   {word, word, upos, upos == std::string("NUM") ? "CD" : "NNP", 4, "obl", ner},
                   {".", ".", "PUNCT", ".", 4, "punct"}});
    auto facts = extract_facts(s, 0, open_ie);
    INFO(word);
    REQUIRE(facts.size() >= 1);
    CHECK(facts[0].subject.text == "The fair");
    CHECK(facts[0].text == text);
    CHECK(facts[0].object.text == object);
  }
}

TEST_CASE("a past participle with its agent is graded like one with a preposition") {
  // The letter , signed by Ana Lima , arrived .
  auto s = tree({{"The", "the", "DET", "DT", 2, "det"},
                 {"letter", "letter", "NOUN", "NN", 9, "nsubj"},
                 {",", ",", "PUNCT", ",", 4, "punct"},
                 {"signed", "sign", "VERB", "VBN", 2, "acl"},
                 {"by", "by", "ADP", "IN", 6, "case"},
                 {"Ana", "Ana", "PROPN", "NNP", 4, "obl:agent", "B-person"},
                 {"Lima", "Lima", "PROPN", "NNP", 6, "flat", "I-person"},
                 {",", ",", "PUNCT", ",", 4, "punct"},
                 {"arrived", "arrive", "VERB", "VBD", 0, "root"},
                 {".", ".", "PUNCT", ".", 9, "punct"}});
  auto facts = extract_facts(s, 0);
  const ExtractedFact* signed_by = find(facts, "sign");
  REQUIRE(signed_by != nullptr);
  CHECK(signed_by->rule == "participle/passive");
  CHECK(signed_by->subject.text == "Ana Lima");
  CHECK(signed_by->object.text == "The letter");
  // .85 (passive) x .72 (past participle), no other cue.
  CHECK(signed_by->confidence == Approx(0.85 * 0.72).epsilon(0.01));
}

TEST_CASE("open IE: a complement clause as the object, graded like a plain object") {
  ExtractOptions open_ie;
  open_ie.open_ie = true;
  // Ana indicated that Rui left .
  auto s = tree({{"Ana", "Ana", "PROPN", "NNP", 2, "nsubj", "B-person"},
                 {"indicated", "indicate", "VERB", "VBD", 0, "root"},
                 {"that", "that", "SCONJ", "IN", 5, "mark"},
                 {"Rui", "Rui", "PROPN", "NNP", 5, "nsubj", "B-person"},
                 {"left", "leave", "VERB", "VBD", 2, "ccomp"},
                 {".", ".", "PUNCT", ".", 2, "punct"}});
  auto facts = extract_facts(s, 0, open_ie);
  auto it = std::find_if(facts.begin(), facts.end(),
                         [](const ExtractedFact& f) { return f.rule == "clause"; });
  REQUIRE(it != facts.end());
  CHECK(it->subject.text == "Ana");
  CHECK(it->text == "indicated that");
  CHECK(it->object.text == "Rui left");
  // CaRB dev: .81 of these tuples match a gold tuple, as many as plain objects (svo .9).
  CHECK(it->confidence == Approx(0.9).epsilon(0.01));
  // Not in graph mode: a clause is no entity.
  auto graph = extract_facts(s, 0);
  CHECK(std::none_of(graph.begin(), graph.end(),
                     [](const ExtractedFact& f) { return f.rule == "clause"; }));
}
