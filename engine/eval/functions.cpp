// Scalar functions of the subset. Aggregates are only named here; their accumulators
// live in exec/op_project.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/value_ops.h"

namespace quarry::engine {

std::string to_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

namespace {

using Args = std::vector<Value>;
using Fn = std::function<Value(Args&, const ast::Expr&, ExecContext&)>;

struct FunctionDef {
  size_t min_args;
  size_t max_args;
  Fn fn;
};

[[noreturn]] void type_error(const ast::Expr& e, size_t i, const Value& v, const char* want) {
  SourceSpan span = i < e.kids.size() ? e.kids[i]->span : e.span;
  fail(ErrorCode::kRuntimeError,
       fmt::format("{}() expects {} as argument {}, got {}", e.name, want, i + 1, type_name(v)),
       span);
}

const std::string& str(Args& a, size_t i, const ast::Expr& e) {
  if (a[i].kind() != ValueKind::kString) type_error(e, i, a[i], "a String");
  return a[i].as_string();
}

int64_t integer(Args& a, size_t i, const ast::Expr& e) {
  if (a[i].kind() == ValueKind::kFloat) return static_cast<int64_t>(a[i].as_float());
  if (a[i].kind() != ValueKind::kInt) type_error(e, i, a[i], "an Integer");
  return a[i].as_int();
}

const List& list(Args& a, size_t i, const ast::Expr& e) {
  if (a[i].kind() != ValueKind::kList) type_error(e, i, a[i], "a List");
  return a[i].as_list();
}

std::string trim_chars(const std::string& s, bool left, bool right) {
  size_t b = 0, end = s.size();
  if (left)
    while (b < end && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  if (right)
    while (end > b && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
  return s.substr(b, end - b);
}

// Counts and offsets in characters, not bytes, as Cypher does.
std::vector<size_t> char_starts(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  return out;
}

#define NULL_IN_NULL_OUT \
  if (a[0].is_null()) return Value()

// The one-argument numeric functions share their rules: null in, null out, and anything
// but a number is a type error naming the argument.
Fn unary_math(double (*op)(double)) {
  return [op](Args& a, const ast::Expr& e, ExecContext&) -> Value {
    NULL_IN_NULL_OUT;
    if (!is_number(a[0])) type_error(e, 0, a[0], "a number");
    return Value(op(as_number(a[0])));
  };
}

const std::unordered_map<std::string, FunctionDef>& table() {
  static const std::unordered_map<std::string, FunctionDef> t = {
      {"id",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() == ValueKind::kNode) return Value(a[0].as_node().id);
          if (a[0].kind() == ValueKind::kRelationship) return Value(a[0].as_relationship().id);
          type_error(e, 0, a[0], "a Node or Relationship");
        }}},
      {"type",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext& ctx) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() != ValueKind::kRelationship) type_error(e, 0, a[0], "a Relationship");
          return ctx.rel_type_value(a[0].as_relationship());
        }}},
      {"labels",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext& ctx) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() != ValueKind::kNode) type_error(e, 0, a[0], "a Node");
          ctx.materialize(a[0]);
          List out;
          for (const auto& l : a[0].as_node().labels) out.push_back(Value(l));
          return Value(std::move(out));
        }}},
      {"properties",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext& ctx) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() == ValueKind::kMap) return a[0];
          ctx.materialize(a[0]);
          if (a[0].kind() == ValueKind::kNode) return Value(*a[0].as_node().properties);
          if (a[0].kind() == ValueKind::kRelationship)
            return Value(*a[0].as_relationship().properties);
          type_error(e, 0, a[0], "a Node, Relationship or Map");
        }}},
      {"keys",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext& ctx) -> Value {
          NULL_IN_NULL_OUT;
          ctx.materialize(a[0]);
          const Map* m = nullptr;
          if (a[0].kind() == ValueKind::kMap)
            m = &a[0].as_map();
          else if (a[0].kind() == ValueKind::kNode)
            m = a[0].as_node().properties.get();
          else if (a[0].kind() == ValueKind::kRelationship)
            m = a[0].as_relationship().properties.get();
          else
            type_error(e, 0, a[0], "a Node, Relationship or Map");
          List out;
          for (const auto& [k, v] : *m) out.push_back(Value(k));
          return Value(std::move(out));
        }}},
      {"startnode",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext& ctx) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() != ValueKind::kRelationship) type_error(e, 0, a[0], "a Relationship");
          return ctx.node_value(static_cast<storage::NodeId>(a[0].as_relationship().start));
        }}},
      {"endnode",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext& ctx) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() != ValueKind::kRelationship) type_error(e, 0, a[0], "a Relationship");
          return ctx.node_value(static_cast<storage::NodeId>(a[0].as_relationship().end));
        }}},
      {"nodes",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() != ValueKind::kPath) type_error(e, 0, a[0], "a Path");
          List out;
          for (const auto& n : a[0].as_path().nodes) out.push_back(Value(n));
          return Value(std::move(out));
        }}},
      {"relationships",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() != ValueKind::kPath) type_error(e, 0, a[0], "a Path");
          List out;
          for (const auto& r : a[0].as_path().relationships) out.push_back(Value(r));
          return Value(std::move(out));
        }}},
      {"length",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() == ValueKind::kPath) {
            return Value(static_cast<int64_t>(a[0].as_path().relationships.size()));
          }
          if (a[0].kind() == ValueKind::kString) {
            return Value(static_cast<int64_t>(char_starts(a[0].as_string()).size()));
          }
          if (a[0].kind() == ValueKind::kList)
            return Value(static_cast<int64_t>(a[0].as_list().size()));
          type_error(e, 0, a[0], "a Path");
        }}},
      {"size",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() == ValueKind::kList)
            return Value(static_cast<int64_t>(a[0].as_list().size()));
          if (a[0].kind() == ValueKind::kString) {
            return Value(static_cast<int64_t>(char_starts(a[0].as_string()).size()));
          }
          type_error(e, 0, a[0], "a List or String");
        }}},
      {"head",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          const List& l = list(a, 0, e);
          return l.empty() ? Value() : l.front();
        }}},
      {"last",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          const List& l = list(a, 0, e);
          return l.empty() ? Value() : l.back();
        }}},
      {"tail",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          const List& l = list(a, 0, e);
          return l.empty() ? Value(List{}) : Value(List(l.begin() + 1, l.end()));
        }}},
      {"reverse",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() == ValueKind::kString) {
            std::string s = a[0].as_string();
            std::reverse(s.begin(), s.end());
            return Value(s);
          }
          List l = list(a, 0, e);
          std::reverse(l.begin(), l.end());
          return Value(std::move(l));
        }}},
      {"range",
       {2, 3,
        [](Args& a, const ast::Expr& e, ExecContext& ctx) -> Value {
          auto r = range_arguments(e, a);
          if (!r) return Value();
          List out;
          for (IntRange::Cursor c = r->begin(); !c.done; c.advance()) {
            ctx.check();
            out.push_back(Value(c.value));
          }
          return Value(std::move(out));
        }}},
      {"coalesce",
       {1, 64,
        [](Args& a, const ast::Expr&, ExecContext&) -> Value {
          for (const auto& v : a) {
            if (!v.is_null()) return v;
          }
          return Value();
        }}},
      {"tolower",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          return Value(to_lower(str(a, 0, e)));
        }}},
      {"toupper",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          std::string s = str(a, 0, e);
          for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          return Value(s);
        }}},
      {"trim",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          return Value(trim_chars(str(a, 0, e), true, true));
        }}},
      {"ltrim",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          return Value(trim_chars(str(a, 0, e), true, false));
        }}},
      {"rtrim",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          return Value(trim_chars(str(a, 0, e), false, true));
        }}},
      {"substring",
       {2, 3,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          const std::string& s = str(a, 0, e);
          auto starts = char_starts(s);
          int64_t from = integer(a, 1, e);
          int64_t len = a.size() > 2 ? integer(a, 2, e) : static_cast<int64_t>(starts.size());
          if (from < 0 || len < 0) {
            fail(ErrorCode::kRuntimeError, "substring() needs non-negative start and length",
                 e.span);
          }
          size_t n = starts.size();
          size_t b = std::min<size_t>(static_cast<size_t>(from), n);
          size_t end = std::min<size_t>(b + static_cast<size_t>(len), n);
          size_t bb = b < n ? starts[b] : s.size();
          size_t eb = end < n ? starts[end] : s.size();
          return Value(s.substr(bb, eb - bb));
        }}},
      {"left",
       {2, 2,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          const std::string& s = str(a, 0, e);
          auto starts = char_starts(s);
          size_t n = std::min<size_t>(static_cast<size_t>(std::max<int64_t>(0, integer(a, 1, e))),
                                      starts.size());
          return Value(s.substr(0, n < starts.size() ? starts[n] : s.size()));
        }}},
      {"right",
       {2, 2,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          const std::string& s = str(a, 0, e);
          auto starts = char_starts(s);
          size_t n = std::min<size_t>(static_cast<size_t>(std::max<int64_t>(0, integer(a, 1, e))),
                                      starts.size());
          size_t b = starts.size() - n;
          return Value(s.substr(b < starts.size() ? starts[b] : s.size()));
        }}},
      {"replace",
       {3, 3,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          for (const auto& v : a) {
            if (v.is_null()) return Value();
          }
          std::string s = str(a, 0, e);
          const std::string& from = str(a, 1, e);
          const std::string& to = str(a, 2, e);
          if (from.empty()) return Value(s);
          std::string out;
          size_t pos = 0;
          for (size_t hit; (hit = s.find(from, pos)) != std::string::npos;
               pos = hit + from.size()) {
            out += s.substr(pos, hit - pos) + to;
          }
          return Value(out + s.substr(pos));
        }}},
      {"split",
       {2, 2,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          if (a[0].is_null() || a[1].is_null()) return Value();
          const std::string& s = str(a, 0, e);
          const std::string& sep = str(a, 1, e);
          List out;
          if (sep.empty()) {
            auto starts = char_starts(s);
            for (size_t i = 0; i < starts.size(); ++i) {
              size_t end = i + 1 < starts.size() ? starts[i + 1] : s.size();
              out.push_back(Value(s.substr(starts[i], end - starts[i])));
            }
            return Value(std::move(out));
          }
          size_t pos = 0;
          for (size_t hit; (hit = s.find(sep, pos)) != std::string::npos; pos = hit + sep.size()) {
            out.push_back(Value(s.substr(pos, hit - pos)));
          }
          out.push_back(Value(s.substr(pos)));
          return Value(std::move(out));
        }}},
      {"tostring",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          switch (a[0].kind()) {
            case ValueKind::kString: return a[0];
            case ValueKind::kInt:
            case ValueKind::kFloat: return Value(a[0].to_string());
            case ValueKind::kBool: return Value(a[0].as_bool() ? "true" : "false");
            default: type_error(e, 0, a[0], "a String, number or Boolean");
          }
        }}},
      {"tointeger",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          switch (a[0].kind()) {
            case ValueKind::kInt: return a[0];
            case ValueKind::kFloat: {
              double d = a[0].as_float();
              if (!std::isfinite(d)) return Value();
              return Value(static_cast<int64_t>(d));
            }
            case ValueKind::kString: {
              const std::string& s = a[0].as_string();
              char* end = nullptr;
              errno = 0;
              long long v = std::strtoll(s.c_str(), &end, 10);
              if (end != s.c_str() && *end == '\0' && errno == 0)
                return Value(static_cast<int64_t>(v));
              double d = std::strtod(s.c_str(), &end);
              if (end != s.c_str() && *end == '\0' && std::isfinite(d)) {
                return Value(static_cast<int64_t>(d));
              }
              return Value();
            }
            case ValueKind::kBool: return Value(int64_t{a[0].as_bool() ? 1 : 0});
            default: type_error(e, 0, a[0], "a String or number");
          }
        }}},
      {"tofloat",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          switch (a[0].kind()) {
            case ValueKind::kFloat: return a[0];
            case ValueKind::kInt: return Value(static_cast<double>(a[0].as_int()));
            case ValueKind::kString: {
              const std::string& s = a[0].as_string();
              char* end = nullptr;
              double d = std::strtod(s.c_str(), &end);
              if (end != s.c_str() && *end == '\0') return Value(d);
              return Value();
            }
            default: type_error(e, 0, a[0], "a String or number");
          }
        }}},
      {"toboolean",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() == ValueKind::kBool) return a[0];
          if (a[0].kind() == ValueKind::kString) {
            std::string s = to_lower(trim_chars(a[0].as_string(), true, true));
            if (s == "true") return Value(true);
            if (s == "false") return Value(false);
            return Value();
          }
          type_error(e, 0, a[0], "a String or Boolean");
        }}},
      {"abs",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (a[0].kind() == ValueKind::kInt)
            return Value(a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int());
          if (a[0].kind() == ValueKind::kFloat) return Value(std::fabs(a[0].as_float()));
          type_error(e, 0, a[0], "a number");
        }}},
      // Cypher rounds half up (towards positive infinity).
      {"round", {1, 1, unary_math([](double d) { return std::floor(d + 0.5); })}},
      {"ceil", {1, 1, unary_math([](double d) { return std::ceil(d); })}},
      {"floor", {1, 1, unary_math([](double d) { return std::floor(d); })}},
      {"sqrt", {1, 1, unary_math([](double d) { return std::sqrt(d); })}},
      {"sign",
       {1, 1,
        [](Args& a, const ast::Expr& e, ExecContext&) -> Value {
          NULL_IN_NULL_OUT;
          if (!is_number(a[0])) type_error(e, 0, a[0], "a number");
          double d = as_number(a[0]);
          return Value(int64_t{d > 0 ? 1 : d < 0 ? -1 : 0});
        }}},
      {"exists",
       {1, 1,
        [](Args& a, const ast::Expr&, ExecContext&) -> Value { return Value(!a[0].is_null()); }}},
  };
  return t;
}

