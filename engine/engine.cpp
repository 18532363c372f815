// run(): parse, bind, plan, and hand back a lazily evaluated result. Every internal
// QueryError (and any stray exception) is turned into an Error here, at the boundary.
#include "engine/engine.h"

#include <fmt/format.h>

#include <deque>

#include "engine/binder/binder.h"
#include "engine/errors.h"
#include "engine/parser/parser.h"
#include "engine/planner/planner.h"

namespace quarry::engine {

namespace {

class EngineRows : public RowSource {
 public:
  EngineRows(std::shared_ptr<GraphSource> source, std::shared_ptr<const ast::Statement> statement,
             std::vector<std::string> columns, const Map& params, const QueryOptions& options)
      : source_(std::move(source)),
        statement_(std::move(statement)),
        params_(params),
        columns_(std::move(columns)) {
    cancelled_ = std::make_shared<std::atomic<bool>>(false);
    ctx_.cancelled = cancelled_;
    ctx_.params = &params_;
    if (options.timeout.count() > 0) {
      ctx_.deadline = std::chrono::steady_clock::now() + options.timeout;
    }
    max_rows_ = options.max_rows;
  }

  // Opens the graph view and builds the plan; errors surface from run().
  void start() {
    if (statement_->writes) {
      auto txn = source_->begin_write();
      if (!txn.ok()) throw QueryError(txn.error());
      txn_ = std::move(txn).value();
      ctx_.graph = txn_.get();
      ctx_.txn = txn_.get();
    } else {
      snapshot_ = source_->snapshot();
      ctx_.graph = snapshot_.get();
    }
    root_ = engine::plan(*statement_);
    mode_ = statement_->mode;
    if (mode_ == ast::Mode::kProfile) root_->enable_profiling();
    if (mode_ == ast::Mode::kExplain) {
      root_->describe(plan_text_, 0, false);
      finished_ = true;
    }
  }

  const std::vector<std::string>& columns() const override { return columns_; }

  Result<bool> next(Row& row) override {
    if (finished_) {
      if (error_) return *error_;
      return false;
    }
    try {
      ctx_.check_now();
      bool more = statement_->writes ? next_buffered(row) : next_live(row);
      if (!more) finish();
      return more;
    } catch (const QueryError& e) {
      return fail_with(e.error());
    } catch (const std::bad_alloc&) {
      return fail_with(Error{ErrorCode::kRuntimeError, "out of memory"});
    } catch (const std::exception& e) {
      return fail_with(
          Error{ErrorCode::kRuntimeError, fmt::format("internal error: {}", e.what())});
    }
  }

  void cancel() override { cancelled_->store(true); }
  std::string plan() const override { return plan_text_; }

 private:
  Error fail_with(Error e) {
    finished_ = true;
    error_ = e;
    txn_.reset();  // dropped without commit: nothing of the statement is applied
    return e;
  }

  // Moves the result columns of the plan's row `from` into the caller's `to`, loaded. The
  // plan's row (its slots beyond the columns among them) stays here, so the operators
  // reuse its allocation and the caller's row holds just the columns.
  bool emit(Row& from, Row& to) {
    size_t width = columns_.size();
    to.clear();
    to.reserve(width);
    for (size_t i = 0; i < width; ++i) {
      to.push_back(i < from.size() ? std::move(from[i]) : Value());
      ctx_.materialize(to.back());
    }
    if (max_rows_ && ++returned_ > max_rows_) {
      fail(ErrorCode::kRuntimeError, fmt::format("the query returned more than {} rows", max_rows_),
           {},
           "add LIMIT, or raise the row limit (QueryOptions::max_rows; --max-rows or :maxrows in "
           "the CLI)");
    }
    return true;
  }

  bool next_live(Row& row) {
    if (!root_->next(ctx_, work_)) return false;
    return emit(work_, row);
  }

  // A writing statement runs to the end and commits before its first row is returned,
  // so a failure anywhere leaves the graph unchanged.
  bool next_buffered(Row& row) {
    if (!drained_) {
      drained_ = true;
      while (root_->next(ctx_, work_)) {
        if (!columns_.empty()) {
          Row out;
          emit(work_, out);
          buffer_.push_back(std::move(out));
        }
      }
      Status st = txn_->commit();
      if (!st.ok()) throw QueryError(st.error());
      committed_ = true;
    }
    if (buffer_.empty()) return false;
    row = std::move(buffer_.front());
    buffer_.pop_front();
    return true;
  }

  void finish() {
    finished_ = true;
    if (mode_ == ast::Mode::kProfile) {
      plan_text_.clear();
      root_->describe(plan_text_, 0, true);
    }
  }

  std::shared_ptr<GraphSource> source_;
  std::shared_ptr<const ast::Statement> statement_;
  Map params_;
  std::shared_ptr<std::atomic<bool>> cancelled_;
  ExecContext ctx_;
  std::unique_ptr<storage::GraphSnapshot> snapshot_;
  std::unique_ptr<storage::GraphTransaction> txn_;
  OpPtr root_;
  Row work_;  // the plan's current row
  std::vector<std::string> columns_;
  ast::Mode mode_ = ast::Mode::kRun;
  std::string plan_text_;
  uint64_t max_rows_ = 0;
  uint64_t returned_ = 0;
  bool finished_ = false;
  bool drained_ = false;
  bool committed_ = false;
  std::optional<Error> error_;
  std::deque<Row> buffer_;
};

// Internal errors become Errors here, at the API boundary.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const QueryError& e) {
    return e.error();
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kRuntimeError, "out of memory"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kRuntimeError, fmt::format("internal error: {}", e.what())};
  }
}

}  // namespace

Result<PreparedQuery> prepare(std::shared_ptr<GraphSource> source, std::string_view text) {
  return guarded([&]() -> Result<PreparedQuery> {
    auto statement = std::make_shared<ast::Statement>(parse(text));
    bind(*statement);
    auto state = std::make_shared<PreparedQuery::State>();
    state->source = std::move(source);
    state->text = std::string(text);
    state->columns = result_columns(*statement);
    state->statement = std::move(statement);
    return PreparedQuery(std::move(state));
  });
}

Result<QueryResult> run(std::shared_ptr<GraphSource> source, std::string_view text,
                        const Map& params, const QueryOptions& options) {
  auto prepared = prepare(std::move(source), text);
  if (!prepared.ok()) return prepared.error();
  return prepared->execute(params, options);
}

}  // namespace quarry::engine

namespace quarry {

Result<QueryResult> PreparedQuery::execute(const Map& params, const QueryOptions& options) const {
  return engine::guarded([&]() -> Result<QueryResult> {
    auto rows = std::make_unique<engine::EngineRows>(state_->source, state_->statement,
                                                     state_->columns, params, options);
    rows->start();
    return QueryResult(std::move(rows));
  });
}

const std::string& PreparedQuery::text() const { return state_->text; }
const std::vector<std::string>& PreparedQuery::columns() const { return state_->columns; }
bool PreparedQuery::writes() const { return state_->statement->writes; }

}  // namespace quarry
