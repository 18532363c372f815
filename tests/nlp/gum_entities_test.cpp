// GUM's nested mention brackets become flat BIO name spans.
#include <catch2/catch.hpp>

#include <sstream>

#include "extract/nlp/conllu.h"
#include "extract/nlp/gum_entities.h"

using namespace quarry::nlp;

TEST_CASE("named mentions become BIO spans cut to the name") {
  // "The mayor of the city of Springfield , Ada Brook , who spoke" (our own sentence).
  const char* text =
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x-x-1-coref\n"
      "2\tmayor\tmayor\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "3\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-place-new-x-x-1-coref\n"
      "5\tcity\tcity\tNOUN\tNN\t_\t2\tnmod\t_\t_\n"
      "6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tSpringfield\tSpringfield\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(3-place-new-x-x-1-sgl)2)\n"
      "8\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_\n"
      "9\tAda\tAda\tPROPN\tNNP\t_\t2\tappos\t_\tEntity=(4-person-new-x-x-1-coref\n"
      "10\tBrook\tBrook\tPROPN\tNNP\t_\t9\tflat\t_\t_\n"
      "11\t,\t,\tPUNCT\t,\t_\t12\tpunct\t_\t_\n"
      "12\twho\twho\tPRON\tWP\t_\t13\tnsubj\t_\t_\n"
      "13\tspoke\tspeak\tVERB\tVBD\t_\t9\tacl:relcl\t_\tEntity=4)1)\n";
  std::istringstream in(text);
  auto doc = read_conllu(in, "test");
  REQUIRE(doc.ok());
  Sentence& s = doc->sentences[0];
  gum_entities_to_bio(s);
  std::vector<std::string> ner;
  for (const Token& t : s.tokens) ner.push_back(t.ner);
  // "the mayor ..." is headed by a common noun: not a name. Springfield is the name inside
  // "the city of Springfield"; "Ada Brook, who spoke" is cut to "Ada Brook".
  CHECK(ner == std::vector<std::string>{"O", "O", "O", "O", "O", "O", "B-place", "O", "B-person",
                                        "I-person", "O", "O", "O"});
}

TEST_CASE("capitalised adjectives inside a named mention stay in the name") {
  // "She visited the Royal Library ." (our own sentence): UD tags "Royal" ADJ, but the
  // name is "Royal Library", not "Library"; the sentence-initial "She" is never a name part.
  const char* text =
      "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-x-1-coref)\n"
      "2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-x-x-1-sgl\n"
      "4\tRoyal\troyal\tADJ\tNNP\t_\t5\tamod\t_\t_\n"
      "5\tLibrary\tLibrary\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=2)\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";
  std::istringstream in(text);
  auto doc = read_conllu(in, "test");
  REQUIRE(doc.ok());
  Sentence& s = doc->sentences[0];
  gum_entities_to_bio(s);
  std::vector<std::string> ner;
  for (const Token& t : s.tokens) ner.push_back(t.ner);
  CHECK(ner == std::vector<std::string>{"O", "O", "O", "B-organization", "I-organization", "O"});
}
