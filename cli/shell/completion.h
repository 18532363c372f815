// Tab completion for the shell: which words fit at the cursor.
//
// A pure function of the text typed so far and the names it may draw on, so it is unit
// tested without a terminal. Contexts, by the text just before the word being completed:
//   `:` at the start of a statement       shell commands (then formats, on/off, files)
//   `(n:` `(:` `n:`                        labels
//   `[r:` `[:` `[:a|`                      relationship types
//   `n.`                                   property keys
//   `quarry.`                              procedure names
//   `$`                                    parameter names
//   `quarry.lookup('`                      entity names, through `entity_names`
//   anything else                          keywords, functions, variables of the statement
// Matching ignores case; keywords come back in the case the user is typing in.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/shell/line_editor.h"

namespace quarry::cli::shell {

struct CompletionSources {
  std::vector<std::string> labels;
  std::vector<std::string> rel_types;
  std::vector<std::string> property_keys;
  std::vector<std::string> param_names;
  // Shell commands with their colon (":help", ...).
  std::vector<std::string> commands;
  // Entity names starting with a prefix (case-insensitive), best first; may be empty.
  std::function<std::vector<std::string>(std::string_view prefix)> entity_names;
};

// `statement` is the text of the statement's earlier lines (empty on its first line);
// `before_cursor` the current line up to the cursor. The returned start is an offset
// into `before_cursor`.
Completion complete(std::string_view statement, std::string_view before_cursor,
                    const CompletionSources& sources);

// Variables bound in `text`: `(name`, `[name`, `AS name`, in order of first appearance.
std::vector<std::string> bound_variables(std::string_view text);

// Cypher keywords and built-in function names known to the completer (upper-case
// keywords; functions in their canonical case).
const std::vector<std::string>& cypher_keywords();
const std::vector<std::string>& cypher_functions();

}  // namespace quarry::cli::shell
