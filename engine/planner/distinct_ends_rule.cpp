// Planner rule: `MATCH (a {...})-->()-->(c) RETURN count(DISTINCT c)` (any number of
// fixed single hops, any directions and types) counts the distinct end nodes by
// breadth-first frontiers, one set of nodes per level, instead of enumerating every path:
// a hub's 3-hop neighbourhood has millions of paths but only thousands of nodes.
//
// Cypher semantics are kept: a path may not use one relationship twice (a -> b -> a -> b
// over the same a->b counts b only if another path reaches it). So each frontier node
// keeps up to kWitnesses of the trails (relationship lists) that reach it, and an
// extension by relationship e only uses trails that do not contain e. Keeping a subset is
// exact when the node was reached by at most kWitnesses trails, or when the kept ones
// include one more pairwise-disjoint trail than there are hops left (the hops still to
// come can rule out at most one disjoint trail each). Only relationships a later hop could
// walk count here: with one hop left that is a relationship of the trail leaving (or, by
// the hop's direction, entering) the node itself, so trails that merely share an earlier
// relationship (many parallel a->b, then one b->c) stay exact. When neither holds the
// operator runs the ordinary plan, its child, instead; EXPLAIN shows both.
#include <algorithm>
#include <unordered_map>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/exec/pattern_search.h"
#include "engine/planner/planner.h"

namespace quarry::engine {

namespace {

using storage::Direction;
using storage::Edge;
using storage::NodeId;
using storage::RelId;

constexpr size_t kWitnesses = 6;

// NodeId -> small value, so a frontier costs no allocation per node: a flat vector
// indexed by id for small ids, an open-addressing table sized by the nodes it holds
// beyond. (A flat vector over ids up to 4M cost a fill and page faults over the whole id
// range per level: half of a 2-hop query on the 1M graph. A table alone cost FB15k's
// 2-hop 5x: its fresh allocations page-fault each query where the small flat one is reused.)
class NodeIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t get(NodeId n) const {
    if (n < kFlat) return n < flat_.size() ? flat_[n] : kNone;
    if (slots_.empty()) return kNone;
    return slots_[find(n)].value;
  }
  void put(NodeId n, uint32_t v) {
    if (n < kFlat) {
      if (n >= flat_.size()) flat_.resize(std::max<size_t>(n + 1, flat_.size() * 2), kNone);
      flat_[n] = v;
      return;
    }
    if ((used_ + 1) * 2 > slots_.size()) grow();
    Slot& s = slots_[find(n)];
    if (s.value == kNone) ++used_;
    s = Slot{n, v};
  }

 private:
  static constexpr NodeId kFlat = NodeId{1} << 16;  // at most 256 KiB of flat index
  struct Slot {
    NodeId node = 0;
    uint32_t value = kNone;  // kNone: empty (put never stores kNone)
  };
  size_t find(NodeId n) const {
    size_t mask = slots_.size() - 1;
    uint64_t h = n * 0x9E3779B97F4A7C15ull;
    for (size_t i = (h ^ (h >> 32)) & mask;; i = (i + 1) & mask) {
      if (slots_[i].value == kNone || slots_[i].node == n) return i;
    }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
    for (const Slot& s : old) {
      if (s.value != kNone) slots_[find(s.node)] = s;
    }
  }
  std::vector<uint32_t> flat_;
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

// The distinct end nodes found so far.
class NodeSet {
 public:
  bool contains(NodeId n) const { return index_.get(n) != NodeIndex::kNone; }
  void insert(NodeId n) {
    if (contains(n)) return;
    index_.put(n, 0);
    ++size_;
  }
  size_t size() const { return size_; }

 private:
  NodeIndex index_;
  size_t size_ = 0;
};

// Nodes of one level and, except for the last level, the trails that reach them. A
// node's trails are chained through `link_`, so a node reached once stores one trail.
class Level {
 public:
  explicit Level(size_t hops) : hops_(hops) {}
  size_t hops() const { return hops_; }

  struct Entry {
    uint32_t trails = 0;
    bool overflow = false;
    uint32_t head = NodeIndex::kNone;  // the node's first trail
  };

  // Adds `prefix` (hops_ - 1 relationships) + `last` as a trail to `node`.
  void add(NodeId node, const Edge* prefix, const Edge& last) {
    uint32_t i = index_.get(node);
    if (i == NodeIndex::kNone) {
      i = static_cast<uint32_t>(entries_.size());
      index_.put(node, i);
      entries_.push_back({});
      nodes_.push_back(node);
    }
    Entry& e = entries_[i];
    if (e.trails == kWitnesses) {
      // Full: a trail disjoint from every kept one replaces a kept one that overlaps
      // another, so the kept trails tend towards the disjoint ones exactness needs.
      e.overflow = true;
      uint32_t kept[kWitnesses];
      size_t n = 0;
      for (uint32_t t = e.head; t != NodeIndex::kNone; t = link_[t]) kept[n++] = t;
      for (size_t t = 0; t < n; ++t) {
        if (shares(at(kept[t]), prefix, last.rel)) return;
      }
      for (size_t t = 0; t < n; ++t) {
        const Edge* tt = at(kept[t]);
        for (size_t u = 0; u < n; ++u) {
          if (u != t && shares(at(kept[u]), tt, tt[hops_ - 1].rel)) {
            write(&rels_[kept[t] * hops_], prefix, last);
            return;
          }
        }
      }
      return;
    }
    auto t = static_cast<uint32_t>(link_.size());
    link_.push_back(e.head);
    e.head = t;
    rels_.resize(rels_.size() + hops_);
    write(&rels_[t * hops_], prefix, last);
    ++e.trails;
  }

