// Writing clauses: CREATE, MERGE, SET / REMOVE, DELETE. Each drains its input first
// (writes must not feed back into the reads that produced them) and writes through
// the statement's GraphTransaction, which engine.cpp commits once at the end.
#include <fmt/format.h>

#include <deque>
#include <set>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/value_ops.h"
#include "engine/exec/operator.h"
#include "engine/exec/pattern_search.h"

namespace quarry::engine {

namespace {

void check(const Status& st, SourceSpan span) {
  if (!st.ok()) {
    Error e = st.error();
    throw QueryError(Error{e.code(), e.message(), e.span().known() ? e.span() : span, e.hint()});
  }
}

template <typename T>
T check(Result<T> r, SourceSpan span) {
  if (!r.ok()) check(r.status(), span);
  return std::move(r).value();
}

bool storable(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull:
    case ValueKind::kBool:
    case ValueKind::kInt:
    case ValueKind::kFloat:
    case ValueKind::kString: return true;
    case ValueKind::kList:
      for (const auto& e : v.as_list()) {
        if (!storable(e) || e.kind() == ValueKind::kList) return false;
      }
      return true;
    default: return false;
  }
}

void check_storable(const std::string& key, const Value& v, SourceSpan span) {
  if (!storable(v)) {
    fail(ErrorCode::kRuntimeError, fmt::format("property {} cannot hold a {}", key, type_name(v)),
         span, "properties hold booleans, numbers, strings and lists of them");
  }
}

Map property_map(const ast::Expr* e, Row& row, ExecContext& ctx) {
  Map out;
  if (!e) return out;
  Value v = eval(*e, row, ctx);
  if (v.is_null()) return out;
  if (v.kind() != ValueKind::kMap)
    fail(ErrorCode::kRuntimeError, "properties must be a Map", e->span);
  for (const auto& [k, val] : v.as_map()) {
    if (val.is_null()) continue;
    check_storable(k, val, e->span);
    out.emplace_back(k, val);
  }
  return out;
}

// Writes one pattern part: creates the nodes not yet bound and every relationship.
void create_part(const ast::PatternPart& p, Row& row, ExecContext& ctx) {
  std::vector<storage::NodeId> ids;
  for (const auto& n : p.nodes) {
    const Value& cur = slot_get(row, n.slot);
    if (!cur.is_null()) {
      if (cur.kind() != ValueKind::kNode) {
        fail(ErrorCode::kRuntimeError, fmt::format("{} is not a node", n.var), n.span);
      }
      ids.push_back(static_cast<storage::NodeId>(cur.as_node().id));
      continue;
    }
    if (n.bound) {
      fail(ErrorCode::kRuntimeError, fmt::format("cannot create a relationship to null {}", n.var),
           n.span);
    }
    auto id =
        check(ctx.txn->create_node(n.labels, property_map(n.properties.get(), row, ctx)), n.span);
    slot_ref(row, n.slot) = ctx.node_value(id);
    ids.push_back(id);
  }
  Path path;
  for (size_t i = 0; i < p.rels.size(); ++i) {
    const auto& r = p.rels[i];
    storage::NodeId a = ids[i], b = ids[i + 1];
    if (r.direction == storage::Direction::kIn) std::swap(a, b);
    auto id = check(
        ctx.txn->create_rel(a, r.types[0], b, property_map(r.properties.get(), row, ctx)), r.span);
    Relationship rel;
    rel.id = static_cast<int64_t>(id);
    rel.start = static_cast<int64_t>(a);
    rel.end = static_cast<int64_t>(b);
    rel.type = r.types[0];
    slot_ref(row, r.slot) = Value(rel);
    path.relationships.push_back(rel);
  }
  if (p.path_slot >= 0) {
    for (auto id : ids) {
      Node n;
      n.id = static_cast<int64_t>(id);
      path.nodes.push_back(n);
    }
    slot_ref(row, p.path_slot) = Value(std::move(path));
  }
}

void apply_set(const ast::SetItem& item, Row& row, ExecContext& ctx) {
  Value target = eval(*item.target, row, ctx);
  if (target.is_null()) return;
  bool is_node = target.kind() == ValueKind::kNode;
  if (!is_node && target.kind() != ValueKind::kRelationship) {
    fail(ErrorCode::kRuntimeError, fmt::format("cannot set properties of a {}", type_name(target)),
         item.target->span);
  }
  int64_t id = is_node ? target.as_node().id : target.as_relationship().id;
  auto set_prop = [&](const std::string& key, const Value& v) {
    check_storable(key, v, item.span);
    Status st = is_node ? ctx.txn->set_node_property(static_cast<storage::NodeId>(id), key, v)
                        : ctx.txn->set_rel_property(static_cast<storage::RelId>(id), key, v);
    check(st, item.span);
  };
  switch (item.kind) {
    case ast::SetKind::kProperty: set_prop(item.key, eval(*item.value, row, ctx)); return;
    case ast::SetKind::kRemoveProperty: set_prop(item.key, Value()); return;
    case ast::SetKind::kReplace:
    case ast::SetKind::kMerge: {
      Value v = eval(*item.value, row, ctx);
      ctx.materialize(v);
      Map props;
      if (v.kind() == ValueKind::kMap)
        props = v.as_map();
      else if (v.kind() == ValueKind::kNode)
        props = *v.as_node().properties;
      else if (v.kind() == ValueKind::kRelationship)
        props = *v.as_relationship().properties;
      else if (!v.is_null()) {
        fail(ErrorCode::kRuntimeError, fmt::format("cannot set properties from a {}", type_name(v)),
             item.value->span);
      }
      if (item.kind == ast::SetKind::kReplace) {
        Value cur = target;
        ctx.materialize(cur);
        const Map& old = is_node ? *cur.as_node().properties : *cur.as_relationship().properties;
        for (const auto& [k, val] : old) {
          if (!find(props, k)) set_prop(k, Value());
        }
      }
      for (const auto& [k, val] : props) set_prop(k, val);
      return;
    }
    case ast::SetKind::kLabels:
    case ast::SetKind::kRemoveLabels:
      if (!is_node) fail(ErrorCode::kRuntimeError, "only nodes have labels", item.target->span);
      for (const auto& l : item.labels) {
        Status st = item.kind == ast::SetKind::kLabels
                        ? ctx.txn->add_label(static_cast<storage::NodeId>(id), l)
                        : ctx.txn->remove_label(static_cast<storage::NodeId>(id), l);
        check(st, item.span);
      }
      return;
  }
}

// Base: drain the input, apply `write` to every row, then stream the rows.
class Writer : public Operator {
 public:
  using Operator::Operator;
  bool produce(ExecContext& ctx, Row& row) override {
    if (!done_) {
      done_ = true;
      Row r;
      std::deque<Row> in;
      while (child().next(ctx, r)) in.push_back(r);
      for (auto& x : in) {
        ctx.check();
        write(x, ctx);
      }
      finish(ctx);
    }
    if (out_.empty()) return false;
    row = std::move(out_.front());
    out_.pop_front();
    return true;
  }

