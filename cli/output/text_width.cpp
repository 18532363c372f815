#include "cli/output/text_width.h"

#include <fmt/format.h>
#include <utf8proc.h>

namespace quarry::cli::output {
namespace {

// Decodes the character at `i`; returns its byte length (1 for an invalid byte) and sets
// `cells` to its width.
size_t next_char(std::string_view s, size_t i, int& cells) {
  utf8proc_int32_t cp = 0;
  auto used = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                               static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (used <= 0) {
    cells = 1;
    return 1;
  }
  cells = utf8proc_charwidth(cp);
  return static_cast<size_t>(used);
}

}  // namespace

size_t display_width(std::string_view utf8) {
  size_t width = 0;
  for (size_t i = 0; i < utf8.size();) {
    int cells = 0;
    i += next_char(utf8, i, cells);
    width += static_cast<size_t>(cells);
  }
  return width;
}

std::string truncate_to_width(std::string_view utf8, size_t width, std::string_view ellipsis) {
  if (display_width(utf8) <= width) return std::string(utf8);
  size_t room = display_width(ellipsis);
  if (room > width) return std::string(ellipsis.substr(0, width));
  room = width - room;
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < utf8.size();) {
    int cells = 0;
    size_t len = next_char(utf8, i, cells);
    if (used + static_cast<size_t>(cells) > room) break;
    out.append(utf8.substr(i, len));
    used += static_cast<size_t>(cells);
    i += len;
  }
  out.append(ellipsis);
  return out;
}

std::string one_line(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (char c : utf8) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace quarry::cli::output
