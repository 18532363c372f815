#include "engine/binder/binder.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/exec/procedures.h"

namespace quarry::engine {

using ast::ExprKind;

namespace {

// What a variable is known to hold, to reject `MATCH ()-[r]-() MATCH (r)` and the like.
enum class VarKind : uint8_t { kValue, kScalar, kNode, kRel, kRelList, kPath };

struct Scope {
  std::vector<std::pair<std::string, int>> vars;  // later entries shadow earlier ones
  std::vector<VarKind> kinds;                     // parallel to vars
  int width = 0;                                  // next free slot in this segment

  int lookup(const std::string& name) const {
    for (auto it = vars.rbegin(); it != vars.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    return -1;
  }
  VarKind kind_of(const std::string& name) const {
    for (size_t i = vars.size(); i-- > 0;) {
      if (vars[i].first == name) return kinds[i];
    }
    return VarKind::kValue;
  }
  int declare(const std::string& name, VarKind kind = VarKind::kValue) {
    int slot = width++;
    vars.emplace_back(name, slot);
    kinds.push_back(kind);
    return slot;
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& [n, s] : vars) {
      if (!n.empty() && n[0] != ' ') out.push_back(n);
    }
    return out;
  }
};

enum class Aggregates { kForbidden, kAllowed };

class Binder {
 public:
  void statement(ast::Statement& st) {
    std::vector<std::string> columns;
    for (size_t i = 0; i < st.parts.size(); ++i) {
      single(st.parts[i], st);
      auto cols = columns_of(st.parts[i]);
      if (i == 0) {
        columns = cols;
      } else if (cols != columns) {
        fail(ErrorCode::kSemanticError, "all parts of a UNION must return the same columns",
             st.parts[i].clauses.front().span);
      }
    }
  }

  static std::vector<std::string> columns_of(const ast::SingleQuery& q) {
    std::vector<std::string> out;
    if (q.clauses.empty()) return out;
    const auto& last = q.clauses.back();
    if (last.kind != ast::ClauseKind::kReturn) return out;
    for (const auto& item : last.projection.items) out.push_back(item.alias);
    return out;
  }

 private:
  void single(ast::SingleQuery& q, ast::Statement& st) {
    Scope scope;
    for (size_t i = 0; i < q.clauses.size(); ++i) {
      auto& c = q.clauses[i];
      bool last = i + 1 == q.clauses.size();
      if (c.kind == ast::ClauseKind::kReturn && !last) {
        fail(ErrorCode::kSemanticError, "RETURN must be the last clause", c.span);
      }
      clause(c, scope, st);
      if (last && (c.kind == ast::ClauseKind::kMatch || c.kind == ast::ClauseKind::kWith ||
                   c.kind == ast::ClauseKind::kUnwind)) {
        fail(ErrorCode::kSemanticError, "a query cannot end with this clause", c.span,
             "finish it with RETURN");
      }
    }
    q.width = scope.width;
  }

