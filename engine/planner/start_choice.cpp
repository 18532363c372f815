#include "engine/planner/start_choice.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"

namespace quarry::engine {

std::string StartChoice::describe() const {
  switch (kind) {
    case Kind::kProperty: return fmt::format("NodeByProperty({} = {})", key, value.to_string());
    case Kind::kLabel: return fmt::format("NodeByLabelScan(:{})", label);
    case Kind::kRelType: return fmt::format("NodeByRelationshipTypeScan({})", type);
    case Kind::kAll: return "AllNodesScan";
  }
  return "";
}

StartChoice choose_start(const ast::NodePattern& node, Row& row, ExecContext& ctx,
                         const ast::RelPattern* next, storage::Direction outward) {
  StartChoice choice;
  if (node.properties && node.properties->kind == ast::ExprKind::kMap) {
    const auto& keys = node.properties->keys;
    // `name` is the indexed key; any other equality still beats a full scan.
    size_t pick = keys.size();
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == "name") pick = i;
    }
    if (pick == keys.size() && !keys.empty() && node.labels.empty()) pick = 0;
    if (pick < keys.size()) {
      choice.kind = StartChoice::Kind::kProperty;
      choice.key = keys[pick];
      choice.value = eval(*node.properties->kids[pick], row, ctx);
      choice.estimate = 1;
      return choice;
    }
  }
  if (!node.labels.empty()) {
    choice.kind = StartChoice::Kind::kLabel;
    choice.estimate = UINT64_MAX;
    for (const auto& l : node.labels) {
      uint64_t n = ctx.graph->node_count(l);
      if (n < choice.estimate) {
        choice.estimate = n;
        choice.label = l;
      }
    }
    return choice;
  }
  choice.estimate = ctx.graph->node_count(std::nullopt);
  if (next && next->types.size() == 1 && !next->variable_length &&
      outward != storage::Direction::kBoth) {
    if (auto id = ctx.type_id(next->types[0])) {
      uint64_t n = ctx.graph->rel_count(*id);
      if (n < choice.estimate) {
        choice.kind = StartChoice::Kind::kRelType;
        choice.type = *id;
        choice.direction = outward;
        choice.estimate = n;
      }
    }
  }
  return choice;
}

std::vector<storage::NodeId> start_candidates(const StartChoice& choice, ExecContext& ctx) {
  std::vector<storage::NodeId> out;
  auto collect = [&](const storage::NodeId& id) {
    ctx.check();
    out.push_back(id);
    return true;
  };
  Status st;
  switch (choice.kind) {
    case StartChoice::Kind::kProperty:
      if (choice.value.is_null()) return out;
      st = ctx.graph->find_nodes(choice.key, choice.value, collect);
      break;
    case StartChoice::Kind::kLabel: st = ctx.graph->scan_nodes(choice.label, collect); break;
    case StartChoice::Kind::kAll: st = ctx.graph->scan_nodes(std::nullopt, collect); break;
    case StartChoice::Kind::kRelType: {
      // Several relationships share an endpoint; each node must start the search once.
      st = ctx.graph->scan_rels(choice.type, [&](const storage::Edge& e) {
        ctx.check();
        out.push_back(choice.direction == storage::Direction::kOut ? e.start : e.end);
        return true;
      });
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      break;
    }
  }
  if (!st.ok()) throw QueryError(st.error());
  return out;
}

}  // namespace quarry::engine
