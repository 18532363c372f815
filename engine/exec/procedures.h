// Built-in procedures for CALL: the knowledge-graph extensions (lookup by surface form,
// provenance of a relationship) and catalogue views (schema, stats).
#pragma once

#include <string>
#include <vector>

#include "engine/exec/context.h"
#include "quarry/status.h"

namespace quarry::engine {

struct ProcedureDef {
  std::string name;
  size_t arguments;
  std::vector<std::string> fields;
};

const std::vector<ProcedureDef>& procedures();
// Case-insensitive; nullptr when unknown.
const ProcedureDef* find_procedure(const std::string& name);
// Every output record, values in `fields` order.
std::vector<Row> call_procedure(const ProcedureDef& proc, const std::vector<Value>& args,
                                ExecContext& ctx, SourceSpan span);

}  // namespace quarry::engine
