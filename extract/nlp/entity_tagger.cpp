#include "extract/nlp/entity_tagger.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

#include "extract/nlp/entity_spans.h"
#include "extract/nlp/gum_entities.h"

namespace quarry::nlp {

namespace {

// A word's most frequent entity class, when it had one at least half of the time.
void build_names(const std::map<std::string, std::map<int, int>>& seen,
                 EntityTagger::NameList& names) {
  for (const auto& [word, counts] : seen) {
    int total = 0, best = 0, best_class = 0;
    for (auto [c, n] : counts) {
      total += n;
      if (c != 0 && n > best) best = n, best_class = c;
    }
    if (best_class != 0 && best * 2 >= total)
      names[hash_str(word)] = static_cast<uint16_t>(best_class);
  }
}

void build_capitals(const std::vector<const Sentence*>& text,
                    std::unordered_map<uint64_t, uint8_t>& caps) {
  std::map<std::string, std::pair<int, int>> counts;  // lowercased -> (capitalised, total)
  for (const Sentence* s : text) {
    for (size_t i = 1; i < s->tokens.size(); ++i) {
      const std::string& form = s->tokens[i].form;
      if (form.empty() ||
          !((form[0] >= 'A' && form[0] <= 'Z') || (form[0] >= 'a' && form[0] <= 'z')))
        continue;
      auto& [upper, total] = counts[lowercase(form)];
      upper += form[0] >= 'A' && form[0] <= 'Z';
      ++total;
    }
  }
  for (const auto& [word, c] : counts)
    if (c.second >= 2)
      caps[hash_str(word)] = static_cast<uint8_t>(1 + (4 * c.first + c.second / 2) / c.second);
}

}  // namespace

uint64_t EntityTagger::capitals(uint64_t lower) const {
  auto it = caps_.find(lower);
  return it == caps_.end() ? 0 : it->second;
}

bool EntityTagger::allowed(int cls, int prev) const {
  const std::string& c = classes_[cls];
  if (c[0] != 'I') return true;
  if (prev < 0) return false;
  const std::string& p = classes_[prev];
  return p != "O" && p.compare(2, std::string::npos, c, 2, std::string::npos) == 0;
}

void EntityTagger::features(const Sentence& s, const std::vector<WordHashes>& w, size_t i, int p1,
                            int p2, const NameList& names, const std::vector<uint16_t>& phrases,
                            std::vector<uint64_t>& f) const {
  f.clear();
  const long n = static_cast<long>(w.size());
  const long k = static_cast<long>(i);
  const uint64_t none = 0x3c6ef372fe94f82bULL;
  auto low = [&](long j) { return j < 0 || j >= n ? none + j : w[j].lower; };
  auto frm = [&](long j) { return j < 0 || j >= n ? none + j : w[j].form; };
  auto tag = [&](long j) { return j < 0 || j >= n ? none + j : hash_str(s.tokens[j].xpos); };
  auto name = [&](long j) -> uint64_t {
    if (j < 0 || j >= n) return none;
    auto it = names.find(w[j].lower);
    return it == names.end() ? none - 1 : it->second;
  };
  const WordHashes& c = w[i];
  const Token& t = s.tokens[i];
  const uint64_t q1 = static_cast<uint64_t>(p1 + 2), q2 = static_cast<uint64_t>(p2 + 2);
  const uint64_t t0 = tag(k), nm = name(k);
  const uint64_t dep = hash_str(t.deprel);
  const long h = t.head - 1;
  uint64_t templ = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t d = 0) {
    f.push_back(feat(++templ, a, b, d));
  };
  add(0), add(c.lower), add(c.form), add(c.shape), add(c.suffix[2]), add(c.prefix[2]);
  add(t0), add(low(k - 1)), add(low(k + 1)), add(frm(k - 1)), add(frm(k + 1));
  add(low(k - 2)), add(low(k + 2)), add(tag(k - 1)), add(tag(k + 1)), add(tag(k - 1), t0);
  add(t0, tag(k + 1)), add(q1), add(q1, q2), add(q1, c.form), add(q1, t0);
  add(nm), add(nm, t0), add(name(k - 1), nm), add(nm, name(k + 1)), add(q1, nm);
  add(dep), add(dep, t0), add(dep, low(h)), add(low(h)), add(c.shape, low(k - 1));
  add(c.lower, low(k + 1)), add(low(k - 1), c.lower), add(i == 0, c.shape);
  add(c.suffix[3]), add(c.prefix[1]), add(tag(k - 1), t0, tag(k + 1));
  auto shp = [&](long j) { return j < 0 || j >= n ? none + j : w[j].shape; };
  auto cap = [&](long j) { return j < 0 || j >= n ? none + j : capitals(w[j].lower); };
  const uint64_t cp = cap(k);
  add(cp, c.shape), add(cp, t0), add(cp, i == 0, c.shape), add(cap(k - 1), cp), add(cp, cap(k + 1));
  add(c.shape, shp(k + 1)), add(shp(k - 1), c.shape), add(shp(k - 1), c.shape, shp(k + 1));
  add(q1, cp, c.shape);
  // The last and first word of the capitalised run holding this word decide the type of a
  // name more than its first word ("Columbia University", "Hudson River").
  if (c.upper_initial) {
    long a = k, b = k;
    while (a > 0 && w[a - 1].upper_initial) --a;
    while (b + 1 < n && w[b + 1].upper_initial) ++b;
    add(low(b), b - k > 2 ? 3 : b - k), add(low(a)), add(low(b), t0), add(low(a - 1), low(b));
  } else {
    add(none);
  }
  if (h >= 0) add(dep, hash_str(s.tokens[h].deprel)), add(dep, tag(h), low(h));
  // Name lists (format 3). Numbered from 100 so they never share a template number with
  // the ones above, whose count varies.
  if (lists_.empty()) return;
  templ = 100;
  auto lst = [&](long j) -> uint64_t { return j < 0 || j >= n ? 99 : lists_.word(w[j].lower); };
  const uint64_t l0 = lst(k), ph = phrases[i];
  add(l0), add(l0, c.shape), add(l0, t0), add(lst(k - 1), l0), add(l0, lst(k + 1)), add(q1, l0);
  add(l0, cp), add(ph), add(ph, c.shape), add(q1, ph), add(ph, l0);
  if (c.upper_initial) {  // a first name opening the capitalised run, a country ending it
    long a = k, b = k;
    while (a > 0 && w[a - 1].upper_initial) --a;
    while (b + 1 < n && w[b + 1].upper_initial) ++b;
    add(lst(a), lst(b)), add(lst(a), low(b)), add(lst(b), low(a - 1));
  }
}

