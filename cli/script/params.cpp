#include "cli/script/params.h"

#include <algorithm>
#include <string>

namespace quarry::cli {

Result<Value> evaluate_param(Database& db, const ParamCommand& param, const Params& params) {
  constexpr std::string_view kPrefix = "RETURN ";
  std::string query = std::string(kPrefix) + param.value + "\nAS value";
  auto shift = [&](const Error& e) {
    SourceSpan span = e.span();
    if (span.known()) {
      uint32_t col = span.line == 1 && span.column > kPrefix.size()
                         ? span.column - static_cast<uint32_t>(kPrefix.size())
                         : 1;
      span = SourceSpan{1, param.value_column + col - 1, span.length};
    }
    return Error(e.code(), e.message(), span, e.hint());
  };
  auto result = db.query(query, params);
  if (!result.ok()) return shift(result.error());
  auto rows = result->fetch_all();
  if (!rows.ok()) return shift(rows.error());
  if (rows->size() != 1 || rows->front().size() != 1) {
    return Error(ErrorCode::kSemanticError, "a parameter value must be one value",
                 SourceSpan{1, param.value_column, 1});
  }
  return rows->front().front();
}

void set_param(Params& params, std::string_view name, Value value) {
  auto it = std::find_if(params.begin(), params.end(),
                         [&](const auto& entry) { return entry.first == name; });
  if (it != params.end()) {
    it->second = std::move(value);
  } else {
    params.emplace_back(std::string(name), std::move(value));
  }
}

}  // namespace quarry::cli
