#include "cli/shell/completion.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

namespace quarry::cli::shell {
namespace {

bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_nocase(std::string_view word, std::string_view prefix) {
  if (prefix.size() > word.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

void add_matches(const std::vector<std::string>& names, std::string_view prefix,
                 std::vector<std::string>& out, std::string_view suffix = {}) {
  for (const auto& n : names) {
    if (starts_with_nocase(n, prefix)) out.push_back(n + std::string(suffix));
  }
}

Completion finish(size_t start, std::vector<std::string> candidates) {
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return Completion{start, std::move(candidates)};
}

// True when `pos` in `text` is inside a '...' or "..." string (comments are rare at a
// Tab and ignored).
bool inside_string(std::string_view text, size_t pos) {
  char quote = 0;
  for (size_t i = 0; i < pos; ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    }
  }
  return quote != 0;
}

// The innermost unclosed '(', '[' or '{' before `pos`, or 0.
char open_bracket(std::string_view text, size_t pos) {
  int depth[3] = {0, 0, 0};
  static constexpr char kOpen[] = "([{", kClose[] = ")]}";
  for (size_t i = pos; i-- > 0;) {
    for (int k = 0; k < 3; ++k) {
      if (text[i] == kClose[k]) ++depth[k];
      if (text[i] == kOpen[k] && depth[k]-- == 0) return kOpen[k];
    }
  }
  return 0;
}

// `quarry.lookup('prefix` at the end of `text`: the offset just after the quote.
std::optional<size_t> lookup_argument(std::string_view text) {
  std::string low = lower(text);
  size_t at = low.rfind("quarry.lookup(");
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + 14;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || (text[i] != '\'' && text[i] != '"')) return std::nullopt;
  char quote = text[i];
  for (size_t j = i + 1; j < text.size(); ++j) {
    if (text[j] == '\\') {
      ++j;
    } else if (text[j] == quote) {
      return std::nullopt;  // the argument is already closed
    }
  }
  return i + 1;
}

std::string quoted_tail(const std::string& name, char quote) {
  std::string out;
  for (char c : name) {
    if (c == quote || c == '\\') out += '\\';
    out += c;
  }
  out += quote;
  return out;
}

Completion complete_command(std::string_view line, const CompletionSources& sources) {
  size_t colon = line.find(':');
  size_t space = line.find_first_of(" \t", colon);
  if (space == std::string_view::npos) {
    std::vector<std::string> out;
    add_matches(sources.commands, line.substr(colon), out);
    return finish(colon, std::move(out));
  }
  std::string command = lower(line.substr(colon, space - colon));
  size_t arg = line.find_first_not_of(" \t", space);
  if (arg == std::string_view::npos) arg = line.size();
  std::string_view typed = line.substr(arg);
  std::vector<std::string> out;
  if (command == ":format") {
    add_matches({"table", "csv", "tsv", "json", "jsonl", "markdown"}, typed, out);
  } else if (command == ":timing") {
    add_matches({"on", "off"}, typed, out);
  } else if (command == ":explain") {
    Completion inner = complete({}, typed, sources);
    inner.start += arg;
    return inner;
  } else if (command == ":source") {
    // File names: the directory part stays, entries of that directory complete.
    std::string_view dir_part = typed.substr(0, typed.rfind('/') + 1);
    if (typed.rfind('/') == std::string_view::npos) dir_part = {};
    std::string base(typed.substr(dir_part.size()));
    std::error_code ec;
    std::filesystem::directory_iterator it(dir_part.empty() ? "." : std::string(dir_part), ec);
    for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.compare(0, base.size(), base) != 0 || (base.empty() && name[0] == '.')) continue;
      out.push_back(name + (it->is_directory(ec) ? "/" : ""));
    }
    return finish(arg + dir_part.size(), std::move(out));
  }
  return finish(arg, std::move(out));
}

}  // namespace

const std::vector<std::string>& cypher_keywords() {
  static const std::vector<std::string> words = {
      "MATCH",  "OPTIONAL", "WHERE",   "RETURN", "WITH",     "UNWIND",   "AS",     "ORDER",
      "BY",     "ASC",      "DESC",    "SKIP",   "LIMIT",    "DISTINCT", "UNION",  "ALL",
      "CREATE", "MERGE",    "ON",      "SET",    "REMOVE",   "DELETE",   "DETACH", "CALL",
      "YIELD",  "AND",      "OR",      "XOR",    "NOT",      "IN",       "IS",     "NULL",
      "TRUE",   "FALSE",    "STARTS",  "ENDS",   "CONTAINS", "CASE",     "WHEN",   "THEN",
      "ELSE",   "END",      "EXPLAIN", "PROFILE"};
  return words;
}

