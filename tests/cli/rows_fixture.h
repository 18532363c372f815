// A QueryResult over rows held in memory (or generated), for printer tests.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "quarry/result.h"

namespace quarry::testing {

class GeneratedRows : public RowSource {
 public:
  // `make(i, row)` fills row i and returns false when there is none.
  GeneratedRows(std::vector<std::string> columns, std::function<bool(uint64_t, Row&)> make)
      : columns_(std::move(columns)), make_(std::move(make)) {}
  const std::vector<std::string>& columns() const override { return columns_; }
  Result<bool> next(Row& row) override {
    row.clear();
    return make_(index_++, row);
  }
  void cancel() override {}
  std::string plan() const override { return {}; }

 private:
  std::vector<std::string> columns_;
  std::function<bool(uint64_t, Row&)> make_;
  uint64_t index_ = 0;
};

inline QueryResult rows_result(std::vector<std::string> columns, std::vector<Row> rows) {
  auto shared = std::make_shared<std::vector<Row>>(std::move(rows));
  return QueryResult(
      std::make_unique<GeneratedRows>(std::move(columns), [shared](uint64_t i, Row& row) {
        if (i >= shared->size()) return false;
        row = (*shared)[i];
        return true;
      }));
}

}  // namespace quarry::testing
