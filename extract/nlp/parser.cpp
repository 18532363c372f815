#include "extract/nlp/parser.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

#include "extract/nlp/arc_hybrid.h"

namespace quarry::nlp {
namespace {

// Per-word values the templates combine; index 0 is the root, -1 ("none") maps to kNone.
struct Context {
  std::vector<uint64_t> word, tag, utag;
};
constexpr uint64_t kNone = 0x7b1c4d2e3f5a6b8cULL;

void make_context(const Sentence& s, const std::vector<WordHashes>& w, Context& c) {
  size_t n = s.tokens.size();
  c.word.resize(n + 1);
  c.tag.resize(n + 1);
  c.utag.resize(n + 1);
  c.word[0] = c.tag[0] = c.utag[0] = hash_str("<root>");
  for (size_t i = 0; i < n; ++i) {
    c.word[i + 1] = w[i].lower;
    c.tag[i + 1] = hash_str(s.tokens[i].xpos);
    c.utag[i + 1] = hash_str(s.tokens[i].upos);
  }
}

void features(const ArcHybridState& st, const Context& c, std::vector<uint64_t>& f) {
  f.clear();
  auto W = [&](int i) { return i < 0 ? kNone : c.word[i]; };
  auto T = [&](int i) { return i < 0 ? kNone : c.tag[i]; };
  auto U = [&](int i) { return i < 0 ? kNone : c.utag[i]; };
  auto L = [&](int i) { return i < 0 ? kNone : static_cast<uint64_t>(st.label[i] + 7); };
  auto at = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.b(0), b1 = st.b(1), b2 = st.b(2);
  const int s0l = at(st.left1, s0), s0r = at(st.right1, s0), s0l2 = at(st.left2, s0),
            s0r2 = at(st.right2, s0), s1l = at(st.left1, s1), s1r = at(st.right1, s1),
            b0l = at(st.left1, b0), b0l2 = at(st.left2, b0), s0ll = at(st.left1, s0l),
            s0rr = at(st.right1, s0r), b0ll = at(st.left1, b0l);
  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0),
                 b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
  uint64_t k = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c3 = 0) { f.push_back(feat(++k, a, b, c3)); };
  // Single words.
  add(s0w), add(s0t), add(s0w, s0t), add(s1w), add(s1t), add(s1w, s1t);
  add(b0w), add(b0t), add(b0w, b0t), add(b1w), add(b1t), add(b1w, b1t), add(b2t), add(s2t);
  add(U(s0)), add(U(b0)), add(U(s1)), add(W(b2)), add(W(s2));
  // Pairs.
  add(s0w, s0t, b0w), add(s0w, b0w, b0t), add(s0w, s0t, b0t), add(s0t, b0w, b0t);
  add(s0w, b0w), add(s0t, b0t), add(b0t, b1t), add(s1t, s0t), add(s1w, s0w);
  add(s1t, b0t), add(s1w, b0w), add(s0w, s0t, s1t), add(s1w, s1t, s0t), add(b0w, b1t);
  // Triples of tags.
  add(b0t, b1t, b2t), add(s0t, b0t, b1t), add(s1t, s0t, b0t), add(s2t, s1t, s0t);
  add(s0t, T(s0l), b0t), add(s0t, T(s0r), b0t), add(s0t, b0t, T(b0l));
  add(s1t, T(s1r), s0t), add(s1t, T(s1l), s0t), add(s1t, s0t, T(s0r));
  // Distance between s0 and b0 / s1 and s0 (capped).
  const uint64_t d0 = s0 >= 0 && b0 >= 0 ? std::min(b0 - s0, 6) : 0;
  const uint64_t d1 = s1 >= 0 && s0 >= 0 ? std::min(s0 - s1, 6) : 0;
  add(s0w, d0), add(s0t, d0), add(b0w, d0), add(b0t, d0), add(s0t, b0t, d0);
  add(s1t, s0t, d1), add(s1w, d1), add(s0w, d1);
  // Valency.
  auto lv = [&](int i) {
    return i < 0 ? kNone : static_cast<uint64_t>(std::min(st.left_count[i], 4));
  };
  auto rv = [&](int i) {
    return i < 0 ? kNone : static_cast<uint64_t>(std::min(st.right_count[i], 4));
  };
  add(s0w, lv(s0)), add(s0t, lv(s0)), add(s0w, rv(s0)), add(s0t, rv(s0));
  add(b0w, lv(b0)), add(b0t, lv(b0)), add(s1t, rv(s1)), add(s1w, rv(s1));
  // Children.
  add(W(s0l)), add(T(s0l)), add(L(s0l)), add(W(s0r)), add(T(s0r)), add(L(s0r));
  add(W(b0l)), add(T(b0l)), add(L(b0l)), add(W(s1r)), add(T(s1r)), add(L(s1r));
  add(T(s1l)), add(L(s1l)), add(T(s0l2)), add(L(s0l2)), add(T(s0r2)), add(L(s0r2));
  add(T(b0l2)), add(L(b0l2));
  add(s0t, T(s0l), T(s0l2)), add(s0t, T(s0r), T(s0r2)), add(b0t, T(b0l), T(b0l2));
  add(s0t, L(s0l), L(s0l2)), add(s0t, L(s0r), L(s0r2)), add(b0t, L(b0l), L(b0l2));
  add(T(s0ll), L(s0ll), s0t), add(T(s0rr), L(s0rr), s0t), add(T(b0ll), L(b0ll), b0t);
  add(s0w, L(s0l)), add(s0w, L(s0r)), add(b0w, L(b0l));
  // Label sets.
  auto ls = [&](const std::vector<uint64_t>& v, int i) { return i < 0 ? kNone : v[i] + 3; };
  add(s0w, ls(st.left_labels, s0)), add(s0t, ls(st.left_labels, s0));
  add(s0w, ls(st.right_labels, s0)), add(s0t, ls(st.right_labels, s0));
  add(b0w, ls(st.left_labels, b0)), add(b0t, ls(st.left_labels, b0));
  add(s1t, ls(st.right_labels, s1));
  // Buffer emptiness matters for the root constraint.
  add(b0<0, st.stack.size()> 2 ? 2 : st.stack.size());
}

