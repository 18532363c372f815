#include <optional>

#include "cli/output/formats.h"
#include "cli/output/value_text.h"

namespace quarry::cli::output {

Result<Sample> read_sample(QueryResult& result, size_t limit) {
  Sample sample;
  while (sample.rows.size() < limit) {
    Row row;
    auto more = result.next(row);
    if (!more.ok()) return more.error();
    if (!*more) {
      sample.ended = true;
      break;
    }
    sample.rows.push_back(std::move(row));
  }
  return sample;
}

std::vector<std::string> column_types(size_t columns, const std::vector<Row>& rows) {
  std::vector<std::string> types;
  for (size_t c = 0; c < columns; ++c) {
    std::optional<ValueKind> kind;
    bool mixed = false;
    for (const Row& row : rows) {
      if (c >= row.size() || row[c].is_null()) continue;
      if (kind && *kind != row[c].kind()) mixed = true;
      kind = row[c].kind();
    }
    types.emplace_back(mixed ? "ANY" : type_name(kind.value_or(ValueKind::kNull)));
  }
  return types;
}

std::vector<bool> numeric_columns(size_t columns, const std::vector<Row>& rows) {
  std::vector<bool> numeric(columns, false);
  for (size_t c = 0; c < columns; ++c) {
    bool any = false;
    bool all = true;
    for (const Row& row : rows) {
      if (c >= row.size() || row[c].is_null()) continue;
      any = true;
      all = all && is_number(row[c].kind());
    }
    numeric[c] = any && all;
  }
  return numeric;
}

}  // namespace quarry::cli::output
