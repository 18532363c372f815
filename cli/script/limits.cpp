#include "cli/script/limits.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace quarry::cli {
namespace {

bool means_no_limit(std::string_view text) {
  return text == "off" || text == "none" || text == "0";
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_timeout(std::string_view text) {
  text = trimmed(text);
  if (means_no_limit(text)) return std::chrono::milliseconds(0);
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit(end, text.data() + text.size() - end);
  double per_unit = 0;  // milliseconds
  if (unit.empty() || unit == "s") {
    per_unit = 1000;
  } else if (unit == "ms") {
    per_unit = 1;
  } else if (unit == "m" || unit == "min") {
    per_unit = 60'000;
  } else if (unit == "h") {
    per_unit = 3'600'000;
  } else {
    return std::nullopt;
  }
  double ms = std::ceil(number * per_unit);  // 0.0001s is a limit, not "no limit"
  // A year is far beyond any useful timeout and far inside what milliseconds hold.
  if (!(ms >= 0) || ms > 365.0 * 24 * 3'600'000) return std::nullopt;
  return std::chrono::milliseconds(static_cast<int64_t>(ms));
}

std::optional<uint64_t> parse_max_rows(std::string_view text) {
  text = trimmed(text);
  if (means_no_limit(text)) return 0;
  uint64_t rows = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), rows);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return rows;
}

std::string timeout_text(std::chrono::milliseconds timeout) {
  int64_t ms = timeout.count();
  if (ms <= 0) return "off";
  if (ms % 1000 != 0) return fmt::format("{}ms", ms);
  int64_t s = ms / 1000;
  if (s < 60 || s % 60 != 0) return fmt::format("{}s", s);
  return fmt::format("{}m", s / 60);
}

}  // namespace quarry::cli
