// table: a box-drawn table for people. The first kMeasureRows rows fix each column's
// width (the widest of name, type and cells) and alignment (numbers right); when the
// table is wider than max_width, the widest columns give up cells until it fits, and
// cut values end with an ellipsis. Later rows stream with the same widths.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "cli/output/formats.h"
#include "cli/output/text_width.h"
#include "cli/output/value_text.h"

namespace quarry::cli::output {
namespace {

// Narrowest a column gets when shrinking to fit: one character and an ellipsis.
constexpr size_t kMinColumnWidth = 4;

struct Box {
  const char* horizontal;
  const char* vertical;
  const char* top[3];     // left, middle, right
  const char* middle[3];  // under the header
  const char* bottom[3];
  const char* ellipsis;
};
constexpr Box kUnicodeBox{"─", "│", {"┌", "┬", "┐"}, {"├", "┼", "┤"}, {"└", "┴", "┘"}, "…"};
constexpr Box kAsciiBox{"-", "|", {"+", "+", "+"}, {"+", "+", "+"}, {"+", "+", "+"}, "..."};

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

struct Cell {
  std::string text;
  bool right = false;
  bool dim = false;
};

class TableWriter {
 public:
  TableWriter(std::ostream& out, const PrintOptions& options, std::vector<size_t> widths)
      : out_(out),
        options_(options),
        box_(options.unicode ? kUnicodeBox : kAsciiBox),
        widths_(std::move(widths)) {}

  void rule(const char* const (&corners)[3]) {
    std::string line = corners[0];
    for (size_t i = 0; i < widths_.size(); ++i) {
      if (i) line += corners[1];
      for (size_t k = 0; k < widths_[i] + 2; ++k) line += box_.horizontal;
    }
    out_ << line << corners[2] << '\n';
  }

  void line(const std::vector<Cell>& cells, const char* style = nullptr) {
    std::string text = box_.vertical;
    for (size_t i = 0; i < widths_.size(); ++i) {
      const Cell& cell = cells[i];
      std::string shown = truncate_to_width(cell.text, widths_[i], box_.ellipsis);
      std::string pad(widths_[i] - std::min(widths_[i], display_width(shown)), ' ');
      const char* on = style ? style : (cell.dim ? kDim : nullptr);
      text += ' ';
      if (cell.right) text += pad;
      if (on && options_.color) text += on;
      text += shown;
      if (on && options_.color) text += kReset;
      if (!cell.right) text += pad;
      text += ' ';
      text += box_.vertical;
    }
    out_ << text << '\n';
  }

  const Box& box() const { return box_; }

 private:
  std::ostream& out_;
  const PrintOptions& options_;
  const Box& box_;
  std::vector<size_t> widths_;
};

std::vector<Cell> row_cells(const Row& row, const std::vector<bool>& numeric) {
  std::vector<Cell> cells;
  for (size_t i = 0; i < numeric.size(); ++i) {
    if (i >= row.size() || row[i].is_null()) {
      cells.push_back({"null", numeric[i], true});
    } else {
      cells.push_back({one_line(display_text(row[i])), numeric[i], false});
    }
  }
  return cells;
}

// Takes cells from the widest columns until the table fits `max_width` (0 = no limit).
void fit(std::vector<size_t>& widths, size_t max_width) {
  if (max_width == 0) return;
  size_t total = 1;
  for (size_t w : widths) total += w + 3;
  while (total > max_width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (widest == widths.end() || *widest <= kMinColumnWidth) return;
    --*widest;
    --total;
  }
}

}  // namespace

Result<uint64_t> print_table(QueryResult& result, std::ostream& out, const PrintOptions& options) {
  const auto& columns = result.columns();
  auto sample = read_sample(result, kMeasureRows);
  if (!sample.ok()) return sample.error();
  std::vector<bool> numeric = numeric_columns(columns.size(), sample->rows);
  std::vector<std::string> types = column_types(columns.size(), sample->rows);

  // Types come from the rows seen; with none there is nothing to say.
  const bool show_types = options.show_types && !sample->rows.empty();
  std::vector<Cell> header;
  std::vector<Cell> type_line;
  std::vector<std::vector<Cell>> body;
  std::vector<size_t> widths;
  for (size_t i = 0; i < columns.size(); ++i) {
    header.push_back({one_line(columns[i]), numeric[i], false});
    type_line.push_back({types[i], numeric[i], true});
    widths.push_back(
        std::max(display_width(header.back().text), show_types ? display_width(types[i]) : 0));
  }
  for (const Row& row : sample->rows) {
    body.push_back(row_cells(row, numeric));
    for (size_t i = 0; i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(body.back()[i].text));
    }
  }
  fit(widths, options.max_width);

  TableWriter table(out, options, widths);
  table.rule(table.box().top);
  table.line(header, kBold);
  if (show_types) table.line(type_line);
  table.rule(table.box().middle);
  for (const auto& cells : body) table.line(cells);
  uint64_t rows = sample->rows.size();
  if (!sample->ended) {
    Row row;
    for (;;) {
      auto more = result.next(row);
      if (!more.ok()) {
        table.rule(table.box().bottom);
        return more.error();
      }
      if (!*more) break;
      table.line(row_cells(row, numeric));
      ++rows;
    }
  }
  table.rule(table.box().bottom);
  return rows;
}

}  // namespace quarry::cli::output
