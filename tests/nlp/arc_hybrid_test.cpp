// The transition system: following zero-cost moves rebuilds every projective gold tree.
#include <catch2/catch.hpp>

#include <filesystem>

#include "extract/nlp/arc_hybrid.h"
#include "extract/nlp/conllu.h"

using namespace quarry::nlp;

namespace {

bool projective(const std::vector<int>& head) {
  const int n = static_cast<int>(head.size()) - 1;
  for (int i = 1; i <= n; ++i)
    for (int j = 1; j <= n; ++j) {
      int a = std::min(i, head[i]), b = std::max(i, head[i]);
      int c = std::min(j, head[j]), d = std::max(j, head[j]);
      if (a < c && c < b && b < d) return false;
    }
  return true;
}

// Follows the first zero-cost legal move; returns the tree built.
std::vector<int> oracle_tree(const std::vector<int>& gold) {
  ArcHybridState st(static_cast<int>(gold.size()) - 1);
  while (!st.terminal()) {
    bool moved = false;
    for (Move m : {kLeft, kRight, kShift}) {
      if (st.legal(m) && oracle_cost(st, m, gold) == 0) {
        st.apply(m, 0);
        moved = true;
        break;
      }
    }
    REQUIRE(moved);
  }
  return st.head;
}

std::vector<int> heads_of(const Sentence& s) {
  std::vector<int> h{-1};
  for (const Token& t : s.tokens) h.push_back(t.head);
  return h;
}

}  // namespace

TEST_CASE("oracle reproduces the tiny treebank") {
  auto doc = read_conllu_file(QUARRY_SOURCE_DIR "/tests/nlp/data/tiny.conllu");
  REQUIRE(doc.ok());
  for (const Sentence& s : doc->sentences) {
    auto gold = heads_of(s);
    auto built = oracle_tree(gold);
    built[0] = -1;
    CHECK(built == gold);
  }
}

TEST_CASE("oracle reproduces every projective tree of EWT dev") {
  const std::string path = QUARRY_SHARED_DIR "/data/ud/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: " << path << " not found");
    return;
  }
  auto doc = read_conllu_file(path);
  REQUIRE(doc.ok());
  size_t checked = 0;
  for (const Sentence& s : doc->sentences) {
    auto gold = heads_of(s);
    int roots = 0;
    for (size_t i = 1; i < gold.size(); ++i) roots += gold[i] == 0;
    if (!projective(gold) || roots != 1) continue;
    auto built = oracle_tree(gold);
    built[0] = -1;
    REQUIRE(built == gold);
    ++checked;
  }
  CHECK(checked > 1800);
}

TEST_CASE("the root takes exactly one dependent, as the last move") {
  ArcHybridState st(2);
  CHECK_FALSE(st.legal(kRight));  // only the root on the stack
  st.apply(kShift, 0);
  CHECK_FALSE(st.legal(kRight));  // the buffer is not empty yet
  CHECK(st.legal(kLeft));
  st.apply(kShift, 0);
  CHECK(st.legal(kRight));  // 2 -> 1
  st.apply(kRight, 3);
  CHECK(st.head[2] == 1);
  CHECK(st.label[2] == 3);
  CHECK(st.right1[1] == 2);
  st.apply(kRight, 0);
  CHECK(st.terminal());
  CHECK(st.head[1] == 0);
}
