// The shell's `:commands`. Each returns false when it failed (for :source's fail-fast).
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/script/limits.h"
#include "cli/script/params.h"
#include "cli/script/script_reader.h"
#include "cli/shell/interrupt.h"
#include "cli/shell/shell.h"

namespace quarry::cli::shell {
namespace {

struct CommandHelp {
  const char* name;
  const char* args;
  const char* help;
};

constexpr CommandHelp kCommands[] = {
    {":help", "", "this list"},
    {":schema", "", "labels, relationship types and property keys with counts"},
    {":stats", "", "sizes of the database"},
    {":format", "table|csv|tsv|json|jsonl|markdown", "how results are printed"},
    {":timing", "on|off", "show the time after the row count"},
    {":timeout", "DURATION|off", "stop statements that run longer (500ms, 5s, 2m)"},
    {":maxrows", "N|off", "fail statements that would return more rows"},
    {":param", "name => value", "set a parameter ($name) to a Cypher value"},
    {":params", "", "list the parameters"},
    {":source", "FILE", "run a script of statements and commands"},
    {":explain", "QUERY", "show the plan of a query without running it"},
    {":why", "REL_ID", "the sentences and documents a relationship was extracted from"},
    {":quit", "", "leave the shell (also :exit and Ctrl-D)"},
    {":exit", "", ""},
};

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

const std::vector<std::string>& shell_commands() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& c : kCommands) out.emplace_back(c.name);
    return out;
  }();
  return names;
}

std::string closest_name(const std::string& word, const std::vector<std::string>& names) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 2) + 1;
  for (const auto& n : names) {
    size_t d = edit_distance(word, n);
    if (d < best_distance) {
      best_distance = d;
      best = n;
    }
  }
  return best;
}

bool Shell::run_command(const std::string& line) {
  std::string text = trim(line);
  size_t space = text.find_first_of(" \t");
  std::string name = text.substr(0, space);
  std::string arg = space == std::string::npos ? "" : trim(text.substr(space));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name == ":help" || name == ":?") return cmd_help();
  if (name == ":schema") return cmd_schema();
  if (name == ":stats") return cmd_stats();
  if (name == ":format") return cmd_format(arg);
  if (name == ":timing") return cmd_timing(arg);
  if (name == ":timeout") return cmd_timeout(arg);
  if (name == ":maxrows") return cmd_maxrows(arg);
  if (name == ":param") return cmd_param(text);
  if (name == ":params") return cmd_params();
  if (name == ":source") return cmd_source(arg);
  if (name == ":explain") return cmd_explain(arg);
  if (name == ":why") return cmd_why(arg);
  if (name == ":quit" || name == ":exit") {
    quit_ = true;
    return true;
  }
  std::string hint;
  if (std::string close = closest_name(name, shell_commands()); !close.empty()) {
    hint = fmt::format(" (did you mean {}?)", close);
  }
  print_error(Error(ErrorCode::kInvalidArgument,
                    fmt::format("unknown command {}{}; :help lists the commands", name, hint)),
              "", "");
  return false;
}

bool Shell::cmd_help() {
  std::string out = "Statements end with ';' and may span lines. Commands (one line, no ';'):\n";
  for (const auto& c : kCommands) {
    if (*c.help == '\0') continue;
    out += fmt::format("  {:<44} {}\n", fmt::format("{} {}", c.name, c.args), c.help);
  }
  out +=
      "Keys: Tab completes, Up/Down recall statements, Ctrl-R searches them, Ctrl-C cancels "
      "the query or the input, Ctrl-D exits.\n";
  std::cout << out;
  return true;
}

bool Shell::cmd_schema() {
  return print_query("CALL quarry.schema() YIELD kind, name, count RETURN kind, name, count", {},
                     false);
}

