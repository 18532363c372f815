// Raw-text scoring: rebuilding text from CoNLL-U and the CoNLL 2018 style counts.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extract/nlp/conllu.h"
#include "extract/nlp/segment_eval.h"
#include "extract/nlp/segmenter.h"

using namespace quarry::nlp;

namespace {

// Two paragraphs; the first holds two sentences and a multi-word token.
const char* kGold =
    "# newdoc id = d1\n"
    "# newpar\n"
    "# text = We can't wait.\n"
    "1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\twait\twait\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Nor can they.\n"
    "1\tNor\tnor\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
    "2\tcan\tcan\tAUX\tMD\t_\t0\troot\t_\t_\n"
    "3\tthey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newpar\n"
    "# text = Done\n"
    "1\tDone\tdo\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "\n";

std::string write_temp(const std::string& name, const std::string& content) {
  std::string path = std::string(QUARRY_BINARY_DIR) + "/" + name;
  std::ofstream(path) << content;
  return path;
}

}  // namespace

TEST_CASE("segment_eval: raw text rebuilt from surface tokens, sentences and paragraphs") {
  auto gold = read_raw_gold(write_temp("seg_eval_gold.conllu", kGold));
  REQUIRE(gold.ok());
  CHECK(gold->text == "We can't wait. Nor can they.\n\nDone");
  REQUIRE(gold->tokens.size() == 9);
  CHECK(gold->tokens[1].words == std::vector<std::string>{"ca", "n't"});
  CHECK(gold->tokens[1].span == Span{3, 8});
  REQUIRE(gold->sentences.size() == 3);
  CHECK(gold->sentences[1] == Span{15, 28});
}

TEST_CASE("segment_eval: the segmenter scores perfectly on clean text, and errors count") {
  auto gold = read_raw_gold(write_temp("seg_eval_gold2.conllu", kGold));
  REQUIRE(gold.ok());
  auto sys = segment(gold->text);
  auto s = score_segmentation(*gold, sys);
  CHECK(s.tokens.gold == 9);
  CHECK(s.tokens.correct == 9);
  CHECK(s.tokens.f1() == Approx(100.0));
  CHECK(s.words.gold == 10);
  CHECK(s.words.correct == 10);
  CHECK(s.sentences.f1() == Approx(100.0));

  // Merge the first two sentences: one system sentence, none of the two gold ones match.
  sys[0].tokens.insert(sys[0].tokens.end(), sys[1].tokens.begin(), sys[1].tokens.end());
  sys.erase(sys.begin() + 1);
  s = score_segmentation(*gold, sys);
  CHECK(s.sentences.system == 2);
  CHECK(s.sentences.correct == 1);
  CHECK(s.sentences.precision() == Approx(50.0));
  CHECK(s.sentences.recall() == Approx(100.0 / 3));
}

TEST_CASE("segment_eval: a missing file and a malformed line are errors with a place") {
  auto missing = read_raw_gold("/nonexistent/file.conllu");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message().find("/nonexistent/file.conllu") != std::string::npos);
  auto bad = read_raw_gold(write_temp("seg_eval_bad.conllu", "# text = x\n1\tx\n"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message().find("seg_eval_bad.conllu:2:") != std::string::npos);
}

TEST_CASE("CoNLL-U: multi-word tokens are written as ranges and read back") {
  auto ss = segment("We can't stop.");
  REQUIRE(ss.size() == 1);
  std::ostringstream out;
  write_conllu(out, ss[0]);
  CHECK(out.str().find("2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\t") != std::string::npos);
  std::istringstream in(out.str());
  auto doc = read_conllu(in, "round trip");
  REQUIRE(doc.ok());
  REQUIRE(doc->sentences[0].tokens.size() == 5);
  CHECK(doc->sentences[0].tokens[1].multiword == 2);
  CHECK(doc->sentences[0].tokens[2].space_after == true);
  CHECK(doc->sentences[0].tokens[3].space_after == false);
}
