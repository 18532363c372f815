#include "engine/ast/ast.h"

#include <algorithm>
#include <utility>

namespace quarry::engine::ast {

Expr::~Expr() {
  std::vector<ExprPtr> pending;
  for (auto& kid : kids) {
    if (kid) pending.push_back(std::move(kid));
  }
  while (!pending.empty()) {
    ExprPtr e = std::move(pending.back());
    pending.pop_back();
    for (auto& kid : e->kids) {
      if (kid) pending.push_back(std::move(kid));
    }
  }  // each e is freed here with no kids left to recurse into
}

uint32_t measure_height(Expr& root) {
  if (root.height != 0) return root.height;
  // Post-order with an explicit stack: a node is finished when all its kids are.
  std::vector<std::pair<Expr*, bool>> stack{{&root, false}};
  while (!stack.empty()) {
    auto [e, kids_done] = stack.back();
    stack.pop_back();
    if (kids_done) {
      uint32_t tallest = 0;
      for (const auto& kid : e->kids) {
        if (kid) tallest = std::max(tallest, kid->height);
      }
      e->height = tallest + 1;
      continue;
    }
    stack.push_back({e, true});
    for (auto& kid : e->kids) {
      if (kid && kid->height == 0) stack.push_back({kid.get(), false});
    }
  }
  return root.height;
}

}  // namespace quarry::engine::ast