 protected:
  virtual void write(Row& row, ExecContext& ctx) = 0;
  virtual void finish(ExecContext&) {}
  std::deque<Row> out_;

 private:
  bool done_ = false;
};

class Create : public Writer {
 public:
  explicit Create(const ast::Clause& c) : Writer("Create", ""), c_(c) {}
  void write(Row& row, ExecContext& ctx) override {
    for (const auto& p : c_.patterns) create_part(p, row, ctx);
    out_.push_back(row);
  }

 private:
  const ast::Clause& c_;
};

class Merge : public Writer {
 public:
  explicit Merge(const ast::Clause& c) : Writer("Merge", ""), c_(c) {}
  void write(Row& row, ExecContext& ctx) override {
    std::vector<Row> found;
    match_patterns({&c_.patterns[0]}, row, ctx, [&](Row& r) {
      found.push_back(r);
      return true;
    });
    if (found.empty()) {
      for (const auto& n : c_.patterns[0].nodes) {
        if (n.properties) {
          Value v = eval(*n.properties, row, ctx);
          if (v.kind() == ValueKind::kMap) {
            for (const auto& [k, x] : v.as_map()) {
              if (x.is_null()) {
                fail(ErrorCode::kRuntimeError,
                     fmt::format("cannot merge a node with null property {}", k), n.span);
              }
            }
          }
        }
      }
      create_part(c_.patterns[0], row, ctx);
      for (const auto& item : c_.on_create) apply_set(item, row, ctx);
      out_.push_back(row);
      return;
    }
    for (auto& r : found) {
      for (const auto& item : c_.items) apply_set(item, r, ctx);
      out_.push_back(std::move(r));
    }
  }

