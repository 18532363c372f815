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

// The nodes a lone node pattern (labels, property map) matches, by the start-choice rule.
std::vector<storage::NodeId> nodes_matching(const ast::NodePattern& node, Row& row,
                                            ExecContext& ctx);

bool pattern_exists(const ast::PatternPart& part, Row& row, ExecContext& ctx);
// shortestPath(...) as an expression: the path or null; allShortestPaths: a list.
Value shortest_path_value(const ast::PatternPart& part, Row& row, ExecContext& ctx);

}  // namespace quarry::engine