bool Shell::cmd_stats() {
  auto stats = db_.stats();
  if (!stats.ok()) {
    print_error(stats.error(), "", "");
    return false;
  }
  const Stats& s = *stats;
  std::string out = fmt::format(
      "nodes          {}\nrelationships  {}\nmentions       {}\ndocuments      {}\n"
      "terms          {}\non disk        {}\n",
      s.nodes, s.relationships, s.mentions, s.documents, s.terms, human_bytes(s.bytes_on_disk));
  if (!s.labels.empty()) {
    out += "labels        ";
    for (size_t i = 0; i < s.labels.size() && i < 10; ++i) {
      out += fmt::format(" {} ({})", s.labels[i].first, s.labels[i].second);
    }
    out += "\n";
  }
  if (!s.predicates.empty()) {
    out += "top types     ";
    for (size_t i = 0; i < s.predicates.size() && i < 10; ++i) {
      out += fmt::format(" {} ({})", s.predicates[i].first, s.predicates[i].second);
    }
    out += "\n";
  }
  std::cout << out;
  return true;
}

bool Shell::cmd_format(const std::string& arg) {
  if (arg.empty()) {
    std::cout << fmt::format("format: {}\n", format_name(format_));
    return true;
  }
  auto format = parse_output_format(arg);
  if (!format) {
    print_error(Error(ErrorCode::kInvalidArgument,
                      fmt::format("unknown format '{}'; one of {}", arg, format_names())),
                "", "");
    return false;
  }
  format_ = *format;
  return true;
}

bool Shell::cmd_timing(const std::string& arg) {
  if (arg == "on" || arg == "off") {
    timing_ = arg == "on";
    return true;
  }
  if (arg.empty()) {
    std::cout << fmt::format("timing: {}\n", timing_ ? "on" : "off");
    return true;
  }
  print_error(Error(ErrorCode::kInvalidArgument, ":timing wants on or off"), "", "");
  return false;
}

bool Shell::cmd_timeout(const std::string& arg) {
  if (arg.empty()) {
    std::cout << fmt::format("timeout: {}\n", timeout_text(options_.limits.timeout));
    return true;
  }
  auto timeout = parse_timeout(arg);
  if (!timeout) {
    print_error(Error(ErrorCode::kInvalidArgument, fmt::format(":timeout wants {}", kTimeoutUsage)),
                "", "");
    return false;
  }
  options_.limits.timeout = *timeout;
  return true;
}

bool Shell::cmd_maxrows(const std::string& arg) {
  if (arg.empty()) {
    uint64_t rows = options_.limits.max_rows;
    std::cout << fmt::format("maxrows: {}\n", rows == 0 ? "off" : std::to_string(rows));
    return true;
  }
  auto rows = parse_max_rows(arg);
  if (!rows) {
    print_error(Error(ErrorCode::kInvalidArgument, fmt::format(":maxrows wants {}", kMaxRowsUsage)),
                "", "");
    return false;
  }
  options_.limits.max_rows = *rows;
  return true;
}

bool Shell::cmd_param(const std::string& line) {
  auto param = parse_param_command(line);
  if (!param) {
    print_error(Error(ErrorCode::kInvalidArgument, "usage: :param name => value"), "", "");
    return false;
  }
  auto value = evaluate_param(db_, *param, params_);
  if (!value.ok()) {
    print_error(value.error(), line, "");
    return false;
  }
  set_param(params_, param->name, std::move(value).value());
  return true;
}

bool Shell::cmd_params() {
  if (params_.empty()) std::cout << "no parameters; set one with :param name => value\n";
  for (const auto& [name, value] : params_) {
    std::cout << fmt::format(":param {} => {}\n", name, value.to_string());
  }
  return true;
}

