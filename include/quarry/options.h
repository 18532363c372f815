// Options for opening a database and running queries. Every field states its default.
#pragma once

#include <chrono>
#include <cstdint>

namespace quarry {

struct OpenOptions {
  // Create the database directory if it does not exist. Default: true.
  bool create_if_missing = true;
  // Open without the write lock, beside a writer in another process; writes then fail
  // with kReadOnly. Default: false.
  bool read_only = false;
  // When the write lock is held by another process, fall back to a read-only open
  // instead of failing with kDatabaseInUse. Default: false.
  bool read_only_if_locked = false;
};

struct QueryOptions {
  // Stop the query with kTimeout after this long; zero means no limit. Default: none.
  std::chrono::milliseconds timeout{0};
  // Stop the query with kRuntimeError once more rows than this would be returned;
  // zero means no limit. Default: none.
  uint64_t max_rows = 0;
};

}  // namespace quarry
