#include "engine/planner/planner.h"

namespace quarry::engine {

namespace {

OpPtr plan_projection(OpPtr op, const ast::Projection& p) {
  op = p.aggregates.empty() ? make_project(std::move(op), p) : make_aggregate(std::move(op), p);
  if (p.distinct) op = make_distinct(std::move(op), p.items.size());
  if (!p.order.empty()) op = make_sort(std::move(op), p);
  if (p.skip) op = make_skip(std::move(op), *p.skip);
  if (p.limit) op = make_limit(std::move(op), *p.limit);
  return make_truncate(std::move(op), p.items.size());
}

OpPtr plan_clauses(const ast::SingleQuery& q) {
  OpPtr op = make_once();
  for (const auto& c : q.clauses) {
    switch (c.kind) {
      case ast::ClauseKind::kMatch: op = make_match(std::move(op), c); break;
      case ast::ClauseKind::kUnwind: op = make_unwind(std::move(op), c); break;
      case ast::ClauseKind::kWith:
      case ast::ClauseKind::kReturn:
        op = plan_projection(std::move(op), c.projection);
        if (c.where) op = make_filter(std::move(op), *c.where);
        break;
      case ast::ClauseKind::kCreate: op = make_create(std::move(op), c); break;
      case ast::ClauseKind::kMerge: op = make_merge(std::move(op), c); break;
      case ast::ClauseKind::kSet:
      case ast::ClauseKind::kRemove: op = make_set(std::move(op), c); break;
      case ast::ClauseKind::kDelete: op = make_delete(std::move(op), c); break;
      case ast::ClauseKind::kCall: op = make_call(std::move(op), c); break;
    }
  }
  return op;
}

// Whole-query rules first; each returns null when the query is not its shape.
OpPtr plan_single(const ast::SingleQuery& q) {
  if (auto op = plan_count_from_statistics(q)) return op;
  if (auto op = plan_chain_count(q)) return op;
  if (auto op = plan_distinct_ends(q, [&] { return plan_clauses(q); })) return op;
  return plan_clauses(q);
}

}  // namespace

std::optional<MatchReturn> plain_match_return(const ast::SingleQuery& q) {
  if (q.clauses.size() != 2) return std::nullopt;
  const ast::Clause& m = q.clauses[0];
  const ast::Clause& r = q.clauses[1];
  if (m.kind != ast::ClauseKind::kMatch || m.optional || m.where || m.patterns.size() != 1) {
    return std::nullopt;
  }
  if (r.kind != ast::ClauseKind::kReturn || r.where) return std::nullopt;
  const ast::Projection& p = r.projection;
  if (p.distinct || p.skip || p.limit || !p.order.empty()) return std::nullopt;
  return MatchReturn{&m, &p};
}

OpPtr plan(const ast::Statement& st) {
  if (st.parts.size() == 1) return plan_single(st.parts[0]);
  std::vector<OpPtr> parts;
  for (const auto& q : st.parts) parts.push_back(plan_single(q));
  bool all = true;
  for (bool a : st.union_all) all = all && a;
  return make_union(std::move(parts), all);
}

}  // namespace quarry::engine
