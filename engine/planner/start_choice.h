// Planner rule: where a pattern search starts when neither end is bound. A `{name: v}`
// equality (or any other property equality) uses GraphSnapshot::find_nodes, which is
// indexed for `name`; otherwise the rarest label by node_count(); otherwise every node.
#pragma once

#include <string>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/exec/context.h"

namespace quarry::engine {

struct StartChoice {
  enum class Kind : uint8_t { kProperty, kLabel, kRelType, kAll } kind = Kind::kAll;
  std::string key;    // kProperty
  Value value;        // kProperty (null value: nothing can match)
  std::string label;  // kLabel
  uint64_t type = 0;  // kRelType: nodes at the `direction` end of relationships of `type`
  storage::Direction direction = storage::Direction::kOut;
  uint64_t estimate = 0;
  std::string describe() const;
};

// `next` is the relationship leaving `node` in the search direction (or null) and
// `outward` its direction seen from `node`: an unconstrained node next to a typed
// relationship starts from that type's relationships rather than from every node.
StartChoice choose_start(const ast::NodePattern& node, Row& row, ExecContext& ctx,
                         const ast::RelPattern* next = nullptr,
                         storage::Direction outward = storage::Direction::kOut);
// Node ids the choice yields, collected before any caller writes to the graph.
std::vector<storage::NodeId> start_candidates(const StartChoice& choice, ExecContext& ctx);

}  // namespace quarry::engine
