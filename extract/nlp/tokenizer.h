// UD-style tokenisation of one whitespace-free chunk of text (internal to the segmenter).
//
// A chunk becomes surface tokens (what the CoNLL 2018 "Tokens" metric counts); a surface
// token may hold several syntactic words ("don't" -> do + n't, "Bush's" -> Bush + 's),
// recorded as word byte lengths. Conventions follow EWT/GUM: hyphens split except after
// learned prefixes (non-, anti-), clitics split, abbreviations keep their period, numbers,
// times, dates, URLs and e-mail addresses stay whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/utf8_text.h"

namespace quarry::nlp {

struct Surface {
  uint32_t first = 0, last = 0;  // char indices [first, last)
  uint32_t start = 0, end = 0;   // byte offsets [start, end)
  bool space_after = true;
  uint8_t newlines_after = 0;       // line breaks in the whitespace after it, capped at 2
  uint8_t words[4] = {0, 0, 0, 0};  // word byte lengths when split, words[0] == 0 otherwise
};

class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view text, const std::vector<Char>& chars)
      : text_(text), chars_(chars) {}

  // Appends the surface tokens of chars [first, last) (no whitespace inside) to `out`.
  void tokenize(size_t first, size_t last, std::vector<Surface>& out);

 private:
  size_t token_end(size_t p, size_t b);
  size_t word_end(size_t p, size_t b);
  size_t lexicon_end(size_t p, size_t b);
  size_t url_end(size_t p, size_t b);
  void split_words(Surface& s);
  bool is_digit_after_space(size_t e) const;
  uint32_t cp(size_t i, size_t b) const { return i < b ? chars_[i].cp : 0; }
  bool alnum(size_t i, size_t b) const { return i < b && is_alnum(chars_[i]); }
  bool letter(size_t i, size_t b) const { return i < b && chars_[i].kind == CharKind::kLetter; }
  bool digit(size_t i, size_t b) const { return i < b && chars_[i].kind == CharKind::kDigit; }

  std::string_view text_;
  const std::vector<Char>& chars_;
  std::string lower_;  // scratch
};

}  // namespace quarry::nlp
