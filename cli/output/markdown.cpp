// markdown: a GitHub-flavoured table. The first kMeasureRows rows pad the columns so the
// source reads well too and right-align numeric columns (`---:`); later rows stream
// unpadded, which renders the same. `|` is escaped as `\|`, line breaks become <br>,
// null is an empty cell.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "cli/output/formats.h"
#include "cli/output/text_width.h"
#include "cli/output/value_text.h"

namespace quarry::cli::output {
namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += "<br>";
    } else if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> row_cells(const Row& row, size_t columns) {
  std::vector<std::string> cells;
  for (size_t i = 0; i < columns; ++i) {
    bool empty = i >= row.size() || row[i].is_null();
    cells.push_back(empty ? std::string() : escape(display_text(row[i])));
  }
  return cells;
}

void write_line(std::ostream& out, const std::vector<std::string>& cells,
                const std::vector<size_t>& widths, const std::vector<bool>& right) {
  out << '|';
  for (size_t i = 0; i < cells.size(); ++i) {
    size_t w = display_width(cells[i]);
    std::string pad(i < widths.size() && widths[i] > w ? widths[i] - w : 0, ' ');
    out << ' ' << (right[i] ? pad + cells[i] : cells[i] + pad) << " |";
  }
  out << '\n';
}

}  // namespace

Result<uint64_t> print_markdown(QueryResult& result, std::ostream& out,
                                const PrintOptions& /*options*/) {
  const auto& columns = result.columns();
  auto sample = read_sample(result, kMeasureRows);
  if (!sample.ok()) return sample.error();
  std::vector<bool> right = numeric_columns(columns.size(), sample->rows);

  std::vector<std::string> header;
  std::vector<size_t> widths;
  for (const auto& c : columns) {
    header.push_back(escape(c));
    widths.push_back(std::max<size_t>(3, display_width(header.back())));
  }
  std::vector<std::vector<std::string>> body;
  for (const Row& row : sample->rows) {
    body.push_back(row_cells(row, columns.size()));
    for (size_t i = 0; i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(body.back()[i]));
    }
  }
  write_line(out, header, widths, std::vector<bool>(columns.size(), false));
  out << '|';
  for (size_t i = 0; i < widths.size(); ++i) {
    out << ' ' << std::string(widths[i] - 1, '-') << (right[i] ? ':' : '-') << " |";
  }
  out << '\n';
  for (const auto& cells : body) write_line(out, cells, widths, right);
  uint64_t rows = sample->rows.size();
  if (!sample->ended) {
    Row row;
    for (;;) {
      auto more = result.next(row);
      if (!more.ok()) return more.error();
      if (!*more) break;
      write_line(out, row_cells(row, columns.size()), {}, right);
      ++rows;
    }
  }
  return rows;
}

}  // namespace quarry::cli::output
