// MATCH and OPTIONAL MATCH: for each input row, every extension by the clause's
// patterns that passes WHERE. Matches of one input row are buffered, so the graph is
// read with the visitor interface without holding rows across callbacks.
#include <deque>

#include "engine/eval/evaluator.h"
#include "engine/exec/operator.h"
#include "engine/exec/pattern_search.h"

namespace quarry::engine {

namespace {

std::string describe_patterns(const ast::Clause& c) {
  std::string out;
  for (const auto& p : c.patterns) {
    if (!out.empty()) out += ", ";
    out += p.shortest == ast::Shortest::kNone ? "" : "shortest ";
    for (size_t i = 0; i < p.nodes.size(); ++i) {
      out += "(" + p.nodes[i].var;
      for (const auto& l : p.nodes[i].labels) out += ":" + l;
      out += ")";
      if (i < p.rels.size()) {
        const auto& r = p.rels[i];
        std::string body = r.var;
        for (size_t t = 0; t < r.types.size(); ++t) body += (t ? "|" : ":") + r.types[t];
        if (r.variable_length) body += "*";
        out += r.direction == storage::Direction::kIn ? "<-[" : "-[";
        out += body;
        out += r.direction == storage::Direction::kOut ? "]->" : "]-";
      }
    }
  }
  return out;
}

class Match : public Operator {
 public:
  explicit Match(const ast::Clause& c)
      : Operator(c.optional ? "OptionalMatch" : "Match", describe_patterns(c)), c_(c) {
    for (const auto& p : c.patterns) parts_.push_back(&p);
  }

  bool produce(ExecContext& ctx, Row& row) override {
    for (;;) {
      if (!buffer_.empty()) {
        row = std::move(buffer_.front());
        buffer_.pop_front();
        return true;
      }
      if (!child().next(ctx, input_)) return false;
      match_patterns(parts_, input_, ctx, [&](Row& r) {
        if (!c_.where || eval_predicate(*c_.where, r, ctx)) buffer_.push_back(r);
        return true;
      });
      if (buffer_.empty() && c_.optional) buffer_.push_back(input_);  // new slots stay null
    }
  }

 private:
  const ast::Clause& c_;
  std::vector<const ast::PatternPart*> parts_;
  Row input_;
  std::deque<Row> buffer_;
};

}  // namespace

OpPtr make_match(OpPtr in, const ast::Clause& c) {
  auto op = std::make_unique<Match>(c);
  op->add_child(std::move(in));
  return op;
}

}  // namespace quarry::engine
