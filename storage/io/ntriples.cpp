// N-Triples (https://www.w3.org/TR/n-triples/) facts and the IRI <-> name mapping.
// Literal objects become entities named by their lexical form; language tags and
// datatypes are dropped.
#include <cctype>

#include "storage/io/reader_base.h"

namespace quarry::storage {
namespace {

constexpr std::string_view kNodePrefix = "urn:quarry:node:";
constexpr std::string_view kRelPrefix = "urn:quarry:rel:";

bool is_absolute_iri(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      !std::isalpha(static_cast<unsigned char>(s[0]))) {
    return false;
  }
  for (size_t i = 0; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 ||
        std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string percent_encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class NTriplesReader : public io_detail::LineReader {
 public:
  using LineReader::LineReader;

  Result<bool> next(Fact& fact) override {
    if (!next_line(text_)) return false;
    pos_ = 0;
    error_.reset();
    fact = Fact();
    fact.mention.extractor = "import";
    std::string term;
    if (!read_node(term, "subject")) return *error_;
    fact.subject.name = std::move(term);
    skip_space();
    if (!read_iri(term)) return error_ ? *error_ : bad("expected the predicate as an <IRI>");
    fact.predicate = name_from_iri(term);
    fact.text = fact.predicate;
    skip_space();
    if (peek() == '"') {
      if (!read_literal(term)) return *error_;
    } else if (!read_node(term, "object")) {
      return *error_;
    }
    fact.object.name = std::move(term);
    skip_space();
    if (peek() != '.') return bad("expected '.' at the end of the triple");
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] != '#') return bad("unexpected text after '.'");
    return true;
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  bool fail(std::string_view why) {
    error_ = bad(why);
    return false;
  }

  bool read_node(std::string& out, const char* role) {
    skip_space();
    if (peek() == '_' && pos_ + 1 < text_.size() && text_[pos_ + 1] == ':') {
      size_t end = text_.find_first_of(" \t", pos_);
      if (end == std::string::npos) return fail("unterminated blank node");
      out = text_.substr(pos_, end - pos_);
      pos_ = end;
      return true;
    }
    if (!read_iri(out))
      return error_ ? false : fail(fmt::format("expected the {} as an <IRI> or _:blank", role));
    out = name_from_iri(out);
    return true;
  }

  bool read_iri(std::string& out) {
    if (peek() != '<') return false;
    size_t end = text_.find('>', pos_);
    if (end == std::string::npos) return fail("unterminated <IRI>");
    out = text_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    return true;
  }

  bool read_literal(std::string& out) {
    out.clear();
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) return fail("unterminated escape in literal");
      char e = text_[pos_++];
      switch (e) {
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 'f': out += '\f'; break;
        case '"': out += '"'; break;
        case '\'': out += '\''; break;
        case '\\': out += '\\'; break;
        case 'u':
        case 'U': {
          size_t n = e == 'u' ? 4 : 8;
          if (pos_ + n > text_.size()) return fail("short \\u escape in literal");
          uint32_t cp = 0;
          for (size_t i = 0; i < n; ++i) {
            int h = hex_value(text_[pos_ + i]);
            if (h < 0) return fail("bad hex digit in \\u escape");
            cp = cp * 16 + static_cast<uint32_t>(h);
          }
          pos_ += n;
          append_utf8(out, cp);
          break;
        }
        default: return fail(fmt::format("unknown escape \\{} in literal", e));
      }
    }
    if (pos_ >= text_.size()) return fail("unterminated literal");
    ++pos_;  // closing quote
    if (peek() == '@') {
      while (pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != '\t' && text_[pos_] != '.')
        ++pos_;
    } else if (text_.compare(pos_, 2, "^^") == 0) {
      pos_ += 2;
      std::string datatype;
      if (!read_iri(datatype)) return error_ ? false : fail("expected a datatype <IRI> after ^^");
    }
    if (out.empty()) return fail("empty literal object");
    return true;
  }

  std::string text_;
  size_t pos_ = 0;
  std::optional<Error> error_;
};

}  // namespace

std::unique_ptr<TripleReader> make_ntriples_reader(std::istream& in, std::string name) {
  return std::make_unique<NTriplesReader>(in, std::move(name));
}

std::string node_iri(std::string_view name) {
  return is_absolute_iri(name) ? std::string(name)
                               : std::string(kNodePrefix) + percent_encode(name);
}

std::string predicate_iri(std::string_view predicate) {
  return is_absolute_iri(predicate) ? std::string(predicate)
                                    : std::string(kRelPrefix) + percent_encode(predicate);
}

std::string name_from_iri(std::string_view iri) {
  if (iri.substr(0, kNodePrefix.size()) == kNodePrefix)
    return percent_decode(iri.substr(kNodePrefix.size()));
  if (iri.substr(0, kRelPrefix.size()) == kRelPrefix)
    return percent_decode(iri.substr(kRelPrefix.size()));
  return std::string(iri);
}

}  // namespace quarry::storage
