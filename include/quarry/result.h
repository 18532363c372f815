// The streaming result of a query.
//
// A QueryResult produces rows on demand: next() runs the query only as far as needed
// for the next row. It reads one consistent snapshot of the database taken when the
// query started. It is movable, not copyable, and must be used from one thread at a
// time; cancel() may be called from any thread. Destroying it releases the snapshot.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "quarry/status.h"
#include "quarry/value.h"

namespace quarry {

using Row = std::vector<Value>;

// Engine-side cursor behind a QueryResult. Implemented by the engine.
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual const std::vector<std::string>& columns() const = 0;
  // Writes the next row and returns true, returns false at the end, or an error.
  virtual Result<bool> next(Row& row) = 0;
  virtual void cancel() = 0;
  // EXPLAIN / PROFILE text once the query has finished; empty otherwise.
  virtual std::string plan() const = 0;
};

class QueryResult {
 public:
  explicit QueryResult(std::unique_ptr<RowSource> source) : source_(std::move(source)) {}

  const std::vector<std::string>& columns() const { return source_->columns(); }
  // Fetches the next row into `row`. Returns true when a row was produced, false at the
  // end of the result, or an Error (the query is then finished).
  Result<bool> next(Row& row) { return source_->next(row); }
  // Asks a running query to stop; the next call to next() returns kCancelled promptly.
  void cancel() { source_->cancel(); }
  // The operator tree with rows and times, for EXPLAIN and PROFILE.
  std::string plan() const { return source_->plan(); }

  // Reads every remaining row. Convenient for small results.
  Result<std::vector<Row>> fetch_all() {
    std::vector<Row> rows;
    for (;;) {
      Row row;
      auto more = next(row);
      if (!more.ok()) return more.error();
      if (!more.value()) return rows;
      rows.push_back(std::move(row));
    }
  }

 private:
  std::unique_ptr<RowSource> source_;
};

}  // namespace quarry
