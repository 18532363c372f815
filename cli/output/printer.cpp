#include "cli/output/printer.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

#include "cli/output/formats.h"

namespace quarry::cli {
namespace {

constexpr std::array<std::pair<std::string_view, OutputFormat>, 6> kFormats{{
    {"table", OutputFormat::kTable},
    {"csv", OutputFormat::kCsv},
    {"tsv", OutputFormat::kTsv},
    {"json", OutputFormat::kJson},
    {"jsonl", OutputFormat::kJsonl},
    {"markdown", OutputFormat::kMarkdown},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The C library's view of the character set comes from the first of these that is set.
bool locale_is_utf8() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(name);
    if (v && *v) {
      std::string s = lower(v);
      return s.find("utf-8") != std::string::npos || s.find("utf8") != std::string::npos;
    }
  }
  return false;
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  std::string n = lower(name);
  if (n == "md") return OutputFormat::kMarkdown;
  for (const auto& [text, format] : kFormats) {
    if (n == text) return format;
  }
  return std::nullopt;
}

std::string_view format_name(OutputFormat format) {
  for (const auto& [text, f] : kFormats) {
    if (f == format) return text;
  }
  return "table";
}

std::string_view format_names() { return "table, csv, tsv, json, jsonl, markdown"; }

PrintOptions print_options_for_stdout(OutputFormat format) {
  PrintOptions options;
  options.format = format;
  options.unicode = locale_is_utf8();
  if (isatty(STDOUT_FILENO)) {
    const char* no_color = std::getenv("NO_COLOR");
    options.color = !(no_color && *no_color);
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) options.max_width = ws.ws_col;
  }
  return options;
}

void print_plan(const QueryResult& result, OutputFormat format, std::ostream& out) {
  std::string plan = result.plan();
  if (plan.empty()) return;
  bool readable = format == OutputFormat::kTable || format == OutputFormat::kMarkdown;
  std::ostream& to = readable ? out : std::cerr;
  to << plan << (plan.back() == '\n' ? "" : "\n");
}

Result<uint64_t> print_result(QueryResult& result, std::ostream& out, const PrintOptions& options) {
  if (result.columns().empty()) {
    // Still run the statement to its end: a write commits when its result is exhausted.
    Row row;
    uint64_t rows = 0;
    for (;;) {
      auto more = result.next(row);
      if (!more.ok()) return more.error();
      if (!*more) return rows;
      ++rows;
    }
  }
  switch (options.format) {
    case OutputFormat::kTable: return output::print_table(result, out, options);
    case OutputFormat::kMarkdown: return output::print_markdown(result, out, options);
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: return output::print_delimited(result, out, options);
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: return output::print_json(result, out, options);
  }
  return output::print_table(result, out, options);
}

}  // namespace quarry::cli
