// csv and tsv: one header line of column names, then one line per row, streamed.
//
// csv follows RFC 4180: a field holding a comma, a double quote, CR or LF is quoted and
// its quotes doubled; records end with LF (what spreadsheet and data tools write and read).
// tsv has no quoting, so tab, newline, CR and backslash are escaped as \t \n \r \\.
// Both write null as an empty field and other values as in the table (value_text.h).
#include <ostream>
#include <string>

#include "cli/output/formats.h"
#include "cli/output/value_text.h"

namespace quarry::cli::output {
namespace {

void write_csv_field(std::ostream& out, const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void write_tsv_field(std::ostream& out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '\t': out << "\\t"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\\': out << "\\\\"; break;
      default: out << c;
    }
  }
}

}  // namespace

Result<uint64_t> print_delimited(QueryResult& result, std::ostream& out,
                                 const PrintOptions& options) {
  const bool csv = options.format == OutputFormat::kCsv;
  const char sep = csv ? ',' : '\t';
  auto field = [&](const std::string& s) {
    csv ? write_csv_field(out, s) : write_tsv_field(out, s);
  };
  const auto& columns = result.columns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out << sep;
    field(columns[i]);
  }
  out << '\n';
  uint64_t rows = 0;
  Row row;
  for (;;) {
    auto more = result.next(row);
    if (!more.ok()) return more.error();
    if (!*more) break;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out << sep;
      if (!row[i].is_null()) field(display_text(row[i]));
    }
    out << '\n';
    ++rows;
  }
  return rows;
}

}  // namespace quarry::cli::output
