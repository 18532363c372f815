#include "extract/facts/extractor.h"

#include <algorithm>
#include <tuple>

#include "extract/facts/rules.h"

namespace quarry::extract {

std::vector<ExtractedFact> extract_facts(const nlp::Sentence& sentence, uint32_t sentence_index,
                                         const ExtractOptions& options) {
  std::vector<ExtractedFact> facts;
  if (sentence.tokens.empty()) return facts;
  bool parsed = std::any_of(sentence.tokens.begin(), sentence.tokens.end(),
                            [](const nlp::Token& t) { return t.head >= 0; });
  if (!parsed) return facts;
  DepTree tree(sentence);
  RuleContext ctx{tree, options, facts};
  verbal_facts(ctx);
  nominal_facts(ctx);

  // The same triple from two rules (a misparse can make both fire) is kept once, with the
  // higher confidence.
  std::vector<ExtractedFact> out;
  auto key = [](const ExtractedFact& f) {
    return std::tie(f.subject.first_token, f.subject.last_token, f.predicate, f.object.first_token,
                    f.object.last_token);
  };
  for (auto& f : facts) {
    if (f.confidence < options.min_confidence) continue;
    if (f.subject.text.empty() || f.object.text.empty()) continue;
    if (f.subject.first_token == f.object.first_token &&
        f.subject.last_token == f.object.last_token)
      continue;
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const ExtractedFact& g) { return key(g) == key(f); });
    if (same != out.end()) {
      if (f.confidence > same->confidence) *same = std::move(f);
      continue;
    }
    out.push_back(std::move(f));
  }
  for (auto& f : out) {
    f.sentence = sentence_index;
    f.start = sentence.tokens.front().start;
    f.end = sentence.tokens.back().end;
  }
  return out;
}

}  // namespace quarry::extract
