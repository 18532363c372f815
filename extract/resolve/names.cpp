#include "extract/resolve/names.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace quarry::extract::resolve {

namespace {

std::string fold(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                                UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                        static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) {
    // Invalid UTF-8: fold ASCII only, so resolution still works on the readable part.
    std::string s(text);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  std::string s(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return s;
}

std::string lower_ascii(std::string_view w) {
  std::string s;
  for (char c : w) {
    if (c == '.') continue;
    s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return s;
}

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<std::string> fold_words(std::string_view text) {
  std::string f = fold(text);
  std::vector<std::string> words;
  std::string cur;
  size_t i = 0;
  while (i < f.size()) {
    utf8proc_int32_t cp = 0;
    auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(f.data() + i),
                                static_cast<utf8proc_ssize_t>(f.size() - i), &cp);
    if (len <= 0) {
      ++i;
      continue;
    }
    auto cat = utf8proc_category(cp);
    bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    bool digit = cat == UTF8PROC_CATEGORY_ND;
    bool apostrophe = cp == '\'' || cp == 0x2019;
    if (letter || digit) {
      cur.append(f, i, static_cast<size_t>(len));
    } else if (!apostrophe && !cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
    i += static_cast<size_t>(len);
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string variant_key(std::string_view word) {
  std::string w(word);
  for (std::string_view suffix : {"ey", "ei", "iy", "ii", "yi"}) {
    if (w.size() > 3 && ends_with(w, suffix)) {
      w.resize(w.size() - 2);
      w += 'i';
      break;
    }
  }
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && w[i] == 'h' && w[i - 1] == 'k') {
      out.back() = 'h';
      continue;
    }
    if (!out.empty() && i > 0 && w[i] == out.back() &&
        std::isalpha(static_cast<unsigned char>(w[i])))
      continue;
    out.push_back(w[i]);
  }
  return out;
}

std::string name_key(std::string_view text) {
  std::string key;
  for (const auto& w : fold_words(text)) {
    if (!key.empty()) key += ' ';
    key += variant_key(w);
  }
  return key;
}

std::vector<std::string> spelling_variants(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kEndings = {"ey", "ei", "iy", "ii", "i"};
  std::vector<std::string> out;
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(start, end - start);
    for (std::string_view from : kEndings) {
      if (word.size() <= from.size() + 2 || !ends_with(word, from)) continue;
      std::string_view stem = word.substr(0, word.size() - from.size());
      if (from == "i" && (ends_with(stem, "e") || ends_with(stem, "i"))) continue;
      for (std::string_view to : kEndings) {
        if (to == from) continue;
        out.push_back(std::string(name.substr(0, start)) + std::string(stem) + std::string(to) +
                      std::string(name.substr(end)));
      }
      break;
    }
    start = end + 1;
  }
  return out;
}

bool is_title_word(std::string_view word) {
  static constexpr std::array<std::string_view, 48> kTitles = {
      "mr",      "mrs",        "ms",         "miss",      "madam",       "dr",
      "sir",     "president",  "minister",   "premier",   "chancellor",  "secretary",
      "leader",  "chairman",   "chairwoman", "chair",     "director",    "general",
      "admiral", "marshal",    "colonel",    "commander", "governor",    "mayor",
      "senator", "ambassador", "envoy",      "spokesman", "spokeswoman", "spokesperson",
      "king",    "queen",      "prince",     "princess",  "emperor",     "pope",
      "chief",   "head",       "member",     "official",  "deputy",      "vice",
      "prime",   "foreign",    "defense",    "defence",   "lieutenant",  "captain"};
  return in(kTitles, lower_ascii(word));
}

Gender honorific_gender(std::string_view word) {
  std::string w = lower_ascii(word);
  if (w == "mr" || w == "sir" || w == "king" || w == "prince") return Gender::kMale;
  if (w == "mrs" || w == "ms" || w == "miss" || w == "madam" || w == "queen" || w == "princess")
    return Gender::kFemale;
  return Gender::kUnknown;
}

bool is_determiner(std::string_view word) {
  static constexpr std::array<std::string_view, 9> kDet = {"a",     "an",    "the", "this", "that",
                                                           "these", "those", "its", "their"};
  return in(kDet, lower_ascii(word));
}

bool is_name_connector(std::string_view word) {
  static constexpr std::array<std::string_view, 5> kConn = {"of", "for", "and", "de", "the"};
  return in(kConn, lower_ascii(word));
}

bool is_time_word(std::string_view word) {
  static constexpr std::array<std::string_view, 21> kTime = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",      "june",     "july",
      "august",  "september", "october",   "november", "december", "today",    "yesterday"};
  return in(kTime, lower_ascii(word));
}

PronounInfo pronoun_info(std::string_view word) {
  std::string w = lower_ascii(word);
  PronounInfo p;
  if (w == "he" || w == "him" || w == "his" || w == "himself") {
    p = {true, Gender::kMale, false, true, w == "himself"};
  } else if (w == "she" || w == "her" || w == "hers" || w == "herself") {
    p = {true, Gender::kFemale, false, true, w == "herself"};
  } else if (w == "they" || w == "them" || w == "their" || w == "theirs" || w == "themselves") {
    p = {true, Gender::kUnknown, true, false, w == "themselves"};
  } else if (w == "it" || w == "its" || w == "itself") {
    p = {true, Gender::kUnknown, false, false, w == "itself"};
  }
  return p;
}

bool is_capitalised(std::string_view word) {
  if (word.empty()) return false;
  utf8proc_int32_t cp = 0;
  auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                              static_cast<utf8proc_ssize_t>(word.size()), &cp);
  return len > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

std::string initials(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '-') ++j;
    std::string_view w = text.substr(i, j - i);
    if (!w.empty() && !is_name_connector(w) && is_capitalised(w)) out += w[0];
    i = j + 1;
  }
  return out;
}

bool looks_like_acronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool word_match(const std::string& a, const std::string& b) {
  if (a == b) return true;
  size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
  return p >= 4 && a.size() <= p + 3 && b.size() <= p + 3;
}

std::string description_head(const std::vector<std::string>& words) {
  auto of = std::find(words.begin(), words.end(), "of");
  if (of == words.begin()) return words.empty() ? "" : words.back();
  return *(of - 1);
}

}  // namespace quarry::extract::resolve