void EntityTagger::tag(Sentence& sentence) const {
  std::vector<WordHashes> words;
  hash_words(sentence, words);
  tag(sentence, words);
}

void EntityTagger::tag(Sentence& sentence, const std::vector<WordHashes>& words) const {
  if (classes_.empty()) return;
  std::vector<uint16_t> phrases;
  lists_.phrases(words, phrases);
  decode(model_, names_, sentence, words, phrases);
  DocumentTypes doc;
  count_types(sentence, words, doc);
  retype(sentence, words, phrases, doc);
}

void EntityTagger::tag_document(const std::vector<Sentence*>& document) const {
  if (classes_.empty()) return;
  std::vector<std::vector<WordHashes>> words(document.size());
  std::vector<std::vector<uint16_t>> phrases(document.size());
  DocumentTypes doc;
  for (size_t i = 0; i < document.size(); ++i) {
    hash_words(*document[i], words[i]);
    lists_.phrases(words[i], phrases[i]);
    decode(model_, names_, *document[i], words[i], phrases[i]);
    count_types(*document[i], words[i], doc);
  }
  for (size_t i = 0; i < document.size(); ++i) retype(*document[i], words[i], phrases[i], doc);
}

void EntityTagger::decode(const Perceptron& m, const NameList& names, Sentence& sentence,
                          const std::vector<WordHashes>& words,
                          const std::vector<uint16_t>& phrases) const {
  std::vector<uint64_t> f;
  std::vector<float> scores(classes_.size());
  int p1 = -1, p2 = -1;
  for (size_t i = 0; i < words.size(); ++i) {
    features(sentence, words, i, p1, p2, names, phrases, f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    m.score(f.data(), f.size(), scores.data());
    int best = 0;
    for (int c = 1; c < static_cast<int>(classes_.size()); ++c)
      if (scores[c] > scores[best] && allowed(c, p1)) best = c;
    sentence.tokens[i].ner = classes_[best];
    p2 = p1;
    p1 = best;
  }
}

Perceptron EntityTagger::fit(const std::vector<const Sentence*>& data,
                             const std::vector<size_t>& subset, const TrainOptions& options,
                             const std::vector<NameList>& fold_names) const {
  std::map<std::string, int> ids;
  for (size_t c = 0; c < classes_.size(); ++c) ids[classes_[c]] = static_cast<int>(c);
  PerceptronTrainer trainer(static_cast<int>(classes_.size()));
  std::vector<size_t> order = subset;
  uint64_t rng = options.seed;
  std::vector<WordHashes> words;
  std::vector<uint64_t> f;
  std::vector<float> scores(classes_.size());
  std::vector<uint16_t> phrases;
  for (int it = 0; it < options.iterations; ++it) {
    shuffle_indices(order, rng);
    for (size_t si : order) {
      const Sentence& s = *data[si];
      hash_words(s, words);
      lists_.phrases(words, phrases);
      int p1 = -1, p2 = -1;
      for (size_t i = 0; i < words.size(); ++i) {
        int truth = ids.count(s.tokens[i].ner) ? ids[s.tokens[i].ner] : 0;
        features(s, words, i, p1, p2, fold_names[si % fold_names.size()], phrases, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f.data(), f.size(), scores.data());
        int guess = 0;
        for (int c = 1; c < static_cast<int>(classes_.size()); ++c)
          if (scores[c] > scores[guess] && allowed(c, p1)) guess = c;
        trainer.tick();
        trainer.update(f.data(), f.size(), truth, guess);
        p2 = p1;
        p1 = guess;
      }
    }
    if (options.verbose) std::fprintf(stderr, "entity iteration %d done\n", it + 1);
  }
  return trainer.finish();
}

EntityTagger EntityTagger::train(const std::vector<const Sentence*>& data,
                                 const TrainOptions& options,
                                 const std::vector<const Sentence*>& text, const NameLists& lists) {
  EntityTagger e;
  e.lists_ = lists;
  build_capitals(text.empty() ? data : text, e.caps_);
  e.classes_.push_back("O");
  for (const std::string& type : kEntityTypes) {
    e.classes_.push_back("B-" + type);
    e.classes_.push_back("I-" + type);
  }
  std::map<std::string, int> ids;
  for (size_t c = 0; c < e.classes_.size(); ++c) ids[e.classes_[c]] = static_cast<int>(c);
  // The name list at run time comes from all the training data; while training, each
  // sentence sees a list built from the other folds only, so the model learns how far to
  // trust the list on names it has not seen (otherwise the list is always right in training
  // and recall on new names suffers).
  constexpr size_t kFolds = 5;
  std::vector<std::map<std::string, std::map<int, int>>> seen(kFolds + 1);
  for (size_t si = 0; si < data.size(); ++si) {
    for (const Token& t : data[si]->tokens) {
      int c = ids.count(t.ner) ? ids[t.ner] : 0;
      std::string low = lowercase(t.form);
      ++seen[kFolds][low][c];
      for (size_t k = 0; k < kFolds; ++k)
        if (si % kFolds != k) ++seen[k][low][c];
    }
  }
  std::vector<NameList> fold_names(kFolds);
  for (size_t k = 0; k <= kFolds; ++k) build_names(seen[k], k == kFolds ? e.names_ : fold_names[k]);
  std::vector<size_t> all(data.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  e.model_ = e.fit(data, all, options, fold_names);
  // The span typer sees the first stage's tags as features, so it trains on tags the first
  // stage gave sentences it was not trained on. Folds by document: the typer also sees how
  // the first stage typed the same name elsewhere in the document, which must not come from
  // a model that learned that name from this document.
  std::vector<size_t> fold(data.size());
  for (size_t si = 0; si < data.size(); ++si) fold[si] = hash_str(document_id(*data[si])) % kFolds;
  std::vector<std::map<std::string, std::map<int, int>>> held(kFolds);
  for (size_t si = 0; si < data.size(); ++si)
    for (const Token& t : data[si]->tokens)
      for (size_t k = 0; k < kFolds; ++k)
        if (fold[si] != k) ++held[k][lowercase(t.form)][ids.count(t.ner) ? ids[t.ner] : 0];
  std::vector<Sentence> first(data.size());
  TrainOptions quiet = options;
  quiet.verbose = false;
  std::vector<WordHashes> words;
  std::vector<uint16_t> phrases;
  for (size_t k = 0; k < kFolds; ++k) {
    std::vector<size_t> rest;
    for (size_t si = 0; si < data.size(); ++si)
      if (fold[si] != k) rest.push_back(si);
    Perceptron m = e.fit(data, rest, quiet, fold_names);
    NameList names;
    build_names(held[k], names);
    for (size_t si = 0; si < data.size(); ++si) {
      if (fold[si] != k) continue;
      first[si] = *data[si];
      hash_words(first[si], words);
      e.lists_.phrases(words, phrases);
      e.decode(m, names, first[si], words, phrases);
    }
    if (options.verbose) std::fprintf(stderr, "entity jackknife fold %zu done\n", k + 1);
  }
  e.segment_ = true;
  e.train_spans(data, first, options, fold_names);
  return e;
}

void EntityTagger::write(ModelWriter& out) const {
  out.strings(classes_);
  std::vector<std::pair<uint64_t, uint16_t>> names(names_.begin(), names_.end());
  std::sort(names.begin(), names.end());
  out.u64(names.size());
  for (auto [h, c] : names) {
    out.u64(h);
    out.u16(c);
  }
  std::vector<std::pair<uint64_t, uint8_t>> caps(caps_.begin(), caps_.end());
  std::sort(caps.begin(), caps.end());
  out.u64(caps.size());
  for (auto [h, c] : caps) {
    out.u64(h);
    out.u8(c);
  }
  lists_.write(out);
  model_.write(out);
  spans_.write(out);
  out.u8(segment_ ? 1 : 0);
}

void EntityTagger::read(ModelReader& in, uint32_t version) {
  classes_ = in.strings();
  uint64_t n = in.u64();
  if (!in.can_hold(n, 10)) return;
  names_.clear();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t h = in.u64();
    uint16_t c = in.u16();
    if (c >= classes_.size()) in.fail();
    names_[h] = c;
  }
  caps_.clear();
  uint64_t m = version >= 2 ? in.u64() : 0;
  if (!in.can_hold(m, 9)) return;
  for (uint64_t i = 0; i < m; ++i) {
    uint64_t h = in.u64();
    caps_[h] = in.u8();
  }
  lists_ = NameLists();
  if (version >= 3) lists_.read(in);
  model_.read(in);
  if (model_.num_classes() != static_cast<int>(classes_.size())) in.fail();
  spans_ = Perceptron();
  if (version >= 4) {
    spans_.read(in);
    if (spans_.num_classes() != static_cast<int>(kEntityTypes.size()) + 1) in.fail();
  }
  segment_ = version >= 6 && in.u8() != 0;
}

}  // namespace quarry::nlp
