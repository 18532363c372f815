#include "extract/nlp/tagger.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace quarry::nlp {
namespace {

// Previous-tag values: class index + 2, so "before the sentence" (0, 1) never collides.
void features(const std::vector<WordHashes>& w, const std::vector<uint64_t>& amb, uint64_t casing,
              size_t i, uint64_t p1, uint64_t p2, std::vector<uint64_t>& f) {
  f.clear();
  const size_t n = w.size();
  const WordHashes& c = w[i];
  const uint64_t none = 0x51ed270b27371f9dULL;
  auto low = [&](long j) { return j < 0 || j >= static_cast<long>(n) ? none + j : w[j].lower; };
  auto suf3 = [&](long j) {
    return j < 0 || j >= static_cast<long>(n) ? none + j : w[j].suffix[2];
  };
  auto shp = [&](long j) { return j < 0 || j >= static_cast<long>(n) ? none + j : w[j].shape; };
  const long k = static_cast<long>(i);
  f.push_back(feat(1, 0));
  f.push_back(feat(2, c.lower));
  f.push_back(feat(3, c.form));
  f.push_back(feat(4, c.suffix[0]));
  f.push_back(feat(5, c.suffix[1]));
  f.push_back(feat(6, c.suffix[2]));
  f.push_back(feat(7, c.suffix[3]));
  f.push_back(feat(8, c.prefix[0]));
  f.push_back(feat(9, c.prefix[1]));
  f.push_back(feat(10, c.prefix[2]));
  f.push_back(feat(11, c.shape));
  f.push_back(feat(12, low(k - 1)));
  f.push_back(feat(13, low(k + 1)));
  f.push_back(feat(14, low(k - 2)));
  f.push_back(feat(15, low(k + 2)));
  f.push_back(feat(16, p1));
  f.push_back(feat(17, p2));
  f.push_back(feat(18, p1, p2));
  f.push_back(feat(19, p1, c.lower));
  f.push_back(feat(20, suf3(k - 1)));
  f.push_back(feat(21, suf3(k + 1)));
  f.push_back(feat(22, shp(k - 1), c.shape));
  f.push_back(feat(23, c.shape, shp(k + 1)));
  f.push_back(feat(24, low(k - 1), c.lower));
  f.push_back(feat(25, c.lower, low(k + 1)));
  f.push_back(feat(26, i == 0, c.shape));
  f.push_back(feat(27, p1, c.suffix[2]));
  f.push_back(feat(28, low(k + 1), low(k + 2)));
  f.push_back(feat(29, c.has_digit, c.has_hyphen, c.upper_initial));
  f.push_back(feat(30, p1, low(k + 1)));
  // Ambiguity classes look ahead at what the next words can be.
  auto ac = [&](long j) { return j < 0 || j >= static_cast<long>(n) ? none + j : amb[j]; };
  f.push_back(feat(31, ac(k)));
  f.push_back(feat(32, ac(k + 1)));
  f.push_back(feat(33, ac(k + 2)));
  f.push_back(feat(34, ac(k), ac(k + 1)));
  f.push_back(feat(35, p1, ac(k + 1)));
  f.push_back(feat(36, c.lower, ac(k + 1)));
  // How the sentence uses capitals (headline, all lowercase, normal) changes what a
  // capitalised word says about being a proper noun.
  f.push_back(feat(37, casing, c.shape));
  f.push_back(feat(38, casing, c.shape, p1));
  f.push_back(feat(39, casing, ac(k)));
}

uint64_t sentence_casing(const std::vector<WordHashes>& w) {
  size_t upper = 0, alpha = 0;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!w[i].has_letter) continue;
    ++alpha;
    upper += w[i].upper_initial;
  }
  if (alpha == 0) return 4;
  if (upper == 0) return 0;
  return upper * 2 >= alpha ? 2 : 1;
}

constexpr uint64_t kUnknownWord = 0x1d8e4e27c47d124fULL;

int argmax(const std::vector<float>& s) {
  return static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
}

}  // namespace

void Tagger::build_index() {
  xpos_.clear();
  upos_.clear();
  for (const auto& c : classes_) {
    size_t tab = c.find('\t');
    xpos_.push_back(c.substr(0, tab));
    upos_.push_back(tab == std::string::npos ? std::string() : c.substr(tab + 1));
  }
}

void Tagger::tag(Sentence& sentence) const {
  std::vector<WordHashes> words;
  hash_words(sentence, words);
  tag(sentence, words);
}

void Tagger::ambiguity(const std::vector<WordHashes>& words, std::vector<uint64_t>& amb) const {
  amb.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = ambiguity_.find(words[i].lower);
    amb[i] = it == ambiguity_.end() ? kUnknownWord + words[i].shape : it->second;
  }
}

