// Planner rule: counts the store keeps exactly need no scan.
#include "engine/eval/evaluator.h"
#include "engine/planner/planner.h"

namespace quarry::engine {

namespace {

class CountFromStatistics : public Operator {
 public:
  CountFromStatistics(std::optional<std::string> label, std::optional<std::string> type, bool rels)
      : Operator("CountFromStatistics",
                 rels ? (type ? ":" + *type : "relationships") : (label ? ":" + *label : "nodes")),
        label_(std::move(label)),
        type_(std::move(type)),
        rels_(rels) {}
  bool produce(ExecContext& ctx, Row& row) override {
    if (done_) return false;
    done_ = true;
    uint64_t n = 0;
    if (rels_) {
      std::optional<uint64_t> id;
      if (type_) id = ctx.type_id(*type_);
      n = type_ && !id ? 0 : ctx.graph->rel_count(id);
    } else {
      n = ctx.graph->node_count(label_);
    }
    row.assign(1, Value(static_cast<int64_t>(n)));
    return true;
  }

 private:
  std::optional<std::string> label_;
  std::optional<std::string> type_;
  bool rels_;
  bool done_ = false;
};

// `MATCH ()-[r]->() RETURN type(r), count(*)`: one row per type from rel_types().
class CountPerType : public Operator {
 public:
  explicit CountPerType(bool type_first)
      : Operator("CountPerTypeFromStatistics", ""), type_first_(type_first) {}
  bool produce(ExecContext& ctx, Row& row) override {
    if (!loaded_) {
      loaded_ = true;
      types_ = ctx.graph->rel_types();
    }
    while (next_ < types_.size()) {
      const auto& [name, n] = types_[next_++];
      if (n == 0) continue;
      Value t(name), c(static_cast<int64_t>(n));
      row = type_first_ ? Row{t, c} : Row{c, t};
      return true;
    }
    return false;
  }

 private:
  bool type_first_;
  bool loaded_ = false;
  size_t next_ = 0;
  std::vector<std::pair<std::string, uint64_t>> types_;
};

bool is_count_of(const ast::Expr& e, const std::string& var) {
  if (e.kind == ast::ExprKind::kCountStar) return true;
  return e.kind == ast::ExprKind::kFunction && e.name == "count" && !e.distinct &&
         e.kids.size() == 1 && e.kids[0]->kind == ast::ExprKind::kVariable &&
         e.kids[0]->name == var;
}

bool is_type_of(const ast::Expr& e, const std::string& var) {
  return e.kind == ast::ExprKind::kFunction && to_lower(e.name) == "type" && e.kids.size() == 1 &&
         e.kids[0]->kind == ast::ExprKind::kVariable && e.kids[0]->name == var;
}

OpPtr count_per_type(const ast::Clause& m, const ast::Projection& p) {
  if (p.items.size() != 2 || m.patterns[0].rels.size() != 1) return nullptr;
  const auto& part = m.patterns[0];
  const auto& rel = part.rels[0];
  if (rel.var.empty() || !rel.types.empty() || rel.variable_length || rel.properties || rel.bound ||
      rel.direction == storage::Direction::kBoth) {
    return nullptr;
  }
  for (const auto& n : part.nodes) {
    if (!n.labels.empty() ||
        (!n.var.empty() && n.var == part.nodes[0].var && &n != &part.nodes[0])) {
      return nullptr;
    }
  }
  const ast::Expr& a = *p.items[0].expr;
  const ast::Expr& b = *p.items[1].expr;
  if (is_type_of(a, rel.var) && is_count_of(b, rel.var))
    return std::make_unique<CountPerType>(true);
  if (is_count_of(a, rel.var) && is_type_of(b, rel.var))
    return std::make_unique<CountPerType>(false);
  return nullptr;
}

}  // namespace

OpPtr plan_count_from_statistics(const ast::SingleQuery& q) {
  auto shape = plain_match_return(q);
  if (!shape) return nullptr;
  const auto& m = *shape->match;
  const auto& p = *shape->projection;
  if (p.items.size() == 2) return count_per_type(m, p);
  if (p.items.size() != 1) return nullptr;
  const ast::Expr& e = *p.items[0].expr;
  const auto& part = m.patterns[0];
  if (!part.path_var.empty() || part.shortest != ast::Shortest::kNone) return nullptr;
  for (const auto& n : part.nodes) {
    if (n.properties || n.bound) return nullptr;
  }
  bool count_star = e.kind == ast::ExprKind::kCountStar;
  bool count_var = e.kind == ast::ExprKind::kFunction && e.name == "count" && !e.distinct &&
                   e.kids.size() == 1 && e.kids[0]->kind == ast::ExprKind::kVariable;
  if (!count_star && !count_var) return nullptr;
  if (part.rels.empty()) {
    const auto& n = part.nodes[0];
    if (n.labels.size() > 1) return nullptr;
    if (count_var && e.kids[0]->name != n.var) return nullptr;
    std::optional<std::string> label;
    if (!n.labels.empty()) label = n.labels[0];
    return std::make_unique<CountFromStatistics>(label, std::nullopt, false);
  }
  if (part.rels.size() != 1) return nullptr;
  const auto& rel = part.rels[0];
  // Undirected patterns count each relationship twice; leave them to the executor.
  if (rel.variable_length || rel.properties || rel.bound || rel.types.size() > 1 ||
      rel.direction == storage::Direction::kBoth) {
    return nullptr;
  }
  if (!part.nodes[0].labels.empty() || !part.nodes[1].labels.empty()) return nullptr;
  if (part.nodes[0].var == part.nodes[1].var && !part.nodes[0].var.empty()) return nullptr;
  if (count_var && e.kids[0]->name != rel.var) return nullptr;
  std::optional<std::string> type;
  if (!rel.types.empty()) type = rel.types[0];
  return std::make_unique<CountFromStatistics>(std::nullopt, type, true);
}

}  // namespace quarry::engine
