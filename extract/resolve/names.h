// Word-level rules entity resolution needs: folding names to comparable keys, the
// transliteration rule, title words, honorifics and pronouns.
//
// All functions are pure and thread-safe. Words are compared after folding (NFKD, case
// folded, diacritics removed, split at anything that is not a letter or digit, apostrophes
// dropped), so "Kim Jong-un" and "KIM JONG UN" give the same words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quarry::extract::resolve {

enum class Gender { kUnknown, kMale, kFemale };

// The space-separated words of `text` as written (no folding; runs of spaces skipped).
std::vector<std::string> split_words(std::string_view text);
// The folded words of a name: "Kim Jong-un" -> {"kim", "jong", "un"}.
std::vector<std::string> fold_words(std::string_view text);

// The spelling key of one folded word. One documented rule for romanisation variants
// (the same name transliterated by different outlets), applied in this order:
//   1. a word-final -ey, -ei, -iy, -ii or -yi becomes -i   (Sergey/Sergei, Dmitriy/Dmitrii)
//   2. "kh" becomes "h"                                   (Mikhail/Mihail)
//   3. a doubled letter becomes one                        (Mohammed/Mohamed)
// Deliberately narrow: it never touches the first letter or a word's consonant skeleton
// beyond these cases, so different names (Jong/Yong, Un/Il) stay different.
std::string variant_key(std::string_view folded_word);
// variant_key of every folded word, joined by spaces.
std::string name_key(std::string_view text);
// Other spellings of `name` that rule 1 of variant_key treats as equal, one word changed at
// a time: "Sergey Shoigu" -> {"Sergei Shoigu"}; "Dmitriy Peskov" -> {"Dmitrii Peskov",
// "Dmitri Peskov", ...}. Used to find the entity another document spelled differently.
std::vector<std::string> spelling_variants(std::string_view name);

// Words that make a noun phrase a role rather than a name: "Minister", "President",
// "leader", "Mr.". Case-insensitive; `word` may carry a final period.
bool is_title_word(std::string_view word);
// Honorifics that state a gender: Mr. -> male; Mrs., Ms., Miss, Madam -> female.
Gender honorific_gender(std::string_view word);
// Determiners dropped from the front of common-noun phrases and descriptions.
bool is_determiner(std::string_view word);
// Small words that may sit inside a name ("Republic of Korea", "Bank for ...").
bool is_name_connector(std::string_view word);
// Days, months and other time words that start with a capital but name no entity.
bool is_time_word(std::string_view word);

struct PronounInfo {
  bool pronoun = false;
  Gender gender = Gender::kUnknown;  // he/him/his: male, she/her: female
  bool plural = false;               // they/them/their
  bool person = false;               // he/she (and who); "it" is never a person
  bool reflexive = false;            // himself, herself, itself, themselves
};
PronounInfo pronoun_info(std::string_view word);

// Initials of the capitalised words of `text`, connectors skipped:
// "Calveran State News Agency" -> "CSNA", "Northern Federation of the Isles" -> "NFI".
std::string initials(std::string_view text);
// True for a word of 2-8 upper-case letters (an acronym candidate), e.g. "KCNA".
bool looks_like_acronym(std::string_view word);
// True when the word starts with an upper-case letter (ASCII or not).
bool is_capitalised(std::string_view word);

// Word match for descriptions (folded words): equal, or sharing a prefix of four letters or
// more with at most three letters beyond it on either side, so a country matches its
// adjective (russia/russian, china/chinese) and spellings match (defense/defence).
bool word_match(const std::string& a, const std::string& b);
// The head of a description's folded words: the last word before "of", else the last word.
std::string description_head(const std::vector<std::string>& words);

}  // namespace quarry::extract::resolve
