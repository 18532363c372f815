// Expression evaluation over one row. Aggregate calls are not evaluated here: the binder
// gives them a slot and the aggregation operator stores their result there.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/exec/context.h"

namespace quarry::engine {

Value eval(const ast::Expr& e, Row& row, ExecContext& ctx);
// WHERE semantics: only `true` passes; null and false do not. Non-booleans are errors.
bool eval_predicate(const ast::Expr& e, Row& row, ExecContext& ctx);

// functions.cpp
bool is_aggregate_function(const std::string& lower_name);
bool is_scalar_function(const std::string& lower_name);
const std::vector<std::string>& function_names();
Value call_function(const ast::Expr& e, std::vector<Value>& args, ExecContext& ctx);

// range(from, to[, step]) as bounds, so UNWIND can walk a range without building the list.
struct IntRange {
  int64_t from = 0;
  int64_t to = 0;
  int64_t step = 1;
  struct Cursor {
    int64_t value;
    int64_t to;
    int64_t step;
    bool done;
    void advance();
  };
  Cursor begin() const { return {from, to, step, step > 0 ? from > to : from < to}; }
};
// The bounds of a range() call `e` with evaluated `args` (2 or 3); nullopt when an
// argument is null (range() is then null). Type errors as range() reports them.
std::optional<IntRange> range_arguments(const ast::Expr& e, std::vector<Value>& args);

std::string to_lower(std::string s);

}  // namespace quarry::engine