  void clause(ast::Clause& c, Scope& scope, ast::Statement& st) {
    switch (c.kind) {
      case ast::ClauseKind::kMatch: {
        std::set<std::string> introduced;
        for (auto& p : c.patterns) pattern(p, scope, introduced, false);
        for (auto& p : c.patterns) {
          no_parameter_maps(p);
          pattern_exprs(p, scope);
        }
        if (c.where) expr(*c.where, scope, Aggregates::kForbidden);
        return;
      }
      case ast::ClauseKind::kUnwind:
        expr(*c.expr, scope, Aggregates::kForbidden);
        c.slot = scope.declare(
            c.alias, c.expr->kind == ExprKind::kList ? VarKind::kScalar : VarKind::kValue);
        return;
      case ast::ClauseKind::kWith:
        for (const auto& item : c.projection.items) {
          if (!item.aliased && item.expr->kind != ExprKind::kVariable) {
            fail(ErrorCode::kSemanticError, "an expression in WITH needs a name", item.span,
                 fmt::format("write {} AS name", item.alias));
          }
        }
        [[fallthrough]];
      case ast::ClauseKind::kReturn:
        scope = projection(c.projection, scope, c.span);
        if (c.where) expr(*c.where, scope, Aggregates::kForbidden);
        return;
      case ast::ClauseKind::kCreate: {
        st.writes = true;
        std::set<std::string> introduced;
        for (auto& p : c.patterns) {
          pattern(p, scope, introduced, true);
          check_creatable(p);
        }
        for (auto& p : c.patterns) pattern_exprs(p, scope);
        return;
      }
      case ast::ClauseKind::kMerge: {
        st.writes = true;
        std::set<std::string> introduced;
        pattern(c.patterns[0], scope, introduced, false);
        check_creatable(c.patterns[0]);
        pattern_exprs(c.patterns[0], scope);
        for (auto& item : c.items) set_item(item, scope);
        for (auto& item : c.on_create) set_item(item, scope);
        return;
      }
      case ast::ClauseKind::kSet:
      case ast::ClauseKind::kRemove:
        st.writes = true;
        for (auto& item : c.items) set_item(item, scope);
        return;
      case ast::ClauseKind::kDelete:
        st.writes = true;
        for (auto& e : c.exprs) expr(*e, scope, Aggregates::kForbidden);
        return;
      case ast::ClauseKind::kCall: {
        const auto* proc = find_procedure(c.procedure);
        if (!proc) {
          std::vector<std::string> names;
          for (const auto& p : procedures()) names.push_back(p.name);
          std::string near = closest_name(c.procedure, names);
          fail(ErrorCode::kSemanticError, fmt::format("unknown procedure {}", c.procedure), c.span,
               near.empty() ? "" : fmt::format("did you mean {}?", near));
        }
        if (c.exprs.size() != proc->arguments) {
          fail(ErrorCode::kSemanticError,
               fmt::format("{} takes {} argument(s), got {}", proc->name, proc->arguments,
                           c.exprs.size()),
               c.span);
        }
        for (auto& e : c.exprs) expr(*e, scope, Aggregates::kForbidden);
        if (c.yield_star) {
          for (const auto& f : proc->fields) {
            ast::YieldItem y;
            y.field = y.alias = f;
            y.span = c.span;
            c.yields.push_back(y);
          }
        }
        for (auto& y : c.yields) {
          if (std::find(proc->fields.begin(), proc->fields.end(), y.field) == proc->fields.end()) {
            fail(ErrorCode::kSemanticError,
                 fmt::format("{} yields no field named {}", proc->name, y.field), y.span);
          }
          y.slot = scope.declare(y.alias);
        }
        if (c.where) expr(*c.where, scope, Aggregates::kForbidden);
        return;
      }
    }
  }

  // `MATCH (n $props)` is not Cypher: only CREATE takes a whole map parameter.
  void no_parameter_maps(const ast::PatternPart& p) {
    for (const auto& n : p.nodes) {
      if (n.properties && n.properties->kind == ExprKind::kParameter) {
        fail(ErrorCode::kSemanticError, "a parameter cannot stand for a pattern's properties",
             n.properties->span, "write {key: $value}");
      }
    }
    for (const auto& r : p.rels) {
      if (r.properties && r.properties->kind == ExprKind::kParameter) {
        fail(ErrorCode::kSemanticError, "a parameter cannot stand for a pattern's properties",
             r.properties->span, "write {key: $value}");
      }
    }
  }

  void check_creatable(const ast::PatternPart& p) {
    for (const auto& r : p.rels) {
      if (r.types.size() != 1) {
        fail(ErrorCode::kSemanticError, "a relationship to create needs exactly one type", r.span);
      }
      if (r.direction == storage::Direction::kBoth) {
        fail(ErrorCode::kSemanticError, "a relationship to create needs a direction", r.span,
             "write -> or <-");
      }
      if (r.variable_length) {
        fail(ErrorCode::kSemanticError, "cannot create a variable-length relationship", r.span);
      }
      if (r.bound) fail(ErrorCode::kSemanticError, fmt::format("{} already exists", r.var), r.span);
    }
    if (p.shortest != ast::Shortest::kNone) {
      fail(ErrorCode::kSemanticError, "cannot create a shortest path", p.span);
    }
  }

  // Declares the part's variables; `introduced` holds names first seen in this clause.
  void pattern(ast::PatternPart& p, Scope& scope, std::set<std::string>& introduced,
               bool creating) {
    for (auto& n : p.nodes) {
      if (n.var.empty()) {
        n.slot = scope.declare(hidden());
        continue;
      }
      n.slot = scope.lookup(n.var);
      if (n.slot < 0) {
        n.slot = scope.declare(n.var, VarKind::kNode);
        introduced.insert(n.var);
      } else {
        VarKind k = scope.kind_of(n.var);
        if (k != VarKind::kNode && k != VarKind::kValue) {
          fail(ErrorCode::kSemanticError, fmt::format("{} is not a node", n.var), n.span,
               "a variable keeps one type within a query");
        }
        n.bound = introduced.count(n.var) == 0;
        if (creating && n.bound && (!n.labels.empty() || n.properties) && p.rels.empty()) {
          fail(ErrorCode::kSemanticError, fmt::format("variable {} already declared", n.var),
               n.span);
        }
      }
    }
    for (auto& r : p.rels) {
      if (r.var.empty()) {
        r.slot = scope.declare(hidden());
        continue;
      }
      r.slot = scope.lookup(r.var);
      if (r.slot < 0) {
        r.slot = scope.declare(r.var, r.variable_length ? VarKind::kRelList : VarKind::kRel);
        introduced.insert(r.var);
      } else {
        VarKind k = scope.kind_of(r.var);
        if (introduced.count(r.var) || (k != VarKind::kRel && k != VarKind::kValue) ||
            (r.variable_length && k == VarKind::kRel)) {
          fail(ErrorCode::kSemanticError,
               fmt::format("{} cannot be used as a relationship here", r.var), r.span,
               "a relationship variable can appear once per MATCH");
        }
        r.bound = introduced.count(r.var) == 0;
      }
    }
    if (!p.path_var.empty()) {
      if (scope.lookup(p.path_var) >= 0) {
        fail(ErrorCode::kSemanticError, fmt::format("variable {} already declared", p.path_var),
             p.span);
      }
      p.path_slot = scope.declare(p.path_var, VarKind::kPath);
    } else if (p.shortest != ast::Shortest::kNone) {
      p.path_slot = scope.declare(hidden());
    }
  }

