// PreparedQuery: one openCypher statement parsed and checked once, run many times.
//
// Database::prepare() does the work that depends only on the text (parse, name and
// semantic checks, result columns); execute() then takes a fresh snapshot, builds the
// operator tree and streams rows, exactly like Database::query() with the same text and
// parameters. The plan does not depend on parameter values (index and start choices are
// made per row at run time), so nothing is re-planned when `$params` change; building
// the operator tree per execution is a handful of allocations.
//
// Errors: prepare() returns syntax and semantic errors; execute() returns runtime errors
// (missing parameter, type mismatch, timeout, ...). Spans in both refer to text(), so
// `error.to_string(prepared.text())` shows `line:col` with a caret.
//
// Ownership and thread safety: a PreparedQuery is cheap to copy (copies share the bound
// statement, which is never modified after prepare()) and keeps the database's storage
// alive. execute() may be called concurrently from several threads, on one object or on
// copies; each QueryResult it returns follows result.h's rules.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "quarry/options.h"
#include "quarry/result.h"
#include "quarry/status.h"
#include "quarry/value.h"

namespace quarry {

class PreparedQuery {
 public:
  // Engine-side state (bound statement, text, the database it runs on); opaque here.
  struct State;
  explicit PreparedQuery(std::shared_ptr<const State> state) : state_(std::move(state)) {}

  // Runs the statement with `params` bound to its `$names`. A read sees a snapshot taken
  // now; a write commits when its result is exhausted, as Database::query().
  Result<QueryResult> execute(const Map& params = {}, const QueryOptions& options = {}) const;

  // The statement as given to prepare(); error spans refer to it.
  const std::string& text() const;
  // The result columns (the last RETURN's names); empty for a statement without RETURN.
  const std::vector<std::string>& columns() const;
  // True when the statement changes the graph (CREATE, MERGE, SET, REMOVE, DELETE).
  bool writes() const;

 private:
  std::shared_ptr<const State> state_;
};

}  // namespace quarry