 private:
  const ast::Clause& c_;
};

class SetOp : public Writer {
 public:
  explicit SetOp(const ast::Clause& c)
      : Writer(c.kind == ast::ClauseKind::kSet ? "Set" : "Remove", ""), c_(c) {}
  void write(Row& row, ExecContext& ctx) override {
    for (const auto& item : c_.items) apply_set(item, row, ctx);
    out_.push_back(row);
  }

 private:
  const ast::Clause& c_;
};

// Collects every target first and deletes relationships before nodes, so
// `DELETE a, r` works whatever the row order.
class Delete : public Writer {
 public:
  explicit Delete(const ast::Clause& c) : Writer(c.detach ? "DetachDelete" : "Delete", ""), c_(c) {}
  void write(Row& row, ExecContext& ctx) override {
    for (const auto& e : c_.exprs) collect(eval(*e, row, ctx), *e);
    out_.push_back(row);
  }
  void finish(ExecContext& ctx) override {
    for (auto id : rels_) check(ctx.txn->delete_rel(id), c_.span);
    for (auto& [id, span] : nodes_) check(ctx.txn->delete_node(id, c_.detach), span);
  }

 private:
  void collect(const Value& v, const ast::Expr& e) {
    switch (v.kind()) {
      case ValueKind::kNull: return;
      case ValueKind::kNode: {
        auto id = static_cast<storage::NodeId>(v.as_node().id);
        if (seen_nodes_.insert(id).second) nodes_.emplace_back(id, e.span);
        return;
      }
      case ValueKind::kRelationship: {
        auto id = static_cast<storage::RelId>(v.as_relationship().id);
        if (seen_rels_.insert(id).second) rels_.push_back(id);
        return;
      }
      case ValueKind::kPath:
        for (const auto& r : v.as_path().relationships) collect(Value(r), e);
        for (const auto& n : v.as_path().nodes) collect(Value(n), e);
        return;
      case ValueKind::kList:
        for (const auto& x : v.as_list()) collect(x, e);
        return;
      default:
        fail(ErrorCode::kRuntimeError, fmt::format("cannot delete a {}", type_name(v)), e.span);
    }
  }

  const ast::Clause& c_;
  std::set<storage::NodeId> seen_nodes_;
  std::set<storage::RelId> seen_rels_;
  std::vector<std::pair<storage::NodeId, SourceSpan>> nodes_;
  std::vector<storage::RelId> rels_;
};

template <typename T>
OpPtr wrap(OpPtr in, const ast::Clause& c) {
  auto op = std::make_unique<T>(c);
  op->add_child(std::move(in));
  return op;
}

}  // namespace

OpPtr make_create(OpPtr in, const ast::Clause& c) { return wrap<Create>(std::move(in), c); }
OpPtr make_merge(OpPtr in, const ast::Clause& c) { return wrap<Merge>(std::move(in), c); }
OpPtr make_set(OpPtr in, const ast::Clause& c) { return wrap<SetOp>(std::move(in), c); }
OpPtr make_delete(OpPtr in, const ast::Clause& c) { return wrap<Delete>(std::move(in), c); }

}  // namespace quarry::engine
