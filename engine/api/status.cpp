#include "quarry/status.h"

#include <fmt/format.h>

#include <algorithm>

namespace quarry {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "Ok";
    case ErrorCode::kInvalidArgument: return "InvalidArgument";
    case ErrorCode::kSyntaxError: return "SyntaxError";
    case ErrorCode::kSemanticError: return "SemanticError";
    case ErrorCode::kRuntimeError: return "RuntimeError";
    case ErrorCode::kNotFound: return "NotFound";
    case ErrorCode::kDatabaseInUse: return "DatabaseInUse";
    case ErrorCode::kCorruption: return "Corruption";
    case ErrorCode::kIOError: return "IOError";
    case ErrorCode::kCancelled: return "Cancelled";
    case ErrorCode::kTimeout: return "Timeout";
    case ErrorCode::kReadOnly: return "ReadOnly";
  }
  return "Unknown";
}

namespace {

// The 1-based `line` of `text`, without its newline; empty when out of range.
std::string_view nth_line(std::string_view text, uint32_t line) {
  size_t begin = 0;
  for (uint32_t i = 1; i < line; ++i) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) return {};
    begin = nl + 1;
  }
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view out = text.substr(begin, end - begin);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace

std::string Error::to_string(std::string_view source) const {
  std::string out(error_code_name(code_));
  if (span_.known()) out += fmt::format(" at {}:{}", span_.line, span_.column);
  out += ": ";
  out += message_;
  if (span_.known() && !source.empty()) {
    std::string_view line = nth_line(source, span_.line);
    out += fmt::format("\n  {}\n  ", line);
    // Columns count characters, so walk UTF-8 lead bytes to place the caret.
    uint32_t col = 1;
    for (size_t i = 0; i < line.size() && col < span_.column; ++i) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      if ((c & 0xC0) != 0x80) {
        out += line[i] == '\t' ? '\t' : ' ';
        ++col;
      }
    }
    out.append(std::max<uint32_t>(span_.length, 1), '^');
  }
  if (!hint_.empty()) out += fmt::format("\nhint: {}", hint_);
  return out;
}

}  // namespace quarry
