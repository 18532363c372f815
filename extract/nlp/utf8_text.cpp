#include "extract/nlp/utf8_text.h"

#include <utf8proc.h>

namespace quarry::nlp {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;

Char classify(uint32_t cp, uint32_t start, uint8_t len) {
  Char c{cp, start, len, CharKind::kSymbol, false, false, false};
  if (cp < 0x80) {  // ASCII without a table call: most news text is ASCII
    if (cp == '\n' || cp == '\r') {
      c.kind = CharKind::kNewline;
    } else if (cp <= ' ' || cp == 0x7F) {
      c.kind = CharKind::kSpace;
    } else if (cp >= '0' && cp <= '9') {
      c.kind = CharKind::kDigit;
    } else if (cp >= 'A' && cp <= 'Z') {
      c.kind = CharKind::kLetter;
      c.upper = true;
    } else if (cp >= 'a' && cp <= 'z') {
      c.kind = CharKind::kLetter;
      c.lower = true;
    } else if (cp == '$' || cp == '+' || cp == '<' || cp == '=' || cp == '>' || cp == '^' ||
               cp == '`' || cp == '|' || cp == '~') {
      c.kind = CharKind::kSymbol;
    } else {
      c.kind = CharKind::kPunct;
    }
    return c;
  }
  if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
    c.kind = CharKind::kNewline;
    return c;
  }
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x2060) {
    c.kind = CharKind::kSpace;
    return c;
  }
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  if (category == UTF8PROC_CATEGORY_LL) c.lower = true;
  switch (category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: c.upper = true; [[fallthrough]];
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF: c.kind = CharKind::kLetter; break;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: c.kind = CharKind::kDigit; break;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: c.kind = CharKind::kPunct; break;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC: c.kind = CharKind::kSpace; break;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: c.kind = CharKind::kNewline; break;
    default: c.kind = CharKind::kSymbol; break;
  }
  return c;
}

}  // namespace

std::vector<Char> decode_utf8(std::string_view text, size_t& invalid_bytes) {
  std::vector<Char> chars;
  chars.reserve(text.size());
  invalid_bytes = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    if (bytes[i] < 0x80) {
      chars.push_back(classify(bytes[i], static_cast<uint32_t>(i), 1));
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      Char c = classify(kReplacement, static_cast<uint32_t>(i), 1);
      c.invalid = true;
      c.kind = CharKind::kLetter;  // usually a mis-encoded letter (Latin-1 "é"): keep the word
      chars.push_back(c);
      ++invalid_bytes;
      ++i;
      continue;
    }
    chars.push_back(
        classify(static_cast<uint32_t>(cp), static_cast<uint32_t>(i), static_cast<uint8_t>(n)));
    i += static_cast<size_t>(n);
  }
  return chars;
}

void append_chars(std::string_view text, const std::vector<Char>& chars, size_t first, size_t last,
                  bool lower, std::string& out) {
  for (size_t i = first; i < last; ++i) {
    const Char& c = chars[i];
    if (c.invalid) {
      out += "\xEF\xBF\xBD";
    } else if (!lower || !c.upper) {
      out.append(text.substr(c.start, c.len));
    } else if (c.cp < 0x80) {
      out += static_cast<char>(c.cp + ('a' - 'A'));
    } else {
      utf8proc_uint8_t buf[4];
      auto n = utf8proc_encode_char(utf8proc_tolower(static_cast<utf8proc_int32_t>(c.cp)), buf);
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    }
  }
}

}  // namespace quarry::nlp
