// The engine's internal failure path: a typed exception thrown anywhere between parser
// and executor, caught once in engine.cpp and turned into a Result at the API boundary.
#pragma once

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "quarry/status.h"

namespace quarry::engine {

class QueryError : public std::exception {
 public:
  explicit QueryError(Error error) : error_(std::move(error)) {}
  const Error& error() const { return error_; }
  const char* what() const noexcept override { return error_.message().c_str(); }

 private:
  Error error_;
};

[[noreturn]] inline void fail(ErrorCode code, std::string message, SourceSpan span = {},
                              std::string hint = {}) {
  throw QueryError(Error{code, std::move(message), span, std::move(hint)});
}

// The candidate closest to `word` by edit distance (case-insensitive), or empty when
// none is close enough to be a plausible typo.
std::string closest_name(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace quarry::engine
