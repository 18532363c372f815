// Planner: turns a bound statement into an operator tree. Pattern-level choices (start
// node, index use, direction of expansion) are made per row by the rules in this folder
// (start_choice.h) because they depend on which variables the row binds.
#pragma once

#include <functional>
#include <optional>

#include "engine/ast/ast.h"
#include "engine/exec/operator.h"

namespace quarry::engine {

// `statement` must outlive the returned tree.
OpPtr plan(const ast::Statement& statement);

// The shape the counting rules below start from: exactly `MATCH <one pattern> RETURN ...`
// with no OPTIONAL, no WHERE on either clause, and no DISTINCT, SKIP, LIMIT or ORDER BY.
// Pointers into `query`; nullopt for any other query.
struct MatchReturn {
  const ast::Clause* match;
  const ast::Projection* projection;
};
std::optional<MatchReturn> plain_match_return(const ast::SingleQuery& query);

// Planner rule (count_rule.cpp): `MATCH (n[:L]) RETURN count(*)` and
// `MATCH ()-[r[:T]]->() RETURN count(r)` read the exact counts kept by storage.
OpPtr plan_count_from_statistics(const ast::SingleQuery& query);

// Planner rule (distinct_ends_rule.cpp): `MATCH (a {...})-->()-->(c) RETURN
// count(DISTINCT c)` by breadth-first frontiers; `fallback` plans the ordinary tree,
// which runs only when the frontiers cannot stay exact.
OpPtr plan_distinct_ends(const ast::SingleQuery& query, const std::function<OpPtr()>& fallback);

// Planner rule (chain_count_rule.cpp): `MATCH (a)-[:P]->(b)-[:Q]->(c) RETURN count(*)`
// as a join on b over the two types' relationship scans, without rows.
OpPtr plan_chain_count(const ast::SingleQuery& query);

}  // namespace quarry::engine
