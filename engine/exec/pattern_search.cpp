#include "engine/exec/pattern_search.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/value_ops.h"
#include "engine/planner/start_choice.h"

namespace quarry::engine {

using storage::Direction;
using storage::Edge;
using storage::NodeId;

namespace {

Direction reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
}

NodeId other_end(const Edge& e, NodeId from) { return e.start == from ? e.end : e.start; }

bool props_match(const Map& actual, const ast::Expr* expected, Row& row, ExecContext& ctx) {
  if (!expected) return true;
  Value want = eval(*expected, row, ctx);
  if (want.is_null()) return true;
  if (want.kind() != ValueKind::kMap) {
    fail(ErrorCode::kRuntimeError, "a pattern's properties must be a Map", expected->span);
  }
  for (const auto& [k, v] : want.as_map()) {
    const Value* have = find(actual, k);
    if (!have) return false;
    Value eq = cypher_equals(*have, v);
    if (eq.is_null() || !eq.as_bool()) return false;
  }
  return true;
}

class Matcher {
 public:
  Matcher(const std::vector<const ast::PatternPart*>& parts, Row& row, ExecContext& ctx,
          const std::function<bool(Row&)>& emit)
      : parts_(parts), row_(row), ctx_(ctx), emit_(emit) {}

  void run() {
    for (const auto* p : parts_) clear_slots(*p);
    std::vector<size_t> remaining;
    for (size_t i = 0; i < parts_.size(); ++i) remaining.push_back(i);
    solve(remaining);
    for (const auto* p : parts_) clear_slots(*p);
  }

 private:
  void clear_slots(const ast::PatternPart& p) {
    for (const auto& n : p.nodes) {
      if (!n.bound) slot_ref(row_, n.slot) = Value();
    }
    for (const auto& r : p.rels) {
      if (!r.bound) slot_ref(row_, r.slot) = Value();
    }
    if (p.path_slot >= 0) slot_ref(row_, p.path_slot) = Value();
  }

  bool assigned(const ast::NodePattern& n) { return !slot_get(row_, n.slot).is_null(); }

  // Picks the part to search next: one with an end already bound, else the first.
  // Returns false when emit asked to stop.
  bool solve(std::vector<size_t>& remaining) {
    if (remaining.empty()) return emit_(row_);
    size_t pick = 0;
    for (size_t i = 0; i < remaining.size(); ++i) {
      const auto* p = parts_[remaining[i]];
      if (assigned(p->nodes.front()) || assigned(p->nodes.back())) {
        pick = i;
        break;
      }
    }
    size_t idx = remaining[pick];
    remaining.erase(remaining.begin() + static_cast<long>(pick));
    bool go_on = start_part(*parts_[idx], remaining);
    remaining.insert(remaining.begin() + static_cast<long>(pick), idx);
    return go_on;
  }

  bool start_part(const ast::PatternPart& p, std::vector<size_t>& remaining) {
    if (p.shortest != ast::Shortest::kNone) return shortest_part(p, remaining, 0);
    const auto& first = p.nodes.front();
    const auto& last = p.nodes.back();
    int from = 0, dir = 1;
    if (!assigned(first)) {
      if (assigned(last)) {
        from = static_cast<int>(p.nodes.size()) - 1;
        dir = -1;
      } else if (first.bound) {
        return true;  // bound to null by an OPTIONAL MATCH: nothing matches
      } else if (p.nodes.size() > 1 && !last.bound) {
        // Start from the more selective end.
        auto a = choose_start(first, row_, ctx_);
        auto b = choose_start(last, row_, ctx_);
        if (b.estimate < a.estimate) {
          from = static_cast<int>(p.nodes.size()) - 1;
          dir = -1;
        }
      }
    }
    const auto& start = p.nodes[static_cast<size_t>(from)];
    Trail trail;
    if (assigned(start)) {
      NodeId id = static_cast<NodeId>(slot_get(row_, start.slot).as_node().id);
      if (!node_matches(start, id)) return true;
      trail.nodes.push_back(id);
      return step(p, from, dir, trail, remaining);
    }
    if (start.bound) return true;
    const ast::RelPattern* next = nullptr;
    storage::Direction outward = storage::Direction::kBoth;
    if (!p.rels.empty()) {
      next = &p.rels[static_cast<size_t>(dir > 0 ? from : from - 1)];
      outward = dir > 0 ? next->direction : reverse(next->direction);
    }
    auto choice = choose_start(start, row_, ctx_, next, outward);
    for (NodeId id : start_candidates(choice, ctx_)) {
      ctx_.check();
      if (!node_matches(start, id)) continue;
      slot_ref(row_, start.slot) = ctx_.node_value(id);
      trail.nodes.assign(1, id);
      bool go_on = step(p, from, dir, trail, remaining);
      slot_ref(row_, start.slot) = Value();
      if (!go_on) return false;
    }
    return true;
  }

