#include "extract/nlp/tokenizer.h"

#include <algorithm>
#include <string>

#include "extract/nlp/segmenter_tables.h"

namespace quarry::nlp {
namespace {

bool is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }
bool is_hyphen(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Domain endings and file extensions that keep "amazon.com" and "report.pdf" whole.
bool is_tld(std::string_view s) {
  static constexpr std::string_view kTlds[] = {
      "com",  "org",  "net", "edu", "gov", "io",   "co",  "uk",   "ca",  "de",   "fr",
      "au",   "info", "biz", "ly",  "int", "pdf",  "doc", "docx", "htm", "html", "jpg",
      "jpeg", "gif",  "png", "txt", "xls", "xlsx", "ppt", "zip",  "exe"};
  for (auto t : kTlds)
    if (s == t) return true;
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

void ChunkTokenizer::tokenize(size_t first, size_t last, std::vector<Surface>& out) {
  bool has_punct = false;
  bool url_hint = false;
  for (size_t i = first; i < last; ++i) {
    if (is_alnum(chars_[i])) continue;
    has_punct = true;
    uint32_t c = chars_[i].cp;
    if (c == '@' || (c == ':' && cp(i + 1, last) == '/' && cp(i + 2, last) == '/')) url_hint = true;
    if (c == '.' && i >= first + 3 && (chars_[i - 1].cp | 0x20) == 'w' &&
        (chars_[i - 2].cp | 0x20) == 'w' && (chars_[i - 3].cp | 0x20) == 'w')
      url_hint = true;
  }
  // URL detection rescans from each word start; bound it so a huge blob stays linear.
  if (last - first > 4096) url_hint = false;
  size_t p = first;
  while (p < last) {
    size_t e = 0;
    if (url_hint && letter(p, last) && (p == first || !is_alnum(chars_[p - 1])))
      e = url_end(p, last);
    if (e == 0) {
      e = token_end(p, last);
      if (has_punct) e = std::max(e, lexicon_end(p, last));
    }
    Surface s;
    s.first = static_cast<uint32_t>(p);
    s.last = static_cast<uint32_t>(e);
    s.start = chars_[p].start;
    s.end = chars_[e - 1].start + chars_[e - 1].len;
    s.space_after = false;
    split_words(s);
    out.push_back(s);
    p = e;
  }
}

size_t ChunkTokenizer::url_end(size_t p, size_t b) {
  lower_.clear();
  append_chars(text_, chars_, p, std::min(b, p + 8), true, lower_);
  std::string_view s(lower_);
  bool url = s.starts_with("http://") || s.starts_with("https://") || s.starts_with("ftp://") ||
             s.starts_with("www.");
  size_t e = b;
  if (url) {
    for (size_t i = p; i < b; ++i)  // brackets and quotes around a URL are not part of it
      if (chars_[i].cp == '<' || chars_[i].cp == '>' || chars_[i].cp == '"') e = std::min(e, i);
  } else {
    // local@domain: local part of [alnum._%+-], then a dotted domain (or an upper-case
    // intranet host, "Warner@ENRON").
    size_t at = p;
    while (at < b && (is_alnum(chars_[at]) ||
                      (chars_[at].cp < 0x80 && std::string_view("._%+-").find(static_cast<char>(
                                                   chars_[at].cp)) != std::string_view::npos)))
      ++at;
    if (at == p || at >= b || chars_[at].cp != '@' || !alnum(at + 1, b)) return 0;
    size_t d = at + 1;
    bool dot = false, lower = false;
    while (d < b && (is_alnum(chars_[d]) || chars_[d].cp == '.' || chars_[d].cp == '-')) {
      dot = dot || (chars_[d].cp == '.' && alnum(d + 1, b));
      lower = lower || chars_[d].lower;
      ++d;
    }
    if (!dot && lower) return 0;
    e = d;
  }
  if (e <= p) return 0;
  while (e > p + 1) {  // trailing sentence punctuation and closing brackets are not the URL's
    uint32_t c = chars_[e - 1].cp;
    bool closer = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                  c == ')' || c == ']' || c == '"' || c == '\'' || c == '>' || c == 0x201D ||
                  c == 0x2019;
    if (!closer) break;
    --e;
  }
  return e;
}

size_t ChunkTokenizer::lexicon_end(size_t p, size_t b) {
  const size_t max_bytes = tables::longest_entry();
  lower_.clear();
  // Byte length of the lowered prefix ending before each char, to probe longest-first.
  size_t ends[32];
  size_t n = 0;
  for (size_t i = p; i < b && n < 32; ++i) {
    append_chars(text_, chars_, i, i + 1, true, lower_);
    if (lower_.size() > max_bytes) break;
    ends[n++] = lower_.size();
  }
  for (size_t k = n; k >= 2; --k) {
    size_t e = p + k;
    if (e < b && is_alnum(chars_[e - 1]) && is_alnum(chars_[e])) continue;
    std::string_view cand(lower_.data(), ends[k - 1]);
    if (cand.back() == '-' && e < b && is_alnum(chars_[e])) continue;  // "D-N.Y." is no "d-"
    if (cand == "no." && !is_digit_after_space(e))
      continue;  // "No." is the number sign only before a number
    if (tables::is_whole_token(cand) || tables::is_abbreviation(cand)) return e;
    if (chars_[p].upper && tables::is_capitalised_abbreviation(cand)) return e;
  }
  return 0;
}

bool ChunkTokenizer::is_digit_after_space(size_t e) const {
  while (e < chars_.size() && chars_[e].kind == CharKind::kSpace) ++e;
  return e < chars_.size() && chars_[e].kind == CharKind::kDigit;
}

size_t ChunkTokenizer::token_end(size_t p, size_t b) {
  if (is_alnum(chars_[p])) return word_end(p, b);
  uint32_t c = chars_[p].cp;
  if (is_apostrophe(c) && digit(p + 1, b) && digit(p + 2, b)) return word_end(p + 1, b);  // '80s
  size_t q = p + 1;
  if (c == '.') {
    while (cp(q, b) == '.') ++q;
  } else if (c == '!' || c == '?') {
    while (cp(q, b) == '!' || cp(q, b) == '?') ++q;
  } else if (c == '#' || c == '@') {
    if (letter(q, b) && (p == 0 || !is_alnum(chars_[p - 1])))  // #hashtag, @handle
      while (alnum(q, b) || cp(q, b) == '_') ++q;
  } else if (c == '-' || c == '=' || c == '_' || c == '*' || c == '$' || c == '~' || c == '\\' ||
             c == '+' || c == '^' || c == '#') {
    while (cp(q, b) == c) ++q;  // rules and emphasis: "-----", "$$$", "****"
  }
  return q;
}

size_t ChunkTokenizer::word_end(size_t p, size_t b) {
  // Initialisms with periods: U.S., e.g., a.m. (single letters each followed by a period).
  if (letter(p, b) && cp(p + 1, b) == '.') {
    size_t j = p;
    int n = 0;
    while (letter(j, b) && cp(j + 1, b) == '.' &&
           (!alnum(j + 2, b) || (letter(j + 2, b) && !alnum(j + 3, b)))) {
      j += 2;
      ++n;
    }
    if (n >= 1 && letter(j, b) && !alnum(j + 1, b)) {
      ++j;
      ++n;
    }
    if (n >= 2) return j;
    if (n == 1 && j == p + 2 && chars_[p].upper) return j;  // an initial: "J."
  }
  size_t q = p + 1;
  bool dotted = false;  // passed a dot inside a domain or dotted name
  bool number_hyphen = false;
  while (q < b) {
    if (is_alnum(chars_[q])) {
      ++q;
      continue;
    }
    uint32_t c = chars_[q].cp;
    bool prev_digit = digit(q - 1, b);
    bool prev_letter = letter(q - 1, b);
    if (is_apostrophe(c)) {
      if (prev_letter && letter(q + 1, b)) {  // O'Brien, don't, Bush's: split into words later
        ++q;
        continue;
      }
      // Plural possessive (parents'): the apostrophe belongs to the word.
      if (prev_letter && (chars_[q - 1].cp | 0x20) == 's' && q - p >= 3 && !alnum(q + 1, b) &&
          !is_apostrophe(cp(q + 1, b))) {
        ++q;
      }
      break;
    }
    if (c == '.') {
      if (prev_digit && digit(q + 1, b)) {  // 3.14, 202.456.1111
        ++q;
        continue;
      }
      if (prev_letter && letter(q + 1, b)) {  // amazon.com
        size_t r = q + 1;
        while (letter(r, b)) ++r;
        lower_.clear();
        append_chars(text_, chars_, q + 1, r, true, lower_);
        // alt.animals.cats: lower-case names with two or more dots.
        bool dotted_lower = chars_[p].lower && chars_[q - 1].lower && chars_[q + 1].lower &&
                            ((cp(r, b) == '.' && letter(r + 1, b)) || dotted);
        if ((is_tld(lower_) && !alnum(r, b)) || dotted_lower) {
          dotted = true;
          q = r;
          continue;
        }
      }
      break;
    }
    if (c == ',' && prev_digit && digit(q + 1, b) && digit(q + 2, b) && digit(q + 3, b) &&
        !digit(q + 4, b)) {  // 1,000
      q += 4;
      continue;
    }
    if ((c == ':' || c == '/') && prev_digit && digit(q + 1, b)) {  // 10:30, 1/2/2003
      ++q;
      continue;
    }
    if (is_hyphen(c)) {
      if (prev_digit && digit(q + 1, b)) {
        // Phone numbers and ISO dates stay whole (555-1234, 2001-02-03); ranges split (3-5).
        size_t l = q, r = q + 1;
        while (l > p && digit(l - 1, b)) --l;
        while (digit(r, b)) ++r;
        if (number_hyphen || (q - l >= 3 && r - q - 1 >= 3) ||
            (is_hyphen(cp(r, b)) && digit(r + 1, b))) {
          number_hyphen = true;
          ++q;
          continue;
        }
        break;
      }
      if (prev_letter && !alnum(q + 1, b) && !is_hyphen(cp(q + 1, b))) {  // cut-off word: "wh-"
        ++q;
        break;
      }
      if (letter(q + 1, b)) {
        lower_.clear();
        append_chars(text_, chars_, p, q, true, lower_);
        if (tables::is_hyphen_prefix(lower_)) {  // non-stop, anti-war
          ++q;
          continue;
        }
      }
      break;
    }
    if (c == '_' && alnum(q - 1, b) && alnum(q + 1, b)) {  // file_name, user_id
      ++q;
      continue;
    }
    if (c == '&' && chars_[q - 1].upper && letter(q + 1, b) && chars_[q + 1].upper) {  // AT&T
      ++q;
      continue;
    }
    break;
  }
  return q;
}

void ChunkTokenizer::split_words(Surface& s) {
  if (s.last - s.first < 2) return;
  lower_.clear();
  append_chars(text_, chars_, s.first, s.last, true, lower_);
  std::string_view w(lower_);
  if (w.size() != s.end - s.start) return;  // case mapping changed the length: leave whole
  if (w.size() <= 12)
    if (const auto* mw = tables::find_multiword(w)) {
      for (int i = 0; i < 4; ++i) s.words[i] = mw->lengths[i];
      return;
    }
  if (w.find('\'') == std::string_view::npos && w.find("\xE2\x80\x99") == std::string_view::npos)
    return;
  // Clitics, with a straight or a curly apostrophe: n't, 's, 'm, 'd, 're, 've, 'll, s'.
  size_t clitic = 0;
  for (std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    std::string nt = "n" + std::string(apos) + "t";
    if (ends_with(w, nt)) {
      clitic = nt.size();
      break;
    }
    for (std::string_view tail : {"s", "m", "d", "re", "ve", "ll"}) {
      std::string suffix = std::string(apos) + std::string(tail);
      if (ends_with(w, suffix)) clitic = suffix.size();
    }
    if (clitic == 0 && w.size() >= 3 && ends_with(w, std::string("s") + std::string(apos)))
      clitic = apos.size();
    if (clitic) break;
  }
  if (clitic == 0 || clitic >= w.size() || w.size() - clitic > 255) return;
  s.words[0] = static_cast<uint8_t>(w.size() - clitic);
  s.words[1] = static_cast<uint8_t>(clitic);
}

}  // namespace quarry::nlp