  size_t size() const { return nodes_.size(); }
  NodeId node(size_t i) const { return nodes_[i]; }
  const Entry& entry(size_t i) const { return entries_[i]; }
  // Trails of one node: for (t = entry.head; t != kNone; t = next(t)) at(t).
  const Edge* at(uint32_t t) const { return &rels_[static_cast<size_t>(t) * hops_]; }
  uint32_t next(uint32_t t) const { return link_[t]; }

  // False when some node lost trails and the kept ones might not be enough for
  // `hops_left` more hops, the next of them in direction `next` (see the file comment).
  bool exact(size_t hops_left, Direction next) const {
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].overflow && disjoint_trails(i, hops_left, next) < hops_left + 1) {
        return false;
      }
    }
    return true;
  }

 private:
  // Whether a later hop could walk trail relationship `e` again. With one hop left it
  // starts at `node`, so only a relationship it can leave `node` by is at risk.
  static bool at_risk(const Edge& e, NodeId node, size_t hops_left, Direction next) {
    if (hops_left > 1) return true;
    switch (next) {
      case Direction::kOut: return e.start == node;
      case Direction::kIn: return e.end == node;
      case Direction::kBoth: return e.start == node || e.end == node;
    }
    return true;
  }

  // A greedy lower bound on the number of kept trails whose relationships at risk are
  // pairwise disjoint; a trail with none at risk can never be ruled out (SIZE_MAX).
  size_t disjoint_trails(size_t i, size_t hops_left, Direction next) const {
    std::vector<RelId> used;
    size_t n = 0;
    for (uint32_t t = entries_[i].head; t != NodeIndex::kNone; t = link_[t]) {
      const Edge* r = at(t);
      bool clash = false, risky = false;
      for (size_t h = 0; h < hops_ && !clash; ++h) {
        if (!at_risk(r[h], nodes_[i], hops_left, next)) continue;
        risky = true;
        clash = std::find(used.begin(), used.end(), r[h].rel) != used.end();
      }
      if (!risky) return SIZE_MAX;
      if (clash) continue;
      for (size_t h = 0; h < hops_; ++h) {
        if (at_risk(r[h], nodes_[i], hops_left, next)) used.push_back(r[h].rel);
      }
      ++n;
    }
    return n;
  }

  void write(Edge* out, const Edge* trail, const Edge& last) const {
    std::copy(trail, trail + hops_ - 1, out);
    out[hops_ - 1] = last;
  }
  // Whether kept trail `a` shares a relationship with `b` (hops_ - 1 edges) + `last`.
  bool shares(const Edge* a, const Edge* b, RelId last) const {
    for (size_t h = 0; h < hops_; ++h) {
      if (a[h].rel == last) return true;
      for (size_t j = 0; j + 1 < hops_; ++j) {
        if (b[j].rel == a[h].rel) return true;
      }
    }
    return false;
  }

  size_t hops_;
  NodeIndex index_;
  std::vector<Entry> entries_;
  std::vector<NodeId> nodes_;
  std::vector<Edge> rels_;      // hops_ per trail
  std::vector<uint32_t> link_;  // per trail: the node's next trail
};

class CountDistinctEnds : public Operator {
 public:
  CountDistinctEnds(const ast::PatternPart& part, OpPtr fallback)
      : Operator("CountDistinctEndsByFrontier", std::to_string(part.rels.size()) +
                                                    " hops; the plan below runs only if "
                                                    "trail witnesses run out"),
        part_(part) {
    add_child(std::move(fallback));
  }

  bool produce(ExecContext& ctx, Row& row) override {
    if (fell_back_) return child().next(ctx, row);
    if (done_) return false;
    done_ = true;
    Row scratch;
    NodeSet ends;
    for (NodeId start : nodes_matching(part_.nodes.front(), scratch, ctx)) {
      if (!from(start, ctx, ends)) {
        fell_back_ = true;
        return child().next(ctx, row);
      }
    }
    row.assign(1, Value(static_cast<int64_t>(ends.size())));
    return true;
  }

 private:
  struct Hop {
    Direction direction;
    std::vector<uint64_t> types;  // empty: any type
    bool none = false;            // a listed type does not exist
  };

