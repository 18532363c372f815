// Placeholder until the query engine lands: every statement reports that it cannot run.
#include "engine/engine.h"

namespace quarry::engine {

Result<QueryResult> run(std::shared_ptr<GraphSource>, std::string_view, const Map&,
                        const QueryOptions&) {
  return Error{ErrorCode::kRuntimeError, "the query engine is not available in this build"};
}

}  // namespace quarry::engine
