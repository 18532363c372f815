// Second entity stage: a multi-class perceptron that types a whole span (none, or one of
// kEntityTypes) with features a token-level tagger cannot see at once: every word of the
// span, its first, last and head word, its length, the word before it, the governing word
// and relation of its head, and the name lists of its first and last word.
#include "extract/nlp/entity_spans.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <unordered_map>

#include "extract/nlp/entity_tagger.h"
#include "extract/nlp/gum_entities.h"

namespace quarry::nlp {
namespace {

bool capital(const Token& t) { return !t.form.empty() && t.form[0] >= 'A' && t.form[0] <= 'Z'; }
bool proper(const Token& t) { return t.upos == "PROPN"; }
bool part(const Token& t) {
  return proper(t) || (capital(t) && (t.upos == "ADJ" || t.upos == "NOUN"));
}
// A capitalised word inside a sentence that the tagger did not call a proper noun
// ("Athens" as NOUN, "Global Voices", "WHO" as PRON) may still open a name.
bool opens(const Token& t) {
  if (!capital(t) || t.form == "I") return false;
  if (t.upos == "NOUN" || t.upos == "ADJ" || t.upos == "X") return true;
  if (t.upos != "PRON" || t.form.size() < 2) return false;
  for (char c : t.form)
    if (c < 'A' || c > 'Z') return false;
  return true;
}
bool connector(const std::string& form) {
  static const char* const kWords[] = {"of", "the", "and", "&",   "-",   "'s",  "de",  "da", "du",
                                       "la", "le",  "van", "von", "der", "del", "for", "on"};
  for (const char* w : kWords)
    if (form == w) return true;
  return false;
}

// Gold or predicted spans of a BIO-tagged sentence: (begin, end, type index + 1).
std::vector<std::tuple<size_t, size_t, int>> bio_spans(const Sentence& s) {
  std::vector<std::tuple<size_t, size_t, int>> out;
  const size_t n = s.tokens.size();
  for (size_t i = 0; i < n;) {
    const std::string& tag = s.tokens[i].ner;
    if (tag.size() < 3 || tag[0] != 'B') {
      ++i;
      continue;
    }
    std::string type = tag.substr(2);
    size_t end = i + 1;
    while (end < n && s.tokens[end].ner == "I-" + type) ++end;
    int cls = 0;
    for (size_t k = 0; k < kEntityTypes.size(); ++k)
      if (kEntityTypes[k] == type) cls = static_cast<int>(k) + 1;
    out.emplace_back(i, end, cls);
    i = end;
  }
  return out;
}

uint64_t span_hash(const std::vector<WordHashes>& w, size_t b, size_t e) {
  uint64_t h = 0x51ed270b27a3c1f5ULL;
  for (size_t i = b; i < e; ++i) h = mix64(h ^ w[i].lower);
  return h;
}

// The most frequent type (1 + index into kEntityTypes) in `counts` for `key`, and how
// often the key was seen as any name (1, 2, 3+); {0, 0} when never.
std::pair<uint64_t, uint64_t> majority(
    const std::unordered_map<uint64_t, std::array<uint16_t, 8>>& counts, uint64_t key) {
  auto it = counts.find(key);
  if (it == counts.end()) return {0, 0};
  uint64_t best = 0, total = 0;
  for (size_t c = 1; c < it->second.size(); ++c) {
    total += it->second[c];
    if (it->second[c] > it->second[best]) best = c;
  }
  return {best, total > 3 ? 3 : total};
}

// The span's head: its word whose syntactic head lies outside it.
size_t span_head(const Sentence& s, size_t b, size_t e) {
  for (size_t i = b; i < e; ++i) {
    int h = s.tokens[i].head - 1;
    if (h < static_cast<int>(b) || h >= static_cast<int>(e)) return i;
  }
  return e - 1;
}

// The preposition of a word ("in Paris", "at Columbia"); kNone when it has none.
constexpr uint64_t kNone = 0x3c6ef372fe94f82bULL;
uint64_t case_word(const Sentence& s, const std::vector<WordHashes>& w, size_t head) {
  for (size_t i = 0; i < s.tokens.size(); ++i)
    if (s.tokens[i].head - 1 == static_cast<int>(head) && s.tokens[i].deprel == "case")
      return w[i].lower;
  return kNone;
}

}  // namespace

std::string document_id(const Sentence& s) {
  size_t dash = s.id.rfind('-');
  return dash == std::string::npos ? s.id : s.id.substr(0, dash);
}

// A candidate span's best name type (1 + index into kEntityTypes) and by how much it
// beats "none" (class 0).
ScoredSpan best_type(size_t b, size_t e, const float* scores, int classes) {
  int best = 1;
  for (int c = 2; c < classes; ++c)
    if (scores[c] > scores[best]) best = c;
  return {b, e, best, scores[best] - scores[0]};
}

// The non-overlapping spans with the largest total margin, spans with no positive margin
// never taken (best[i]: the best total over the first i words), in order.
std::vector<ScoredSpan> best_segmentation(const std::vector<ScoredSpan>& spans, size_t n) {
  std::vector<float> best(n + 1, 0.0f);
  std::vector<int> choice(n + 1, -1);  // index into spans of the span ending there, or -1
  for (size_t i = 1; i <= n; ++i) {
    best[i] = best[i - 1];
    for (size_t k = 0; k < spans.size(); ++k) {
      const ScoredSpan& c = spans[k];
      if (c.end == i && c.margin > 0 && best[c.begin] + c.margin > best[i]) {
        best[i] = best[c.begin] + c.margin;
        choice[i] = static_cast<int>(k);
      }
    }
  }
  std::vector<ScoredSpan> out;
  for (size_t i = n; i > 0;) {
    if (choice[i] < 0) {
      --i;
      continue;
    }
    out.push_back(spans[static_cast<size_t>(choice[i])]);
    i = out.back().begin;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

void EntityTagger::count_types(const Sentence& first, const std::vector<WordHashes>& w,
                               DocumentTypes& doc) {
  for (auto [b, e, cls] : bio_spans(first)) {
    ++doc.text[span_hash(w, b, e)][static_cast<size_t>(cls)];
    ++doc.last[w[e - 1].lower][static_cast<size_t>(cls)];
  }
  // Where the name stands, for every candidate in the text: "in Coron", "the mayor of
  // Coron" say place wherever the word occurs.
  for (auto [b, e] : name_runs(first)) {
    size_t head = span_head(first, b, e);
    const Token& t = first.tokens[head];
    uint64_t c = case_word(first, w, head);
    if (c == kNone) {
      const int g = t.head - 1;
      c = mix64(hash_str(t.deprel) ^ (g >= 0 ? w[static_cast<size_t>(g)].lower : 0));
    }
    std::vector<uint64_t>& seen = doc.contexts[w[e - 1].lower];
    if (seen.size() < 8 && std::find(seen.begin(), seen.end(), c) == seen.end()) seen.push_back(c);
  }
}

std::vector<std::pair<size_t, size_t>> name_runs(const Sentence& s) {
  std::vector<std::pair<size_t, size_t>> out;
  const size_t n = s.tokens.size();
  for (size_t i = 0; i < n;) {
    if (!proper(s.tokens[i]) && !(i > 0 && opens(s.tokens[i]))) {
      ++i;
      continue;
    }
    size_t lo = i, hi = i;
    // A capitalised first word of the sentence is capitalised anyway: only a proper noun.
    while (lo > 0 && part(s.tokens[lo - 1]) && (lo - 1 > 0 || proper(s.tokens[0]))) --lo;
    for (;;) {
      if (hi + 1 < n && part(s.tokens[hi + 1])) {
        ++hi;
        continue;
      }
      size_t j = hi + 1;
      while (j < n && connector(s.tokens[j].form)) ++j;
      // "Bank of England", "Bank of the Northern Federation"
      if (j > hi + 1 && j < n &&
          (proper(s.tokens[j]) || (part(s.tokens[j]) && j + 1 < n && proper(s.tokens[j + 1])))) {
        hi = j;
        continue;
      }
      break;
    }
    out.emplace_back(lo, hi + 1);
    i = hi + 1;
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> sub_spans(const std::vector<std::pair<size_t, size_t>>& runs,
                                                 size_t max_length) {
  std::vector<std::pair<size_t, size_t>> out;
  for (auto [b, e] : runs)
    for (size_t i = b; i < e; ++i)
      for (size_t j = i + 1; j <= e && j - i <= max_length; ++j)
        if (i != b || j != e) out.emplace_back(i, j);
  return out;
}

std::vector<std::pair<size_t, size_t>> EntityTagger::candidates(const Sentence& s,
                                                                const Sentence& first) const {
  std::vector<std::pair<size_t, size_t>> out = name_runs(s);
  if (segment_) {
    auto inner = sub_spans(out, kMaxSubSpan);
    out.insert(out.end(), inner.begin(), inner.end());
  }
  for (auto [b, e, c] : bio_spans(first)) out.emplace_back(b, e);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void EntityTagger::span_features(const Sentence& s, const std::vector<WordHashes>& w, size_t b,
                                 size_t e, const NameList& names,
                                 const std::vector<uint16_t>& phrases, const Sentence& first,
                                 const DocumentTypes& doc, std::vector<uint64_t>& f) const {
  f.clear();
  const uint64_t none = 0x3c6ef372fe94f82bULL;
  const size_t n = w.size();
  uint64_t templ = 200;
  auto add = [&](uint64_t a, uint64_t x = 0, uint64_t y = 0) {
    f.push_back(feat(++templ, a, x, y));
  };
  auto low = [&](size_t j) { return j < n ? w[j].lower : none; };
  auto tag = [&](size_t j) { return j < n ? hash_str(s.tokens[j].xpos) : none; };
  auto name = [&](size_t j) -> uint64_t {
    if (j >= n) return none;
    auto it = names.find(w[j].lower);
    return it == names.end() ? none - 1 : it->second;
  };
  auto lst = [&](size_t j) -> uint64_t { return j < n ? lists_.word(w[j].lower) : 99; };
  const size_t last = e - 1, len = e - b;
  const uint64_t before = b > 0 ? low(b - 1) : none, after = low(e);
  const size_t head = span_head(s, b, e);
  const Token& ht = s.tokens[head];
  const int gov = ht.head - 1;
  const uint64_t govw = gov >= 0 ? low(static_cast<size_t>(gov)) : none;
  const uint64_t rel = hash_str(ht.deprel);
  const uint64_t caseword = case_word(s, w, head);
  uint64_t shapes = 0;
  for (size_t i = b; i < e; ++i) shapes = mix64(shapes * 31 + w[i].shape);
  const uint64_t lb = len > 3 ? 4 : len;
  add(0), add(lb), add(low(b)), add(low(last)), add(low(b), low(last)), add(low(last), lb);
  add(low(head)), add(w[last].suffix[2]), add(w[last].suffix[3]), add(shapes);
  add(before), add(after), add(before, low(b)), add(tag(b - 1)), add(tag(e)),
      add(before, low(last));
  add(rel), add(rel, govw), add(govw), add(caseword), add(caseword, low(last)), add(rel, caseword);
  add(lst(b), lst(last)), add(lst(b), lb), add(lst(last), low(last)), add(lst(b), low(last));
  add(name(b)), add(name(last)), add(name(b), name(last)), add(phrases[b]), add(phrases[last]);
  add(capitals(w[b].lower), lb), add(capitals(w[last].lower)), add(b == 0, w[b].shape);
  add(len == 1 ? w[b].form : none),
      add(s.tokens[b].upos == "PROPN", s.tokens[last].upos == "PROPN");
  add(low(b - 2), before), add(after, low(e + 1));
  // The first stage's opinion: its tags at both ends, and its type when it found exactly
  // this span.
  const std::string& fb = first.tokens[b].ner;
  const std::string& fl = first.tokens[last].ner;
  bool exact = fb.size() > 2 && fb[0] == 'B';
  for (size_t i = b + 1; i < e && exact; ++i)
    exact = first.tokens[i].ner.size() > 2 && first.tokens[i].ner[0] == 'I';
  if (exact && e < n) exact = first.tokens[e].ner.empty() || first.tokens[e].ner[0] != 'I';
  const uint64_t ft = exact ? hash_str(fb) : none;
  add(hash_str(fb)), add(hash_str(fl)), add(ft), add(ft, low(last)), add(ft, lb), add(ft, rel);
  add(hash_str(fb), hash_str(fl)), add(b > 0 ? hash_str(first.tokens[b - 1].ner) : none);
  add(e < n ? hash_str(first.tokens[e].ner) : none);
  for (size_t i = b; i < e; ++i) add(w[i].lower), add(lst(i)), add(name(i)), add(w[i].suffix[3]);
  // The document: how the first stage typed these words, and names ending in the same word,
  // elsewhere in the text ("Coron" a place three times, a person once).
  auto [dt, dn] = majority(doc.text, span_hash(w, b, e));
  auto [lt, ln] = majority(doc.last, w[last].lower);
  templ = 300;
  add(dt, dn), add(dt, ft), add(lt, ln), add(lt, dt), add(dt, lb), add(lt, ft);
  auto it = doc.contexts.find(w[last].lower);
  if (it != doc.contexts.end())
    for (uint64_t c : it->second) f.push_back(feat(320, c));
  // Where the span sits in its capitalised run: "Ana Velasco" inside "Ana Velasco Vice
  // President" is followed by a capitalised word the name does not take.
  const bool run_before = b > 0 && part(s.tokens[b - 1]), run_after = e < n && part(s.tokens[e]);
  templ = 340;
  add(run_before, run_after), add(run_before, run_after, lb), add(run_after, low(last), after);
  add(run_before, before, low(b)), add(run_after, after), add(run_before, before);
  add(run_after, lst(e)), add(run_before, lst(b - 1)), add(run_after, capitals(after));
}

int EntityTagger::type_span(const Sentence& s, const std::vector<WordHashes>& w, size_t b, size_t e,
                            const std::vector<uint16_t>& phrases, const Sentence& first,
                            const DocumentTypes& doc, std::vector<uint64_t>& f) const {
  span_features(s, w, b, e, names_, phrases, first, doc, f);
  float scores[16] = {};
  spans_.score(f.data(), f.size(), scores);
  int best = 0;
  for (int c = 1; c < spans_.num_classes(); ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

void EntityTagger::retype(Sentence& s, const std::vector<WordHashes>& w,
                          const std::vector<uint16_t>& phrases, const DocumentTypes& doc) const {
  if (spans_.num_classes() == 0) return;
  std::vector<uint64_t> f;
  Sentence first;  // the first stage's tags (all the features read of it)
  first.tokens.resize(s.tokens.size());
  for (size_t i = 0; i < s.tokens.size(); ++i) first.tokens[i].ner = s.tokens[i].ner;
  auto label = [&](size_t b, size_t e, int cls) {
    for (size_t i = b; i < e; ++i)
      s.tokens[i].ner = cls == 0 ? "O" : (i == b ? "B-" : "I-") + kEntityTypes[cls - 1];
  };
  if (segment_) {
    segment(s, w, phrases, first, doc);
    return;
  }
  for (auto [b, e, cls] : bio_spans(s)) {
    int t = type_span(s, w, b, e, phrases, first, doc, f);
    if (t != cls) label(b, e, t);
  }
  // Candidate runs the first stage left out entirely.
  for (auto [b, e] : name_runs(s)) {
    bool free = true;
    for (size_t i = b; i < e; ++i) free = free && s.tokens[i].ner == "O";
    if (!free) continue;
    int t = type_span(s, w, b, e, phrases, first, doc, f);
    if (t != 0) label(b, e, t);
  }
}

void EntityTagger::segment(Sentence& s, const std::vector<WordHashes>& w,
                           const std::vector<uint16_t>& phrases, const Sentence& first,
                           const DocumentTypes& doc) const {
  std::vector<ScoredSpan> scored;
  std::vector<uint64_t> f;
  float scores[16];
  for (auto [b, e] : candidates(s, first)) {
    span_features(s, w, b, e, names_, phrases, first, doc, f);
    std::fill(std::begin(scores), std::end(scores), 0.0f);
    spans_.score(f.data(), f.size(), scores);
    scored.push_back(best_type(b, e, scores, spans_.num_classes()));
  }
  for (Token& t : s.tokens) t.ner.assign(1, 'O');  // (not = "O": a GCC 12 -Wrestrict false alarm)
  for (const ScoredSpan& c : best_segmentation(scored, s.tokens.size()))
    for (size_t j = c.begin; j < c.end; ++j)
      s.tokens[j].ner = (j == c.begin ? "B-" : "I-") + kEntityTypes[static_cast<size_t>(c.cls - 1)];
}

void EntityTagger::train_spans(const std::vector<const Sentence*>& data,
                               const std::vector<Sentence>& first, const TrainOptions& options,
                               const std::vector<NameList>& fold_names) {
  // Every gold name (with its type) and every candidate run that is not a gold name (none).
  struct Example {
    size_t sentence, begin, end;
    int cls;
  };
  std::vector<Example> examples;
  // Document contexts from the first stage's (jackknifed) tags.
  std::map<std::string, size_t> doc_index;
  std::vector<size_t> doc_of(data.size());
  std::vector<DocumentTypes> docs;
  std::vector<WordHashes> words;
  for (size_t si = 0; si < data.size(); ++si) {
    auto [it, added] = doc_index.emplace(document_id(*data[si]), docs.size());
    if (added) docs.emplace_back();
    doc_of[si] = it->second;
    hash_words(first[si], words);
    count_types(first[si], words, docs[it->second]);
  }
  for (size_t si = 0; si < data.size(); ++si) {
    auto gold = bio_spans(*data[si]);
    for (auto [b, e, c] : gold) examples.push_back({si, b, e, c});
    // Candidates: the runs of proper nouns and the first stage's spans; those that are
    // not gold names are "none".
    for (auto [b, e] : candidates(*data[si], first[si])) {
      bool is_gold = false;
      for (auto [gb, ge, gc] : gold) is_gold = is_gold || (gb == b && ge == e);
      if (!is_gold) examples.push_back({si, b, e, 0});
    }
  }
  PerceptronTrainer trainer(static_cast<int>(kEntityTypes.size()) + 1);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed + 17;
  std::vector<uint16_t> phrases;
  std::vector<uint64_t> f;
  std::vector<float> scores(kEntityTypes.size() + 1);
  for (int it = 0; it < options.iterations; ++it) {
    shuffle_indices(order, rng);
    for (size_t k : order) {
      const Example& x = examples[k];
      const Sentence& s = *data[x.sentence];
      hash_words(s, words);
      lists_.phrases(words, phrases);
      span_features(s, words, x.begin, x.end, fold_names[x.sentence % fold_names.size()], phrases,
                    first[x.sentence], docs[doc_of[x.sentence]], f);
      std::fill(scores.begin(), scores.end(), 0.0f);
      trainer.score(f.data(), f.size(), scores.data());
      int guess = 0;
      for (int c = 1; c < static_cast<int>(scores.size()); ++c)
        if (scores[c] > scores[guess]) guess = c;
      trainer.tick();
      trainer.update(f.data(), f.size(), x.cls, guess);
    }
  }
  if (options.verbose) std::fprintf(stderr, "span typer: %zu examples\n", examples.size());
  spans_ = trainer.finish();
}

}  // namespace quarry::nlp
