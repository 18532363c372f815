#include "extract/nlp/tagger.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

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

// The second pass's extra features: the first pass's tags here and to the right.
void right_features(const std::vector<WordHashes>& w, const std::vector<uint64_t>& right, size_t i,
                    uint64_t p1, std::vector<uint64_t>& f) {
  const uint64_t none = 0x3c6ef372fe94f82bULL;
  const long n = static_cast<long>(right.size());
  auto q = [&](long j) { return j < 0 || j >= n ? none + j : right[j]; };
  const long k = static_cast<long>(i);
  f.push_back(feat(40, q(k)));
  f.push_back(feat(41, q(k + 1)));
  f.push_back(feat(42, q(k + 2)));
  f.push_back(feat(43, q(k + 1), q(k + 2)));
  f.push_back(feat(44, p1, q(k + 1)));
  f.push_back(feat(45, q(k), q(k + 1)));
  f.push_back(feat(46, w[i].lower, q(k + 1)));
  f.push_back(feat(47, p1, q(k), q(k + 1)));
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

// Margins of dictionary words (never rescored).
constexpr float kSettledMargin = 1e30f;

// The second pass rescores only words whose first-pass margin (best score minus the
// runner-up's) is below this: about 11% of the scored words of EWT and GUM dev, with the
// same accuracy as rescoring all of them (measured in docs/nlp.md), so it costs little time.
constexpr float kRescoreMargin = 20.0f;

constexpr uint64_t kUnknownWord = 0x1d8e4e27c47d124fULL;

int argmax(const std::vector<float>& s) {
  return static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
}

}  // namespace

void Tagger::build_index() {
  xpos_.clear();
  upos_.clear();
  class_hashes_.clear();
  for (const auto& c : classes_) {
    size_t tab = c.find('\t');
    xpos_.push_back(c.substr(0, tab));
    upos_.push_back(tab == std::string::npos ? std::string() : c.substr(tab + 1));
    class_hashes_.push_back(hash_str(c));
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

void Tagger::run_pass(const Perceptron& model, const std::vector<WordHashes>& words,
                      const std::vector<uint64_t>& amb, const std::vector<uint64_t>* right,
                      std::vector<float>& margins, std::vector<int>& out) const {
  std::vector<uint64_t> f;
  const uint64_t casing = sentence_casing(words);
  std::vector<float> scores(classes_.size());
  out.resize(words.size());
  margins.resize(words.size(), kSettledMargin);
  uint64_t p1 = 1, p2 = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    int best = out[i];
    // The second pass keeps settled words (dictionary words included) without a lookup.
    auto it = right ? tagdict_.end() : tagdict_.find(words[i].lower);
    if (it != tagdict_.end()) {
      best = it->second;
      margins[i] = kSettledMargin;
    } else if (!right || margins[i] < kRescoreMargin) {
      features(words, amb, casing, i, p1, p2, f);
      if (right) right_features(words, *right, i, p1, f);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model.score(f.data(), f.size(), scores.data());
      best = argmax(scores);
      if (!right) {
        float runner_up = -kSettledMargin;
        for (size_t c = 0; c < scores.size(); ++c)
          if (static_cast<int>(c) != best) runner_up = std::max(runner_up, scores[c]);
        margins[i] = scores[best] - runner_up;
      }
    }
    out[i] = best;
    p2 = p1;
    p1 = static_cast<uint64_t>(best) + 2;
  }
}

void Tagger::run_first_pass(const std::vector<WordHashes>& words, const std::vector<uint64_t>& amb,
                            std::vector<float>& margins, std::vector<int>& out) const {
  if (!first_right_to_left_) return run_pass(model_, words, amb, nullptr, margins, out);
  std::vector<WordHashes> backwards(words.rbegin(), words.rend());
  std::vector<uint64_t> amb_backwards(amb.rbegin(), amb.rend());
  run_pass(model_, backwards, amb_backwards, nullptr, margins, out);
  std::reverse(out.begin(), out.end());
  std::reverse(margins.begin(), margins.end());
}

void Tagger::tag(Sentence& sentence, const std::vector<WordHashes>& words) const {
  std::vector<uint64_t> amb;
  ambiguity(words, amb);
  std::vector<int> classes;
  std::vector<float> margins;
  run_first_pass(words, amb, margins, classes);
  if (has_second_pass()) {
    std::vector<uint64_t> right(classes.size());
    for (size_t i = 0; i < classes.size(); ++i) right[i] = class_hashes_[classes[i]];
    run_pass(second_, words, amb, &right, margins, classes);
  }
  for (size_t i = 0; i < classes.size(); ++i) {
    sentence.tokens[i].xpos = xpos_[classes[i]];
    sentence.tokens[i].upos = upos_[classes[i]];
  }
}

void Tagger::prune(float min_weight) {
  model_ = model_.pruned(min_weight);
  if (has_second_pass()) second_ = second_.pruned(min_weight);
}

Tagger Tagger::train(const std::vector<const Sentence*>& data, const TrainOptions& options,
                     bool right_to_left) {
  Tagger t;
  t.first_right_to_left_ = right_to_left;
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

  t.model_ = t.fit(data, gold, nullptr, options, right_to_left);
  return t;
}

Perceptron Tagger::fit(const std::vector<const Sentence*>& data,
                       const std::vector<std::vector<int>>& gold,
                       const std::vector<std::vector<uint64_t>>* right, const TrainOptions& options,
                       bool right_to_left) const {
  PerceptronTrainer trainer(static_cast<int>(classes_.size()));
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed;
  std::vector<WordHashes> words;
  std::vector<uint64_t> f, amb;
  std::vector<float> scores(classes_.size());
  for (int it = 0; it < options.iterations; ++it) {
    shuffle_indices(order, rng);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      hash_words(*data[s], words);
      if (right_to_left) std::reverse(words.begin(), words.end());
      ambiguity(words, amb);
      const uint64_t casing = sentence_casing(words);
      uint64_t p1 = 1, p2 = 0;
      for (size_t i = 0; i < words.size(); ++i) {
        const int truth = gold[s][right_to_left ? words.size() - 1 - i : i];
        features(words, amb, casing, i, p1, p2, f);
        if (right) right_features(words, (*right)[s], i, p1, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f.data(), f.size(), scores.data());
        int guess = argmax(scores);
        trainer.tick();
        trainer.update(f.data(), f.size(), truth, guess);
        correct += guess == truth;
        ++total;
        p2 = p1;
        p1 = static_cast<uint64_t>(guess) + 2;  // predicted history, as at tagging time
      }
    }
    if (options.verbose)
      std::fprintf(stderr, "tagger %s iteration %d: train accuracy %.2f%%\n",
                   right ? "second pass" : "first pass", it + 1,
                   100.0 * static_cast<double>(correct) / static_cast<double>(total));
  }
  return trainer.finish();
}

