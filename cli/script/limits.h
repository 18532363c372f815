// Query limits a CLI user sets: `--timeout` / `--max-rows` on `quarry query` and
// `quarry run`, `:timeout` / `:maxrows` lines in scripts and in the shell. They fill
// quarry::QueryOptions, whose contract (kTimeout, kRuntimeError past max_rows) they keep.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "quarry/options.h"

namespace quarry::cli {

// "250ms", "5s", "1.5s", "2m", or a bare number of seconds ("30"). "0", "off" and
// "none" mean no limit (zero). Nothing (std::nullopt) for anything else, including
// negative values and durations too long to hold.
std::optional<std::chrono::milliseconds> parse_timeout(std::string_view text);

// A non-negative whole number of rows; "0", "off" and "none" mean no limit.
std::optional<uint64_t> parse_max_rows(std::string_view text);

// "5s", "250ms", "2m"; "off" for zero. parse_timeout reads it back to the same value.
std::string timeout_text(std::chrono::milliseconds timeout);

// What a bad value should have looked like, for error hints.
inline constexpr const char* kTimeoutUsage = "a duration such as 500ms, 5s or 2m, or off";
inline constexpr const char* kMaxRowsUsage = "a whole number of rows, or off";

}  // namespace quarry::cli
