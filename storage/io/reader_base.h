// Shared line handling for the TripleReader implementations.
#pragma once

#include <fmt/format.h>

#include <istream>
#include <string>

#include "storage/io/triple_reader.h"

namespace quarry::storage::io_detail {

class LineReader : public TripleReader {
 public:
  LineReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  uint64_t line() const override { return line_; }

 protected:
  // Reads the next line that is not blank or a '#' comment, without its line ending.
  bool next_line(std::string& out) {
    while (std::getline(in_, out)) {
      ++line_;
      if (!out.empty() && out.back() == '\r') out.pop_back();
      if (line_ == 1 && out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);  // UTF-8 BOM
      size_t first = out.find_first_not_of(" \t");
      if (first == std::string::npos || out[first] == '#') continue;
      return true;
    }
    return false;
  }
  Error bad(std::string_view reason) const {
    return Error(ErrorCode::kInvalidArgument, fmt::format("{}:{}: {}", name_, line_, reason));
  }

 private:
  std::istream& in_;
  std::string name_;
  uint64_t line_ = 0;
};

// Parses a confidence in [0, 1]; false when `text` is not one.
bool parse_confidence(std::string_view text, double& out);

}  // namespace quarry::storage::io_detail
