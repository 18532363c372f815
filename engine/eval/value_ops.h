// Cypher semantics over quarry::Value: three-valued equality and comparison, the global
// sort order, arithmetic and a grouping key. Errors (type mismatch, division by zero)
// throw QueryError with the span given by the caller.
#pragma once

#include <string>

#include "engine/ast/ast.h"
#include "quarry/value.h"

namespace quarry::engine {

// `a = b` under Cypher rules: null when either side is (or contains, for lists) null.
Value cypher_equals(const Value& a, const Value& b);
// `a op b` for <, >, <=, >=, =, <>: null when the values are not comparable.
Value cypher_compare(const Value& a, const Value& b, ast::Op op);
// Total order used by ORDER BY (and min/max): negative, zero or positive.
int order_compare(const Value& a, const Value& b);
// Arithmetic `a op b`; null when either side is null.
Value arithmetic(const Value& a, const Value& b, ast::Op op, SourceSpan span);
// A string equal for values that DISTINCT and grouping treat as the same (1 and 1.0 too).
std::string group_key(const Value& v);
// Appends group_key(v) to `out`.
void append_group_key(const Value& v, std::string& out);
// Name of a value's type for error messages: "Integer", "String", ...
std::string type_name(const Value& v);
bool is_number(const Value& v);
double as_number(const Value& v);

}  // namespace quarry::engine
