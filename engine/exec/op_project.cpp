// WITH / RETURN projections: plain projection, aggregation with implicit grouping keys
// (the items without aggregates), and DISTINCT.
#include <algorithm>
#include <cmath>
#include <deque>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "engine/binder/binder.h"
#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/value_ops.h"
#include "engine/exec/operator.h"

namespace quarry::engine {

namespace {

std::string item_list(const ast::Projection& p) {
  std::string out;
  for (const auto& i : p.items) out += (out.empty() ? "" : ", ") + i.alias;
  return out;
}

// The row a projection evaluates on: item slots first, then the incoming row, moved:
// the child refills `input` on its next call, so its values need not be copied.
void combine(Row& input, size_t k, Row& out) {
  out.assign(k, Value());
  out.insert(out.end(), std::make_move_iterator(input.begin()),
             std::make_move_iterator(input.end()));
  input.clear();
}

// Appends the slots `e` reads to `slots`; false when it cannot tell: the expression binds
// slots of its own (comprehensions, patterns) or reads an aggregate's.
bool collect_reads(const ast::Expr& e, std::vector<int>& slots) {
  switch (e.kind) {
    case ast::ExprKind::kVariable: slots.push_back(e.slot); return true;
    case ast::ExprKind::kListComprehension:
    case ast::ExprKind::kQuantifier:
    case ast::ExprKind::kPatternPredicate:
    case ast::ExprKind::kShortestPath:
    case ast::ExprKind::kAggregateRef:
    case ast::ExprKind::kCountStar: return false;
    case ast::ExprKind::kFunction:
      if (e.slot >= 0) return false;
      break;
    default: break;
  }
  if (e.pattern) return false;
  for (const auto& k : e.kids) {
    if (k && !collect_reads(*k, slots)) return false;
  }
  return true;
}

class Project : public Operator {
 public:
  explicit Project(const ast::Projection& p) : Operator("Project", item_list(p)), p_(p) {
    plan_direct();
  }
  bool produce(ExecContext& ctx, Row& row) override {
    if (!child().next(ctx, input_)) return false;
    if (direct_) return produce_direct(ctx, row);
    combine(input_, p_.items.size(), row);
    for (const auto& item : p_.items) {
      Value v = eval(*item.expr, row, ctx);
      slot_ref(row, item.slot) = std::move(v);
    }
    return true;
  }

 private:
  // Without ORDER BY nothing after the projection reads the input slots (the row is cut to
  // the items), so the items are written straight into the output row: only the input
  // values they read move to the combined layout the binder gave them (items first, then
  // the input), and a variable read once moves on as its item, uncopied.
  void plan_direct() {
    if (!p_.order.empty()) return;
    int k = static_cast<int>(p_.items.size());
    std::vector<int> reads;
    for (const auto& item : p_.items) {
      if (!collect_reads(*item.expr, reads)) return;
    }
    for (int s : reads) {
      if (s < k) return;  // not an input slot: keep the general path
    }
    for (const auto& item : p_.items) {
      const ast::Expr& e = *item.expr;
      bool alone =
          e.kind == ast::ExprKind::kVariable && std::count(reads.begin(), reads.end(), e.slot) == 1;
      moves_.push_back(alone ? e.slot : -1);
    }
    std::sort(reads.begin(), reads.end());
    reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
    reads_ = std::move(reads);
    work_.resize(reads_.empty() ? 0 : static_cast<size_t>(reads_.back()) + 1);
    direct_ = true;
  }

  bool produce_direct(ExecContext& ctx, Row& row) {
    size_t k = p_.items.size();
    for (int s : reads_) {
      size_t i = static_cast<size_t>(s) - k;
      work_[static_cast<size_t>(s)] = i < input_.size() ? std::move(input_[i]) : Value();
    }
    row.resize(k);
    for (size_t i = 0; i < k; ++i) {
      if (moves_[i] >= 0) {
        row[i] = std::move(work_[static_cast<size_t>(moves_[i])]);
      } else {
        row[i] = eval(*p_.items[i].expr, work_, ctx);
      }
    }
    return true;
  }

  const ast::Projection& p_;
  Row input_;
  bool direct_ = false;
  std::vector<int> reads_;  // the combined-layout slots the items read, ascending
  std::vector<int> moves_;  // per item: the slot it moves on from, or -1 to evaluate
  Row work_;                // the combined layout, holding just reads_
};

struct Accumulator {
  int64_t count = 0;
  bool any_float = false;
  int64_t isum = 0;
  double fsum = 0;
  List values;
  Value best;
  std::unordered_set<std::string> seen;
};

class Aggregate : public Operator {
 public:
  explicit Aggregate(const ast::Projection& p) : Operator("Aggregate", item_list(p)), p_(p) {
    for (const auto& item : p.items) {
      if (!contains_aggregate(*item.expr)) keys_.push_back(&item);
    }
  }

