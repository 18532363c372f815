// The printers behind print_result, one per file; internal to cli/output/.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/output/printer.h"

namespace quarry::cli::output {

Result<uint64_t> print_table(QueryResult& result, std::ostream& out, const PrintOptions& options);
Result<uint64_t> print_markdown(QueryResult& result, std::ostream& out,
                                const PrintOptions& options);
// csv (RFC 4180 quoting) and tsv (backslash escapes) differ only in how a field is written.
Result<uint64_t> print_delimited(QueryResult& result, std::ostream& out,
                                 const PrintOptions& options);
// json (one array of row objects) and jsonl (one row object per line).
Result<uint64_t> print_json(QueryResult& result, std::ostream& out, const PrintOptions& options);

}  // namespace quarry::cli::output

namespace quarry::cli::output {

// The first rows of a result, read to size and type the columns of a table.
struct Sample {
  std::vector<Row> rows;
  bool ended = false;  // the result had no more rows than these
};
// Reads up to `limit` rows.
Result<Sample> read_sample(QueryResult& result, size_t limit);

// Per column: the one kind its non-null values have ("INT"), "ANY" when they differ,
// "NULL" when all are null or there are no rows.
std::vector<std::string> column_types(size_t columns, const std::vector<Row>& rows);
// Per column: true when every non-null value is a number (and one exists).
std::vector<bool> numeric_columns(size_t columns, const std::vector<Row>& rows);

}  // namespace quarry::cli::output
