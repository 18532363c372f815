// The CaRB scorer on tiny hand-made gold and system files whose scores are worked out by
// hand in the comments.
#include <catch2/catch.hpp>

#include <sstream>

#include "extract/facts/carb.h"

using namespace quarry;
using namespace quarry::extract;

TEST_CASE("carb: a match scores words of relation and arguments, extra args join arg2") {
  CarbTuple gold{"met with", {"Ana", "the mayor", "in Porto"}};
  CarbTuple sys{"met", {"Ana", "the mayor"}};
  // Relation: 1 of 2 gold words, 1 of 1 system word. arg1: 1/1. arg2 (gold "the mayor in
  // Porto"): 2 of 4 gold words, 2 of 2 system words. P = 4/4, R = 4/7.
  auto m = carb_match(gold, sys);
  CHECK(m.precision == Approx(1.0));
  CHECK(m.recall == Approx(4.0 / 7));
  // No shared relation word, or an argument with no shared word: no match at all.
  CHECK(carb_match(gold, CarbTuple{"greeted", {"Ana", "the mayor"}}).recall == 0);
  CHECK(carb_match(gold, CarbTuple{"met", {"Rui", "the mayor"}}).precision == 0);
  CHECK(carb_match(gold, CarbTuple{"met", {"Ana"}}).precision == 0);
  // A system "be" matches a form of be in the gold relation.
  auto be = carb_match(CarbTuple{"is", {"Ana", "a doctor"}}, CarbTuple{"be", {"Ana", "a doctor"}});
  CHECK(be.precision == Approx(1.0));
  CHECK(be.recall == Approx(1.0));
}

TEST_CASE("carb: said-type gold relations also match with the arguments swapped") {
  CarbTuple gold{"said", {"the minister", "talks went well"}};
  CarbTuple sys{"said", {"talks went well", "the minister"}};
  CHECK(carb_match(gold, sys).recall == Approx(1.0));
  CHECK(carb_match(CarbTuple{"met", {"Ana", "Rui"}}, CarbTuple{"met", {"Rui", "Ana"}}).recall == 0);
}

TEST_CASE("carb: sentence keys ignore spacing, punctuation and PTB escapes") {
  CHECK(carb_sentence_key("Ana met the mayor .") == carb_sentence_key("Ana met the mayor."));
  CHECK(carb_sentence_key("a -LRB- b -RRB-") == carb_sentence_key("a (b)"));
}

TEST_CASE("carb: precision/recall curve, best F1 and AUC on a two-sentence set") {
  std::istringstream gold_text(
      "Ana met the mayor and is a doctor .\tmet\tAna\tthe mayor\n"
      "Ana met the mayor and is a doctor .\tis\tAna\ta doctor\n"
      "Rui left Lisbon .\tleft\tRui\tLisbon\n");
  std::istringstream system_text(
      "Ana met the mayor and is a doctor .\t0.9\tmet\tAna\tthe mayor\n"
      "Ana met the mayor and is a doctor .\t0.5\tis\tAna\ta nurse\n"
      "A sentence without gold .\t0.7\tis\tit\tignored\n");
  auto gold = read_carb_gold(gold_text, "gold");
  auto sys = read_carb_system(system_text, "sys");
  REQUIRE(gold.ok());
  REQUIRE(sys.ok());
  auto s = carb_score(*gold, *sys);
  // Thresholds 0.5, 0.7, 0.9 (all system confidences).
  // >= 0.5: both tuples. Recall: met 1 + is 3/4 over 3 gold = 1.75/3; precision: pairs
  //         (met,met) 1 and (is,is) 3/4 over 2 = 0.875. F1 = 0.7.
  // >= 0.7 and >= 0.9: only "met": P = 1, R = 1/3, F1 = 0.5.
  REQUIRE(s.curve.size() == 3);
  CHECK(s.curve[0].precision == Approx(0.875));
  CHECK(s.curve[0].recall == Approx(1.75 / 3));
  CHECK(s.curve[1].precision == Approx(1.0));
  CHECK(s.curve[1].recall == Approx(1.0 / 3));
  CHECK(s.curve[2].recall == Approx(1.0 / 3));
  CHECK(s.f1 == Approx(0.7));
  CHECK(s.threshold == Approx(0.5));
  // Area with (R=0, P=1) appended: (7/12 - 1/3) * (0.875 + 1) / 2 + 1/3 * 1 = 0.567708.
  CHECK(s.auc == Approx(0.25 * 1.875 / 2 + 1.0 / 3));
}

TEST_CASE("carb: malformed lines are reported with file and line") {
  std::istringstream bad("s\t0.5\tmet\tA\tB\ns\tnot-a-number\tmet\tA\tB\n");
  auto r = read_carb_system(bad, "sys.tsv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message() == "sys.tsv:2: confidence 'not-a-number' is not a number");
  std::istringstream short_gold("only one field\n");
  auto g = read_carb_gold(short_gold, "gold.tsv");
  REQUIRE_FALSE(g.ok());
  CHECK(g.error().message().rfind("gold.tsv:1:", 0) == 0);
}
