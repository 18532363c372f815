// Segmentation: raw UTF-8 text -> sentences of UD-style tokens with byte offsets.
//
// Thread-safe and stateless apart from its construction-time tables. Invalid UTF-8 is
// replaced by U+FFFD in token forms (offsets still index the original bytes) and reported
// once per call in `warnings`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/sentence.h"

namespace quarry::nlp {

struct SegmentOptions {
  // Treat every line break as a sentence boundary (for one-sentence-per-line input).
  // Default: false; blank lines (paragraph breaks) always end a sentence.
  bool line_per_sentence = false;
};

// Splits `text` into sentences and tokens. Offsets are 32-bit: text of 4 GiB or more gives
// no sentences and a warning (cut such input into documents first). Every Token has form, start,
// end and space_after filled; Sentence::text is the sentence's slice of the original text.
std::vector<Sentence> segment(std::string_view text, const SegmentOptions& options = {},
                              std::vector<std::string>* warnings = nullptr);

}  // namespace quarry::nlp
