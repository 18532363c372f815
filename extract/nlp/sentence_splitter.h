// Sentence boundaries over the tokenizer's surface tokens (internal to the segmenter).
#pragma once

#include <string_view>
#include <vector>

#include "extract/nlp/segmenter.h"
#include "extract/nlp/tokenizer.h"
#include "extract/nlp/utf8_text.h"

namespace quarry::nlp {

// ends[k] is true when a sentence ends after surface token k; the last token always ends one.
std::vector<bool> find_sentence_ends(std::string_view text, const std::vector<Char>& chars,
                                     const std::vector<Surface>& toks,
                                     const SegmentOptions& options);

}  // namespace quarry::nlp
