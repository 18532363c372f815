// Entity resolution on hand-made facts and hand-built sentences: no model needed.
#include <catch2/catch.hpp>

#include <sstream>

#include "extract/resolve/document.h"
#include "extract/resolve/names.h"

using namespace quarry;
using namespace quarry::extract;
using namespace quarry::extract::resolve;

namespace {

Argument arg(const std::string& text, std::string type = "") {
  Argument a;
  a.text = text;
  a.type = std::move(type);
  a.pronoun = pronoun_info(text).pronoun;
  return a;
}

ExtractedFact fact(uint32_t sentence, const std::string& s, const std::string& p,
                   const std::string& o) {
  ExtractedFact f;
  f.sentence = sentence;
  f.subject = arg(s);
  f.predicate = p;
  f.text = p;
  f.object = arg(o);
  f.confidence = 0.8;
  return f;
}

// "form/UPOS[/ner]" words separated by spaces; tokens get offsets of a space-joined text.
nlp::Sentence sentence(const std::string& spec) {
  nlp::Sentence s;
  std::istringstream in(spec);
  std::string item;
  uint32_t at = 0;
  while (in >> item) {
    nlp::Token t;
    auto a = item.find('/');
    auto b = item.find('/', a + 1);
    t.form = item.substr(0, a);
    t.upos = item.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
    t.ner = b == std::string::npos ? "O" : item.substr(b + 1);
    t.start = at;
    t.end = at + static_cast<uint32_t>(t.form.size());
    at = t.end + 1;
    s.tokens.push_back(t);
  }
  return s;
}

// Argument for tokens [first, last) of a hand-built sentence, headed by `head`.
Argument span(const nlp::Sentence& s, uint32_t first, uint32_t last, uint32_t head) {
  Argument a;
  for (uint32_t i = first; i < last; ++i) {
    if (i > first) a.text += ' ';
    a.text += s.tokens[i].form;
  }
  a.first_token = first;
  a.last_token = last;
  a.head_token = head;
  a.pronoun = s.tokens[head].upos == "PRON";
  return a;
}

const Fact* find(const ResolvedDocument& d, const std::string& predicate) {
  for (const auto& f : d.facts) {
    if (f.predicate == predicate) return &f;
  }
  return nullptr;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("full name, surname and title+name are one entity, with reasons") {
  auto d = resolve_document(
      {},
      {fact(0, "Sergei Shoigu", "meet", "Kim Jong Un"),
       fact(1, "Defense Minister Shoigu", "visit", "Pyongyang"), fact(2, "Kim", "thank", "Shoigu")},
      "", "test");
  REQUIRE(d.facts.size() == 3);
  const Fact* visit = find(d, "visit");
  REQUIRE(visit);
  CHECK(visit->subject.name == "Sergei Shoigu");
  CHECK(visit->subject.type == "Person");
  CHECK(has(visit->subject.aliases, "Shoigu"));
  CHECK(has(visit->subject.aliases, "Defense Minister Shoigu"));
  CHECK(!visit->subject.merges.empty());
  const Fact* thank = find(d, "thank");
  REQUIRE(thank);
  CHECK(thank->subject.name == "Kim Jong Un");
  CHECK(thank->object.name == "Sergei Shoigu");
}

TEST_CASE("people who share a surname are never merged; a bare surname takes the most salient") {
  auto d = resolve_document(
      {},
      {fact(0, "Kim Jong Un", "meet", "Sergei Shoigu"),
       fact(1, "Kim Il Sung", "found", "Workers' Party"),
       fact(2, "Kim Yo Jong", "criticise", "Seoul"), fact(3, "Kim", "warn", "Washington")},
      "", "test");
  REQUIRE(d.facts.size() == 4);
  CHECK(d.facts[0].subject.name == "Kim Jong Un");
  CHECK(d.facts[1].subject.name == "Kim Il Sung");
  CHECK(d.facts[2].subject.name == "Kim Yo Jong");
  CHECK(d.facts[3].subject.name == "Kim Yo Jong");  // the most recent, so most salient
  size_t people = 0;
  for (const auto& e : d.entities) people += e.name.rfind("Kim ", 0) == 0;
  CHECK(people == 3);
}

TEST_CASE("a bare surname keeps the person it stood for when another bearer appears") {
  // The writer calls the leader "Kim"; his grandfather comes up by full name in passing,
  // and the next bare "Kim" is the leader again, though the grandfather is more recent.
  auto d = resolve_document(
      {},
      {fact(0, "Kim Jong Un", "meet", "Oskar Lind"), fact(1, "Kim", "thank", "Oskar Lind"),
       fact(2, "Kim Il Sung", "found", "Workers' Party"), fact(3, "Kim", "attend", "parade")},
      "", "test");
  REQUIRE(d.facts.size() == 4);
  CHECK(d.facts[1].subject.name == "Kim Jong Un");
  CHECK(d.facts[2].subject.name == "Kim Il Sung");
  CHECK(d.facts[3].subject.name == "Kim Jong Un");
  bool reason = false;
  for (const auto& m : d.facts[3].subject.merges)
    reason = reason || m.find("as earlier in the document") != std::string::npos;
  CHECK(reason);
}

TEST_CASE("only people are called by one word of their name") {
  ExtractedFact a = fact(0, "Norvia", "sign", "treaty");
  a.subject.type = "Place";
  ExtractedFact b = fact(1, "Calvera and Norvia", "hold", "talks");
  b.subject.type = "Place";
  ExtractedFact c = fact(2, "North Vela", "test", "missile");
  c.subject.type = "Place";
  ExtractedFact d = fact(3, "Vela", "protest", "test");
  d.subject.type = "Place";
  auto r = resolve_document({}, {a, b, c, d}, "", "test");
  REQUIRE(r.facts.size() == 4);
  CHECK(r.facts[0].subject.name == "Norvia");
  CHECK(r.facts[1].subject.name == "Calvera and Norvia");
  CHECK(r.facts[2].subject.name == "North Vela");
  CHECK(r.facts[3].subject.name == "Vela");
}

TEST_CASE("a person's family name is that person whatever type the recogniser gave it") {
  ExtractedFact first = fact(0, "President Lena Hart", "receive", "delegation");
  first.subject.type = "Person";
  ExtractedFact later = fact(1, "Omar Diallo", "meet", "Hart");
  later.subject.type = "Person";
  later.object.type = "Organization";  // a lone capitalised word, mistyped
  ExtractedFact titled = fact(2, "Ms. Hart", "thank", "Omar Diallo");
  titled.subject.type = "Organization";
  auto d = resolve_document({}, {first, later, titled}, "", "test");
  REQUIRE(d.facts.size() == 3);
  const Fact* meet = find(d, "meet");
  REQUIRE(meet);
  CHECK(meet->object.name == "Lena Hart");
  CHECK(meet->object.type == "Person");
  const Fact* thank = find(d, "thank");
  REQUIRE(thank);
  CHECK(thank->subject.name == "Lena Hart");
  // A first name is not enough to override the type: "Lena" the organisation stays apart.
  ExtractedFact org = fact(3, "Lena", "announce", "merger");
  org.subject.type = "Organization";
  auto d2 = resolve_document({}, {first, org}, "", "test");
  REQUIRE(d2.facts.size() == 2);
  CHECK(d2.facts[1].subject.name == "Lena");
}

TEST_CASE("spelling and transliteration variants are one entity") {
  CHECK(variant_key("sergey") == variant_key("sergei"));
  CHECK(variant_key("dmitriy") == variant_key("dmitrii"));
  CHECK(variant_key("mikhail") == variant_key("mihail"));
  CHECK(variant_key("jong") != variant_key("yong"));
  CHECK(name_key("Kim Jong-un") == name_key("KIM JONG UN"));
  auto d = resolve_document({},
                            {fact(0, "Sergei Shoigu", "meet", "Kim Jong-un"),
                             fact(1, "Sergey Shoigu", "meet", "Kim Jong Un")},
                            "", "test");
  REQUIRE(d.facts.size() == 2);
  CHECK(d.facts[1].subject.name == "Sergei Shoigu");
  CHECK(d.facts[1].object.name == "Kim Jong-un");
  CHECK(has(d.facts[1].subject.aliases, "Sergey Shoigu"));
  bool reason = false;
  for (const auto& m : d.facts[1].subject.merges)
    reason |= m.find("spelling variant") != std::string::npos;
  CHECK(reason);
}

TEST_CASE("an acronym defined in the text, or equal to a name's initials") {
  auto s0 = sentence(
      "The/DET Korean/ADJ/B-organization Central/ADJ/I-organization News/PROPN/I-organization "
      "Agency/PROPN/I-organization (/PUNCT KCNA/PROPN )/PUNCT reported/VERB the/DET visit/NOUN "
      "./PUNCT");
  ExtractedFact f1;
  f1.sentence = 0;
  f1.subject = span(s0, 1, 5, 4);
  f1.predicate = "report";
  f1.object = span(s0, 9, 11, 10);
  ExtractedFact f2 = fact(1, "KCNA", "praise", "Sergei Shoigu");
  auto d = resolve_document({s0}, {f1, f2}, "", "test");
  REQUIRE(d.facts.size() == 2);
  CHECK(d.facts[0].subject.name == "Korean Central News Agency");
  CHECK(d.facts[0].subject.type == "Organization");
  CHECK(d.facts[1].subject.name == "Korean Central News Agency");
  CHECK(has(d.facts[1].subject.aliases, "KCNA"));

  auto plain = resolve_document({},
                                {fact(0, "Korean Central News Agency", "report", "visit"),
                                 fact(1, "KCNA", "praise", "Sergei Shoigu")},
                                "", "test");
  REQUIRE(plain.facts.size() == 2);
  CHECK(plain.facts[1].subject.name == "Korean Central News Agency");
}

TEST_CASE("a description introduced with a pre-name title or an apposition") {
  auto s0 = sentence(
      "North/PROPN Korean/ADJ leader/NOUN Kim/PROPN/B-person Jong/PROPN/I-person "
      "Un/PROPN/I-person met/VERB Li/PROPN/B-person Hongzhong/PROPN/I-person ,/PUNCT a/DET "
      "Politburo/PROPN member/NOUN ./PUNCT");
  auto s1 = sentence("The/DET North/PROPN Korean/ADJ leader/NOUN thanked/VERB the/DET member/NOUN");
  ExtractedFact f0;
  f0.sentence = 0;
  f0.subject = span(s0, 0, 6, 3);
  f0.predicate = "meet";
  f0.object = span(s0, 7, 9, 7);
  ExtractedFact f1;
  f1.sentence = 1;
  f1.subject = span(s1, 0, 4, 3);
  f1.predicate = "thank";
  f1.object = span(s1, 5, 7, 6);
  auto d = resolve_document({s0, s1}, {f0, f1}, "", "test");
  REQUIRE(d.facts.size() == 2);
  CHECK(d.facts[0].subject.name == "Kim Jong Un");
  CHECK(d.facts[0].subject.type == "Person");
  CHECK(d.facts[1].subject.name == "Kim Jong Un");
  CHECK(d.facts[1].object.name == "Li Hongzhong");
  // An indefinite description is a new thing, not a known entity.
  auto d2 = resolve_document({s0}, {f0, fact(1, "a leader", "visit", "Beijing")}, "", "test");
  REQUIRE(d2.facts.size() == 2);
  CHECK(d2.facts[1].subject.name == "leader");
  CHECK(d2.facts[1].subject.type == "Other");
}

TEST_CASE("pronouns follow salience and agree in gender") {
  auto d = resolve_document(
      {},
      {fact(0, "Ms. Ana Velasco", "receive", "Mr. Pavel Dremin"), fact(1, "She", "thank", "him"),
       fact(2, "He", "hand", "a letter from Oskar Lind")},
      "", "test");
  REQUIRE(d.facts.size() == 3);
  CHECK(d.facts[0].subject.name == "Ana Velasco");
  CHECK(d.facts[1].subject.name == "Ana Velasco");
  CHECK(d.facts[1].object.name == "Pavel Dremin");
  CHECK(d.facts[2].subject.name == "Pavel Dremin");
  CHECK(d.facts[2].object.name == "letter from Oskar Lind");
  CHECK(d.facts[2].object.type == "Other");
  // No antecedent: the fact is dropped, not attached to a node called "he".
  auto lone = resolve_document({}, {fact(0, "He", "visit", "Sorel")}, "", "test");
  CHECK(lone.facts.empty());
  CHECK(lone.unresolved == 1);
}

TEST_CASE("a non-reflexive pronoun object is not its own clause's subject") {
  auto d = resolve_document(
      {},
      {fact(0, "Kim Jong Un", "receive", "Sergei Shoigu"), fact(1, "Sergei Shoigu", "hand", "him")},
      "", "test");
  REQUIRE(d.facts.size() == 2);
  CHECK(d.facts[1].object.name == "Kim Jong Un");
}

TEST_CASE("a surname seen before the full name takes the full name") {
  auto d = resolve_document({},
                            {fact(0, "Shoigu", "arrive_in", "Pyongyang"),
                             fact(1, "Sergei Shoigu", "meet", "Kim Jong Un")},
                            "", "test");
  REQUIRE(d.facts.size() == 2);
  CHECK(d.facts[0].subject.name == "Sergei Shoigu");
  CHECK(has(d.facts[0].subject.aliases, "Shoigu"));
}

TEST_CASE("qualifiers become mention qualifiers, time resolved against the document date") {
  ExtractedFact f = fact(0, "Sergei Shoigu", "meet", "Kim Jong Un");
  f.qualifiers.negated = true;
  f.qualifiers.attribution = "KCNA";
  f.qualifiers.time = "on Wednesday";
  f.qualifiers.place = "in Pyongyang";
  f.extra.emplace_back("recipient", arg("Li Hongzhong"));
  auto d = resolve_document({}, {f}, "2023-07-27", "quarry-extract/1");
  REQUIRE(d.facts.size() == 1);
  const Map& q = d.facts[0].mention.qualifiers;
  auto get = [&](const std::string& k) {
    for (const auto& [key, v] : q) {
      if (key == k) return v;
    }
    return Value();
  };
  CHECK(get("negated") == Value(true));
  CHECK(get("attribution") == Value("KCNA"));
  CHECK(get("time") == Value("2023-07-26"));
  CHECK(get("time_text") == Value("on Wednesday"));
  CHECK(get("place") == Value("in Pyongyang"));
  CHECK(get("recipient") == Value("Li Hongzhong"));
  CHECK(d.facts[0].mention.extractor == "quarry-extract/1");
}

TEST_CASE("spelling variants for finding an entity another document spelled differently") {
  auto v = spelling_variants("Sergey Shoigu");
  CHECK(std::find(v.begin(), v.end(), "Sergei Shoigu") != v.end());
  auto w = spelling_variants("Sergei Shoigu");
  CHECK(std::find(w.begin(), w.end(), "Sergey Shoigu") != w.end());
  CHECK(spelling_variants("Kim Jong Un").empty());
  auto d = resolve_document({}, {fact(0, "Sergey Shoigu", "meet", "Kim Jong Un")}, "", "t");
  REQUIRE(d.facts.size() == 1);
  const auto& sv = d.facts[0].subject.variants;
  CHECK(std::find(sv.begin(), sv.end(), "Sergei Shoigu") != sv.end());
}

TEST_CASE("an office described before its holder is named goes to that person") {
  // The Northern Federation's defence minister met Ana Lima. Later, Defence Minister Pavel
  // Dremin said the talks went well.
  auto d =
      resolve_document({},
                       {fact(0, "the Northern Federation's defence minister", "meet", "Ana Lima"),
                        fact(1, "Defence Minister Pavel Dremin", "say", "the talks")},
                       "", "test");
  REQUIRE(d.facts.size() == 2);
  const Fact* met = find(d, "meet");
  REQUIRE(met);
  CHECK(met->subject.name == "Pavel Dremin");
  CHECK(met->subject.type == "Person");
  CHECK(has(met->subject.aliases, "the Northern Federation's defence minister"));
  bool reason = std::any_of(met->subject.merges.begin(), met->subject.merges.end(),
                            [](const std::string& m) { return m.find("the office of") != m.npos; });
  CHECK(reason);
  // Named first and described afterwards, with the owner only in the description.
  auto d2 = resolve_document({},
                             {fact(0, "Defence Minister Pavel Dremin", "visit", "Porto"),
                              fact(1, "the Federation's defense minister", "meet", "Ana Lima")},
                             "", "test");
  REQUIRE(d2.facts.size() == 2);
  CHECK(find(d2, "meet")->subject.name == "Pavel Dremin");
}

TEST_CASE("an office is not linked to another country's or another office's holder") {
  // Another country's minister: the owner words conflict.
  auto other_country =
      resolve_document({},
                       {fact(0, "the Northern Federation's defence minister", "meet", "Ana Lima"),
                        fact(1, "Calveran Defence Minister Oskar Lind", "visit", "Porto")},
                       "", "test");
  REQUIRE(other_country.facts.size() == 2);
  CHECK(find(other_country, "meet")->subject.name == "Northern Federation's defence minister");
  // With both, the Federation's minister is the one whose country is not another.
  auto both =
      resolve_document({},
                       {fact(0, "the Northern Federation's defence minister", "meet", "Ana Lima"),
                        fact(1, "Calveran Defence Minister Oskar Lind", "visit", "Porto"),
                        fact(2, "Defence Minister Pavel Dremin", "say", "the talks")},
                       "", "test");
  CHECK(find(both, "meet")->subject.name == "Pavel Dremin");
  // Another office, or a different rank of it.
  for (const char* desc : {"the Northern Federation's foreign minister",
                           "the Northern Federation's deputy defence minister"}) {
    auto d = resolve_document(
        {},
        {fact(0, desc, "meet", "Ana Lima"), fact(1, "Defence Minister Pavel Dremin", "say", "it")},
        "", "test");
    INFO(desc);
    REQUIRE(find(d, "meet"));
    CHECK(find(d, "meet")->subject.name != "Pavel Dremin");
  }
  auto deputy =
      resolve_document({},
                       {fact(0, "the Northern Federation's defence minister", "meet", "Ana Lima"),
                        fact(1, "Deputy Defence Minister Pavel Dremin", "say", "the talks")},
                       "", "test");
  CHECK(find(deputy, "meet")->subject.name != "Pavel Dremin");
  // An owner that is no name must be stated for the holder too: the club's president is not
  // the country's.
  auto club = resolve_document({},
                               {fact(0, "the club's president", "meet", "Ana Lima"),
                                fact(1, "President Mei Ruolan", "visit", "Porto")},
                               "", "test");
  CHECK(find(club, "meet")->subject.name != "Mei Ruolan");
  // Two holders of the office and nothing to choose between them: no link.
  auto two = resolve_document({},
                              {fact(0, "the defence minister", "meet", "Ana Lima"),
                               fact(1, "Defence Minister Pavel Dremin", "say", "the talks"),
                               fact(2, "Defence Minister Oskar Lind", "visit", "Porto")},
                              "", "test");
  CHECK(find(two, "meet")->subject.name == "defence minister");
}