  // The nodes and relationships walked so far in one part, in walking order.
  struct Trail {
    std::vector<NodeId> nodes;
    std::vector<Edge> edges;
  };

  bool node_matches(const ast::NodePattern& n, NodeId id) {
    if (n.labels.empty() && !n.properties) return true;
    auto rec = ctx_.graph->node(id);
    if (!rec) return false;
    for (const auto& l : n.labels) {
      if (std::find(rec->labels.begin(), rec->labels.end(), l) == rec->labels.end()) return false;
    }
    return props_match(rec->properties, n.properties.get(), row_, ctx_);
  }

  bool rel_matches(const ast::RelPattern& r, const Edge& e) {
    if (std::find(used_.begin(), used_.end(), e.rel) != used_.end()) return false;
    if (!r.properties) return true;
    return props_match(ctx_.graph->rel_properties(e), r.properties.get(), row_, ctx_);
  }

  // Types the pattern allows, resolved to ids; `none` when a listed type does not exist
  // at all, so nothing can match.
  struct TypeFilter {
    std::optional<uint64_t> single;
    std::vector<uint64_t> any_of;
    bool none = false;
  };
  TypeFilter type_filter(const ast::RelPattern& r) {
    TypeFilter f;
    if (r.types.empty()) return f;
    for (const auto& t : r.types) {
      if (auto id = ctx_.type_id(t)) f.any_of.push_back(*id);
    }
    if (f.any_of.empty()) f.none = true;
    if (f.any_of.size() == 1) f.single = f.any_of[0];
    return f;
  }

  std::vector<Edge> edges_from(NodeId node, Direction d, const TypeFilter& f) {
    std::vector<Edge> out;
    if (f.none) return out;
    auto& last = ctx_.last_expansion;
    if (!ctx_.txn && last && last->node == node && last->dir == d && last->single == f.single &&
        last->any_of == f.any_of) {
      return last->edges;
    }
    Status st = ctx_.graph->expand(node, d, f.single, [&](const Edge& e) {
      ctx_.check();
      if (!f.single && !f.any_of.empty() &&
          std::find(f.any_of.begin(), f.any_of.end(), e.type) == f.any_of.end()) {
        return true;
      }
      // A self-loop shows up once per direction; an undirected match counts it once.
      if (d == Direction::kBoth && e.start == e.end) {
        for (const auto& seen : out) {
          if (seen.rel == e.rel) return true;
        }
      }
      out.push_back(e);
      return true;
    });
    if (!st.ok()) throw QueryError(st.error());
    if (!ctx_.txn && out.size() >= kRememberEdges) {
      last = ExecContext::Expansion{node, d, f.single, f.any_of, out};
    }
    return out;
  }
  // Smaller expansions are cheap to repeat; MATCH re-searches only past 256 rows.
  static constexpr size_t kRememberEdges = 128;

  // Binds node `n` to `id` unless already bound; false when it cannot be `id`.
  bool enter_node(const ast::NodePattern& n, NodeId id, bool& fresh) {
    fresh = false;
    // A reference: read before the slot is written below (a copy cost a Value per edge).
    const Value& cur = slot_get(row_, n.slot);
    if (!cur.is_null())
      return cur.kind() == ValueKind::kNode && static_cast<NodeId>(cur.as_node().id) == id;
    if (n.bound) return false;
    if (!node_matches(n, id)) return false;
    slot_ref(row_, n.slot) = ctx_.node_value(id);
    fresh = true;
    return true;
  }