const std::vector<std::string>& aggregate_names() {
  static const std::vector<std::string> names = {"count", "collect", "sum", "avg", "min", "max"};
  return names;
}

}  // namespace

std::optional<IntRange> range_arguments(const ast::Expr& e, std::vector<Value>& a) {
  for (const auto& v : a) {
    if (v.is_null()) return std::nullopt;
  }
  IntRange r{integer(a, 0, e), integer(a, 1, e), a.size() > 2 ? integer(a, 2, e) : 1};
  if (r.step == 0) fail(ErrorCode::kRuntimeError, "range() step must not be zero", e.span);
  return r;
}

void IntRange::Cursor::advance() {
  // Unsigned distances, so a range ending near the int64 limits stops instead of wrapping.
  auto gap = step > 0 ? static_cast<uint64_t>(to) - static_cast<uint64_t>(value)
                      : static_cast<uint64_t>(value) - static_cast<uint64_t>(to);
  auto stride = step > 0 ? static_cast<uint64_t>(step) : uint64_t{0} - static_cast<uint64_t>(step);
  if (gap < stride) {
    done = true;
  } else {
    value = static_cast<int64_t>(static_cast<uint64_t>(value) + static_cast<uint64_t>(step));
  }
}

bool is_aggregate_function(const std::string& lower_name) {
  const auto& n = aggregate_names();
  return std::find(n.begin(), n.end(), lower_name) != n.end();
}

