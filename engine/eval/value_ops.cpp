#include "engine/eval/value_ops.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "engine/errors.h"

namespace quarry::engine {

bool is_number(const Value& v) {
  return v.kind() == ValueKind::kInt || v.kind() == ValueKind::kFloat;
}

double as_number(const Value& v) {
  return v.kind() == ValueKind::kInt ? static_cast<double>(v.as_int()) : v.as_float();
}

std::string type_name(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull: return "Null";
    case ValueKind::kBool: return "Boolean";
    case ValueKind::kInt: return "Integer";
    case ValueKind::kFloat: return "Float";
    case ValueKind::kString: return "String";
    case ValueKind::kList: return "List";
    case ValueKind::kMap: return "Map";
    case ValueKind::kNode: return "Node";
    case ValueKind::kRelationship: return "Relationship";
    case ValueKind::kPath: return "Path";
  }
  return "Unknown";
}

namespace {

// Numbers compare across int and float exactly enough for Cypher's purposes.
int compare_numbers(const Value& a, const Value& b) {
  if (a.kind() == ValueKind::kInt && b.kind() == ValueKind::kInt) {
    return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
  }
  double x = as_number(a), y = as_number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// Rank of a type in the ORDER BY order: maps first, null last.
int type_rank(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kMap: return 0;
    case ValueKind::kNode: return 1;
    case ValueKind::kRelationship: return 2;
    case ValueKind::kList: return 3;
    case ValueKind::kPath: return 4;
    case ValueKind::kString: return 5;
    case ValueKind::kBool: return 6;
    case ValueKind::kInt:
    case ValueKind::kFloat: return 7;
    case ValueKind::kNull: return 8;
  }
  return 9;
}

}  // namespace

Value cypher_equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (is_number(a) && is_number(b)) {
    if (a.kind() == ValueKind::kFloat && std::isnan(a.as_float())) return Value(false);
    if (b.kind() == ValueKind::kFloat && std::isnan(b.as_float())) return Value(false);
    return Value(compare_numbers(a, b) == 0);
  }
  if (a.kind() != b.kind()) return Value(false);
  switch (a.kind()) {
    case ValueKind::kList: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return Value(false);
      bool unknown = false;
      for (size_t i = 0; i < x.size(); ++i) {
        Value e = cypher_equals(x[i], y[i]);
        if (e.is_null())
          unknown = true;
        else if (!e.as_bool())
          return Value(false);
      }
      return unknown ? Value() : Value(true);
    }
    case ValueKind::kMap: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return Value(false);
      bool unknown = false;
      for (const auto& [k, v] : x) {
        const Value* w = find(y, k);
        if (!w) return Value(false);
        Value e = cypher_equals(v, *w);
        if (e.is_null())
          unknown = true;
        else if (!e.as_bool())
          return Value(false);
      }
      return unknown ? Value() : Value(true);
    }
    default: return Value(a == b);
  }
}

Value cypher_compare(const Value& a, const Value& b, ast::Op op) {
  if (op == ast::Op::kEq) return cypher_equals(a, b);
  if (op == ast::Op::kNe) {
    Value e = cypher_equals(a, b);
    return e.is_null() ? e : Value(!e.as_bool());
  }
  if (a.is_null() || b.is_null()) return Value();
  int c = 0;
  if (is_number(a) && is_number(b)) {
    if ((a.kind() == ValueKind::kFloat && std::isnan(a.as_float())) ||
        (b.kind() == ValueKind::kFloat && std::isnan(b.as_float()))) {
      return Value(false);
    }
    c = compare_numbers(a, b);
  } else if (a.kind() != b.kind()) {
    return Value();
  } else if (a.kind() == ValueKind::kString) {
    c = a.as_string().compare(b.as_string());
  } else if (a.kind() == ValueKind::kBool) {
    c = static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
  } else if (a.kind() == ValueKind::kList) {
    const List& x = a.as_list();
    const List& y = b.as_list();
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      Value eq = cypher_equals(x[i], y[i]);
      if (!eq.is_null() && eq.as_bool()) continue;
      Value lt = cypher_compare(x[i], y[i], ast::Op::kLt);
      if (lt.is_null()) return Value();
      c = lt.as_bool() ? -1 : 1;
      break;
    }
    if (c == 0) c = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
  } else {
    return Value();
  }
  switch (op) {
    case ast::Op::kLt: return Value(c < 0);
    case ast::Op::kGt: return Value(c > 0);
    case ast::Op::kLe: return Value(c <= 0);
    case ast::Op::kGe: return Value(c >= 0);
    default: return Value();
  }
}

int order_compare(const Value& a, const Value& b) {
  int ra = type_rank(a), rb = type_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case ValueKind::kNull: return 0;
    case ValueKind::kBool: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case ValueKind::kInt:
    case ValueKind::kFloat: {
      bool na = a.kind() == ValueKind::kFloat && std::isnan(a.as_float());
      bool nb = b.kind() == ValueKind::kFloat && std::isnan(b.as_float());
      if (na || nb) return na == nb ? 0 : na ? 1 : -1;
      return compare_numbers(a, b);
    }
    case ValueKind::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case ValueKind::kList: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        int c = order_compare(x[i], y[i]);
        if (c) return c;
      }
      return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    case ValueKind::kNode: {
      int64_t x = a.as_node().id, y = b.as_node().id;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case ValueKind::kRelationship: {
      int64_t x = a.as_relationship().id, y = b.as_relationship().id;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case ValueKind::kMap:
    case ValueKind::kPath: {
      return group_key(a).compare(group_key(b));
    }
  }
  return 0;
}