  bool step(const ast::PatternPart& p, int at, int dir, Trail& trail,
            std::vector<size_t>& remaining) {
    int next = at + dir;
    if (next < 0 || next >= static_cast<int>(p.nodes.size()))
      return finish(p, dir, trail, remaining);
    const auto& rel = p.rels[static_cast<size_t>(dir > 0 ? at : next)];
    const auto& target = p.nodes[static_cast<size_t>(next)];
    Direction d = dir > 0 ? rel.direction : reverse(rel.direction);
    TypeFilter f = type_filter(rel);
    NodeId cur = trail.nodes.back();
    if (rel.variable_length) {
      int64_t max = rel.max_hops < 0 ? ctx_.default_max_hops : rel.max_hops;
      size_t mark = trail.edges.size();
      return var_length(p, rel, target, next, dir, d, f, cur, 0, max, mark, trail, remaining);
    }
    const Value bound_rel = slot_get(row_, rel.slot);
    for (const Edge& e : edges_from(cur, d, f)) {
      if (!bound_rel.is_null() &&
          (bound_rel.kind() != ValueKind::kRelationship ||
           static_cast<storage::RelId>(bound_rel.as_relationship().id) != e.rel)) {
        continue;
      }
      if (!rel_matches(rel, e)) continue;
      NodeId other = other_end(e, cur);
      bool fresh = false;
      if (!enter_node(target, other, fresh)) continue;
      // Anonymous relationships need no value: uniqueness is tracked in used_.
      bool rel_fresh = bound_rel.is_null() && !rel.var.empty();
      if (rel_fresh) slot_ref(row_, rel.slot) = ctx_.rel_value(e);
      used_.push_back(e.rel);
      trail.nodes.push_back(other);
      trail.edges.push_back(e);
      bool go_on = step(p, next, dir, trail, remaining);
      trail.nodes.pop_back();
      trail.edges.pop_back();
      used_.pop_back();
      if (rel_fresh) slot_ref(row_, rel.slot) = Value();
      if (fresh) slot_ref(row_, target.slot) = Value();
      if (!go_on) return false;
    }
    return true;
  }

  bool var_length(const ast::PatternPart& p, const ast::RelPattern& rel,
                  const ast::NodePattern& target, int next, int dir, Direction d,
                  const TypeFilter& f, NodeId cur, int64_t depth, int64_t max, size_t mark,
                  Trail& trail, std::vector<size_t>& remaining) {
    ctx_.check();
    if (depth >= rel.min_hops) {
      bool fresh = false;
      if (enter_node(target, cur, fresh)) {
        if (!rel.var.empty()) {
          List rels;
          for (size_t i = mark; i < trail.edges.size(); ++i) {
            rels.push_back(ctx_.rel_value(trail.edges[i]));
          }
          if (dir < 0) std::reverse(rels.begin(), rels.end());
          slot_ref(row_, rel.slot) = Value(std::move(rels));
        }
        bool go_on = step(p, next, dir, trail, remaining);
        slot_ref(row_, rel.slot) = Value();
        if (fresh) slot_ref(row_, target.slot) = Value();
        if (!go_on) return false;
      }
    }
    if (depth >= max) return true;
    for (const Edge& e : edges_from(cur, d, f)) {
      if (!rel_matches(rel, e)) continue;
      NodeId other = other_end(e, cur);
      used_.push_back(e.rel);
      trail.nodes.push_back(other);
      trail.edges.push_back(e);
      bool go_on = var_length(p, rel, target, next, dir, d, f, other, depth + 1, max, mark, trail,
                              remaining);
      trail.nodes.pop_back();
      trail.edges.pop_back();
      used_.pop_back();
      if (!go_on) return false;
    }
    return true;
  }

  Value path_value(const Trail& trail, bool backwards) {
    Path path;
    for (NodeId n : trail.nodes) {
      Node node;
      node.id = static_cast<int64_t>(n);
      path.nodes.push_back(std::move(node));
    }
    for (const Edge& e : trail.edges)
      path.relationships.push_back(ctx_.rel_value(e).as_relationship());
    if (backwards) {
      std::reverse(path.nodes.begin(), path.nodes.end());
      std::reverse(path.relationships.begin(), path.relationships.end());
    }
    return Value(std::move(path));
  }

  bool finish(const ast::PatternPart& p, int dir, Trail& trail, std::vector<size_t>& remaining) {
    if (p.path_slot >= 0) slot_ref(row_, p.path_slot) = path_value(trail, dir < 0);
    bool go_on = solve(remaining);
    if (p.path_slot >= 0) slot_ref(row_, p.path_slot) = Value();
    return go_on;
  }

