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
  enum class Kind : uint8_t { kProperty, kLabel, kAll } kind = Kind::kAll;
  std::string key;    // kProperty
  Value value;        // kProperty (null value: nothing can match)
  std::string label;  // kLabel
  uint64_t estimate = 0;
  std::string describe() const;
};

StartChoice choose_start(const ast::NodePattern& node, Row& row, ExecContext& ctx);
// Node ids the choice yields, collected before any caller writes to the graph.
std::vector<storage::NodeId> start_candidates(const StartChoice& choice, ExecContext& ctx);

}  // namespace quarry::engine
