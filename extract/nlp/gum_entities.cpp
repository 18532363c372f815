#include "extract/nlp/gum_entities.h"

#include <algorithm>
#include <string_view>

namespace quarry::nlp {
namespace {

struct Mention {
  int start, end;  // token indices, inclusive
  std::string type;
};

std::string_view entity_field(std::string_view misc) {
  size_t pos = 0;
  while (pos < misc.size()) {
    size_t bar = misc.find('|', pos);
    std::string_view item = misc.substr(pos, bar == std::string_view::npos ? bar : bar - pos);
    if (item.substr(0, 7) == "Entity=") return item.substr(7);
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return {};
}

bool name_word(const Token& t, bool time) { return t.upos == "PROPN" || (time && t.upos == "NUM"); }

// A capitalised adjective or noun inside a mention is part of the name next to it
// ("National Library", "British Museum", "Digital Humanities"), though UD tags it ADJ/NOUN.
bool capitalised_part(const Token& t) {
  return !t.form.empty() && t.form[0] >= 'A' && t.form[0] <= 'Z' &&
         (t.upos == "ADJ" || t.upos == "NOUN");
}

// Words that may join the parts of one name ("Bank of England", "King's College").
bool connector(const std::string& form, bool time) {
  static const char* const kWords[] = {"of", "the", "and", "&",   "-",   "'s",  "de",  "da", "du",
                                       "la", "le",  "van", "von", "der", "del", "for", "on"};
  if (time && form == ",") return true;
  for (const char* w : kWords)
    if (form == w) return true;
  return false;
}

}  // namespace

void gum_entities_to_bio(Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  std::vector<Mention> mentions;
  std::vector<std::pair<std::string, Mention>> open;  // mention id -> partial mention
  for (int i = 0; i < n; ++i) {
    std::string_view e = entity_field(s.tokens[i].misc);
    size_t p = 0;
    while (p < e.size()) {
      if (e[p] == '(') {
        size_t q = e.find_first_of("()", p + 1);
        std::string_view body = e.substr(p + 1, q == std::string_view::npos ? q : q - p - 1);
        size_t d1 = body.find('-');
        size_t d2 = body.find('-', d1 == std::string_view::npos ? d1 : d1 + 1);
        std::string id(body.substr(0, d1));
        std::string type(d1 == std::string_view::npos ? std::string_view()
                                                      : body.substr(d1 + 1, d2 - d1 - 1));
        if (q != std::string_view::npos && e[q] == ')') {
          mentions.push_back({i, i, type});
          p = q + 1;
        } else {
          open.push_back({id, Mention{i, -1, type}});
          p = q == std::string_view::npos ? e.size() : q;
        }
      } else {
        size_t q = e.find(')', p);
        if (q == std::string_view::npos) break;
        std::string id(e.substr(p, q - p));
        // The most recently opened mention with this id closes (ids may repeat when nested).
        for (size_t k = open.size(); k-- > 0;) {
          if (open[k].first == id) {
            open[k].second.end = i;
            mentions.push_back(open[k].second);
            open.erase(open.begin() + static_cast<long>(k));
            break;
          }
        }
        p = q + 1;
      }
    }
  }
  for (Token& t : s.tokens) t.ner = "O";
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<bool> taken(n, false);
  for (Mention m : mentions) {
    if (std::find(kEntityTypes.begin(), kEntityTypes.end(), m.type) == kEntityTypes.end()) continue;
    int head = -1, heads = 0;
    for (int i = m.start; i <= m.end; ++i) {
      int h = s.tokens[i].head - 1;
      if (h < m.start || h > m.end) head = i, ++heads;
    }
    if (heads != 1) continue;  // not a single phrase
    const bool time = m.type == "time";
    if (!name_word(s.tokens[head], time)) continue;
    // The name is the run of name words around the head, possibly joined by connectors.
    int lo = head, hi = head;
    for (int j = head - 1; j >= m.start; --j) {
      if (name_word(s.tokens[j], time) || (j > 0 && capitalised_part(s.tokens[j])))
        lo = j;
      else if (!connector(s.tokens[j].form, time))
        break;
    }
    for (int j = head + 1; j <= m.end; ++j) {
      if (name_word(s.tokens[j], time) || capitalised_part(s.tokens[j]))
        hi = j;
      else if (!connector(s.tokens[j].form, time))
        break;
    }
    m.start = lo;
    m.end = hi;
    bool free = true;
    for (int i = m.start; i <= m.end; ++i) free = free && !taken[i];
    if (!free) continue;
    for (int i = m.start; i <= m.end; ++i) {
      taken[i] = true;
      std::string& ner = s.tokens[i].ner;
      ner = i == m.start ? "B-" : "I-";
      ner += m.type;
    }
  }
}

}  // namespace quarry::nlp