  // shortestPath: bind both ends (scanning when needed), then search between them.
  bool shortest_part(const ast::PatternPart& p, std::vector<size_t>& remaining, size_t end) {
    if (end < 2) {
      const auto& n = end == 0 ? p.nodes.front() : p.nodes.back();
      if (assigned(n)) {
        NodeId id = static_cast<NodeId>(slot_get(row_, n.slot).as_node().id);
        if (!node_matches(n, id)) return true;
        return shortest_part(p, remaining, end + 1);
      }
      if (n.bound) return true;
      for (NodeId id : start_candidates(choose_start(n, row_, ctx_), ctx_)) {
        if (!node_matches(n, id)) continue;
        slot_ref(row_, n.slot) = ctx_.node_value(id);
        bool go_on = shortest_part(p, remaining, end + 1);
        slot_ref(row_, n.slot) = Value();
        if (!go_on) return false;
      }
      return true;
    }
    NodeId a = static_cast<NodeId>(slot_get(row_, p.nodes.front().slot).as_node().id);
    NodeId b = static_cast<NodeId>(slot_get(row_, p.nodes.back().slot).as_node().id);
    const auto& rel = p.rels[0];
    std::vector<std::vector<Edge>> paths =
        p.shortest == ast::Shortest::kOne ? bidirectional(a, b, rel) : all_shortest(a, b, rel);
    for (const auto& edges : paths) {
      Trail trail;
      trail.nodes.push_back(a);
      for (const Edge& e : edges) {
        trail.nodes.push_back(other_end(e, trail.nodes.back()));
        trail.edges.push_back(e);
      }
      List rels;
      for (const Edge& e : edges) rels.push_back(ctx_.rel_value(e));
      bool rel_fresh = slot_get(row_, rel.slot).is_null();
      if (rel_fresh) slot_ref(row_, rel.slot) = Value(std::move(rels));
      bool go_on = finish(p, 1, trail, remaining);
      if (rel_fresh) slot_ref(row_, rel.slot) = Value();
      if (!go_on) return false;
    }
    return true;
  }

  int64_t max_hops(const ast::RelPattern& rel) {
    if (!rel.variable_length) return 1;
    return rel.max_hops < 0 ? INT64_MAX : rel.max_hops;
  }

  std::vector<Edge> walk_back(const std::unordered_map<NodeId, Edge>& parent, NodeId from,
                              NodeId root) {
    std::vector<Edge> out;
    while (from != root) {
      const Edge& e = parent.at(from);
      out.push_back(e);
      from = other_end(e, from);
    }
    return out;
  }

  // What expanding `frontier` in direction `d` costs: the edges it will read, from the
  // degrees kept in the statistics. On a power-law graph the frontier with fewer nodes is
  // often the one holding a hub, so node counts choose badly. Beyond kCostSample nodes the
  // sample's mean stands for the rest (a statistics read per node would cost more than the
  // choice saves).
  double expansion_cost(const std::vector<NodeId>& frontier, Direction d) {
    constexpr size_t kCostSample = 16;
    size_t n = std::min(frontier.size(), kCostSample);
    double sum = 0;
    for (size_t i = 0; i < n; ++i) sum += static_cast<double>(ctx_.graph->degree(frontier[i], d));
    return n == 0 ? 0 : sum / static_cast<double>(n) * static_cast<double>(frontier.size());
  }

  // Expands the cheaper frontier each round (fewer edges to read); the first meeting is a
  // shortest path.
  std::vector<std::vector<Edge>> bidirectional(NodeId a, NodeId b, const ast::RelPattern& rel) {
    if (a == b)
      return rel.min_hops == 0 ? std::vector<std::vector<Edge>>{{}}
                               : std::vector<std::vector<Edge>>{};
    TypeFilter f = type_filter(rel);
    int64_t max = max_hops(rel);
    std::unordered_map<NodeId, Edge> fwd{{a, Edge{}}}, bwd{{b, Edge{}}};
    std::vector<NodeId> ff{a}, fb{b};
    // Each frontier's cost is read once, when it is made.
    double cost_f = -1, cost_b = -1;
    int64_t hops = 0;
    while (!ff.empty() && !fb.empty() && hops < max) {
      if (cost_f < 0) cost_f = expansion_cost(ff, rel.direction);
      if (cost_b < 0) cost_b = expansion_cost(fb, reverse(rel.direction));
      bool forward = cost_f <= cost_b;
      (forward ? cost_f : cost_b) = -1;
      auto& frontier = forward ? ff : fb;
      auto& mine = forward ? fwd : bwd;
      auto& theirs = forward ? bwd : fwd;
      Direction d = forward ? rel.direction : reverse(rel.direction);
      std::vector<NodeId> next;
      for (NodeId u : frontier) {
        for (const Edge& e : edges_from(u, d, f)) {
          if (!rel_matches(rel, e)) continue;
          NodeId v = other_end(e, u);
          if (mine.count(v)) continue;
          mine.emplace(v, e);
          if (theirs.count(v)) {
            auto left = walk_back(fwd, v, a);
            std::reverse(left.begin(), left.end());
            auto right = walk_back(bwd, v, b);
            left.insert(left.end(), right.begin(), right.end());
            if (static_cast<int64_t>(left.size()) < rel.min_hops) return {};
            return {left};
          }
          next.push_back(v);
        }
      }
      frontier = std::move(next);
      ++hops;
    }
    return {};
  }

