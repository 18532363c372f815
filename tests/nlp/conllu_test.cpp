#include <catch2/catch.hpp>

#include <sstream>

#include "extract/nlp/conllu.h"

using namespace quarry::nlp;

namespace {
const char* kSample =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = They met.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t2\tnsubj\t2:nsubj\t_\n"
    "2-3\tmet.\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\tTense=Past\t0\troot\t0:root\tSpaceAfter=No|NER=O\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_\n"
    "\n";
}  // namespace

TEST_CASE("CoNLL-U sentences read with comments, MISC split and ranges skipped") {
  std::istringstream in(kSample);
  auto doc = read_conllu(in, "sample");
  REQUIRE(doc.ok());
  REQUIRE(doc->sentences.size() == 1);
  const Sentence& s = doc->sentences[0];
  CHECK(s.id == "s1");
  CHECK(s.text == "They met.");
  CHECK(doc->doc_ids[0] == "d1");
  REQUIRE(s.tokens.size() == 3);
  CHECK(s.tokens[1].lemma == "meet");
  CHECK(s.tokens[1].head == 0);
  CHECK(s.tokens[1].space_after == false);
  CHECK(s.tokens[1].ner == "O");
  CHECK(s.tokens[0].deprel == "nsubj");
}

TEST_CASE("CoNLL-U written back reads back the same") {
  std::istringstream in(kSample);
  auto doc = read_conllu(in, "sample");
  REQUIRE(doc.ok());
  std::ostringstream out;
  write_conllu(out, doc->sentences[0]);
  std::istringstream again(out.str());
  auto doc2 = read_conllu(again, "again");
  REQUIRE(doc2.ok());
  const auto& a = doc->sentences[0].tokens;
  const auto& b = doc2->sentences[0].tokens;
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].form == b[i].form);
    CHECK(a[i].head == b[i].head);
    CHECK(a[i].ner == b[i].ner);
    CHECK(a[i].space_after == b[i].space_after);
  }
}

TEST_CASE("a malformed CoNLL-U line is reported with file:line") {
  std::istringstream in("1\tThey\tthey\n");
  auto doc = read_conllu(in, "bad.conllu");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().message().rfind("bad.conllu:1: expected 10 columns", 0) == 0);
}
