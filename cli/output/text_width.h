// Terminal display width of UTF-8 text, for aligning table columns.
//
// Widths come from libutf8proc: East Asian wide and fullwidth characters take two cells,
// combining marks none, everything else one. Invalid UTF-8 bytes count one cell each.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace quarry::cli::output {

size_t display_width(std::string_view utf8);

// The longest prefix of `utf8` that fits `width` cells, ending with `ellipsis` when the
// text had to be cut. Never splits a character. Returns `utf8` unchanged when it fits.
std::string truncate_to_width(std::string_view utf8, size_t width, std::string_view ellipsis);

// Control characters (newline, tab, ...) as visible escapes (\n, \t, \x01), so a value
// keeps to one line of a table.
std::string one_line(std::string_view utf8);

}  // namespace quarry::cli::output
