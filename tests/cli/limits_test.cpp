#include <catch2/catch.hpp>

#include "cli/script/limits.h"

using namespace std::chrono_literals;
using quarry::cli::parse_max_rows;
using quarry::cli::parse_timeout;
using quarry::cli::timeout_text;

TEST_CASE("timeouts read units, bare seconds and off", "[limits]") {
  CHECK(parse_timeout("250ms") == 250ms);
  CHECK(parse_timeout("5s") == 5000ms);
  CHECK(parse_timeout("1.5s") == 1500ms);
  CHECK(parse_timeout("2m") == 120'000ms);
  CHECK(parse_timeout("2min") == 120'000ms);
  CHECK(parse_timeout("1h") == 3'600'000ms);
  CHECK(parse_timeout("30") == 30'000ms);
  CHECK(parse_timeout(" 5s ") == 5000ms);
  CHECK(parse_timeout("off") == 0ms);
  CHECK(parse_timeout("none") == 0ms);
  CHECK(parse_timeout("0") == 0ms);
  // A tiny positive timeout is still a limit, never "no limit".
  CHECK(parse_timeout("0.0001s") == 1ms);
}

TEST_CASE("malformed timeouts are refused", "[limits]") {
  for (const char* bad : {"", "s", "5x", "5 s", "-1s", "fast", "nan", "inf", "1e30s", "5s5"}) {
    INFO(bad);
    CHECK_FALSE(parse_timeout(bad).has_value());
  }
}

TEST_CASE("row limits are whole numbers or off", "[limits]") {
  CHECK(parse_max_rows("1000") == 1000u);
  CHECK(parse_max_rows("off") == 0u);
  CHECK(parse_max_rows("0") == 0u);
  for (const char* bad : {"", "-1", "10k", "1.5", "1e3", "18446744073709551616"}) {
    INFO(bad);
    CHECK_FALSE(parse_max_rows(bad).has_value());
  }
}

TEST_CASE("timeouts print in the largest whole unit and read back", "[limits]") {
  CHECK(timeout_text(0ms) == "off");
  CHECK(timeout_text(250ms) == "250ms");
  CHECK(timeout_text(1500ms) == "1500ms");
  CHECK(timeout_text(5000ms) == "5s");
  CHECK(timeout_text(90'000ms) == "90s");
  CHECK(timeout_text(120'000ms) == "2m");
  for (auto t : {0ms, 1ms, 1500ms, 5000ms, 90'000ms, 120'000ms}) {
    CHECK(parse_timeout(timeout_text(t)) == t);
  }
}
