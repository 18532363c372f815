#include "extract/facts/tree.h"

#include <algorithm>
#include <cctype>

namespace quarry::extract {

DepTree::DepTree(const nlp::Sentence& sentence)
    : s_(sentence), heads_(sentence.tokens.size(), -1), children_(sentence.tokens.size()) {
  const int n = static_cast<int>(size());
  for (int i = 0; i < n; ++i) {
    int h = s_.tokens[i].head;
    heads_[i] = (h >= 1 && h <= n && h - 1 != i) ? h - 1 : -1;
  }
  // Break cycles: walk up from each token; a token met twice on its own path loses its head.
  for (int i = 0; i < n; ++i) {
    std::vector<char> seen(n, 0);
    for (int j = i; j >= 0; j = heads_[j]) {
      if (seen[j]) {
        heads_[j] = -1;
        break;
      }
      seen[j] = 1;
    }
  }
  for (int i = 0; i < n; ++i)
    if (heads_[i] >= 0) children_[heads_[i]].push_back(static_cast<uint32_t>(i));
  // Crossing arcs: (a,b) and (c,d) with a < c < b < d.
  for (int i = 0; i < n && !non_projective_; ++i) {
    if (heads_[i] < 0) continue;
    int a = std::min(i, heads_[i]), b = std::max(i, heads_[i]);
    for (int k = a + 1; k < b && !non_projective_; ++k)
      if (heads_[k] >= 0 && (heads_[k] < a || heads_[k] > b)) non_projective_ = true;
  }
}

std::string_view DepTree::rel(uint32_t i) const {
  std::string_view d = s_.tokens[i].deprel;
  return d.substr(0, d.find(':'));
}

static std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string DepTree::lemma(uint32_t i) const {
  const auto& t = s_.tokens[i];
  return lower(t.lemma.empty() || t.lemma == "_" ? t.form : t.lemma);
}

std::string DepTree::lower_form(uint32_t i) const { return lower(s_.tokens[i].form); }

bool DepTree::has_feat(uint32_t i, std::string_view feat) const {
  return s_.tokens[i].feats.find(feat) != std::string::npos;
}

std::vector<uint32_t> DepTree::kids(uint32_t i, std::string_view wanted) const {
  std::vector<uint32_t> out;
  bool base = wanted.find(':') == std::string_view::npos;
  for (uint32_t c : children_[i])
    if ((base ? rel(c) : std::string_view(s_.tokens[c].deprel)) == wanted) out.push_back(c);
  return out;
}

int DepTree::first_kid(uint32_t i, std::string_view wanted) const {
  auto k = kids(i, wanted);
  return k.empty() ? -1 : static_cast<int>(k.front());
}

std::string DepTree::case_of(uint32_t i) const {
  std::string out;
  for (uint32_t c : children_[i]) {
    if (rel(c) != "case" && rel(c) != "mark") continue;
    if (c > i) continue;  // "'s" and postpositions are not prepositions
    std::string w = lower_form(c);
    for (uint32_t f : children_[c])
      if (rel(f) == "fixed") w += "_" + lower_form(f);
    out += (out.empty() ? "" : "_") + w;
  }
  return out;
}

std::vector<uint32_t> DepTree::subtree(uint32_t i) const {
  std::vector<uint32_t> out{i};
  for (size_t k = 0; k < out.size(); ++k)
    for (uint32_t c : children_[out[k]]) out.push_back(c);
  std::sort(out.begin(), out.end());
  return out;
}

// Dependents that belong to a noun phrase's core, and, in full mode, the clause-like ones
// that never do.
static bool core_rel(std::string_view r, std::string_view full) {
  if (r == "det" || r == "amod" || r == "compound" || r == "flat" || r == "nummod" ||
      r == "fixed" || r == "goeswith" || r == "punct")
    return true;
  return full == "nmod:poss" || full == "det:poss" || full == "nmod:tmod" || r == "advmod";
}

// Whether punctuation separates tokens a < b: a real apposition ("Li, a member") has it.
bool DepTree::top_comma(uint32_t a, uint32_t b) const {
  for (uint32_t k = a + 1; k < b; ++k)
    if (s_.tokens[k].upos == "PUNCT") return true;
  return false;
}

void DepTree::collect(uint32_t i, bool full, bool top, std::vector<uint32_t>& out) const {
  out.push_back(i);
  for (uint32_t c : children_[i]) {
    std::string_view r = rel(c);
    const std::string& d = deprel(c);
    bool keep;
    // "a message from Union leader Mei Ruolan" with the name misread as an apposition.
    bool name_appos = r == "appos" && c > i && s_.tokens[c].upos == "PROPN" && !top_comma(i, c);
    if (top && (r == "case" || r == "mark" || r == "cop" || r == "cc" || r == "conj" ||
                r == "nsubj" || r == "aux" || r == "csubj" || r == "expl"))
      keep = false;
    else if ((r == "acl" && !(full && deprel(c) == "acl")) ||
             (r == "appos" && !full && !name_appos) || r == "parataxis" || r == "dep" ||
             r == "reparandum")
      keep = false;
    else if (full)
      keep = !(top && r == "punct" && (c == 0 || c + 1 == size())) &&
             !(top && r == "advmod" && (lower_form(c) == "not" || lower_form(c) == "n't"));
    else if (d == "nmod:poss" || (d == "nmod:desc" && !top))
      keep = true;  // "a letter from Chancellor Oskar Lind"; at the top the title is a
                    // fact of its own (rule `title`), the argument the bare name
    else if (name_appos)
      keep = true;
    else if (r == "nmod") {
      std::string prep = case_of(c);
      // "from Chancellor Oskar Lind" with "from" hung on the title, not the name.
      for (uint32_t k : children_[c])
        if (prep.empty() && k < c && deprel(k) == "nmod:desc") prep = case_of(k);
      keep = prep == "of" || prep == "from";
    } else if (r == "case") {
      keep = !top;
    } else {
      keep = core_rel(r, d);
    }
    if (keep) collect(c, full, false, out);
  }
}

Argument DepTree::argument(uint32_t head, bool full) const {
  std::vector<uint32_t> toks;
  collect(head, full, true, toks);
  std::sort(toks.begin(), toks.end());
  // Keep only the contiguous run around the head, and no punctuation at its edges.
  size_t h = std::find(toks.begin(), toks.end(), head) - toks.begin();
  size_t lo = h, hi = h;
  while (lo > 0 && toks[lo - 1] + 1 == toks[lo]) --lo;
  while (hi + 1 < toks.size() && toks[hi + 1] == toks[hi] + 1) ++hi;
  while (lo < h && rel(toks[lo]) == "punct") ++lo;
  while (hi > h && rel(toks[hi]) == "punct") --hi;
  std::vector<uint32_t> span(toks.begin() + lo, toks.begin() + hi + 1);
  // A quotation opened inside the span is closed by it: "the `` Zomercarnaval ''".
  int quotes = 0;
  for (uint32_t k : span) {
    const std::string& f = s_.tokens[k].form;
    quotes += (f == "``" || f == "\u201c") ? 1 : (f == "''" || f == "\u201d") ? -1 : 0;
  }
  if (quotes > 0 && span.back() + 1 < size()) {
    const std::string& next = s_.tokens[span.back() + 1].form;
    if (next == "''" || next == "\u201d") span.push_back(span.back() + 1);
  }
  Argument a;
  a.first_token = span.front();
  a.last_token = span.back() + 1;
  a.head_token = head;
  a.text = text_of(span);
  a.start = s_.tokens[span.front()].start;
  a.end = s_.tokens[span.back()].end;
  a.type = entity_type(s_.tokens[head].ner);
  if (a.type.empty()) {
    // A name's head may be untagged while its flat/compound parts are tagged.
    for (uint32_t c : children_[head])
      if ((rel(c) == "flat" || rel(c) == "compound") && !entity_type(s_.tokens[c].ner).empty())
        a.type = entity_type(s_.tokens[c].ner);
  }
  a.pronoun = s_.tokens[head].upos == "PRON";
  return a;
}

std::string DepTree::text_of(const std::vector<uint32_t>& tokens) const {
  std::string out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const auto& t = s_.tokens[tokens[k]];
    out += t.form;
    bool last = k + 1 == tokens.size();
    if (!last && (t.space_after || tokens[k + 1] != tokens[k] + 1)) out += ' ';
  }
  return out;
}

std::string entity_type(std::string_view ner) {
  if (ner.size() < 3 || ner[1] != '-') return "";
  std::string_view t = ner.substr(2);
  if (t == "person") return "Person";
  if (t == "organization") return "Organization";
  if (t == "place") return "Place";
  if (t == "event") return "Event";
  if (t == "object") return "Artifact";
  if (t == "time") return "";
  return "Other";
}

}  // namespace quarry::extract
