// Decoded UTF-8 for the segmenter: one entry per code point with its byte span and a coarse
// Unicode class (from utf8proc), so the tokenizer never re-decodes or calls into utf8proc
// in its inner loops.
//
// Invalid bytes decode one at a time to U+FFFD with `invalid` set; their span is the one
// original byte, so offsets keep indexing the caller's text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quarry::nlp {

enum class CharKind : uint8_t {
  kSpace,    // Zs, tabs, controls, zero-width space, byte-order mark
  kNewline,  // \n, \r, U+0085, U+2028, U+2029
  kLetter,   // L*, M* (combining marks stay with their letter), other format characters
  kDigit,    // Nd, Nl, No
  kPunct,    // P*
  kSymbol,   // S*, unassigned, private use (replaced invalid bytes count as letters)
};

struct Char {
  uint32_t cp;
  uint32_t start;  // byte offset into the original text
  uint8_t len;     // bytes in the original text
  CharKind kind;
  bool upper;    // Lu or Lt
  bool lower;    // Ll
  bool invalid;  // an invalid byte, decoded as U+FFFD
};

// Decodes `text`; `invalid_bytes` receives the count of replaced bytes.
std::vector<Char> decode_utf8(std::string_view text, size_t& invalid_bytes);

inline bool is_alnum(const Char& c) {
  return c.kind == CharKind::kLetter || c.kind == CharKind::kDigit;
}
inline bool is_space(const Char& c) {
  return c.kind == CharKind::kSpace || c.kind == CharKind::kNewline;
}

// Appends the UTF-8 of chars [first, last) to `out`: the original bytes, U+FFFD for invalid
// ones; lower-cased when `lower` is set.
void append_chars(std::string_view text, const std::vector<Char>& chars, size_t first, size_t last,
                  bool lower, std::string& out);

}  // namespace quarry::nlp
