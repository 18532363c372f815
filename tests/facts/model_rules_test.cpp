// The extraction rules on parses by the real model (models/en.qm), one sentence of our own
// per construction. Skipped with a message when the model file is absent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>

#include "extract/facts/extractor.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/segmenter.h"
#include "extract/resolve/document.h"

using namespace quarry;
using namespace quarry::extract;

namespace {

const nlp::Pipeline* model() {
  static std::optional<nlp::Pipeline> pipeline;
  static bool tried = false;
  if (!tried) {
    tried = true;
    auto p = nlp::Pipeline::load(QUARRY_SOURCE_DIR "/models/en.qm");
    if (p) pipeline = std::move(p.value());
  }
  return pipeline ? &*pipeline : nullptr;
}

std::vector<ExtractedFact> facts_of(const std::string& text) {
  auto sentences = nlp::segment(text);
  REQUIRE(sentences.size() == 1);
  model()->annotate(sentences[0]);
  return extract_facts(sentences[0], 0);
}

// "subject|predicate|object" for each fact, to compare as a set.
std::vector<std::string> triples(const std::vector<ExtractedFact>& facts) {
  std::vector<std::string> out;
  for (const auto& f : facts)
    out.push_back(f.subject.text + "|" + f.predicate + "|" + f.object.text);
  return out;
}

bool has(const std::vector<ExtractedFact>& facts, const std::string& triple) {
  auto t = triples(facts);
  return std::find(t.begin(), t.end(), triple) != t.end();
}

#define NEED_MODEL()                                                              \
  if (!model()) {                                                                 \
    WARN("skipped: " QUARRY_SOURCE_DIR "/models/en.qm absent (see docs/nlp.md)"); \
    return;                                                                       \
  }

}  // namespace

// Shows the facts when a check fails.
std::string show(const std::vector<ExtractedFact>& facts) {
  std::string out;
  for (const auto& t : triples(facts)) out += t + "\n";
  return out;
}

TEST_CASE("model: svo with a time qualifier") {
  NEED_MODEL();
  auto f = facts_of("The minister visited Berlin on Tuesday.");
  INFO(show(f));
  REQUIRE(has(f, "The minister|visit|Berlin"));
  CHECK(f[0].qualifiers.time == "on Tuesday");
  CHECK(f[0].rule == "svo");
}

TEST_CASE("model: passive with agent is made active") {
  NEED_MODEL();
  auto f = facts_of("The treaty was signed by the two presidents in Geneva.");
  INFO(show(f));
  REQUIRE(has(f, "the two presidents|sign|The treaty"));
  CHECK(f[0].rule == "passive");
  CHECK(f[0].qualifiers.place == "in Geneva");
}

TEST_CASE("model: relative clause subject is the antecedent") {
  NEED_MODEL();
  auto f = facts_of("Maria Costa, who chairs the committee, opened the session.");
  INFO(show(f));
  CHECK(has(f, "Maria Costa|chair|the committee"));
  CHECK(has(f, "Maria Costa|open|the session"));
}

TEST_CASE("model: copula with a role noun and of") {
  NEED_MODEL();
  auto f = facts_of("Maria Costa is a member of the European Parliament.");
  INFO(show(f));
  REQUIRE(has(f, "Maria Costa|member_of|the European Parliament"));
  CHECK(f[0].text == "is a member of");
}

TEST_CASE("model: apposition and meet_with folded to meet") {
  NEED_MODEL();
  auto f = facts_of("Paulo Reis, the party leader, met with the ambassador.");
  INFO(show(f));
  CHECK(has(f, "Paulo Reis|meet|the ambassador"));
  CHECK(has(f, "Paulo Reis|role|the party leader"));
}