  // Breadth-first levels from `a` with every parent edge kept, then all walks back.
  std::vector<std::vector<Edge>> all_shortest(NodeId a, NodeId b, const ast::RelPattern& rel) {
    if (a == b)
      return rel.min_hops == 0 ? std::vector<std::vector<Edge>>{{}}
                               : std::vector<std::vector<Edge>>{};
    TypeFilter f = type_filter(rel);
    int64_t max = max_hops(rel);
    std::unordered_map<NodeId, int64_t> depth{{a, 0}};
    std::unordered_map<NodeId, std::vector<Edge>> parents;
    std::vector<NodeId> frontier{a};
    bool found = false;
    for (int64_t level = 1; level <= max && !frontier.empty() && !found; ++level) {
      std::vector<NodeId> next;
      for (NodeId u : frontier) {
        for (const Edge& e : edges_from(u, rel.direction, f)) {
          if (!rel_matches(rel, e)) continue;
          NodeId v = other_end(e, u);
          auto it = depth.find(v);
          if (it == depth.end()) {
            depth.emplace(v, level);
            next.push_back(v);
          } else if (it->second != level) {
            continue;
          }
          parents[v].push_back(e);
          if (v == b) found = true;
        }
      }
      frontier = std::move(next);
    }
    std::vector<std::vector<Edge>> out;
    if (!found) return out;
    std::vector<Edge> walk;
    std::function<void(NodeId)> back = [&](NodeId v) {
      if (v == a) {
        out.emplace_back(walk.rbegin(), walk.rend());
        return;
      }
      for (const Edge& e : parents[v]) {
        walk.push_back(e);
        back(other_end(e, v));
        walk.pop_back();
      }
    };
    back(b);
    return out;
  }

  const std::vector<const ast::PatternPart*>& parts_;
  Row& row_;
  ExecContext& ctx_;
  const std::function<bool(Row&)>& emit_;
  std::vector<storage::RelId> used_;
};

}  // namespace

void match_patterns(const std::vector<const ast::PatternPart*>& parts, Row& row, ExecContext& ctx,
                    const std::function<bool(Row&)>& emit) {
  Matcher(parts, row, ctx, emit).run();
}

std::vector<NodeId> nodes_matching(const ast::NodePattern& n, Row& row, ExecContext& ctx) {
  std::vector<NodeId> out;
  for (NodeId id : start_candidates(choose_start(n, row, ctx), ctx)) {
    if (n.labels.empty() && !n.properties) {
      out.push_back(id);
      continue;
    }
    auto rec = ctx.graph->node(id);
    if (!rec) continue;
    bool ok = true;
    for (const auto& l : n.labels) {
      ok = ok && std::find(rec->labels.begin(), rec->labels.end(), l) != rec->labels.end();
    }
    if (ok && props_match(rec->properties, n.properties.get(), row, ctx)) out.push_back(id);
  }
  return out;
}

bool pattern_exists(const ast::PatternPart& part, Row& row, ExecContext& ctx) {
  bool found = false;
  match_patterns({&part}, row, ctx, [&](Row&) {
    found = true;
    return false;
  });
  return found;
}

Value shortest_path_value(const ast::PatternPart& part, Row& row, ExecContext& ctx) {
  List paths;
  match_patterns({&part}, row, ctx, [&](Row& r) {
    paths.push_back(slot_get(r, part.path_slot));
    return part.shortest == ast::Shortest::kAll;
  });
  if (part.shortest == ast::Shortest::kAll) return Value(std::move(paths));
  return paths.empty() ? Value() : paths.front();
}

}  // namespace quarry::engine