  bool produce(ExecContext& ctx, Row& row) override {
    if (!done_) {
      done_ = true;
      consume(ctx);
    }
    if (out_.empty()) return false;
    row = std::move(out_.front());
    out_.pop_front();
    return true;
  }

 private:
  struct Group {
    Row row;
    std::vector<Accumulator> accs;
  };

  void consume(ExecContext& ctx) {
    std::vector<Group> groups;
    std::unordered_map<std::string, size_t> index;
    size_t k = p_.items.size();
    Row input, combined;
    while (child().next(ctx, input)) {
      ctx.check();
      combine(input, k, combined);
      std::string key;
      for (const auto* item : keys_) {
        Value v = eval(*item->expr, combined, ctx);
        append_group_key(v, key);
        slot_ref(combined, item->slot) = std::move(v);
      }
      auto [it, fresh] = index.emplace(key, groups.size());
      if (fresh) groups.push_back(Group{combined, std::vector<Accumulator>(p_.aggregates.size())});
      Group& g = groups[it->second];
      for (size_t a = 0; a < p_.aggregates.size(); ++a)
        add(*p_.aggregates[a], g.accs[a], combined, ctx);
    }
    if (groups.empty() && keys_.empty()) {
      groups.push_back(Group{Row(k + static_cast<size_t>(p_.input_width)),
                             std::vector<Accumulator>(p_.aggregates.size())});
    }
    for (auto& g : groups) {
      for (size_t a = 0; a < p_.aggregates.size(); ++a) {
        slot_ref(g.row, p_.aggregates[a]->slot) = result(*p_.aggregates[a], g.accs[a]);
      }
      for (const auto& item : p_.items) {
        if (contains_aggregate(*item.expr)) {
          Value v = eval(*item.expr, g.row, ctx);
          slot_ref(g.row, item.slot) = std::move(v);
        }
      }
      out_.push_back(std::move(g.row));
    }
  }

  void add(const ast::Expr& e, Accumulator& acc, Row& row, ExecContext& ctx) {
    if (e.kind == ast::ExprKind::kCountStar) {
      ++acc.count;
      return;
    }
    Value v = eval(*e.kids[0], row, ctx);
    if (v.is_null()) return;
    if (e.distinct && !acc.seen.insert(group_key(v)).second) return;
    ++acc.count;
    const std::string& f = e.name;
    if (f == "collect") {
      acc.values.push_back(std::move(v));
    } else if (f == "sum" || f == "avg") {
      if (!is_number(v)) {
        fail(ErrorCode::kRuntimeError, f + "() expects numbers, got " + type_name(v),
             e.kids[0]->span);
      }
      if (v.kind() == ValueKind::kFloat) acc.any_float = true;
      if (v.kind() == ValueKind::kInt) acc.isum += v.as_int();
      acc.fsum += as_number(v);
    } else if (f == "min" || f == "max") {
      if (acc.best.is_null()) {
        acc.best = std::move(v);
      } else {
        int c = order_compare(v, acc.best);
        if ((f == "min" && c < 0) || (f == "max" && c > 0)) acc.best = std::move(v);
      }
    }
  }

  Value result(const ast::Expr& e, Accumulator& acc) {
    if (e.kind == ast::ExprKind::kCountStar || e.name == "count") return Value(acc.count);
    if (e.name == "collect") return Value(std::move(acc.values));
    if (e.name == "sum") return acc.any_float ? Value(acc.fsum) : Value(acc.isum);
    if (e.name == "avg")
      return acc.count ? Value(acc.fsum / static_cast<double>(acc.count)) : Value();
    return acc.best;
  }

  const ast::Projection& p_;
  std::vector<const ast::ProjectionItem*> keys_;
  bool done_ = false;
  std::deque<Row> out_;
};

class Distinct : public Operator {
 public:
  explicit Distinct(size_t width) : Operator("Distinct", ""), width_(width) {}
  bool produce(ExecContext& ctx, Row& row) override {
    while (child().next(ctx, row)) {
      ctx.check();
      std::string key;
      for (size_t i = 0; i < width_ && i < row.size(); ++i) append_group_key(row[i], key);
      if (seen_.insert(key).second) return true;
    }
    return false;
  }

 private:
  size_t width_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

OpPtr make_project(OpPtr in, const ast::Projection& p) {
  auto op = std::make_unique<Project>(p);
  op->add_child(std::move(in));
  return op;
}

OpPtr make_aggregate(OpPtr in, const ast::Projection& p) {
  auto op = std::make_unique<Aggregate>(p);
  op->add_child(std::move(in));
  return op;
}

OpPtr make_distinct(OpPtr in, size_t width) {
  auto op = std::make_unique<Distinct>(width);
  op->add_child(std::move(in));
  return op;
}

}  // namespace quarry::engine