TEST_CASE("model: negation, hedging and attribution lower confidence") {
  NEED_MODEL();
  auto neg = facts_of("The senator did not attend the dinner.");
  REQUIRE(neg.size() == 1);
  CHECK(neg[0].qualifiers.negated);
  auto hedge = facts_of("The company reportedly bought the factory.");
  REQUIRE(hedge.size() == 1);
  CHECK(hedge[0].qualifiers.hedged);
  auto said = facts_of("The general said that the troops had left the city.");
  INFO(show(said));
  REQUIRE(has(said, "the troops|leave|the city"));
  CHECK(said[0].qualifiers.attribution == "The general");
  auto plain = facts_of("The minister visited Berlin on Tuesday.");
  CHECK(hedge[0].confidence < plain[0].confidence);
  CHECK(neg[0].confidence < plain[0].confidence);
  CHECK(said[0].confidence < plain[0].confidence);
}

TEST_CASE("model: ditransitive records the recipient") {
  NEED_MODEL();
  auto f = facts_of("The governor handed the nurse a medal.");
  INFO(show(f));
  REQUIRE(has(f, "The governor|hand|a medal"));
  REQUIRE(f[0].extra.size() == 1);
  CHECK(f[0].extra[0].first == "recipient");
  CHECK(f[0].extra[0].second.text == "the nurse");
}

TEST_CASE("model: participial phrase, title and verb + preposition") {
  NEED_MODEL();
  auto f = facts_of("The delegation, led by Foreign Minister Ana Silva, arrived in Lisbon.");
  INFO(show(f));
  CHECK(has(f, "Ana Silva|lead|The delegation"));
  CHECK(has(f, "The delegation|arrive_in|Lisbon"));
  CHECK(has(f, "Ana Silva|role|Foreign Minister"));
}

TEST_CASE("model: coordination over subjects and verbs") {
  NEED_MODEL();
  auto f = facts_of("Rui and Ana founded the company and sold it in 2010.");
  INFO(show(f));
  CHECK(has(f, "Rui|found|the company"));
  CHECK(has(f, "Ana|found|the company"));
  CHECK(has(f, "Rui|sell|it"));
  CHECK(has(f, "Ana|sell|it"));
}

TEST_CASE("model: regression: title + name parsed as two subjects keeps the name") {
  NEED_MODEL();
  auto f = facts_of("Party leader Park Min-jun watched the parade.");
  INFO(show(f));
  CHECK(has(f, "Park Min-jun|watch|the parade"));
}

TEST_CASE("model: regression: 'who' outside a recognised relative clause still resolves") {
  NEED_MODEL();
  auto f = facts_of("The mayor praised Ana Silva, who also handed the award to the winners.");
  INFO(show(f));
  CHECK(has(f, "The mayor|praise|Ana Silva"));
  CHECK(has(f, "Ana Silva|hand|the award"));
  for (const auto& x : f) CHECK(x.subject.text != "who");
}

TEST_CASE("model: a date is never a participant") {
  NEED_MODEL();
  auto f = facts_of("On Thursday, state media showed the leader with the envoy.");
  INFO(show(f));
  for (const auto& x : f) {
    CHECK(x.subject.text.find("Thursday") == std::string::npos);
    CHECK(x.object.text.find("Thursday") == std::string::npos);
  }
}

TEST_CASE("model: an office named before its holder resolves to the holder (resolution)") {
  NEED_MODEL();
  auto sentences = nlp::segment(
      "The Northern Federation's defence minister met Ana Lima in Porto on Monday. The two "
      "discussed the harbour. Later, Defence Minister Pavel Dremin said the talks went well.");
  REQUIRE(sentences.size() == 3);
  std::vector<ExtractedFact> facts;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    model()->annotate(sentences[i]);
    for (auto& f : extract_facts(sentences[i], i)) facts.push_back(std::move(f));
  }
  auto d = resolve::resolve_document(sentences, facts, "", "test");
  auto met = std::find_if(d.facts.begin(), d.facts.end(),
                          [](const Fact& f) { return f.predicate == "meet"; });
  REQUIRE(met != d.facts.end());
  CHECK(met->subject.name == "Pavel Dremin");
  CHECK(met->object.name == "Ana Lima");
}
