// Scoring segmentation from raw text against gold CoNLL-U, the CoNLL 2018 shared-task way.
//
// The raw text of each gold file is rebuilt from its surface tokens (multi-word token lines
// included) and SpaceAfter=No; sentences of one paragraph are joined by a space (none after
// SpaceAfter=No), paragraphs ("# newpar", "# newdoc") by a blank line. Gold and system units
// are byte spans of that same text, so matching spans is the shared task's alignment on
// non-whitespace characters. Tokens are surface tokens (a multi-word token counts once);
// words are syntactic words, credited inside matching tokens; a sentence matches when its
// first and last characters both do.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/nlp/sentence.h"
#include "quarry/status.h"

namespace quarry::nlp {

using Span = std::pair<uint32_t, uint32_t>;  // byte offsets [start, end)

struct GoldSurface {
  Span span;
  std::vector<std::string> words;  // syntactic word forms (one unless a multi-word token)
};

struct RawGold {
  std::string text;
  std::vector<GoldSurface> tokens;
  std::vector<Span> sentences;
};

// Reads `path` and rebuilds its raw text; errors carry `file:line`.
Result<RawGold> read_raw_gold(const std::string& path);

struct F1Score {
  size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? 100.0 * correct / system : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const {
    return gold + system ? 200.0 * correct / static_cast<double>(gold + system) : 0.0;
  }
};

struct SegmentationScores {
  F1Score tokens, words, sentences;
};

// Scores `system` (segment() output over gold.text) against `gold`.
SegmentationScores score_segmentation(const RawGold& gold, const std::vector<Sentence>& system);

}  // namespace quarry::nlp
