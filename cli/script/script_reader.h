// Splitting a query script into statements and `:commands`, for `quarry run` and the shell.
//
// Syntax (docs/shell.md):
//   - `;` ends a statement, except inside 'strings', "strings" (both with backslash
//     escapes), `backtick identifiers`, // line comments and /* block comments */.
//     The last statement may omit its `;`. Blank and comment-only statements are dropped.
//   - A line whose first non-blank character is `:` while no statement is pending is a
//     command (`:param name => value`, `:format csv`, ...), one per line, with no `;`.
//     Inside a pending statement such a line is part of it (`MATCH (n` / `:Person)`).
// Every item carries the 1-based line and column (in characters) of its first character,
// so an engine error at (l, c) in the item's text sits at file position
// (line + l - 1, l == 1 ? column + c - 1 : c); see to_file_span().
// An unterminated string, identifier or block comment is an error at its opening.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/status.h"

namespace quarry::cli {

struct ScriptItem {
  enum class Kind { kStatement, kCommand };
  Kind kind = Kind::kStatement;
  // A statement's text from its first character up to (not including) its `;`, comments
  // inside kept; a command's line from its `:` on, trailing blanks removed.
  std::string text;
  uint32_t line = 1;
  uint32_t column = 1;
  size_t offset = 0;  // byte offset of the first character in the script
};

// Splits `script`. Errors are kSyntaxError with the span of the unterminated construct.
Result<std::vector<ScriptItem>> read_script(std::string_view script);

// True when `buffer` needs no more input: everything in it is closed (strings, comments)
// and it is blank, a `:command` line, or its last statement ends with `;`. The shell shows
// its continuation prompt while this is false.
bool statement_complete(std::string_view buffer);

// Moves `span` (relative to `item.text`) into the script's coordinates.
SourceSpan to_file_span(const ScriptItem& item, SourceSpan span);

// `:param name => value`: the parts of a param command; nullopt when it is malformed.
// `value_column` is the 1-based column of the value within the command line.
struct ParamCommand {
  std::string name;
  std::string value;
  uint32_t value_column = 1;
};
std::optional<ParamCommand> parse_param_command(std::string_view command);

}  // namespace quarry::cli