void Tagger::tag(Sentence& sentence, const std::vector<WordHashes>& words) const {
  std::vector<uint64_t> f, amb;
  ambiguity(words, amb);
  const uint64_t casing = sentence_casing(words);
  std::vector<float> scores(classes_.size());
  uint64_t p1 = 1, p2 = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    int best;
    auto it = tagdict_.find(words[i].lower);
    if (it != tagdict_.end()) {
      best = it->second;
    } else {
      features(words, amb, casing, i, p1, p2, f);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model_.score(f.data(), f.size(), scores.data());
      best = argmax(scores);
    }
    sentence.tokens[i].xpos = xpos_[best];
    sentence.tokens[i].upos = upos_[best];
    p2 = p1;
    p1 = static_cast<uint64_t>(best) + 2;
  }
}

Tagger Tagger::train(const std::vector<const Sentence*>& data, const TrainOptions& options) {
  Tagger t;
  std::map<std::string, int> class_ids;
  std::map<std::string, std::map<int, int>> word_counts;
  for (const Sentence* s : data)
    for (const Token& tok : s->tokens) class_ids.emplace(tok.xpos + '\t' + tok.upos, 0);
  for (auto& [name, id] : class_ids) {
    id = static_cast<int>(t.classes_.size());
    t.classes_.push_back(name);
  }
  t.build_index();
  std::vector<std::vector<int>> gold(data.size());
  for (size_t s = 0; s < data.size(); ++s) {
    for (const Token& tok : data[s]->tokens) {
      int c = class_ids[tok.xpos + '\t' + tok.upos];
      gold[s].push_back(c);
      ++word_counts[lowercase(tok.form)][c];
    }
  }
  // Tag dictionary: frequent words whose tag was the same at least 99.5% of the time.
  for (const auto& [word, counts] : word_counts) {
    int total = 0, best = 0, best_class = 0;
    for (auto [c, n] : counts) {
      total += n;
      if (n > best) best = n, best_class = c;
    }
    if (total >= 20 && best >= total * 0.995)
      t.tagdict_[hash_str(word)] = static_cast<uint16_t>(best_class);
    // The set of tags a word had (seen at least 3 times, so that a rare word's class does
    // not simply give its training tag away).
    if (total >= 3) {
      uint64_t h = 0x243f6a8885a308d3ULL;
      for (auto [c, n] : counts)
        if (n * 20 >= total) h = mix64(h + static_cast<uint64_t>(c) + 1);
      t.ambiguity_[hash_str(word)] = h;
    }
  }

  PerceptronTrainer trainer(static_cast<int>(t.classes_.size()));
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed;
  std::vector<WordHashes> words;
  std::vector<uint64_t> f, amb;
  std::vector<float> scores(t.classes_.size());
  for (int it = 0; it < options.iterations; ++it) {
    shuffle_indices(order, rng);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      hash_words(*data[s], words);
      t.ambiguity(words, amb);
      const uint64_t casing = sentence_casing(words);
      uint64_t p1 = 1, p2 = 0;
      for (size_t i = 0; i < words.size(); ++i) {
        features(words, amb, casing, i, p1, p2, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f.data(), f.size(), scores.data());
        int guess = argmax(scores);
        trainer.tick();
        trainer.update(f.data(), f.size(), gold[s][i], guess);
        correct += guess == gold[s][i];
        ++total;
        p2 = p1;
        p1 = static_cast<uint64_t>(guess) + 2;  // predicted history, as at tagging time
      }
    }
    if (options.verbose)
      std::fprintf(stderr, "tagger iteration %d: train accuracy %.2f%%\n", it + 1,
                   100.0 * static_cast<double>(correct) / static_cast<double>(total));
  }
  t.model_ = trainer.finish();
  return t;
}

void Tagger::write(ModelWriter& out) const {
  out.strings(classes_);
  std::vector<std::pair<uint64_t, uint16_t>> dict(tagdict_.begin(), tagdict_.end());
  std::sort(dict.begin(), dict.end());
  out.u64(dict.size());
  for (auto [h, c] : dict) {
    out.u64(h);
    out.u16(c);
  }
  std::vector<std::pair<uint64_t, uint64_t>> amb(ambiguity_.begin(), ambiguity_.end());
  std::sort(amb.begin(), amb.end());
  out.u64(amb.size());
  for (auto [h, a] : amb) {
    out.u64(h);
    out.u64(a);
  }
  model_.write(out);
}

void Tagger::read(ModelReader& in) {
  classes_ = in.strings();
  build_index();
  uint64_t n = in.u64();
  if (!in.can_hold(n, 10)) return;
  tagdict_.clear();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t h = in.u64();
    uint16_t c = in.u16();
    if (c >= classes_.size()) in.fail();
    tagdict_[h] = c;
  }
  n = in.u64();
  if (!in.can_hold(n, 16)) return;
  ambiguity_.clear();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t h = in.u64();
    ambiguity_[h] = in.u64();
  }
  model_.read(in);
  if (model_.num_classes() != static_cast<int>(classes_.size())) in.fail();
}

}  // namespace quarry::nlp