  std::vector<Hop> hops(ExecContext& ctx) {
    std::vector<Hop> out;
    for (const auto& r : part_.rels) {
      Hop h{r.direction, {}, false};
      for (const auto& t : r.types) {
        if (auto id = ctx.type_id(t)) h.types.push_back(*id);
      }
      h.none = !r.types.empty() && h.types.empty();
      out.push_back(std::move(h));
    }
    return out;
  }

  // Calls f(edge, neighbour) for each relationship of one hop at `node`.
  template <typename F>
  void expand(ExecContext& ctx, const Hop& hop, NodeId node, F&& f) {
    if (hop.none) return;
    std::optional<uint64_t> single;
    if (hop.types.size() == 1) single = hop.types[0];
    loops_.clear();
    Status st = ctx.graph->expand(node, hop.direction, single, [&](const Edge& e) {
      ctx.check();
      if (hop.types.size() > 1 &&
          std::find(hop.types.begin(), hop.types.end(), e.type) == hop.types.end()) {
        return true;
      }
      if (e.start == e.end && hop.direction == Direction::kBoth) {
        // An undirected hop walks a self-loop once.
        if (std::find(loops_.begin(), loops_.end(), e.rel) != loops_.end()) return true;
        loops_.push_back(e.rel);
      }
      f(e, e.start == node ? e.end : e.start);
      return true;
    });
    if (!st.ok()) throw QueryError(st.error());
  }

  // Adds the ends reachable from `start` to `ends`; false when the frontiers are not exact.
  bool from(NodeId start, ExecContext& ctx, NodeSet& ends) {
    std::vector<Hop> hs = hops(ctx);
    size_t k = hs.size();
    // Level 1 trails are single relationships.
    Level level(1);
    expand(ctx, hs[0], start, [&](const Edge& e, NodeId v) { level.add(v, nullptr, e); });
    if (k == 1) {
      for (size_t i = 0; i < level.size(); ++i) ends.insert(level.node(i));
      return true;
    }
    if (!level.exact(k - 1, hs[1].direction)) return false;
    for (size_t depth = 1; depth < k; ++depth) {
      bool last = depth + 1 == k;
      Level next(depth + 1);
      // Expanding in id order makes successive seeks land in the same index block.
      order_.resize(level.size());
      for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
      std::sort(order_.begin(), order_.end(),
                [&](size_t x, size_t y) { return level.node(x) < level.node(y); });
      for (size_t i : order_) {
        const auto& entry = level.entry(i);
        expand(ctx, hs[depth], level.node(i), [&](const Edge& e, NodeId v) {
          if (last && ends.contains(v)) return;
          for (uint32_t t = entry.head; t != NodeIndex::kNone; t = level.next(t)) {
            const Edge* trail = level.at(t);
            if (std::any_of(trail, trail + depth, [&](const Edge& x) { return x.rel == e.rel; })) {
              continue;
            }
            if (last) {
              ends.insert(v);
              return;
            }
            next.add(v, trail, e);
          }
        });
      }
      if (last) break;
      if (!next.exact(k - depth - 1, hs[depth + 1].direction)) return false;
      level = std::move(next);
    }
    return true;
  }

  const ast::PatternPart& part_;
  std::vector<RelId> loops_;
  std::vector<size_t> order_;
  bool done_ = false;
  bool fell_back_ = false;
};

bool plain_var(const std::string& var, const ast::PatternPart& part, const void* self) {
  if (var.empty()) return true;
  for (const auto& n : part.nodes) {
    if (&n != self && n.var == var) return false;
  }
  for (const auto& r : part.rels) {
    if (&r != self && r.var == var) return false;
  }
  return true;
}

}  // namespace

OpPtr plan_distinct_ends(const ast::SingleQuery& q, const std::function<OpPtr()>& fallback) {
  auto shape = plain_match_return(q);
  if (!shape) return nullptr;
  const auto& m = *shape->match;
  const auto& p = *shape->projection;
  if (p.items.size() != 1) return nullptr;
  const ast::Expr& e = *p.items[0].expr;
  const auto& part = m.patterns[0];
  if (e.kind != ast::ExprKind::kFunction || to_lower(e.name) != "count" || !e.distinct ||
      e.kids.size() != 1 || e.kids[0]->kind != ast::ExprKind::kVariable ||
      e.kids[0]->name != part.nodes.back().var) {
    return nullptr;
  }
  if (!part.path_var.empty() || part.shortest != ast::Shortest::kNone || part.rels.empty()) {
    return nullptr;
  }
  // The start may carry labels and properties (it is found by the start-choice rule);
  // every other node is a plain, otherwise unused variable.
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    const auto& n = part.nodes[i];
    if (n.bound || !plain_var(n.var, part, &n)) return nullptr;
    if (i > 0 && (!n.labels.empty() || n.properties)) return nullptr;
  }
  for (const auto& rel : part.rels) {
    if (rel.bound || rel.variable_length || rel.properties || !plain_var(rel.var, part, &rel)) {
      return nullptr;
    }
  }
  return std::make_unique<CountDistinctEnds>(part, fallback());
}

}  // namespace quarry::engine
