// Quarry's own syntax tree for one statement: what the parser produces from the ANTLR
// parse tree and what the binder annotates (slots) before planning.
//
// Every node carries the SourceSpan of the text it came from, so errors from any later
// phase point at the right place. The tree is plain data owned by its Statement; it is
// built once per run() and never shared between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "quarry/status.h"
#include "quarry/value.h"
#include "storage/graph.h"

namespace quarry::engine::ast {

struct Expr;
struct PatternPart;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : uint8_t {
  kLiteral,            // value
  kParameter,          // name
  kVariable,           // name, slot
  kProperty,           // kids[0].name
  kIndex,              // kids[0][kids[1]]
  kSlice,              // kids[0][kids[1]..kids[2]], either bound may be null
  kList,               // kids
  kMap,                // keys[i]: kids[i]
  kNot,                // NOT kids[0]
  kNegate,             // -kids[0]
  kAnd,                // kids[0] AND kids[1]
  kOr,                 // kids[0] OR kids[1]
  kXor,                // kids[0] XOR kids[1]
  kCompare,            // kids[0] op kids[1]
  kArith,              // kids[0] op kids[1]
  kStartsWith,         // kids[0] STARTS WITH kids[1]
  kEndsWith,           // kids[0] ENDS WITH kids[1]
  kContains,           // kids[0] CONTAINS kids[1]
  kIn,                 // kids[0] IN kids[1]
  kRegex,              // kids[0] =~ kids[1]
  kIsNull,             // kids[0] IS NULL
  kIsNotNull,          // kids[0] IS NOT NULL
  kFunction,           // name(kids), distinct
  kCountStar,          // count(*)
  kCase,               // [subject] (when then)* [else]; see has_subject / has_else
  kListComprehension,  // [name IN kids[0] WHERE kids[1] | kids[2]], slot = name's slot
  kQuantifier,         // op(name IN kids[0] WHERE kids[1]), slot = name's slot
  kPatternPredicate,   // pattern: true when at least one match exists
  kHasLabels,          // kids[0]:keys[0]:keys[1]...
  kShortestPath,       // pattern with shortest set: the first path or null
  kAggregateRef,       // binder: the value of aggregate number `slot` of a projection
};

enum class Op : uint8_t {
  kEq,
  kNe,
  kLt,
  kGt,
  kLe,
  kGe,  // comparisons
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,  // arithmetic
  kAll,
  kAny,
  kNone,
  kSingle,  // quantifiers
};

struct Expr {
  Expr() = default;
  Expr(Expr&&) = default;
  Expr& operator=(Expr&&) = default;
  // Frees the kids with a worklist instead of recursion: a chain such as 1 + 1 + ... + 1
  // is one level deeper per operator, and a long one must not exhaust the stack even when
  // it is being thrown away for being too deep.
  ~Expr();

  ExprKind kind = ExprKind::kLiteral;
  SourceSpan span;
  Op op = Op::kEq;
  std::string name;
  Value value;
  std::vector<ExprPtr> kids;
  std::vector<std::string> keys;
  bool distinct = false;
  bool has_subject = false;
  bool has_else = false;
  std::shared_ptr<PatternPart> pattern;
  int slot = -1;
  uint32_t height = 0;  // 1 + the tallest kid, once the transformer measured it; 0 before
};

// The height of `e` (a lone literal is 1), measured without recursion; kids already
// measured are not walked again. Sets `height` on every Expr it measures.
uint32_t measure_height(Expr& e);

struct NodePattern {
  std::string var;  // empty when anonymous; the binder gives it a hidden slot anyway
  SourceSpan span;
  std::vector<std::string> labels;
  ExprPtr properties;  // map literal or parameter, or null
  int slot = -1;
  bool bound = false;  // binder: the variable was already bound before this pattern
};

struct RelPattern {
  std::string var;
  SourceSpan span;
  std::vector<std::string> types;  // alternatives; empty = any type
  storage::Direction direction = storage::Direction::kBoth;
  bool variable_length = false;
  int64_t min_hops = 1;
  int64_t max_hops = 1;  // -1: unbounded as written (the planner applies a default cap)
  ExprPtr properties;
  int slot = -1;
  bool bound = false;
};

enum class Shortest : uint8_t { kNone, kOne, kAll };

// node (rel node)*; nodes.size() == rels.size() + 1.
struct PatternPart {
  std::string path_var;
  int path_slot = -1;
  SourceSpan span;
  Shortest shortest = Shortest::kNone;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // as written, or the expression text when not aliased
  bool aliased = false;
  SourceSpan span;
  int slot = -1;  // binder: slot in the projection's output row
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order;
  ExprPtr skip;
  ExprPtr limit;
  // Binder: aggregate calls lifted out of items/order, evaluated per group.
  std::vector<Expr*> aggregates;
  int input_width = 0;  // binder: width of the rows entering the projection
};

enum class SetKind : uint8_t {
  kProperty,        // target.name = value
  kReplace,         // var = map
  kMerge,           // var += map
  kLabels,          // var:Label
  kRemoveProperty,  // REMOVE target.name
  kRemoveLabels,    // REMOVE var:Label
};

struct SetItem {
  SetKind kind = SetKind::kProperty;
  SourceSpan span;
  ExprPtr target;  // the entity expression (for property kinds) or the variable
  std::string key;
  std::vector<std::string> labels;
  ExprPtr value;
};

enum class ClauseKind : uint8_t {
  kMatch,
  kUnwind,
  kWith,
  kReturn,
  kCreate,
  kMerge,
  kSet,
  kRemove,
  kDelete,
  kCall
};

struct YieldItem {
  std::string field;
  std::string alias;
  SourceSpan span;
  int slot = -1;
};

struct Clause {
  ClauseKind kind = ClauseKind::kMatch;
  SourceSpan span;
  bool optional = false;              // OPTIONAL MATCH
  std::vector<PatternPart> patterns;  // MATCH, CREATE, MERGE (one part)
  ExprPtr where;                      // MATCH, WITH, CALL ... YIELD
  ExprPtr expr;                       // UNWIND
  std::string alias;                  // UNWIND
  int slot = -1;                      // UNWIND
  Projection projection;              // WITH, RETURN
  std::vector<SetItem> items;         // SET, REMOVE, MERGE ON MATCH
  std::vector<SetItem> on_create;     // MERGE ON CREATE
  std::vector<ExprPtr> exprs;         // DELETE targets, CALL arguments
  bool detach = false;
  std::string procedure;          // CALL
  std::vector<YieldItem> yields;  // CALL
  bool yield_star = false;        // CALL without YIELD
};

struct SingleQuery {
  std::vector<Clause> clauses;
  int width = 0;  // binder: row width of the final segment
};

enum class Mode : uint8_t { kRun, kExplain, kProfile };

struct Statement {
  Mode mode = Mode::kRun;
  std::vector<SingleQuery> parts;  // UNION branches
  std::vector<bool> union_all;     // between parts[i] and parts[i + 1]
  bool writes = false;             // binder: some clause changes the graph
};

}  // namespace quarry::engine::ast
