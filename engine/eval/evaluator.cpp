#include "engine/eval/evaluator.h"

#include <fmt/format.h>

#include <cmath>
#include <regex>

#include "engine/errors.h"
#include "engine/eval/value_ops.h"
#include "engine/exec/pattern_search.h"

namespace quarry::engine {

using ast::ExprKind;

namespace {

// Ternary logic: nullopt stands for null.
std::optional<bool> truth(const Value& v, const ast::Expr& e) {
  if (v.is_null()) return std::nullopt;
  if (v.kind() != ValueKind::kBool) {
    fail(ErrorCode::kRuntimeError, fmt::format("expected a Boolean, got {}", type_name(v)), e.span);
  }
  return v.as_bool();
}

// `obj` is usually a row slot, read in place: copying a node or relationship per row only
// to read one property showed in profiles of queries returning thousands of rows.
Value property(const Value& in, const std::string& key, const ast::Expr& e, ExecContext& ctx) {
  switch (in.kind()) {
    case ValueKind::kNull: return Value();
    case ValueKind::kMap: {
      const Value* v = find(in.as_map(), key);
      return v ? *v : Value();
    }
    case ValueKind::kNode: {
      // A node not loaded yet: read just this property (writes reload everything, so SET
      // stays visible).
      if (!in.as_node().properties && !ctx.txn) {
        auto v = ctx.graph->node_property(static_cast<storage::NodeId>(in.as_node().id), key);
        return v ? std::move(*v) : Value();
      }
      Value obj = in;
      ctx.materialize(obj);
      const Value* v = find(*obj.as_node().properties, key);
      return v ? *v : Value();
    }
    case ValueKind::kRelationship: {
      Value obj = in;
      ctx.materialize(obj);
      const Value* v = find(*obj.as_relationship().properties, key);
      return v ? *v : Value();
    }
    default:
      fail(ErrorCode::kRuntimeError,
           fmt::format("cannot read property '{}' of a {}", key, type_name(in)), e.span);
  }
}

int64_t list_index(int64_t i, size_t size) { return i < 0 ? static_cast<int64_t>(size) + i : i; }

Value index_value(const Value& obj, const Value& idx, const ast::Expr& e, ExecContext& ctx) {
  if (obj.is_null() || idx.is_null()) return Value();
  if (obj.kind() == ValueKind::kList) {
    if (idx.kind() != ValueKind::kInt) {
      fail(ErrorCode::kRuntimeError,
           fmt::format("list index must be an Integer, got {}", type_name(idx)), e.kids[1]->span);
    }
    const List& l = obj.as_list();
    int64_t i = list_index(idx.as_int(), l.size());
    if (i < 0 || i >= static_cast<int64_t>(l.size())) return Value();
    return l[static_cast<size_t>(i)];
  }
  if (idx.kind() == ValueKind::kString &&
      (obj.kind() == ValueKind::kMap || obj.kind() == ValueKind::kNode ||
       obj.kind() == ValueKind::kRelationship)) {
    return property(obj, idx.as_string(), e, ctx);
  }
  fail(ErrorCode::kRuntimeError,
       fmt::format("cannot index a {} with a {}", type_name(obj), type_name(idx)), e.span);
}

Value slice_value(const ast::Expr& e, Row& row, ExecContext& ctx) {
  Value obj = eval(*e.kids[0], row, ctx);
  Value from = e.kids[1] ? eval(*e.kids[1], row, ctx) : Value(int64_t{0});
  Value to = e.kids[2] ? eval(*e.kids[2], row, ctx) : Value();
  if (obj.is_null() || from.is_null() || (e.kids[2] && to.is_null())) return Value();
  if (obj.kind() != ValueKind::kList) {
    fail(ErrorCode::kRuntimeError, fmt::format("cannot slice a {}", type_name(obj)), e.span);
  }
  const List& l = obj.as_list();
  int64_t n = static_cast<int64_t>(l.size());
  int64_t a = std::clamp<int64_t>(list_index(from.as_int(), l.size()), 0, n);
  int64_t b = e.kids[2] ? std::clamp<int64_t>(list_index(to.as_int(), l.size()), 0, n) : n;
  List out;
  for (int64_t i = a; i < b; ++i) out.push_back(l[static_cast<size_t>(i)]);
  return Value(std::move(out));
}

Value string_predicate(const ast::Expr& e, Row& row, ExecContext& ctx) {
  Value a = eval(*e.kids[0], row, ctx);
  Value b = eval(*e.kids[1], row, ctx);
  if (a.kind() != ValueKind::kString || b.kind() != ValueKind::kString) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  switch (e.kind) {
    case ExprKind::kStartsWith: return Value(s.rfind(t, 0) == 0);
    case ExprKind::kEndsWith:
      return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    case ExprKind::kContains: return Value(s.find(t) != std::string::npos);
    default: break;
  }
  try {
    return Value(std::regex_match(s, std::regex(t, std::regex::ECMAScript)));
  } catch (const std::regex_error&) {
    fail(ErrorCode::kRuntimeError, fmt::format("invalid regular expression '{}'", t),
         e.kids[1]->span);
  }
}

Value in_list(const ast::Expr& e, Row& row, ExecContext& ctx) {
  Value x = eval(*e.kids[0], row, ctx);
  Value list = eval(*e.kids[1], row, ctx);
  if (list.is_null()) return Value();
  if (list.kind() != ValueKind::kList) {
    fail(ErrorCode::kRuntimeError, fmt::format("IN expects a List, got {}", type_name(list)),
         e.kids[1]->span);
  }
  bool unknown = false;
  for (const auto& item : list.as_list()) {
    Value eq = cypher_equals(x, item);
    if (eq.is_null())
      unknown = true;
    else if (eq.as_bool())
      return Value(true);
  }
  return unknown ? Value() : Value(false);
}

Value comprehension(const ast::Expr& e, Row& row, ExecContext& ctx) {
  Value list = eval(*e.kids[0], row, ctx);
  if (list.is_null()) return Value();
  if (list.kind() != ValueKind::kList) {
    fail(ErrorCode::kRuntimeError, fmt::format("expected a List, got {}", type_name(list)),
         e.kids[0]->span);
  }
  const ast::Expr* where = e.kids[1].get();
  if (e.kind == ExprKind::kListComprehension) {
    List out;
    for (const auto& item : list.as_list()) {
      slot_ref(row, e.slot) = item;
      if (where && !eval_predicate(*where, row, ctx)) continue;
      out.push_back(e.kids[2] ? eval(*e.kids[2], row, ctx) : item);
    }
    return Value(std::move(out));
  }
  size_t matched = 0, unknown = 0;
  for (const auto& item : list.as_list()) {
    slot_ref(row, e.slot) = item;
    auto t = where ? truth(eval(*where, row, ctx), *where) : std::optional<bool>(true);
    if (!t)
      ++unknown;
    else if (*t)
      ++matched;
  }
  size_t n = list.as_list().size();
  switch (e.op) {
    case ast::Op::kAll:
      if (matched == n) return Value(true);
      return matched + unknown == n ? Value() : Value(false);
    case ast::Op::kAny:
      if (matched > 0) return Value(true);
      return unknown ? Value() : Value(false);
    case ast::Op::kNone:
      if (matched > 0) return Value(false);
      return unknown ? Value() : Value(true);
    default:
      if (matched > 1) return Value(false);
      if (unknown) return Value();
      return Value(matched == 1);
  }
}

Value case_value(const ast::Expr& e, Row& row, ExecContext& ctx) {
  size_t i = 0;
  Value subject;
  if (e.has_subject) subject = eval(*e.kids[i++], row, ctx);
  size_t end = e.kids.size() - (e.has_else ? 1 : 0);
  for (; i + 1 < end; i += 2) {
    Value when = eval(*e.kids[i], row, ctx);
    bool hit = false;
    if (e.has_subject) {
      Value eq = cypher_equals(subject, when);
      hit = !eq.is_null() && eq.as_bool();
    } else {
      hit = when.kind() == ValueKind::kBool && when.as_bool();
    }
    if (hit) return eval(*e.kids[i + 1], row, ctx);
  }
  return e.has_else ? eval(*e.kids.back(), row, ctx) : Value();
}

}  // namespace

bool eval_predicate(const ast::Expr& e, Row& row, ExecContext& ctx) {
  auto t = truth(eval(e, row, ctx), e);
  return t && *t;
}

Value eval(const ast::Expr& e, Row& row, ExecContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral: return e.value;
    case ExprKind::kParameter: {
      const Value* v = ctx.params ? find(*ctx.params, e.name) : nullptr;
      if (!v) {
        fail(ErrorCode::kSemanticError, fmt::format("missing parameter ${}", e.name), e.span);
      }
      return *v;
    }
    case ExprKind::kVariable: return slot_get(row, e.slot);
    case ExprKind::kProperty: {
      const ast::Expr& of = *e.kids[0];
      if (of.kind == ExprKind::kVariable) return property(slot_get(row, of.slot), e.name, e, ctx);
      return property(eval(of, row, ctx), e.name, e, ctx);
    }
    case ExprKind::kIndex:
      return index_value(eval(*e.kids[0], row, ctx), eval(*e.kids[1], row, ctx), e, ctx);
    case ExprKind::kSlice: return slice_value(e, row, ctx);
    case ExprKind::kList: {
      List out;
      out.reserve(e.kids.size());
      for (const auto& k : e.kids) out.push_back(eval(*k, row, ctx));
      return Value(std::move(out));
    }
    case ExprKind::kMap: {
      Map out;
      for (size_t i = 0; i < e.kids.size(); ++i) {
        Value v = eval(*e.kids[i], row, ctx);
        bool replaced = false;
        for (auto& [k, old] : out) {
          if (k == e.keys[i]) {
            old = v;
            replaced = true;
          }
        }
        if (!replaced) out.emplace_back(e.keys[i], std::move(v));
      }
      return Value(std::move(out));
    }
    case ExprKind::kNot: {
      auto t = truth(eval(*e.kids[0], row, ctx), *e.kids[0]);
      return t ? Value(!*t) : Value();
    }
    case ExprKind::kNegate: {
      Value v = eval(*e.kids[0], row, ctx);
      if (v.is_null()) return v;
      if (v.kind() == ValueKind::kInt) {
        if (v.as_int() == std::numeric_limits<int64_t>::min()) {
          fail(ErrorCode::kRuntimeError, "integer overflow", e.span);
        }
        return Value(-v.as_int());
      }
      if (v.kind() == ValueKind::kFloat) return Value(-v.as_float());
      fail(ErrorCode::kRuntimeError, fmt::format("cannot negate a {}", type_name(v)), e.span);
    }
    case ExprKind::kAnd: {
      auto a = truth(eval(*e.kids[0], row, ctx), *e.kids[0]);
      if (a && !*a) return Value(false);
      auto b = truth(eval(*e.kids[1], row, ctx), *e.kids[1]);
      if (b && !*b) return Value(false);
      return a && b ? Value(true) : Value();
    }
    case ExprKind::kOr: {
      auto a = truth(eval(*e.kids[0], row, ctx), *e.kids[0]);
      if (a && *a) return Value(true);
      auto b = truth(eval(*e.kids[1], row, ctx), *e.kids[1]);
      if (b && *b) return Value(true);
      return a && b ? Value(false) : Value();
    }
    case ExprKind::kXor: {
      auto a = truth(eval(*e.kids[0], row, ctx), *e.kids[0]);
      auto b = truth(eval(*e.kids[1], row, ctx), *e.kids[1]);
      return a && b ? Value(*a != *b) : Value();
    }
    case ExprKind::kCompare:
      return cypher_compare(eval(*e.kids[0], row, ctx), eval(*e.kids[1], row, ctx), e.op);
    case ExprKind::kArith:
      return arithmetic(eval(*e.kids[0], row, ctx), eval(*e.kids[1], row, ctx), e.op, e.span);
    case ExprKind::kStartsWith:
    case ExprKind::kEndsWith:
    case ExprKind::kContains:
    case ExprKind::kRegex: return string_predicate(e, row, ctx);
    case ExprKind::kIn: return in_list(e, row, ctx);
    case ExprKind::kIsNull: return Value(eval(*e.kids[0], row, ctx).is_null());
    case ExprKind::kIsNotNull: return Value(!eval(*e.kids[0], row, ctx).is_null());
    case ExprKind::kFunction: {
      if (e.slot >= 0) return slot_get(row, e.slot);  // an aggregate, computed by its operator
      // type(r) of a row's relationship: read the type in place instead of copying the
      // relationship into an argument list (a hub's out-edges return it for every row).
      if (e.kids.size() == 1 && e.kids[0]->kind == ExprKind::kVariable && e.name.size() == 4 &&
          (e.name[0] | 0x20) == 't' && (e.name[1] | 0x20) == 'y' && (e.name[2] | 0x20) == 'p' &&
          (e.name[3] | 0x20) == 'e') {
        const Value& r = slot_get(row, e.kids[0]->slot);
        if (r.kind() == ValueKind::kRelationship) return ctx.rel_type_value(r.as_relationship());
      }
      std::vector<Value> args;
      args.reserve(e.kids.size());
      for (const auto& k : e.kids) args.push_back(eval(*k, row, ctx));
      return call_function(e, args, ctx);
    }
    case ExprKind::kCountStar: return slot_get(row, e.slot);
    case ExprKind::kCase: return case_value(e, row, ctx);
    case ExprKind::kListComprehension:
    case ExprKind::kQuantifier: return comprehension(e, row, ctx);
    case ExprKind::kPatternPredicate: return Value(pattern_exists(*e.pattern, row, ctx));
    case ExprKind::kShortestPath: return shortest_path_value(*e.pattern, row, ctx);
    case ExprKind::kHasLabels: {
      Value v = eval(*e.kids[0], row, ctx);
      if (v.is_null()) return v;
      if (v.kind() != ValueKind::kNode) {
        fail(ErrorCode::kRuntimeError, fmt::format("cannot test labels of a {}", type_name(v)),
             e.span);
      }
      ctx.materialize(v);
      for (const auto& l : e.keys) {
        const auto& labels = v.as_node().labels;
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) return Value(false);
      }
      return Value(true);
    }
    case ExprKind::kAggregateRef: return slot_get(row, e.slot);
  }
  return Value();
}

}  // namespace quarry::engine
