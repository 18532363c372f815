// Binder: resolves every variable to a row slot, checks names (variables, functions,
// procedures) and aggregation placement, and marks which pattern variables were bound
// by earlier clauses. Annotates the AST in place; throws QueryError (kSemanticError)
// with the offending span and, where one is close, the name the user probably meant.
//
// Row layout: each query segment (the clauses between two projections) has its own
// slots. A projection WITH/RETURN of k items evaluates on a combined row: slots 0..k-1
// hold the items, slots k.. the incoming row, then aggregate results and locals.
#pragma once

#include <string>
#include <vector>

#include "engine/ast/ast.h"

namespace quarry::engine {

void bind(ast::Statement& statement);

// The result columns of a bound statement (the last RETURN's aliases), or none.
std::vector<std::string> result_columns(const ast::Statement& statement);

// True when `e` contains an aggregate call (after binding).
bool contains_aggregate(const ast::Expr& e);

}  // namespace quarry::engine
