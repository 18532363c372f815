// CALL: quarry.lookup, quarry.lookup_prefix, quarry.mentions, quarry.schema, quarry.stats.
#include <fmt/format.h>

#include <deque>

#include "engine/errors.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/value_ops.h"
#include "engine/exec/operator.h"
#include "engine/exec/procedures.h"

namespace quarry::engine {

const std::vector<ProcedureDef>& procedures() {
  static const std::vector<ProcedureDef> defs = {
      {"quarry.lookup", 1, {"node", "score"}},
      {"quarry.lookup_prefix", 1, {"node", "name"}},
      {"quarry.mentions",
       1,
       {"doc", "title", "date", "sentence", "text", "confidence", "source", "extractor", "negated",
        "hedged", "attribution", "time", "place", "qualifiers"}},
      {"quarry.schema", 0, {"kind", "name", "count"}},
      {"quarry.stats", 0, {"name", "value"}},
  };
  return defs;
}

const ProcedureDef* find_procedure(const std::string& name) {
  std::string lname = to_lower(name);
  for (const auto& p : procedures()) {
    if (p.name == lname) return &p;
  }
  return nullptr;
}

namespace {

void check(const Status& st) {
  if (!st.ok()) throw QueryError(st.error());
}

}  // namespace

std::vector<Row> call_procedure(const ProcedureDef& proc, const std::vector<Value>& args,
                                ExecContext& ctx, SourceSpan span) {
  std::vector<Row> out;
  if (proc.name == "quarry.lookup") {
    if (args[0].is_null()) return out;
    if (args[0].kind() != ValueKind::kString) {
      fail(ErrorCode::kRuntimeError, "quarry.lookup expects a String", span);
    }
    check(
        ctx.graph->lookup(args[0].as_string(), [&](const std::pair<storage::NodeId, double>& hit) {
          out.push_back(Row{ctx.node_value(hit.first), Value(hit.second)});
          return true;
        }));
  } else if (proc.name == "quarry.lookup_prefix") {
    if (args[0].is_null()) return out;
    if (args[0].kind() != ValueKind::kString) {
      fail(ErrorCode::kRuntimeError, "quarry.lookup_prefix expects a String", span);
    }
    // Bounded: an empty or one-letter prefix must not materialise the whole graph.
    constexpr size_t kMaxHits = 1000;
    check(ctx.graph->lookup_prefix(args[0].as_string(), [&](storage::NodeId n) {
      auto record = ctx.graph->node(n);
      const Value* name = record ? find(record->properties, "name") : nullptr;
      out.push_back(Row{ctx.node_value(n), name ? *name : Value()});
      return out.size() < kMaxHits;
    }));
  } else if (proc.name == "quarry.mentions") {
    if (args[0].is_null()) return out;
    if (args[0].kind() != ValueKind::kRelationship) {
      fail(ErrorCode::kRuntimeError,
           fmt::format("quarry.mentions expects a Relationship, got {}", type_name(args[0])), span);
    }
    auto id = static_cast<storage::RelId>(args[0].as_relationship().id);
    check(ctx.graph->mentions(id, [&](const storage::MentionRecord& m) {
      // The common qualifiers get their own fields (false/null when absent); all of them,
      // extra roles included, are in `qualifiers`.
      auto q = [&](const char* key, Value absent) {
        for (const auto& [k, v] : m.qualifiers) {
          if (k == key) return v;
        }
        return absent;
      };
      out.push_back(Row{Value(m.doc), Value(m.title), Value(m.date),
                        Value(static_cast<int64_t>(m.sentence)), Value(m.text), Value(m.confidence),
                        Value(m.source), Value(m.extractor), q("negated", Value(false)),
                        q("hedged", Value(false)), q("attribution", Value()), q("time", Value()),
                        q("place", Value()), Value(m.qualifiers)});
      return true;
    }));
  } else if (proc.name == "quarry.schema") {
    for (const auto& [name, n] : ctx.graph->labels()) {
      out.push_back(Row{Value("label"), Value(name), Value(static_cast<int64_t>(n))});
    }
    for (const auto& [name, n] : ctx.graph->rel_types()) {
      out.push_back(Row{Value("relationship"), Value(name), Value(static_cast<int64_t>(n))});
    }
    for (const auto& key : ctx.graph->property_keys()) {
      out.push_back(Row{Value("property"), Value(key), Value()});
    }
  } else if (proc.name == "quarry.stats") {
    out.push_back(
        Row{Value("nodes"), Value(static_cast<int64_t>(ctx.graph->node_count(std::nullopt)))});
    out.push_back(Row{Value("relationships"),
                      Value(static_cast<int64_t>(ctx.graph->rel_count(std::nullopt)))});
    out.push_back(Row{Value("labels"), Value(static_cast<int64_t>(ctx.graph->labels().size()))});
    out.push_back(Row{Value("relationship_types"),
                      Value(static_cast<int64_t>(ctx.graph->rel_types().size()))});
  }
  return out;
}

namespace {

class Call : public Operator {
 public:
  explicit Call(const ast::Clause& c)
      : Operator("Call", c.procedure), c_(c), proc_(*find_procedure(c.procedure)) {}
  bool produce(ExecContext& ctx, Row& row) override {
    for (;;) {
      ctx.check();
      while (!records_.empty()) {
        Row rec = std::move(records_.front());
        records_.pop_front();
        row = input_;
        for (const auto& y : c_.yields) {
          size_t field = 0;
          while (proc_.fields[field] != y.field) ++field;
          slot_ref(row, y.slot) = rec[field];
        }
        if (!c_.where || eval_predicate(*c_.where, row, ctx)) return true;
      }
      if (!child().next(ctx, input_)) return false;
      std::vector<Value> args;
      for (const auto& e : c_.exprs) args.push_back(eval(*e, input_, ctx));
      auto recs = call_procedure(proc_, args, ctx, c_.span);
      records_.assign(recs.begin(), recs.end());
    }
  }

 private:
  const ast::Clause& c_;
  const ProcedureDef& proc_;
  Row input_;
  std::deque<Row> records_;
};

}  // namespace

OpPtr make_call(OpPtr in, const ast::Clause& c) {
  auto op = std::make_unique<Call>(c);
  op->add_child(std::move(in));
  return op;
}

}  // namespace quarry::engine
