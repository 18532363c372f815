// Hash-set views over the generated tables in segmenter_tables.cpp.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/nlp/segmenter_tables.h"

namespace quarry::nlp::tables {
namespace {

using Set = std::unordered_set<std::string_view>;

Set make_set(const std::string_view* items, size_t n) { return Set(items, items + n); }

const Set& whole() {
  static const Set s = make_set(kWholeTokens, kWholeTokensSize);
  return s;
}
const Set& abbrevs() {
  static const Set s = make_set(kAbbreviations, kAbbreviationsSize);
  return s;
}
const Set& can_end() {
  static const Set s = make_set(kAbbrevCanEnd, kAbbrevCanEndSize);
  return s;
}
const Set& prefixes() {
  static const Set s = make_set(kHyphenPrefixes, kHyphenPrefixesSize);
  return s;
}

const Set& final_short() {
  static const Set s = make_set(kFinalShortWords, kFinalShortWordsSize);
  return s;
}

const Set& split_final() {
  static const Set s = make_set(kSplitWhenFinal, kSplitWhenFinalSize);
  return s;
}

}  // namespace

bool split_when_final(std::string_view lower) { return split_final().count(lower) != 0; }
bool is_final_short_word(std::string_view lower) { return final_short().count(lower) != 0; }
bool is_whole_token(std::string_view lower) { return whole().count(lower) != 0; }
bool is_abbreviation(std::string_view lower) { return abbrevs().count(lower) != 0; }

// News abbreviations too rare in the treebanks to be learned: US states (AP style), company
// and title forms. Many are also words ("Wash.", "Miss."), so they count only capitalised.
bool is_capitalised_abbreviation(std::string_view lower) {
  static const Set s = {
      "ala.",  "ariz.", "ark.",  "calif.", "colo.", "conn.", "del.",  "fla.",  "ga.",   "ill.",
      "ind.",  "kan.",  "ky.",   "la.",    "md.",   "mass.", "mich.", "minn.", "miss.", "mo.",
      "mont.", "neb.",  "nev.",  "okla.",  "ore.",  "pa.",   "tenn.", "tex.",  "va.",   "vt.",
      "wash.", "wis.",  "wyo.",  "corp.",  "co.",   "ltd.",  "bros.", "jr.",   "sr.",   "gov.",
      "sen.",  "rep.",  "lt.",   "gen.",   "col.",  "maj.",  "capt.", "sgt.",  "adm.",  "cmdr.",
      "rev.",  "prof.", "supt.", "atty.",  "insp.", "det.",  "cpl.",  "pvt.",  "ft.",   "mt.",
      "ave.",  "blvd.", "rd.",   "jan.",   "feb.",  "aug.",  "sept.", "oct.",  "nov.",  "dec.",
      "assn.", "dept.", "univ.", "inc.",   "st."};
  return s.count(lower) != 0;
}
bool abbreviation_can_end(std::string_view lower) { return can_end().count(lower) != 0; }
bool is_hyphen_prefix(std::string_view lower) { return prefixes().count(lower) != 0; }

const MultiWord* find_multiword(std::string_view lower) {
  static const auto map = [] {
    std::unordered_map<std::string_view, const MultiWord*> m;
    for (size_t i = 0; i < kMultiWordsSize; ++i) m.emplace(kMultiWords[i].form, &kMultiWords[i]);
    return m;
  }();
  auto it = map.find(lower);
  return it == map.end() ? nullptr : it->second;
}

size_t longest_entry() {
  static const size_t n = [] {
    size_t m = 0;
    for (size_t i = 0; i < kWholeTokensSize; ++i) m = std::max(m, kWholeTokens[i].size());
    for (size_t i = 0; i < kAbbreviationsSize; ++i) m = std::max(m, kAbbreviations[i].size());
    return m;
  }();
  return n;
}

}  // namespace quarry::nlp::tables
