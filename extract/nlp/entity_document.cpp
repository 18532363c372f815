#include "extract/nlp/entity_document.h"

#include <map>
#include <string>

namespace quarry::nlp {
namespace {

using TypeCounts = std::map<std::string, int>;

std::string words(const Sentence& s, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out += ' ';
    out += s.tokens[i].form;
  }
  return out;
}

// End of the entity starting at `begin` (a "B-type" tag), exclusive.
size_t entity_end(const Sentence& s, size_t begin, const std::string& type) {
  size_t end = begin + 1;
  while (end < s.tokens.size() && s.tokens[end].ner.size() == type.size() + 2 &&
         s.tokens[end].ner[0] == 'I' && s.tokens[end].ner.compare(2, std::string::npos, type) == 0)
    ++end;
  return end;
}

bool entity_start(const Token& t) { return t.ner.size() > 2 && t.ner[0] == 'B'; }

void relabel(Sentence& s, size_t begin, size_t end, const std::string& type) {
  for (size_t i = begin; i < end; ++i) s.tokens[i].ner = (i == begin ? "B-" : "I-") + type;
}

// The most frequent type of `text` in the document; ties go to the alphabetically first
// type, so the result does not depend on the order of the sentences.
const std::string* majority(const std::map<std::string, TypeCounts>& seen,
                            const std::string& text) {
  auto it = seen.find(text);
  if (it == seen.end()) return nullptr;
  const std::string* best = nullptr;
  int best_count = 0;
  for (const auto& [type, count] : it->second)
    if (count > best_count) best = &type, best_count = count;
  return best;
}

}  // namespace

void harmonise_entities(std::vector<Sentence*>& document) {
  std::map<std::string, TypeCounts> seen;  // an entity's words -> how often each type
  for (const Sentence* s : document) {
    for (size_t i = 0; i < s->tokens.size();) {
      if (!entity_start(s->tokens[i])) {
        ++i;
        continue;
      }
      std::string type = s->tokens[i].ner.substr(2);
      size_t end = entity_end(*s, i, type);
      ++seen[words(*s, i, end)][type];
      i = end;
    }
  }
  if (seen.empty()) return;
  for (Sentence* s : document) {
    const size_t n = s->tokens.size();
    for (size_t i = 0; i < n;) {
      if (entity_start(s->tokens[i])) {
        std::string type = s->tokens[i].ner.substr(2);
        size_t end = entity_end(*s, i, type);
        const std::string* best = majority(seen, words(*s, i, end));
        if (best && *best != type) relabel(*s, i, end, *best);
        i = end;
      } else if (s->tokens[i].upos == "PROPN" && s->tokens[i].ner == "O") {
        size_t end = i;
        while (end < n && s->tokens[end].upos == "PROPN" && s->tokens[end].ner == "O") ++end;
        if (const std::string* best = majority(seen, words(*s, i, end))) relabel(*s, i, end, *best);
        i = end;
      } else {
        ++i;
      }
    }
  }
}

}  // namespace quarry::nlp
