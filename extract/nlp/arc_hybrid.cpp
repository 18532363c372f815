#include "extract/nlp/arc_hybrid.h"

namespace quarry::nlp {

ArcHybridState::ArcHybridState(int words)
    : n(words),
      stack{0},
      buffer(1),
      head(words + 1, -1),
      label(words + 1, -1),
      left1(words + 1, -1),
      left2(words + 1, -1),
      right1(words + 1, -1),
      right2(words + 1, -1),
      left_count(words + 1, 0),
      right_count(words + 1, 0),
      left_labels(words + 1, 0),
      right_labels(words + 1, 0) {}

bool ArcHybridState::legal(Move m) const {
  switch (m) {
    case kShift: return buffer <= n;
    case kLeft: return buffer <= n && stack.size() >= 2;
    case kRight: return stack.size() >= 3 || (stack.size() == 2 && buffer > n);
  }
  return false;
}

void ArcHybridState::apply(Move m, int l) {
  if (m == kShift) {
    stack.push_back(buffer++);
    return;
  }
  int dep = stack.back();
  stack.pop_back();
  int h = m == kLeft ? buffer : stack.back();
  head[dep] = h;
  label[dep] = l;
  uint64_t bit = uint64_t{1} << (static_cast<unsigned>(l) & 63);
  if (dep < h) {
    // Left dependents arrive nearest-first, so each new one is the leftmost so far.
    left2[h] = left1[h];
    left1[h] = dep;
    ++left_count[h];
    left_labels[h] |= bit;
  } else {
    right2[h] = right1[h];
    right1[h] = dep;
    ++right_count[h];
    right_labels[h] |= bit;
  }
}

int oracle_cost(const ArcHybridState& st, Move m, const std::vector<int>& gold) {
  const int n = st.n;
  const int s0 = st.s(0);
  const int b0 = st.buffer;
  int cost = 0;
  auto in_buffer = [&](int w) { return w >= b0 && w <= n; };
  if (m == kShift) {
    // b0 can no longer take its head from the stack below s0 nor any stack word as child.
    for (std::size_t i = 0; i < st.stack.size(); ++i) {
      int w = st.stack[i];
      if (w != 0 && gold[w] == b0) ++cost;
      if (gold[b0] == w && w != s0) ++cost;
    }
    return cost;
  }
  // LEFT and RIGHT both pop s0: its dependents still in the buffer are lost.
  for (int w = b0; w <= n; ++w)
    if (gold[w] == s0) ++cost;
  if (m == kLeft) {
    if (gold[s0] != b0 && (in_buffer(gold[s0]) || gold[s0] == st.s(1))) ++cost;
  } else {
    if (gold[s0] != st.s(1) && in_buffer(gold[s0])) ++cost;
  }
  return cost;
}

}  // namespace quarry::nlp
