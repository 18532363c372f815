#include "support/case_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace quarry::testing {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

}  // namespace

CaseFile read_case_file(const std::string& path) {
  CaseFile file;
  file.path = path;
  std::ifstream in(path);
  std::string raw;
  enum { kNone, kSetup, kQuery, kExpect } state = kNone;
  Case* current = nullptr;
  std::string statement;
  int lineno = 0;
  while (std::getline(in, raw)) {
    ++lineno;
    std::string line = trim(raw);
    if (line.rfind("###", 0) == 0) {
      std::string name = trim(line.substr(3));
      if (name == "setup") {
        state = kSetup;
        continue;
      }
      file.cases.push_back(Case{name, {CaseStep{}}});
      current = &file.cases.back();
      current->steps.back().line = lineno + 1;
      state = kQuery;
      continue;
    }
    if (state != kQuery && line.rfind("#", 0) == 0) continue;
    if (state == kSetup) {
      if (line.empty()) continue;
      statement += raw + "\n";
      if (line.back() == ';') {
        file.setup.push_back(statement);
        statement.clear();
      }
      continue;
    }
    if (!current) continue;
    CaseStep& step = current->steps.back();
    if (line == "+++") {
      current->steps.push_back(CaseStep{});
      current->steps.back().line = lineno + 1;
      state = kQuery;
      continue;
    }
    if (line.rfind("----", 0) == 0 && state == kQuery) {
      std::istringstream words(line.substr(4));
      std::string w;
      while (words >> w) {
        if (w == "ordered") step.ordered = true;
        if (w == "error") {
          step.expect_error = true;
          words >> step.error_code;
          words >> step.error_position;
        }
      }
      state = kExpect;
      continue;
    }
    if (state == kQuery) {
      step.query += raw + "\n";
    } else if (state == kExpect && !line.empty()) {
      step.lines.push_back(line);
    }
  }
  return file;
}

std::vector<std::string> render(const std::shared_ptr<engine::GraphSource>& source,
                                const std::string& query, std::string* error) {
  std::vector<std::string> lines;
  auto fail = [&](const Error& e) {
    *error = fmt::format("error {} {}:{} {}", error_code_name(e.code()), e.span().line,
                         e.span().column, e.message());
    return lines;
  };
  auto result = engine::run(source, query, {}, {});
  if (!result.ok()) return fail(result.error());
  lines.push_back(join(result->columns(), " | "));
  for (;;) {
    Row row;
    auto more = result->next(row);
    if (!more.ok()) return fail(more.error());
    if (!more.value()) break;
    std::vector<std::string> cells;
    for (const auto& v : row) cells.push_back(v.to_string());
    lines.push_back(join(cells, " | "));
  }
  return lines;
}

std::string run_case(const CaseFile& file, const Case& c,
                     const std::function<std::shared_ptr<engine::GraphSource>()>& make_source) {
  auto source = make_source();
  for (const auto& s : file.setup) {
    std::string error;
    render(source, s, &error);
    if (!error.empty()) return fmt::format("setup failed: {}\n{}", error, s);
  }
  for (const auto& step : c.steps) {
    std::string error;
    auto lines = render(source, step.query, &error);
    std::string where = fmt::format("{}:{}", file.path, step.line);
    if (step.expect_error) {
      if (error.empty()) {
        return fmt::format("{}: expected {} but the query succeeded with\n  {}", where,
                           step.error_code, join(lines, "\n  "));
      }
      std::string want = "error " + step.error_code;
      if (!step.error_position.empty()) want += " " + step.error_position;
      if (error.rfind(want, 0) != 0)
        return fmt::format("{}: expected {}, got {}", where, want, error);
      continue;
    }
    if (!error.empty()) return fmt::format("{}: {}", where, error);
    std::vector<std::string> want = step.lines;
    if (want.empty()) want.push_back("");
    std::vector<std::string> got = lines;
    if (!step.ordered && got.size() > 1 && want.size() > 1) {
      std::sort(got.begin() + 1, got.end());
      std::sort(want.begin() + 1, want.end());
    }
    if (got != want) {
      return fmt::format("{}: result differs\n expected:\n  {}\n got:\n  {}", where,
                         join(want, "\n  "), join(got, "\n  "));
    }
  }
  return "";
}

}  // namespace quarry::testing
