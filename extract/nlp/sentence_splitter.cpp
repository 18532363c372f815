// Sentence splitting over the tokenizer's surface tokens, and assembly of Sentences.
//
// Boundaries are decided from the token after a candidate: terminal punctuation (. ! ? and
// their runs) ends a sentence unless a lower-case word or mid-sentence punctuation follows;
// an ellipsis or an abbreviation ends one only before a capitalised word (abbreviations
// that rarely end sentences only before a capitalised function word; titles like "Mr."
// never). Closing quotes and brackets glued to the terminal stay in the sentence. Blank
// lines always end a sentence; so does a short line without final punctuation (headings),
// and the dateline of a wire story.
#include "extract/nlp/sentence_splitter.h"

#include <string>

#include "extract/nlp/segmenter_tables.h"

namespace quarry::nlp {
namespace {

bool is_opener(uint32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x201C || c == 0x2018 ||
         c == 0xAB || c == '`';
}
bool is_closer(uint32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D || c == 0x2019 ||
         c == 0xBB;
}
bool is_dash(std::string_view s) {
  return s == "-" || s == "--" || s == "---" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93";
}

// Capitalised words that start sentences far more often than they follow an abbreviation.
bool is_sentence_starter(std::string_view lower) {
  static constexpr std::string_view kStarters[] = {
      "the", "a",   "an",  "he",   "she",  "it",      "they",  "we",    "i",     "you",
      "in",  "but", "and", "this", "that", "there",   "his",   "her",   "their", "its",
      "on",  "at",  "for", "as",   "if",   "when",    "while", "after", "some",  "many",
      "so",  "our", "my",  "what", "how",  "however", "these", "those", "one",   "to"};
  for (auto w : kStarters)
    if (lower == w) return true;
  return false;
}

bool is_weekday_or_month(std::string_view lower) {
  static constexpr std::string_view kNames[] = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",  "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",     "june",     "july",
      "august",  "september", "october",   "november", "december"};
  for (auto w : kNames)
    if (lower == w) return true;
  return false;
}

bool is_month(std::string_view lower) {
  static constexpr std::string_view kMonths[] = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan.", "feb.", "mar.", "apr.",
      "aug.",      "sept.",    "sep.",     "oct.",     "nov.", "dec."};
  for (auto w : kMonths)
    if (lower == w) return true;
  return false;
}

