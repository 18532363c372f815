// Errors and results at the API boundary.
//
// Every fallible call in the public API returns a Status or a Result<T>. Both are
// [[nodiscard]]: ignoring one is a compile-time warning. Quarry never throws across the
// API boundary; an exception escaping a public function is a bug.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace quarry {

// The few kinds of failure a caller may want to tell apart. The CLI maps them to exit
// codes (see docs/shell.md): query errors -> 1, usage -> 2, database errors -> 3.
enum class ErrorCode : uint8_t {
  kOk = 0,
  kInvalidArgument,  // bad option, bad parameter, malformed input line
  kSyntaxError,      // the query text does not parse
  kSemanticError,    // it parses but means nothing: unknown variable, function, ...
  kRuntimeError,     // a query failed while running: type mismatch, division by zero
  kNotFound,         // a document, entity or file that does not exist
  kDatabaseInUse,    // another process holds the database for writing
  kCorruption,       // stored data fails a consistency check or cannot be decoded
  kIOError,          // the file system or RocksDB failed
  kCancelled,        // the caller cancelled a running query
  kTimeout,          // a query ran past its QueryOptions::timeout
  kReadOnly,         // a write on a database opened read-only
};

// Short stable name of a code, e.g. "SyntaxError".
std::string_view error_code_name(ErrorCode code);

// A position in a query text or a data file. Lines and columns are 1-based; line 0 means
// "no position". `length` is the number of characters the caret line underlines (>= 1).
struct SourceSpan {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t length = 1;
  bool known() const { return line != 0; }
};

class Error {
 public:
  Error() = default;
  Error(ErrorCode code, std::string message, SourceSpan span = {}, std::string hint = {})
      : code_(code), message_(std::move(message)), span_(span), hint_(std::move(hint)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceSpan& span() const { return span_; }
  // A suggestion for a recognisable mistake ("did you mean `<>`?"), or empty.
  const std::string& hint() const { return hint_; }

  // The error as a person reads it. With the source text, a known span renders as
  //   SyntaxError at 2:7: unexpected '!='
  //     WHERE a != b
  //             ^^
  //   hint: Cypher writes inequality as <>
  // Without it (or without a span) only the first and last lines are produced.
  std::string to_string(std::string_view source = {}) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  SourceSpan span_;
  std::string hint_;
};

class [[nodiscard]] Status {
 public:
  Status() = default;                                // success
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  static Status ok_status() { return {}; }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  // Precondition: !ok().
  const Error& error() const { return *error_; }
  ErrorCode code() const { return error_ ? error_->code() : ErrorCode::kOk; }

 private:
  std::optional<Error> error_;
};

// Either a value or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  Result(Status status) : v_(status.error()) {}  // NOLINT; precondition: !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  // Preconditions: ok() for value(), !ok() for error().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<Error>(v_); }
  Status status() const { return ok() ? Status() : Status(error()); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace quarry
