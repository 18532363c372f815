// Per-token string hashes computed once per sentence and shared by the feature templates of
// the tagger, parser and entity recogniser (hashing strings per template would dominate
// annotation time).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/sentence.h"

namespace quarry::nlp {

struct WordHashes {
  uint64_t form = 0;   // exact form
  uint64_t lower = 0;  // lowercased form
  uint64_t shape = 0;  // "Xxxx" -> "Xx", "1,000" -> "d,d": capitalisation and digit pattern
  uint64_t prefix[3] = {0, 0, 0};     // first 1..3 bytes of lower
  uint64_t suffix[4] = {0, 0, 0, 0};  // last 1..4 bytes of lower
  bool upper_initial = false;
  bool has_digit = false;
  bool has_hyphen = false;
  bool has_letter = false;
};

// ASCII lowercasing; other bytes (UTF-8 sequences) pass through unchanged.
std::string lowercase(std::string_view s);
std::string word_shape(std::string_view s);

// Hashes of every token of `sentence`.
void hash_words(const Sentence& sentence, std::vector<WordHashes>& out);

// Deterministic shuffling (std::shuffle's algorithm differs between standard libraries).
void shuffle_indices(std::vector<size_t>& v, uint64_t& state);

}  // namespace quarry::nlp
