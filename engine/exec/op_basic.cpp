// Small operators: the single starting row, filters, UNWIND, SKIP/LIMIT, sorting, UNION.
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_set>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/value_ops.h"
#include "engine/exec/operator.h"

namespace quarry::engine {

bool Operator::next(ExecContext& ctx, Row& row) {
  if (!profiling) return produce(ctx, row) ? (++rows_, true) : false;
  auto t0 = std::chrono::steady_clock::now();
  bool more = produce(ctx, row);
  elapsed_ += std::chrono::steady_clock::now() - t0;
  if (more) ++rows_;
  return more;
}

void Operator::describe(std::string& out, int depth, bool profile) const {
  out += std::string(static_cast<size_t>(depth) * 2, ' ') + name_;
  if (!detail_.empty()) out += "(" + detail_ + ")";
  if (profile) {
    out += fmt::format("  rows={} time={:.3f}ms", rows_,
                       std::chrono::duration<double, std::milli>(elapsed_).count());
  }
  out += "\n";
  for (const auto& c : children_) c->describe(out, depth + 1, profile);
}

int64_t eval_count(const ast::Expr& e, ExecContext& ctx, const char* what) {
  Row empty;
  Value v = eval(e, empty, ctx);
  if (v.kind() != ValueKind::kInt || v.as_int() < 0) {
    fail(ErrorCode::kSemanticError, fmt::format("{} must be a non-negative Integer", what), e.span);
  }
  return v.as_int();
}

namespace {

class Once : public Operator {
 public:
  Once() : Operator("Start", "") {}
  bool produce(ExecContext&, Row& row) override {
    if (done_) return false;
    done_ = true;
    row.clear();
    return true;
  }

 private:
  bool done_ = false;
};

class Filter : public Operator {
 public:
  explicit Filter(const ast::Expr& p) : Operator("Filter", ""), p_(p) {}
  bool produce(ExecContext& ctx, Row& row) override {
    while (child().next(ctx, row)) {
      ctx.check();
      if (eval_predicate(p_, row, ctx)) return true;
    }
    return false;
  }

 private:
  const ast::Expr& p_;
};

class Unwind : public Operator {
 public:
  explicit Unwind(const ast::Clause& c)
      : Operator("Unwind", c.alias), c_(c), lazy_range_(is_range_call(*c.expr)) {}
  bool produce(ExecContext& ctx, Row& row) override {
    for (;;) {
      ctx.check();
      if (range_) {
        row = input_;
        slot_ref(row, c_.slot) = Value(range_->value);
        range_->advance();
        if (range_->done) range_.reset();
        return true;
      }
      if (pos_ < items_->size()) {
        row = input_;
        slot_ref(row, c_.slot) = (*items_)[pos_++];
        return true;
      }
      if (!child().next(ctx, input_)) return false;
      items_ = &kEmpty;
      pos_ = 0;
      if (lazy_range_) {
        // range() is walked, not built: UNWIND range(1, 1e9) ... LIMIT 10 reads 10 values.
        std::vector<Value> args;
        for (const auto& k : c_.expr->kids) args.push_back(eval(*k, input_, ctx));
        auto r = range_arguments(*c_.expr, args);
        if (r && !r->begin().done) range_ = r->begin();
        continue;
      }
      list_ = eval(*c_.expr, input_, ctx);
      if (list_.kind() == ValueKind::kList) {
        items_ = &list_.as_list();
      } else if (!list_.is_null()) {
        list_ = Value(List{list_});
        items_ = &list_.as_list();
      }
    }
  }

 private:
  static bool is_range_call(const ast::Expr& e) {
    return e.kind == ast::ExprKind::kFunction && e.slot < 0 && to_lower(e.name) == "range" &&
           (e.kids.size() == 2 || e.kids.size() == 3);
  }

  static inline const List kEmpty;
  const ast::Clause& c_;
  const bool lazy_range_;
  Row input_;
  Value list_;  // the list being unwound (shared, not copied)
  const List* items_ = &kEmpty;
  size_t pos_ = 0;
  std::optional<IntRange::Cursor> range_;
};

class Skip : public Operator {
 public:
  explicit Skip(const ast::Expr& n) : Operator("Skip", ""), n_(n) {}
  bool produce(ExecContext& ctx, Row& row) override {
    if (!started_) {
      started_ = true;
      int64_t n = eval_count(n_, ctx, "SKIP");
      for (int64_t i = 0; i < n; ++i) {
        if (!child().next(ctx, row)) return false;
      }
    }
    return child().next(ctx, row);
  }

