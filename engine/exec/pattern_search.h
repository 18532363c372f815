// Pattern matching over a GraphSnapshot: the search behind MATCH, MERGE, pattern
// predicates and shortestPath. Relationships are unique within one search (Cypher's
// relationship isomorphism). Variable-length hops are expanded depth-first with the
// used-relationship set pruning cycles; shortest paths use breadth-first search
// (bidirectional for shortestPath) with a visited set.
#pragma once

#include <functional>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/exec/context.h"

namespace quarry::engine {

// Calls emit(row) for every extension of `row` matching all `parts`; stops when emit
// returns false. Slots the parts introduce are reset to null before the search and
// left null after it.
void match_patterns(const std::vector<const ast::PatternPart*>& parts, Row& row, ExecContext& ctx,
                    const std::function<bool(Row&)>& emit);

bool pattern_exists(const ast::PatternPart& part, Row& row, ExecContext& ctx);
// shortestPath(...) as an expression: the path or null; allShortestPaths: a list.
Value shortest_path_value(const ast::PatternPart& part, Row& row, ExecContext& ctx);

}  // namespace quarry::engine
