// Physical operators: each pulls rows from its child on demand (Volcano style), so a
// LIMIT or a cancelled query stops the work below it. Operators are built per run by
// the planner and reference the bound AST, which outlives them.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/exec/context.h"

namespace quarry::engine {

class Operator {
 public:
  Operator(std::string name, std::string detail)
      : name_(std::move(name)), detail_(std::move(detail)) {}
  virtual ~Operator() = default;

  // The next row into `row` (overwritten), or false at the end.
  bool next(ExecContext& ctx, Row& row);
  // Indented operator tree; with `profile`, rows produced and inclusive time.
  void describe(std::string& out, int depth, bool profile) const;
  void add_child(std::unique_ptr<Operator> child) { children_.push_back(std::move(child)); }
  void enable_profiling() {
    profiling = true;
    for (auto& c : children_) c->enable_profiling();
  }

  bool profiling = false;

 protected:
  virtual bool produce(ExecContext& ctx, Row& row) = 0;
  Operator& child(size_t i = 0) { return *children_[i]; }

 private:
  std::string name_;
  std::string detail_;
  std::vector<std::unique_ptr<Operator>> children_;
  uint64_t rows_ = 0;
  std::chrono::nanoseconds elapsed_{0};
};

using OpPtr = std::unique_ptr<Operator>;

// op_basic.cpp
OpPtr make_once();
OpPtr make_filter(OpPtr in, const ast::Expr& predicate);
OpPtr make_unwind(OpPtr in, const ast::Clause& clause);
OpPtr make_skip(OpPtr in, const ast::Expr& count);
OpPtr make_limit(OpPtr in, const ast::Expr& count);
OpPtr make_truncate(OpPtr in, size_t width);
OpPtr make_sort(OpPtr in, const ast::Projection& projection);
OpPtr make_union(std::vector<OpPtr> parts, bool all);
OpPtr make_eager(OpPtr in);
// op_match.cpp
OpPtr make_match(OpPtr in, const ast::Clause& clause);
// op_project.cpp
OpPtr make_project(OpPtr in, const ast::Projection& projection);
OpPtr make_aggregate(OpPtr in, const ast::Projection& projection);
OpPtr make_distinct(OpPtr in, size_t width);
// op_write.cpp
OpPtr make_create(OpPtr in, const ast::Clause& clause);
OpPtr make_merge(OpPtr in, const ast::Clause& clause);
OpPtr make_set(OpPtr in, const ast::Clause& clause);
OpPtr make_delete(OpPtr in, const ast::Clause& clause);
// op_call.cpp
OpPtr make_call(OpPtr in, const ast::Clause& clause);

// A constant expression (SKIP, LIMIT) as a non-negative integer.
int64_t eval_count(const ast::Expr& e, ExecContext& ctx, const char* what);

}  // namespace quarry::engine