  void pattern_exprs(ast::PatternPart& p, Scope& scope) {
    for (auto& n : p.nodes) {
      if (n.properties) expr(*n.properties, scope, Aggregates::kForbidden);
    }
    for (auto& r : p.rels) {
      if (r.properties) expr(*r.properties, scope, Aggregates::kForbidden);
    }
  }

  void set_item(ast::SetItem& item, Scope& scope) {
    if (item.target) expr(*item.target, scope, Aggregates::kForbidden);
    if (item.value) expr(*item.value, scope, Aggregates::kForbidden);
  }

  Scope projection(ast::Projection& p, Scope& in, SourceSpan span) {
    if (p.star) {
      auto names = in.names();
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
      if (names.empty() && p.items.empty()) {
        fail(ErrorCode::kSemanticError, "RETURN * has no variables in scope", span);
      }
      std::vector<ast::ProjectionItem> items;
      for (const auto& n : names) {
        ast::ProjectionItem item;
        item.alias = n;
        item.span = span;
        item.expr = std::make_unique<ast::Expr>();
        item.expr->kind = ExprKind::kVariable;
        item.expr->name = n;
        item.expr->span = span;
        items.push_back(std::move(item));
      }
      for (auto& item : p.items) items.push_back(std::move(item));
      p.items = std::move(items);
    }
    int k = static_cast<int>(p.items.size());
    p.input_width = in.width;
    Scope combined;
    combined.width = k + in.width;
    for (size_t i = 0; i < in.vars.size(); ++i) {
      combined.vars.emplace_back(in.vars[i].first, in.vars[i].second + k);
      combined.kinds.push_back(in.kinds[i]);
    }
    projection_ = &p;
    std::set<std::string> aliases;
    for (int i = 0; i < k; ++i) {
      auto& item = p.items[static_cast<size_t>(i)];
      expr(*item.expr, combined, Aggregates::kAllowed);
      item.slot = i;
      if (!aliases.insert(item.alias).second) {
        fail(ErrorCode::kSemanticError, fmt::format("column {} appears twice", item.alias),
             item.span, "give one of them another name with AS");
      }
    }
    std::vector<VarKind> item_kinds;
    for (const auto& item : p.items) {
      item_kinds.push_back(kind_of_expr(*item.expr, in));
    }
    Scope order = combined;
    for (int i = 0; i < k; ++i) {
      order.vars.emplace_back(p.items[static_cast<size_t>(i)].alias, i);
      order.kinds.push_back(item_kinds[static_cast<size_t>(i)]);
    }
    size_t item_aggregates = p.aggregates.size();
    for (auto& s : p.order) {
      expr(*s.expr, order, Aggregates::kAllowed);
      if (item_aggregates == 0 && p.aggregates.size() > 0) {
        fail(ErrorCode::kSemanticError, "ORDER BY cannot aggregate when the projection does not",
             s.expr->span);
      }
    }
    projection_ = nullptr;
    Scope constant;
    if (p.skip) expr(*p.skip, constant, Aggregates::kForbidden);
    if (p.limit) expr(*p.limit, constant, Aggregates::kForbidden);
    Scope out;
    for (int i = 0; i < k; ++i) {
      out.vars.emplace_back(p.items[static_cast<size_t>(i)].alias, i);
      out.kinds.push_back(item_kinds[static_cast<size_t>(i)]);
    }
    out.width = k;
    return out;
  }