bool is_scalar_function(const std::string& lower_name) { return table().count(lower_name) > 0; }

const std::vector<std::string>& function_names() {
  // The table is keyed by lower case (names are case-insensitive), but a hint should show
  // the spelling users read in openCypher documentation: toLower, not tolower.
  static const std::vector<std::string> mixed_case = {"startNode", "endNode",  "toLower",
                                                      "toUpper",   "toString", "toInteger",
                                                      "toFloat",   "toBoolean"};
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = aggregate_names();
    for (const auto& entry : table()) {
      const std::string& key = entry.first;
      auto spelled = std::find_if(mixed_case.begin(), mixed_case.end(),
                                  [&](const std::string& m) { return to_lower(m) == key; });
      out.push_back(spelled == mixed_case.end() ? key : *spelled);
    }
    std::sort(out.begin(), out.end());  // hints must not depend on hash order
    return out;
  }();
  return names;
}

Value call_function(const ast::Expr& e, std::vector<Value>& args, ExecContext& ctx) {
  // Names are usually written in lower case already; lowering costs an allocation per row.
  auto it = table().find(e.name);
  if (it == table().end()) it = table().find(to_lower(e.name));
  if (it == table().end()) {
    fail(ErrorCode::kSemanticError, fmt::format("unknown function {}()", e.name), e.span);
  }
  const FunctionDef& def = it->second;
  if (args.size() < def.min_args || args.size() > def.max_args) {
    fail(ErrorCode::kSemanticError,
         fmt::format("{}() takes {} argument{}, got {}", e.name, def.min_args,
                     def.min_args == 1 ? "" : "s", args.size()),
         e.span);
  }
  return def.fn(args, e, ctx);
}

}  // namespace quarry::engine