bool is_title(std::string_view lower) {
  static constexpr std::string_view kTitles[] = {
      "mr.",  "mrs.", "ms.",  "dr.",   "prof.", "gen.",  "lt.",  "col.", "sgt.",  "rev.",
      "sen.", "rep.", "gov.", "st.",   "capt.", "cmdr.", "adm.", "maj.", "pres.", "hon.",
      "fr.",  "mt.",  "no.",  "vs.",   "v.",    "jan.",  "feb.", "mar.", "apr.",  "jun.",
      "jul.", "aug.", "sep.", "sept.", "oct.",  "nov.",  "dec."};
  static constexpr std::string_view kNeverEnd[] = {"e.g.", "i.e.",   "cf.",   "viz.",  "approx.",
                                                   "ca.",  "assoc.", "dept.", "univ.", "ext."};
  for (auto w : kTitles)
    if (lower == w) return true;
  for (auto w : kNeverEnd)
    if (lower == w) return true;
  return false;
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Char>& chars, const std::vector<Surface>& toks,
           const SegmentOptions& options)
      : text_(text), chars_(chars), toks_(toks), options_(options) {}

  // ends[k] is true when a sentence ends after surface token k.
  std::vector<bool> run() {
    std::vector<bool> ends(toks_.size(), false);
    size_t para_start = 0;
    for (size_t k = 0; k < toks_.size(); ++k) {
      if (k == para_start || ends[k - 1]) mark_dateline(k, ends, k != para_start);
      const Surface& t = toks_[k];
      if (k + 1 == toks_.size() || t.newlines_after >= 2 ||
          (t.newlines_after == 1 && options_.line_per_sentence)) {
        ends[k] = true;
        para_start = k + 1;
        continue;
      }
      size_t m = k;
      if (is_terminal(k) || is_abbrev(k)) {
        while (m + 1 < toks_.size() && !toks_[m].space_after && is_closer(first_cp(m + 1)) &&
               toks_[m].newlines_after < 2)
          ++m;
        m = skip_citation(m);
        if (m != k && (toks_[m].newlines_after >= 2 || m + 1 == toks_.size())) {
          ends[m] = true;
          k = m;
          para_start = k + 1;
          continue;
        }
        if (ends_before(k, m + 1)) {
          ends[m] = true;
          k = m;
          continue;
        }
      }
      if (t.newlines_after == 1 && is_heading_line(k)) ends[k] = true;
    }
    return ends;
  }

 private:
  uint32_t first_cp(size_t k) const { return chars_[toks_[k].first].cp; }
  std::string_view form(size_t k) const {
    return text_.substr(toks_[k].start, toks_[k].end - toks_[k].start);
  }
  std::string lower(size_t k) const {
    std::string s;
    append_chars(text_, chars_, toks_[k].first, toks_[k].last, true, s);
    return s;
  }

  bool is_terminal(size_t k) const {
    for (size_t i = toks_[k].first; i < toks_[k].last; ++i) {
      uint32_t c = chars_[i].cp;
      if (c != '.' && c != '!' && c != '?' && c != 0x2026) return false;
    }
    return true;
  }
  bool is_ellipsis(size_t k) const {
    std::string_view f = form(k);
    return f == "\xE2\x80\xA6" || (f.size() >= 2 && f.find_first_not_of('.') == f.npos);
  }
  bool is_abbrev(size_t k) const {
    const Surface& t = toks_[k];
    return t.last - t.first >= 2 && chars_[t.last - 1].cp == '.' && is_alnum(chars_[t.first]);
  }

  // "voc. ed.": a period glued to a lower-case word of at most three letters, lower case next, is
  // more likely an abbreviation the tables do not know than a sentence end.
  bool unknown_abbreviation(size_t k) const {
    if (k == 0 || toks_[k - 1].space_after || form(k) != ".") return false;
    const Surface& w = toks_[k - 1];
    if (w.last - w.first > 3) return false;
    for (size_t i = w.first; i < w.last; ++i)
      if (!chars_[i].lower) return false;
    return !tables::is_final_short_word(form(k - 1));
  }

  // "[17]" or "[...]" after a sentence's final punctuation belongs to that sentence.
  size_t skip_citation(size_t m) const {
    if (m + 2 >= toks_.size() || form(m + 1) != "[" || toks_[m].newlines_after != 0) return m;
    for (size_t j = m + 2; j < toks_.size() && j <= m + 4; ++j) {
      if (form(j) == "]") return j;
      const Char& c = chars_[toks_[j].first];
      if (c.kind != CharKind::kDigit && c.cp != '.' && c.cp != 0x2026 && c.cp != ',') return m;
    }
    return m;
  }

  // The first word-like token at or after `k` (skipping opening quotes and brackets).
  size_t skip_openers(size_t k) const {
    while (k < toks_.size() && toks_[k].last - toks_[k].first == 1 && is_opener(first_cp(k))) ++k;
    return k;
  }

  bool ends_before(size_t k, size_t next) const {
    size_t w = skip_openers(next);
    if (w >= toks_.size()) return true;
    const Char& c = chars_[toks_[w].first];
    bool upper = c.upper || (c.kind == CharKind::kDigit && w != next);
    bool lower_start = c.lower;
    if (is_terminal(k)) {
      if (is_ellipsis(k)) return c.upper;
      // '"Go!" he said': after a closing quote or bracket, lower case continues the sentence.
      if (lower_start) return next == k + 1 && !unknown_abbreviation(k);
      if (w == next && (c.kind == CharKind::kPunct || c.kind == CharKind::kSymbol)) {
        uint32_t p = c.cp;
        return !(p == ',' || p == ';' || p == ':' || p == ')' || p == ']' || p == '.' || p == '-' ||
                 p == '%' || p == '!' || p == '?');
      }
      return true;
    }
    // An abbreviation.
    if (!upper) return false;
    std::string abbrev = lower(k);
    if (is_title(abbrev)) return false;
    if (toks_[k].last - toks_[k].first == 2 && chars_[toks_[k].first].upper) return false;  // "J."
    if (is_weekday_or_month(lower(w))) return false;  // "at 5 p.m. Tuesday", "Calif. Jan. 3"
    if (tables::abbreviation_can_end(abbrev)) return true;
    return is_sentence_starter(lower(w));
  }

  // A line break after a short line that does not end in punctuation: a heading or a title.
  bool is_heading_line(size_t k) const {
    size_t line_start = k;
    while (line_start > 0 && toks_[line_start - 1].newlines_after == 0) --line_start;
    if (toks_[k].end - toks_[line_start].start >= 40) return false;
    const Char& last = chars_[toks_[k].last - 1];
    if (last.kind == CharKind::kPunct && last.cp != ')' && last.cp != '"' && last.cp != 0x201D)
      return false;
    const Char& next =
        chars_[toks_[skip_openers(k + 1) < toks_.size() ? skip_openers(k + 1) : k + 1].first];
    return next.upper || next.kind == CharKind::kDigit;
  }

  // "PYONGYANG, July 27 (KCNA) --": an upper-case place, optional date and agency in
  // brackets, then a dash. The dateline becomes a sentence of its own.
  void mark_dateline(size_t k0, std::vector<bool>& ends, bool require_date) const {
    auto all_caps = [&](size_t k) {
      bool any = false;
      for (size_t i = toks_[k].first; i < toks_[k].last; ++i) {
        if (chars_[i].lower) return false;
        any = any || chars_[i].upper;
      }
      return any;
    };
    if (!chars_[toks_[k0].first].upper) return;
    // A place in ordinary case ("Sorel, March 15 -") needs the date to count as a dateline.
    // Inside a paragraph the date is required too.
    bool need_date = require_date || !all_caps(k0) || toks_[k0].last - toks_[k0].first < 3;
    bool seen_date = false;
    int depth = 0;
    for (size_t k = k0 + 1; k < toks_.size() && k < k0 + 16; ++k) {
      if (toks_[k].newlines_after >= 2) return;
      std::string_view f = form(k);
      if (f == "(") ++depth;
      if (f == ")") --depth;
      // A hyphen glued to the words on both sides is part of a name ("Kim Jong-un"), not
      // the dash that closes a dateline.
      bool in_word = f == "-" && !toks_[k - 1].space_after && !toks_[k].space_after;
      if (depth == 0 && is_dash(f) && !in_word) {
        if (k + 1 < toks_.size() && (seen_date || !need_date)) ends[k] = true;
        return;
      }
      if (in_word) continue;
      if (depth == 0 && k > k0 + 1 && form(k - 1) == "," && is_month(lower(k)) &&
          k + 1 < toks_.size() && chars_[toks_[k + 1].first].kind == CharKind::kDigit)
        seen_date = true;
      if (depth > 0 || f == "," || f == ")" || all_caps(k)) continue;
      const Char& c = chars_[toks_[k].first];
      if (c.upper || c.kind == CharKind::kDigit || f == ".") continue;  // "July 27", "Calif."
      return;
    }
  }

  std::string_view text_;
  const std::vector<Char>& chars_;
  const std::vector<Surface>& toks_;
  const SegmentOptions& options_;
};

}  // namespace

std::vector<bool> find_sentence_ends(std::string_view text, const std::vector<Char>& chars,
                                     const std::vector<Surface>& toks,
                                     const SegmentOptions& options) {
  return Splitter(text, chars, toks, options).run();
}

}  // namespace quarry::nlp