bool Shell::cmd_source(const std::string& arg) {
  if (arg.empty()) {
    print_error(Error(ErrorCode::kInvalidArgument, "usage: :source FILE"), "", "");
    return false;
  }
  if (source_depth_ >= 8) {
    print_error(Error(ErrorCode::kInvalidArgument, ":source nested more than 8 deep"), "", arg);
    return false;
  }
  std::ifstream in(arg, std::ios::binary);
  if (!in) {
    print_error(Error(ErrorCode::kNotFound, "cannot open the file"), "", arg);
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  ++source_depth_;
  bool ok = run_text(buffer.str(), arg);
  --source_depth_;
  return ok;
}

bool Shell::cmd_explain(const std::string& arg) {
  if (arg.empty()) {
    print_error(Error(ErrorCode::kInvalidArgument, "usage: :explain QUERY"), "", "");
    return false;
  }
  std::string query = arg;
  while (!query.empty() && (query.back() == ';' || query.back() == ' ')) query.pop_back();
  const std::string prefix = "EXPLAIN ";
  auto result = db_.query(prefix + query, params_);
  if (result.ok()) {
    auto rows = result->fetch_all();
    if (!rows.ok()) result = rows.error();
  }
  if (!result.ok()) {
    // Positions refer to the query as typed, without the EXPLAIN put in front of it.
    SourceSpan span = result.error().span();
    if (span.line == 1 && span.column > prefix.size()) {
      span.column -= static_cast<uint32_t>(prefix.size());
    }
    print_error(Error(result.error().code(), result.error().message(), span, result.error().hint()),
                query, "");
    return false;
  }
  std::cout << result->plan();
  if (!result->plan().empty() && result->plan().back() != '\n') std::cout << "\n";
  return true;
}

bool Shell::cmd_why(const std::string& arg) {
  int64_t id = -1;
  try {
    size_t used = 0;
    id = std::stoll(arg, &used);
    if (used != arg.size()) id = -1;
  } catch (const std::exception&) {
    id = -1;
  }
  if (id < 0) {
    print_error(Error(ErrorCode::kInvalidArgument, "usage: :why REL_ID (a relationship's id(r))"),
                "", "");
    return false;
  }
  Params params{{"id", Value(id)}};
  auto fact = db_.query(
      "MATCH (a)-[r]->(b) WHERE id(r) = $id RETURN a.name, type(r), b.name, r.support", params);
  if (!fact.ok()) {
    print_error(fact.error(), "", "");
    return false;
  }
  auto rows = fact->fetch_all();
  if (!rows.ok() || rows->empty()) {
    if (!rows.ok())
      print_error(rows.error(), "", "");
    else
      print_error(Error(ErrorCode::kNotFound, fmt::format("no relationship with id {}", id)), "",
                  "");
    return false;
  }
  const Row& r = rows->front();
  std::cout << fmt::format("({})-[:{}]->({})  support {}\n", r[0].to_string(), r[1].to_string(),
                           r[2].to_string(), r[3].to_string());
  return print_query(
      "MATCH ()-[r]->() WHERE id(r) = $id CALL quarry.mentions(r) "
      "YIELD doc, title, date, sentence, text RETURN doc, title, date, sentence, text",
      params, true);
}

bool Shell::print_query(const std::string& text, const Params& params, bool show_count) {
  auto result = db_.query(text, params, options_.limits);
  if (!result.ok()) {
    print_error(result.error(), text, "");
    return false;
  }
  PrintOptions print = print_options_for_stdout(format_);
  print.color = print.color && options_.color;
  Result<uint64_t> printed = [&] {
    WatchScope scope(*watcher_, *result);
    return print_result(*result, std::cout, print);
  }();
  std::cout.flush();
  if (!printed.ok()) {
    if (printed.error().code() == ErrorCode::kCancelled) {
      std::cerr << "cancelled\n";
    } else {
      print_error(printed.error(), text, "");
    }
    return false;
  }
  if (show_count && !options_.quiet) {
    notice(fmt::format("{} row{}", printed.value(), printed.value() == 1 ? "" : "s"));
  }
  return true;
}

}  // namespace quarry::cli::shell