  // What a projected expression holds, when the syntax alone tells.
  static VarKind kind_of_expr(const ast::Expr& e, const Scope& in) {
    switch (e.kind) {
      case ExprKind::kVariable: return in.kind_of(e.name);
      case ExprKind::kLiteral:
      case ExprKind::kList:
      case ExprKind::kMap:
      case ExprKind::kArith:
      case ExprKind::kCompare:
      case ExprKind::kAnd:
      case ExprKind::kOr:
      case ExprKind::kNot:
      case ExprKind::kCountStar: return VarKind::kScalar;
      default: return VarKind::kValue;
    }
  }

  std::string hidden() { return fmt::format("  anon{}", anon_++); }

  void aggregate(ast::Expr& e, Scope& scope, Aggregates mode) {
    if (mode == Aggregates::kForbidden || !projection_) {
      fail(ErrorCode::kSemanticError, "aggregation is only allowed in WITH and RETURN", e.span);
    }
    if (in_aggregate_) fail(ErrorCode::kSemanticError, "aggregations cannot be nested", e.span);
    if (e.kind == ExprKind::kFunction && e.kids.size() != 1) {
      fail(ErrorCode::kSemanticError, fmt::format("{}() takes 1 argument", e.name), e.span);
    }
    in_aggregate_ = true;
    for (auto& k : e.kids) expr(*k, scope, mode);
    in_aggregate_ = false;
    e.slot = scope.width++;
    projection_->aggregates.push_back(&e);
  }

  void expr(ast::Expr& e, Scope& scope, Aggregates mode) {
    switch (e.kind) {
      case ExprKind::kLiteral:
        if (e.name == "integer") {
          fail(ErrorCode::kSyntaxError, "integer literal is too large", e.span);
        }
        return;
      case ExprKind::kVariable: {
        e.slot = scope.lookup(e.name);
        if (e.slot < 0) {
          std::string near = closest_name(e.name, scope.names());
          fail(ErrorCode::kSemanticError, fmt::format("unknown variable {}", e.name), e.span,
               near.empty() ? "" : fmt::format("did you mean {}?", near));
        }
        return;
      }
      case ExprKind::kCountStar: return aggregate(e, scope, mode);
      case ExprKind::kFunction: {
        std::string lname = to_lower(e.name);
        if (is_aggregate_function(lname)) {
          e.name = lname;
          return aggregate(e, scope, mode);
        }
        if (!is_scalar_function(lname)) {
          std::string near = closest_name(e.name, function_names());
          fail(ErrorCode::kSemanticError, fmt::format("unknown function {}()", e.name), e.span,
               near.empty() ? "" : fmt::format("did you mean {}()?", near));
        }
        if (e.distinct) {
          fail(ErrorCode::kSemanticError, "DISTINCT is only allowed in aggregations", e.span);
        }
        break;
      }
      case ExprKind::kListComprehension:
      case ExprKind::kQuantifier: {
        expr(*e.kids[0], scope, mode);
        Scope local = scope;
        e.slot = local.declare(e.name);
        for (size_t i = 1; i < e.kids.size(); ++i) {
          if (e.kids[i]) expr(*e.kids[i], local, Aggregates::kForbidden);
        }
        scope.width = local.width;
        return;
      }
      case ExprKind::kPatternPredicate:
      case ExprKind::kShortestPath: {
        Scope local = scope;
        std::set<std::string> introduced;
        pattern(*e.pattern, local, introduced, false);
        if (e.kind == ExprKind::kShortestPath && e.pattern->path_slot < 0) {
          e.pattern->path_slot = local.declare(hidden());
        }
        pattern_exprs(*e.pattern, local);
        scope.width = local.width;
        return;
      }
      default: break;
    }
    for (auto& k : e.kids) {
      if (k) expr(*k, scope, mode);
    }
  }

  ast::Projection* projection_ = nullptr;
  bool in_aggregate_ = false;
  int anon_ = 0;
};

}  // namespace

void bind(ast::Statement& statement) { Binder().statement(statement); }

std::vector<std::string> result_columns(const ast::Statement& statement) {
  if (statement.parts.empty()) return {};
  std::vector<std::string> out;
  const auto& q = statement.parts.front();
  if (q.clauses.empty()) return out;
  if (q.clauses.back().kind == ast::ClauseKind::kCall) {
    for (const auto& y : q.clauses.back().yields) out.push_back(y.alias);
    return out;
  }
  if (q.clauses.back().kind != ast::ClauseKind::kReturn) return out;
  for (const auto& item : q.clauses.back().projection.items) out.push_back(item.alias);
  return out;
}

bool contains_aggregate(const ast::Expr& e) {
  if ((e.kind == ExprKind::kCountStar || e.kind == ExprKind::kFunction) && e.slot >= 0) return true;
  for (const auto& k : e.kids) {
    if (k && contains_aggregate(*k)) return true;
  }
  return false;
}

}  // namespace quarry::engine
