// Query parameters set by `:param name => value` in scripts and the shell.
//
// The value is any Cypher expression the engine accepts in `RETURN` (a literal such as
// 42, 'text', [1, 2], {a: 1}, or an expression using parameters set before), evaluated
// through the Database so its syntax is exactly the query language's.
#pragma once

#include <string_view>

#include "cli/script/script_reader.h"
#include "quarry/database.h"

namespace quarry::cli {

// Evaluates `param.value` with `params` bound. An error's span is relative to the
// command line the ParamCommand came from (line 1, the value at param.value_column).
Result<Value> evaluate_param(Database& db, const ParamCommand& param, const Params& params);

// A `--param name=value` from a command line: the value is an integer, a float, true,
// false or null when it reads as one, else a string (so no inner quotes are needed).
// False (params unchanged) when there is no `=` or no name.
bool parse_cli_param(std::string_view name_value, Params& params);

// Sets or replaces `name` in `params`.
void set_param(Params& params, std::string_view name, Value value);

}  // namespace quarry::cli
