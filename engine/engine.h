// The query engine's entry point: text in, streaming rows out.
//
// storage/ implements GraphSource over RocksDB and calls run() from Database::query();
// tests implement it in memory. run() parses, binds and plans the statement and returns
// a QueryResult whose rows are produced lazily from one snapshot taken at the start.
// A statement that writes takes a transaction from begin_write() and commits it once,
// when its result is exhausted; an error at any point leaves the graph unchanged.
#pragma once

#include <memory>
#include <string_view>

#include "quarry/options.h"
#include "quarry/result.h"
#include "quarry/status.h"
#include "quarry/value.h"
#include "storage/graph.h"

namespace quarry::engine {

class GraphSource {
 public:
  virtual ~GraphSource() = default;
  // A consistent read view of the committed graph.
  virtual std::unique_ptr<storage::GraphSnapshot> snapshot() = 0;
  // A write transaction; kReadOnly when the database was opened read-only.
  virtual Result<std::unique_ptr<storage::GraphTransaction>> begin_write() = 0;
};

// Runs one statement. `source` must outlive the returned result. Errors carry the
// statement's source span (line:col) so callers can render a caret.
Result<QueryResult> run(std::shared_ptr<GraphSource> source, std::string_view text,
                        const Map& params, const QueryOptions& options);

}  // namespace quarry::engine
