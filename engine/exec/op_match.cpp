// MATCH and OPTIONAL MATCH: for each input row, every extension by the clause's
// patterns that passes WHERE. The search of one input row runs on the main stack while
// it finds at most kInline rows; a larger result is searched again on a fiber (its own
// stack) that pauses every kBatch rows, so MATCH streams: memory stays bounded and a
// LIMIT stops the search. The graph is read through visitors that finish before any row
// is handed on, so pausing never holds a scan open.
#include <vector>

#include "engine/eval/evaluator.h"
#include "engine/exec/fiber.h"
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
  ~Match() override {
    if (fiber_.finished()) return;
    // Let a paused search return (its emit sees stop_), so its frames are unwound.
    stop_ = true;
    try {
      fiber_.resume();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the query is over either way
    }
  }

  bool produce(ExecContext& ctx, Row& row) override {
    for (;;) {
      if (pos_ < n_) {
        // Swapped, not moved: the caller's spent row keeps its allocation for the next
        // batch, so buffering a match copies values into existing vectors.
        row.swap(rows_[pos_++]);
        return true;
      }
      n_ = 0;
      pos_ = 0;
      if (!fiber_.finished()) {
        fiber_.resume();
        continue;
      }
      if (resume_on_fiber_) {
        // The inline rows are handed on; the fiber goes on from the match after them.
        resume_on_fiber_ = false;
        fiber_.start([this, &ctx] { search_on_fiber(ctx); });
        continue;
      }
      if (!child().next(ctx, input_)) return false;
      if (!search_inline(ctx)) {
        // A read query's search sees one snapshot and runs the same way again, so the rows
        // found inline are kept and the fiber skips their matches; a write may change the
        // graph between batches, so its search starts again from the beginning.
        if (ctx.txn) {
          n_ = 0;
          skip_ = 0;
          fiber_.start([this, &ctx] { search_on_fiber(ctx); });
        } else {
          resume_on_fiber_ = true;
        }
        continue;
      }
      if (n_ == 0 && c_.optional && !matched_) keep(input_);  // slots stay null
    }
  }

 private:
  static constexpr size_t kInline = 256;
  static constexpr size_t kBatch = 256;

  // Buffers a copy of `r` as row n_, reusing the vector left there by an earlier batch.
  void keep(const Row& r) {
    if (n_ < rows_.size()) {
      rows_[n_] = r;
    } else {
      rows_.push_back(r);
    }
    ++n_;
  }

  // Every match of input_ into rows_; false when there are more than kInline. skip_ is
  // then the number of matches (before WHERE) behind the kept rows.
  bool search_inline(ExecContext& ctx) {
    bool complete = true;
    matched_ = false;
    skip_ = 0;
    match_patterns(parts_, input_, ctx, [&](Row& r) {
      if (c_.where && !eval_predicate(*c_.where, r, ctx)) {
        ++skip_;
        return true;
      }
      if (n_ == kInline) return complete = false;
      matched_ = true;
      keep(r);
      ++skip_;
      return true;
    });
    return complete;
  }

  // The same search again past its first skip_ matches, pausing with each full batch.
  void search_on_fiber(ExecContext& ctx) {
    match_patterns(parts_, input_, ctx, [&](Row& r) {
      if (stop_) return false;
      if (skip_ > 0) {
        --skip_;
        return true;
      }
      if (c_.where && !eval_predicate(*c_.where, r, ctx)) return true;
      keep(r);
      if (n_ == kBatch) {
        fiber_.pause();
        if (stop_) return false;
      }
      return true;
    });
  }

  const ast::Clause& c_;
  std::vector<const ast::PatternPart*> parts_;
  Row input_;
  std::vector<Row> rows_;  // rows_[0, n_) are the buffered matches
  size_t n_ = 0;
  size_t pos_ = 0;
  size_t skip_ = 0;  // matches the fiber passes over: their rows were found inline
  bool resume_on_fiber_ = false;
  bool matched_ = false;
  bool stop_ = false;
  Fiber fiber_;
};

}  // namespace

OpPtr make_match(OpPtr in, const ast::Clause& c) {
  auto op = std::make_unique<Match>(c);
  op->add_child(std::move(in));
  return op;
}

}  // namespace quarry::engine