 private:
  const ast::Expr& n_;
  bool started_ = false;
};

class Limit : public Operator {
 public:
  explicit Limit(const ast::Expr& n) : Operator("Limit", ""), n_(n) {}
  bool produce(ExecContext& ctx, Row& row) override {
    if (left_ < 0) left_ = eval_count(n_, ctx, "LIMIT");
    if (left_ == 0) return false;
    --left_;
    return child().next(ctx, row);
  }

 private:
  const ast::Expr& n_;
  int64_t left_ = -1;
};

class Truncate : public Operator {
 public:
  explicit Truncate(size_t width) : Operator("Project", ""), width_(width) {}
  bool produce(ExecContext& ctx, Row& row) override {
    if (!child().next(ctx, row)) return false;
    row.resize(width_);
    return true;
  }

 private:
  size_t width_;
};

class Sort : public Operator {
 public:
  explicit Sort(const ast::Projection& p) : Operator("Sort", ""), p_(p) {}
  bool produce(ExecContext& ctx, Row& row) override {
    if (!sorted_) {
      sorted_ = true;
      std::vector<std::pair<std::vector<Value>, Row>> keyed;
      Row r;
      while (child().next(ctx, r)) {
        ctx.check();
        std::vector<Value> keys;
        for (const auto& s : p_.order) keys.push_back(eval(*s.expr, r, ctx));
        keyed.emplace_back(std::move(keys), r);
      }
      std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        for (size_t i = 0; i < p_.order.size(); ++i) {
          int c = order_compare(a.first[i], b.first[i]);
          if (c) return p_.order[i].descending ? c > 0 : c < 0;
        }
        return false;
      });
      for (auto& [k, r2] : keyed) rows_.push_back(std::move(r2));
    }
    if (rows_.empty()) return false;
    row = std::move(rows_.front());
    rows_.pop_front();
    return true;
  }

 private:
  const ast::Projection& p_;
  bool sorted_ = false;
  std::deque<Row> rows_;
};

class Union : public Operator {
 public:
  Union(std::vector<OpPtr> parts, bool all)
      : Operator(all ? "UnionAll" : "Union", ""), parts_(parts.size()), all_(all) {
    for (auto& p : parts) add_child(std::move(p));
  }
  bool produce(ExecContext& ctx, Row& row) override {
    while (current_ < parts_) {
      if (!child(current_).next(ctx, row)) {
        ++current_;
        continue;
      }
      if (all_) return true;
      std::string key;
      for (const auto& v : row) append_group_key(v, key);
      if (seen_.insert(key).second) return true;
    }
    return false;
  }

 private:
  size_t parts_;
  size_t current_ = 0;
  bool all_;
  std::unordered_set<std::string> seen_;
};

// Drains its input before producing anything: writes must not see their own effects.
class Eager : public Operator {
 public:
  Eager() : Operator("Eager", "") {}
  bool produce(ExecContext& ctx, Row& row) override {
    if (!drained_) {
      drained_ = true;
      Row r;
      while (child().next(ctx, r)) rows_.push_back(r);
    }
    if (rows_.empty()) return false;
    row = std::move(rows_.front());
    rows_.pop_front();
    return true;
  }

 private:
  bool drained_ = false;
  std::deque<Row> rows_;
};

template <typename T, typename... A>
OpPtr wrap(OpPtr in, A&&... args) {
  auto op = std::make_unique<T>(std::forward<A>(args)...);
  op->add_child(std::move(in));
  return op;
}

}  // namespace

OpPtr make_once() { return std::make_unique<Once>(); }
OpPtr make_filter(OpPtr in, const ast::Expr& p) { return wrap<Filter>(std::move(in), p); }
OpPtr make_unwind(OpPtr in, const ast::Clause& c) { return wrap<Unwind>(std::move(in), c); }
OpPtr make_skip(OpPtr in, const ast::Expr& n) { return wrap<Skip>(std::move(in), n); }
OpPtr make_limit(OpPtr in, const ast::Expr& n) { return wrap<Limit>(std::move(in), n); }
OpPtr make_truncate(OpPtr in, size_t width) { return wrap<Truncate>(std::move(in), width); }
OpPtr make_sort(OpPtr in, const ast::Projection& p) { return wrap<Sort>(std::move(in), p); }
OpPtr make_union(std::vector<OpPtr> parts, bool all) {
  return std::make_unique<Union>(std::move(parts), all);
}
OpPtr make_eager(OpPtr in) { return wrap<Eager>(std::move(in)); }

}  // namespace quarry::engine