struct Choice {
  Move move;
  int label;
};

Choice decode(int cls, int num_labels) {
  if (cls == 0) return {kShift, -1};
  if (cls <= num_labels) return {kLeft, cls - 1};
  return {kRight, cls - 1 - num_labels};
}

int best_legal(const ArcHybridState& st, const std::vector<float>& scores, int num_labels) {
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  bool left = st.legal(kLeft), right = st.legal(kRight);
  if (st.legal(kShift)) best = 0, best_score = scores[0];
  for (int l = 0; l < num_labels; ++l) {
    if (left && scores[1 + l] > best_score) best = 1 + l, best_score = scores[1 + l];
    if (right && scores[1 + num_labels + l] > best_score)
      best = 1 + num_labels + l, best_score = scores[1 + num_labels + l];
  }
  return best;
}

}  // namespace

void Parser::parse(Sentence& sentence) const {
  std::vector<WordHashes> words;
  hash_words(sentence, words);
  parse(sentence, words);
}

void Parser::parse(Sentence& sentence, const std::vector<WordHashes>& words) const {
  const int n = static_cast<int>(sentence.tokens.size());
  const int nl = static_cast<int>(labels_.size());
  if (n == 0 || nl == 0) return;
  Context ctx;
  make_context(sentence, words, ctx);
  ArcHybridState st(n);
  std::vector<uint64_t> f;
  std::vector<float> scores(model_.num_classes());
  while (!st.terminal()) {
    features(st, ctx, f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.score(f.data(), f.size(), scores.data());
    Choice c = decode(best_legal(st, scores, nl), nl);
    st.apply(c.move, c.label);
  }
  for (int i = 1; i <= n; ++i) {
    Token& t = sentence.tokens[i - 1];
    t.head = st.head[i];
    t.deprel = t.head == 0 ? "root" : labels_[st.label[i]];
  }
}

Parser Parser::train(const std::vector<const Sentence*>& data, const TrainOptions& options) {
  Parser p;
  std::map<std::string, int> label_ids;
  for (const Sentence* s : data)
    for (const Token& t : s->tokens) label_ids.emplace(t.deprel, 0);
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(p.labels_.size());
    p.labels_.push_back(name);
  }
  const int nl = static_cast<int>(p.labels_.size());
  PerceptronTrainer trainer(1 + 2 * nl);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed;
  std::vector<WordHashes> words;
  std::vector<uint64_t> f;
  std::vector<float> scores(1 + 2 * nl);
  Context ctx;
  for (int it = 0; it < options.iterations; ++it) {
    shuffle_indices(order, rng);
    size_t correct = 0, total = 0;
    for (size_t si : order) {
      const Sentence& s = *data[si];
      const int n = static_cast<int>(s.tokens.size());
      std::vector<int> gold(n + 1, 0), gold_label(n + 1, 0);
      bool valid = true;
      for (int i = 1; i <= n; ++i) {
        gold[i] = s.tokens[i - 1].head;
        gold_label[i] = label_ids[s.tokens[i - 1].deprel];
        if (gold[i] < 0 || gold[i] > n) valid = false;
      }
      if (!valid || n == 0) continue;
      hash_words(s, words);
      make_context(s, words, ctx);
      ArcHybridState st(n);
      while (!st.terminal()) {
        features(st, ctx, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f.data(), f.size(), scores.data());
        int guess = best_legal(st, scores, nl);
        // The best-scoring move among the cheapest; arcs carry s0's gold label.
        int cost[3];
        int min_cost = std::numeric_limits<int>::max();
        for (int m = 0; m < 3; ++m) {
          cost[m] =
              st.legal(Move(m)) ? oracle_cost(st, Move(m), gold) : std::numeric_limits<int>::max();
          min_cost = std::min(min_cost, cost[m]);
        }
        const int s0 = st.s(0);
        int truth = -1;
        float truth_score = -std::numeric_limits<float>::infinity();
        auto consider = [&](int cls) {
          if (truth < 0 || scores[cls] > truth_score) truth = cls, truth_score = scores[cls];
        };
        if (cost[kShift] == min_cost) consider(0);
        if (cost[kLeft] == min_cost) consider(1 + gold_label[s0]);
        if (cost[kRight] == min_cost) consider(1 + nl + gold_label[s0]);
        Choice g = decode(guess, nl);
        bool guess_ok =
            cost[g.move] == min_cost && (g.move == kShift || g.label == gold_label[s0] ||
                                         (g.move == kLeft ? st.buffer : st.s(1)) != gold[s0]);
        trainer.tick();
        if (!guess_ok) trainer.update(f.data(), f.size(), truth, guess);
        correct += guess_ok;
        ++total;
        // Error exploration: from the second iteration on, mostly follow the model.
        rng = mix64(rng + 0x2545f4914f6cdd1dULL);
        bool explore = it > 0 && (rng % 100) < 90;
        Choice next = decode(guess_ok || explore ? guess : truth, nl);
        st.apply(next.move, next.label);
      }
    }
    if (options.verbose)
      std::fprintf(stderr, "parser iteration %d: transition accuracy %.2f%%\n", it + 1,
                   100.0 * static_cast<double>(correct) / static_cast<double>(total));
  }
  p.model_ = trainer.finish();
  return p;
}

void Parser::write(ModelWriter& out) const {
  out.strings(labels_);
  model_.write(out);
}

void Parser::read(ModelReader& in) {
  labels_ = in.strings();
  model_.read(in);
  if (model_.num_classes() != 1 + 2 * static_cast<int>(labels_.size())) in.fail();
}

}  // namespace quarry::nlp
