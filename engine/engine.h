// The query engine's entry point: text in, streaming rows out.
//
// storage/ implements GraphSource over RocksDB and calls run() from Database::query();
// tests implement it in memory. run() parses, binds and plans the statement and returns
// a QueryResult whose rows are produced lazily from one snapshot taken at the start.
// A statement that writes takes a transaction from begin_write() and commits it once,
// when its result is exhausted; an error at any point leaves the graph unchanged.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/options.h"
#include "quarry/prepared.h"
#include "quarry/result.h"
#include "quarry/status.h"
#include "quarry/value.h"
#include "storage/graph.h"

namespace quarry::engine {

namespace ast {
struct Statement;
}

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

// Parses and binds `text` once for PreparedQuery::execute() (quarry/prepared.h); run()
// is prepare() followed by one execute().
Result<PreparedQuery> prepare(std::shared_ptr<GraphSource> source, std::string_view text);

}  // namespace quarry::engine

namespace quarry {

// Shared, immutable after prepare(): several threads may execute it at once.
struct PreparedQuery::State {
  std::shared_ptr<engine::GraphSource> source;
  std::string text;
  std::shared_ptr<const engine::ast::Statement> statement;  // parsed and bound
  std::vector<std::string> columns;
};

}  // namespace quarry
