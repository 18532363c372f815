// Expression evaluation over one row. Aggregate calls are not evaluated here: the binder
// gives them a slot and the aggregation operator stores their result there.
#pragma once

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

std::string to_lower(std::string s);

}  // namespace quarry::engine
