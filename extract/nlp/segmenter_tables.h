// Word tables the segmenter consults, derived from the TRAIN splits of UD English EWT and GUM
// by scripts/derive-segmenter-tables (word forms only). All entries are lower case UTF-8.
//
// The lookup functions build their hash sets on first use (thread-safe static init) and
// are cheap afterwards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace quarry::nlp::tables {

// A surface form the treebanks split into syntactic words ("cannot" -> can + not).
struct MultiWord {
  std::string_view form;
  uint8_t lengths[4];  // byte length of each word, 0-terminated when fewer than 4
};

extern const std::string_view kWholeTokens[];
extern const size_t kWholeTokensSize;
extern const std::string_view kAbbreviations[];
extern const size_t kAbbreviationsSize;
extern const std::string_view kSplitWhenFinal[];
extern const size_t kSplitWhenFinalSize;
extern const std::string_view kAbbrevCanEnd[];
extern const size_t kAbbrevCanEndSize;
extern const std::string_view kFinalShortWords[];
extern const size_t kFinalShortWordsSize;
extern const std::string_view kHyphenPrefixes[];
extern const size_t kHyphenPrefixesSize;
extern const MultiWord kMultiWords[];
extern const size_t kMultiWordsSize;

// Lower-case lookups.
bool is_whole_token(std::string_view lower);               // "and/or", ":)", "e-mail"
bool is_abbreviation(std::string_view lower);              // "mr.", "u.s.", "feb."
bool is_capitalised_abbreviation(std::string_view lower);  // "mo.", "calif.": only as "Mo."
bool split_when_final(std::string_view lower);             // "etc." ends a sentence as "etc ."
bool abbreviation_can_end(std::string_view lower);         // "etc.", "a.m."
bool is_hyphen_prefix(std::string_view lower);             // "non", "anti"
bool is_final_short_word(std::string_view lower);          // "you", "now": seen ending sentences
const MultiWord* find_multiword(std::string_view lower);
// Longest kWholeTokens or kAbbreviations entry, in bytes (bounds lexicon probes).
size_t longest_entry();

}  // namespace quarry::nlp::tables
