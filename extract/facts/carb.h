// CaRB scoring of Open IE tuples (Bhardwaj et al., 2019), our implementation of the paper's
// matching and of its reference scorer's conventions, so numbers compare with published ones.
//
// Matching (binary, lenient): a system tuple and a gold tuple match when their relations share
// a word and so do their first and second arguments (arguments after the second are joined
// to the second). The match scores precision = matched system words / system words and
// recall = matched gold words / gold words, word by word (whitespace tokens, case kept;
// a system "be" matches any form of be). For "said"-type gold relations the arguments may
// also match crosswise. Per sentence and confidence threshold: recall sums, over gold
// tuples, the best recall of any system tuple; precision pairs system and gold tuples one to
// one, greedily by precision. Totals over sentences give the precision/recall curve over all
// distinct system confidences; AUC is the trapezoid area under it with the point (R=0,
// P=1) added; F1 is the best over thresholds. Sentences are keyed by their text with spaces,
// punctuation and PTB bracket escapes removed; system sentences without gold are ignored.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/status.h"

namespace quarry::extract {

struct CarbTuple {
  std::string relation;
  std::vector<std::string> args;
  double confidence = 1.0;
};

// Tuples by normalised sentence key.
using CarbTuples = std::map<std::string, std::vector<CarbTuple>>;

// Gold: sentence<TAB>relation<TAB>arg1[<TAB>arg...]. System: sentence<TAB>confidence<TAB>
// relation<TAB>arg1[...]. Blank lines are skipped; malformed lines are kInvalidArgument
// "name:line: reason".
Result<CarbTuples> read_carb_gold(std::istream& in, std::string_view name);
Result<CarbTuples> read_carb_system(std::istream& in, std::string_view name);

// The sentence key: no spaces, no ASCII punctuation, -LRB- and friends unescaped first.
std::string carb_sentence_key(std::string_view sentence);

struct CarbMatch {
  double precision = 0;
  double recall = 0;
};
CarbMatch carb_match(const CarbTuple& gold, const CarbTuple& system);

struct CarbPoint {
  double threshold = 0;
  double precision = 0;
  double recall = 0;
};

struct CarbScore {
  double auc = 0;
  double precision = 0;  // at the threshold of the best F1
  double recall = 0;
  double f1 = 0;
  double threshold = 0;
  std::vector<CarbPoint> curve;  // by increasing threshold
};

CarbScore carb_score(const CarbTuples& gold, const CarbTuples& system);

}  // namespace quarry::extract
