// Rendering query results for people and programs: table, csv, tsv, json, jsonl, markdown.
//
// Used by `quarry query`, `quarry run` and `quarry shell`. A printer pulls rows from a
// streaming QueryResult and writes them to an ostream as they arrive:
//   - csv, tsv, json and jsonl never hold more than one row, so a result of any size
//     streams in constant memory;
//   - table and markdown first read up to kMeasureRows rows to size and type the columns,
//     then stream the rest; a later cell wider than its column is cut with an ellipsis.
// Errors: a failing row (runtime error, cancellation) stops printing and is returned;
// whatever was written before it stays written. Nothing here throws.
// Thread safety: none needed; a printer is a function of its arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>

#include "quarry/result.h"
#include "quarry/status.h"

namespace quarry::cli {

enum class OutputFormat { kTable, kCsv, kTsv, kJson, kJsonl, kMarkdown };

// "table", "csv", "tsv", "json", "jsonl", "markdown" (also "md"); nullopt otherwise.
std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view format_name(OutputFormat format);
// "table, csv, tsv, json, jsonl, markdown": for help and error messages.
std::string_view format_names();

struct PrintOptions {
  OutputFormat format = OutputFormat::kTable;
  // ANSI colour: bold header, dim nulls. Set it only for a terminal without NO_COLOR.
  bool color = false;
  // Table width limit in terminal cells; 0 = unlimited (no truncation).
  size_t max_width = 0;
  // Table: a second header line with each column's type (INT, STRING, NODE, ...).
  bool show_types = true;
  // Table: box drawing with ─│┌ when true, with -|+ when false.
  bool unicode = true;
};

// Rows a table or markdown printer reads before fixing column widths and types.
inline constexpr size_t kMeasureRows = 1000;

// Options for writing to standard output: colour and the terminal's width when stdout is
// a terminal (and NO_COLOR is unset or empty), Unicode boxes when the locale is UTF-8.
// Anything else (a pipe, a file) gets no colour and no width limit.
PrintOptions print_options_for_stdout(OutputFormat format);

// Writes `result` to `out` in `options.format`. Returns the number of rows printed.
// A result without columns (a write without RETURN) prints nothing.
Result<uint64_t> print_result(QueryResult& result, std::ostream& out, const PrintOptions& options);

// The EXPLAIN / PROFILE plan of a finished `result` (nothing when there is none): on
// `out` for the formats people read (table, markdown), on stderr for the data formats,
// so a CSV or JSON stream stays parseable.
void print_plan(const QueryResult& result, OutputFormat format, std::ostream& out);

}  // namespace quarry::cli