void Tagger::train_second_pass(const std::vector<const Sentence*>& gold,
                               const std::vector<const Sentence*>& first_pass,
                               const TrainOptions& options) {
  std::unordered_map<std::string, int> class_ids;
  for (size_t c = 0; c < classes_.size(); ++c) class_ids.emplace(classes_[c], static_cast<int>(c));
  std::vector<std::vector<int>> gold_ids(gold.size());
  std::vector<std::vector<uint64_t>> right(gold.size());
  for (size_t s = 0; s < gold.size(); ++s) {
    for (size_t i = 0; i < gold[s]->tokens.size(); ++i) {
      const Token& g = gold[s]->tokens[i];
      const Token& p = first_pass[s]->tokens[i];
      auto id = class_ids.find(g.xpos + '\t' + g.upos);
      gold_ids[s].push_back(id == class_ids.end() ? 0 : id->second);
      right[s].push_back(hash_str(p.xpos + '\t' + p.upos));
    }
  }
  second_ = fit(gold, gold_ids, &right, options, false);
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
  out.u8((has_second_pass() ? 1 : 0) | (first_right_to_left_ ? 2 : 0));
  if (has_second_pass()) second_.write(out);
}

void Tagger::read(ModelReader& in, uint32_t version) {
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
  second_ = Perceptron();
  const uint8_t flags = version >= 5 ? in.u8() : 0;
  first_right_to_left_ = (flags & 2) != 0;
  if (flags & 1) {
    second_.read(in);
    if (second_.num_classes() != static_cast<int>(classes_.size())) in.fail();
  }
}

}  // namespace quarry::nlp
