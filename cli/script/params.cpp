#include "cli/script/params.h"

#include <algorithm>
#include <exception>
#include <string>

namespace quarry::cli {

Result<Value> evaluate_param(Database& db, const ParamCommand& param, const Params& params) {
  constexpr std::string_view kPrefix = "RETURN ";
  std::string query = std::string(kPrefix) + param.value + "\nAS value";
  auto shift = [&](const Error& e) {
    SourceSpan span = e.span();
    if (span.line > 1) {
      // The error is in the `AS value` this function added: the value ended too early.
      uint32_t end = param.value_column;
      for (unsigned char c : param.value) end += (c & 0xC0) != 0x80;
      return Error(ErrorCode::kSyntaxError, "incomplete value", SourceSpan{1, end, 1});
    }
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

bool parse_cli_param(std::string_view name_value, Params& params) {
  size_t eq = name_value.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  std::string text(name_value.substr(eq + 1));
  Value value(text);
  if (text == "null") {
    value = Value();
  } else if (text == "true" || text == "false") {
    value = Value(text == "true");
  } else {
    try {
      size_t used = 0;
      long long i = std::stoll(text, &used);
      if (used == text.size()) {
        value = Value(static_cast<int64_t>(i));
      } else {
        double d = std::stod(text, &used);
        if (used == text.size()) value = Value(d);
      }
    } catch (const std::exception&) {
      // not a number: a string
    }
  }
  set_param(params, name_value.substr(0, eq), std::move(value));
  return true;
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