Value arithmetic(const Value& a, const Value& b, ast::Op op, SourceSpan span) {
  if (a.is_null() || b.is_null()) return Value();
  if (op == ast::Op::kAdd) {
    if (a.kind() == ValueKind::kList || b.kind() == ValueKind::kList) {
      List out;
      if (a.kind() == ValueKind::kList)
        out = a.as_list();
      else
        out.push_back(a);
      if (b.kind() == ValueKind::kList) {
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      } else {
        out.push_back(b);
      }
      return Value(std::move(out));
    }
    if (a.kind() == ValueKind::kString && b.kind() == ValueKind::kString) {
      return Value(a.as_string() + b.as_string());
    }
    if (a.kind() == ValueKind::kString && is_number(b)) return Value(a.as_string() + b.to_string());
    if (is_number(a) && b.kind() == ValueKind::kString) return Value(a.to_string() + b.as_string());
  }
  if (!is_number(a) || !is_number(b)) {
    static const char* names[] = {"+", "-", "*", "/", "%", "^"};
    int idx = static_cast<int>(op) - static_cast<int>(ast::Op::kAdd);
    fail(ErrorCode::kRuntimeError,
         fmt::format("cannot apply {} to {} and {}", names[idx], type_name(a), type_name(b)), span);
  }
  if (op == ast::Op::kPow) return Value(std::pow(as_number(a), as_number(b)));
  if (a.kind() == ValueKind::kInt && b.kind() == ValueKind::kInt) {
    int64_t x = a.as_int(), y = b.as_int(), r = 0;
    switch (op) {
      case ast::Op::kAdd:
        if (__builtin_add_overflow(x, y, &r))
          fail(ErrorCode::kRuntimeError, "integer overflow", span);
        return Value(r);
      case ast::Op::kSub:
        if (__builtin_sub_overflow(x, y, &r))
          fail(ErrorCode::kRuntimeError, "integer overflow", span);
        return Value(r);
      case ast::Op::kMul:
        if (__builtin_mul_overflow(x, y, &r))
          fail(ErrorCode::kRuntimeError, "integer overflow", span);
        return Value(r);
      case ast::Op::kDiv:
        if (y == 0) fail(ErrorCode::kRuntimeError, "division by zero", span);
        if (x == std::numeric_limits<int64_t>::min() && y == -1) {
          fail(ErrorCode::kRuntimeError, "integer overflow", span);
        }
        return Value(x / y);
      case ast::Op::kMod:
        if (y == 0) fail(ErrorCode::kRuntimeError, "division by zero", span);
        if (y == -1) return Value(int64_t{0});
        return Value(x % y);
      default: break;
    }
  }
  double x = as_number(a), y = as_number(b);
  switch (op) {
    case ast::Op::kAdd: return Value(x + y);
    case ast::Op::kSub: return Value(x - y);
    case ast::Op::kMul: return Value(x * y);
    case ast::Op::kDiv: return Value(x / y);
    case ast::Op::kMod: return Value(std::fmod(x, y));
    default: return Value();
  }
}

void append_group_key(const Value& v, std::string& out) {
  switch (v.kind()) {
    case ValueKind::kNull: out += 'n'; return;
    case ValueKind::kBool: out += v.as_bool() ? 'T' : 'F'; return;
    case ValueKind::kInt:
      out += 'i';
      out += std::to_string(v.as_int());
      out += ';';
      return;
    case ValueKind::kFloat: {
      double d = v.as_float();
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
        out += 'i';
        out += std::to_string(static_cast<int64_t>(d));
      } else {
        out += 'f';
        out += fmt::format("{}", d);
      }
      out += ';';
      return;
    }
    case ValueKind::kString:
      out += 's';
      out += std::to_string(v.as_string().size());
      out += ':';
      out += v.as_string();
      return;
    case ValueKind::kList:
      out += '[';
      for (const auto& e : v.as_list()) append_group_key(e, out);
      out += ']';
      return;
    case ValueKind::kMap: {
      // Key order does not matter for map equality.
      std::vector<std::pair<std::string, std::string>> parts;
      for (const auto& [k, e] : v.as_map()) {
        std::string part;
        append_group_key(e, part);
        parts.emplace_back(k, std::move(part));
      }
      std::sort(parts.begin(), parts.end());
      out += '{';
      for (const auto& [k, p] : parts) out += std::to_string(k.size()) + ":" + k + p;
      out += '}';
      return;
    }
    case ValueKind::kNode:
      out += 'N';
      out += std::to_string(v.as_node().id);
      out += ';';
      return;
    case ValueKind::kRelationship:
      out += 'R';
      out += std::to_string(v.as_relationship().id);
      out += ';';
      return;
    case ValueKind::kPath:
      out += 'P';
      for (const auto& n : v.as_path().nodes) out += std::to_string(n.id) + ",";
      out += '/';
      for (const auto& r : v.as_path().relationships) out += std::to_string(r.id) + ",";
      out += ';';
      return;
  }
}

std::string group_key(const Value& v) {
  std::string out;
  append_group_key(v, out);
  return out;
}

}  // namespace quarry::engine
