// The arc-hybrid transition system (Kuhlmann et al. 2011) with its dynamic oracle
// (Goldberg & Nivre 2013).
//
// Configuration: a stack (bottom: the root, 0), a buffer of word indices 1..n and the arcs
// built so far. Transitions:
//   SHIFT      push the buffer front b0;
//   LEFT(l)    pop s0 and attach it to b0 with label l;
//   RIGHT(l)   pop s0 and attach it to s1 with label l.
// The root takes exactly one dependent: RIGHT onto the root is legal only as the very last
// transition, so every complete derivation is a single-rooted projective tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quarry::nlp {

enum Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

struct ArcHybridState {
  explicit ArcHybridState(int n);

  int n;                   // words 1..n
  std::vector<int> stack;  // word indices, stack[0] = 0 (root)
  int buffer;              // index of b0; n + 1 when empty
  std::vector<int> head;   // per word (0..n): head, -1 while unattached
  std::vector<int> label;  // per word: label id, -1 while unattached
  // Children in attachment order is enough for the features: arc-hybrid attaches left
  // dependents nearest-first and right dependents nearest-first as well.
  std::vector<int> left1, left2, right1, right2;  // leftmost/second, rightmost/second; -1
  std::vector<int> left_count, right_count;
  std::vector<uint64_t> left_labels, right_labels;  // bit sets of child label ids (mod 64)

  bool terminal() const { return buffer > n && stack.size() == 1; }
  bool legal(Move m) const;
  void apply(Move m, int label);
  int s(std::size_t i) const { return stack.size() > i ? stack[stack.size() - 1 - i] : -1; }
  int b(int i) const { return buffer + i <= n ? buffer + i : -1; }
};

// Number of gold arcs that become unreachable by taking `m` in `state` (labels ignored).
// `gold_head` is indexed by word (1..n). Exact for projective gold trees; for
// non-projective ones it still ranks moves sensibly.
int oracle_cost(const ArcHybridState& state, Move m, const std::vector<int>& gold_head);

}  // namespace quarry::nlp