const std::vector<std::string>& cypher_functions() {
  static const std::vector<std::string> names = {
      "id",        "type",     "labels",    "properties",    "keys",
      "startNode", "endNode",  "nodes",     "relationships", "length",
      "size",      "head",     "last",      "tail",          "reverse",
      "range",     "coalesce", "toLower",   "toUpper",       "trim",
      "ltrim",     "rtrim",    "substring", "left",          "right",
      "replace",   "split",    "toString",  "toInteger",     "toFloat",
      "toBoolean", "abs",      "round",     "ceil",          "floor",
      "sqrt",      "sign",     "exists",    "count",         "collect",
      "sum",       "avg",      "min",       "max",           "any",
      "all",       "none",     "single",    "shortestPath",  "allShortestPaths"};
  return names;
}

std::vector<std::string> bound_variables(std::string_view text) {
  std::vector<std::string> vars;
  auto add = [&](size_t from) {
    while (from < text.size() && (text[from] == ' ' || text[from] == '\t')) ++from;
    size_t end = from;
    while (end < text.size() && is_word_char(text[end])) ++end;
    if (end == from || std::isdigit(static_cast<unsigned char>(text[from]))) return;
    std::string name(text.substr(from, end - from));
    if (std::find(vars.begin(), vars.end(), name) == vars.end()) vars.push_back(name);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '(' || c == '[') && !inside_string(text, i)) {
      // `count(x)` (a call: no space before its parenthesis) and `[1, 2]` (a list: not
      // after a `-`) bind nothing.
      if (c == '(' && i > 0 && is_word_char(text[i - 1])) continue;
      if (c == '[' && !(i > 0 && text[i - 1] == '-')) continue;
      add(i + 1);
    } else if ((c == 'a' || c == 'A') && i + 2 < text.size() &&
               (text[i + 1] == 's' || text[i + 1] == 'S') &&
               (i == 0 || !is_word_char(text[i - 1])) && !is_word_char(text[i + 2]) &&
               !inside_string(text, i)) {
      add(i + 2);
    }
  }
  return vars;
}

Completion complete(std::string_view statement, std::string_view before_cursor,
                    const CompletionSources& sources) {
  size_t first = before_cursor.find_first_not_of(" \t");
  if (statement.find_first_not_of(" \t\n") == std::string_view::npos &&
      first != std::string_view::npos && before_cursor[first] == ':') {
    return complete_command(before_cursor, sources);
  }
  std::string text(statement);
  if (!text.empty()) text += '\n';
  const size_t base = text.size();
  text += before_cursor;

  if (auto arg = lookup_argument(text); arg && *arg >= base) {
    std::vector<std::string> out;
    char quote = text[*arg - 1];
    if (sources.entity_names) {
      for (const auto& name : sources.entity_names(std::string_view(text).substr(*arg))) {
        out.push_back(quoted_tail(name, quote));
      }
    }
    // Typed text carries no escapes in practice; keep the names' order (best first).
    return Completion{*arg - base, std::move(out)};
  }

  size_t start = text.size();
  while (start > base && is_word_char(text[start - 1])) --start;
  if (inside_string(text, start)) return Completion{start - base, {}};
  std::string_view word = std::string_view(text).substr(start);
  char before = start > 0 ? text[start - 1] : ' ';
  std::vector<std::string> out;

  if (before == '$') {
    add_matches(sources.param_names, word, out);
  } else if (before == '.') {
    size_t owner_end = start - 1, owner = owner_end;
    while (owner > 0 && is_word_char(text[owner - 1])) --owner;
    if (lower(std::string_view(text).substr(owner, owner_end - owner)) == "quarry") {
      add_matches({"lookup('", "mentions(", "schema()", "stats()"}, word, out);
    } else {
      add_matches(sources.property_keys, word, out);
    }
  } else if ((before == ':' || before == '|') && open_bracket(text, start) != '{') {
    if (open_bracket(text, start) == '[') {
      add_matches(sources.rel_types, word, out);
    } else {
      add_matches(sources.labels, word, out);
    }
  } else {
    bool lower_case = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return !std::isupper(static_cast<unsigned char>(c));
    });
    for (const auto& k : cypher_keywords()) {
      if (starts_with_nocase(k, word)) out.push_back(lower_case ? lower(k) : k);
    }
    add_matches(cypher_functions(), word, out, "(");
    add_matches({"quarry."}, word, out);
    if (!word.empty()) {
      for (const auto& v : bound_variables(std::string_view(text).substr(0, start))) {
        if (v.compare(0, word.size(), word) == 0) out.push_back(v);
      }
    }
  }
  return finish(start - base, std::move(out));
}

}  // namespace quarry::cli::shell
