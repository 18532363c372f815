#include "cli/script/script_reader.h"

#include <fmt/format.h>

namespace quarry::cli {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Walks the script keeping the line and the column in characters (UTF-8 lead bytes), the
// way engine errors count them.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool done() const { return i_ >= s_.size(); }
  char peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  size_t offset() const { return i_; }
  uint32_t line() const { return line_; }
  uint32_t column() const { return column_; }

  void advance() {
    char c = s_[i_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if (done() || (static_cast<unsigned char>(s_[i_]) & 0xC0) != 0x80) {
      ++column_;
    }
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  uint32_t column_ = 1;
};

Error unterminated(const Scanner& at, std::string_view what, std::string hint) {
  return Error(ErrorCode::kSyntaxError, fmt::format("unterminated {}", what),
               SourceSpan{at.line(), at.column(), 1}, std::move(hint));
}

// Splits `script` into `items`; `pending` is set when the last statement has no `;`.
Status scan(std::string_view script, std::vector<ScriptItem>& items, bool& pending) {
  Scanner sc(script);
  bool started = false;
  bool line_blank = true;  // only blanks so far on this line
  ScriptItem current;
  auto finish = [&](size_t end) {
    current.text = std::string(trim_right(script.substr(current.offset, end - current.offset)));
    items.push_back(current);
    started = false;
  };
  auto begin = [&](ScriptItem::Kind kind) {
    current = ScriptItem{kind, {}, sc.line(), sc.column(), sc.offset()};
  };

  while (!sc.done()) {
    char c = sc.peek();
    if (c == '\n') {
      line_blank = true;
      sc.advance();
      continue;
    }
    if (is_blank(c)) {
      sc.advance();
      continue;
    }
    if (c == ':' && !started && line_blank) {
      begin(ScriptItem::Kind::kCommand);
      while (!sc.done() && sc.peek() != '\n') sc.advance();
      finish(sc.offset());
      continue;
    }
    line_blank = false;
    if (c == '/' && sc.peek(1) == '/') {
      while (!sc.done() && sc.peek() != '\n') sc.advance();
      continue;
    }
    if (c == '/' && sc.peek(1) == '*') {
      Scanner open = sc;
      sc.advance();
      sc.advance();
      while (!sc.done() && !(sc.peek() == '*' && sc.peek(1) == '/')) sc.advance();
      if (sc.done()) return unterminated(open, "/* comment", "close it with */");
      sc.advance();
      sc.advance();
      continue;
    }
    if (c == ';') {
      if (started) finish(sc.offset());
      sc.advance();
      continue;
    }
    if (!started) {
      begin(ScriptItem::Kind::kStatement);
      started = true;
    }
    if (c == '\'' || c == '"' || c == '`') {
      Scanner open = sc;
      sc.advance();
      while (!sc.done() && sc.peek() != c) {
        // Strings take backslash escapes; identifiers double their backticks instead,
        // which the loop handles as two adjacent identifiers.
        if (c != '`' && sc.peek() == '\\' && sc.offset() + 1 < script.size()) sc.advance();
        sc.advance();
      }
      if (sc.done()) {
        if (c == '`') return unterminated(open, "`identifier`", "close it with `");
        return unterminated(open, "string", fmt::format("close it with {}", c));
      }
    }
    sc.advance();
  }
  pending = started;
  if (started) finish(script.size());
  return {};
}

}  // namespace

Result<std::vector<ScriptItem>> read_script(std::string_view script) {
  std::vector<ScriptItem> items;
  bool pending = false;
  Status status = scan(script, items, pending);
  if (!status.ok()) return status.error();
  return items;
}

bool statement_complete(std::string_view buffer) {
  std::vector<ScriptItem> items;
  bool pending = false;
  return scan(buffer, items, pending).ok() && !pending;
}

SourceSpan to_file_span(const ScriptItem& item, SourceSpan span) {
  if (!span.known()) return span;
  SourceSpan out = span;
  out.line = item.line + span.line - 1;
  out.column = span.line == 1 ? item.column + span.column - 1 : span.column;
  return out;
}

std::optional<ParamCommand> parse_param_command(std::string_view command) {
  constexpr std::string_view kParam = ":param";
  if (command.substr(0, kParam.size()) != kParam) return std::nullopt;
  size_t i = kParam.size();
  if (i >= command.size() || !is_blank(command[i])) return std::nullopt;
  while (i < command.size() && is_blank(command[i])) ++i;
  ParamCommand out;
  if (i < command.size() && command[i] == '`') {
    size_t close = command.find('`', i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    out.name = std::string(command.substr(i + 1, close - i - 1));
    i = close + 1;
  } else {
    size_t start = i;
    while (i < command.size() && !is_blank(command[i]) && command[i] != '=') ++i;
    out.name = std::string(command.substr(start, i - start));
  }
  while (i < command.size() && is_blank(command[i])) ++i;
  if (out.name.empty() || command.substr(i, 2) != "=>") return std::nullopt;
  i += 2;
  while (i < command.size() && is_blank(command[i])) ++i;
  std::string_view value = trim_right(command.substr(i));
  if (value.empty()) return std::nullopt;
  out.value = std::string(value);
  out.value_column = 1;
  for (size_t k = 0; k < i; ++k) {
    if ((static_cast<unsigned char>(command[k]) & 0xC0) != 0x80) ++out.value_column;
  }
  return out;
}

}  // namespace quarry::cli
