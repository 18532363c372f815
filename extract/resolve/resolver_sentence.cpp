// DocumentResolver::add_sentence: the cues one parsed sentence gives about entities.
//
// Names are runs of capitalised tokens (PROPN, or capitalised ADJ/NOUN inside a run), so a
// name the entity recogniser mislabels or misses is still a name; the recogniser's tags
// only vote on the type. A run's leading title words ("Russian Defense Minister") are cut
// off and kept as a description; a run of title words only is a description, not a name.
#include <fmt/format.h>

#include "extract/resolve/resolver.h"

namespace quarry::extract::resolve {

namespace {

using nlp::Sentence;
using nlp::Token;

bool is_punct(const Token& t) { return t.upos == "PUNCT" || t.upos == "SYM"; }
bool is_possessive(const Token& t) {
  return t.form == "'s" || t.form == "\u2019s" || t.form == "'" || t.upos == "PART";
}
std::string ner_type(const Token& t) {
  if (t.ner.size() < 3 || t.ner == "O") return {};
  std::string_view k = std::string_view(t.ner).substr(2);
  if (k == "person") return "Person";
  if (k == "organization") return "Organization";
  if (k == "place") return "Place";
  if (k == "event") return "Event";
  if (k == "object") return "Artifact";
  return {};  // time: not an entity here
}

bool name_like(const Sentence& s, size_t i) {
  const Token& t = s.tokens[i];
  if (!is_capitalised(t.form) || is_time_word(t.form)) return false;
  if (t.ner.size() > 2 && t.ner.substr(2) == "time") return false;
  if (t.upos == "PROPN") return true;
  if (i == 0) return false;  // a capitalised common word may just start the sentence
  return t.upos == "NOUN" || t.upos == "ADJ" || t.upos == "X" || looks_like_acronym(t.form);
}

std::string join(const Sentence& s, size_t first, size_t last) {
  std::string out;
  for (size_t i = first; i < last; ++i) {
    out += s.tokens[i].form;
    if (i + 1 < last && s.tokens[i].space_after) out += ' ';
  }
  return out;
}

// Folded words of tokens [first, last), determiners and possessive markers left out.
std::vector<std::string> description_words(const Sentence& s, size_t first, size_t last) {
  std::vector<std::string> words;
  for (size_t i = first; i < last; ++i) {
    const Token& t = s.tokens[i];
    if (is_punct(t) || is_possessive(t) || is_determiner(t.form)) continue;
    for (auto& w : fold_words(t.form)) words.push_back(std::move(w));
  }
  return words;
}

bool has_role_noun(const Sentence& s, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    const Token& t = s.tokens[i];
    if (is_title_word(t.form) || (t.upos == "NOUN" && !is_capitalised(t.form))) return true;
  }
  return false;
}

// "Kim and Shoigu" is two people even when the tagger spans both with one person tag: no
// person is named "X and Y" ("Procter and Gamble" is a company and stays one name).
bool joins_two_people(const Sentence& s, size_t j) {
  const std::string& w = s.tokens[j].form;
  if ((w != "and" && w != "And") || j == 0) return false;
  return ner_type(s.tokens[j - 1]) == "Person" && ner_type(s.tokens[j + 1]) == "Person";
}

}  // namespace

void DocumentResolver::add_sentence(const nlp::Sentence& s, uint32_t index) {
  auto& spans = spans_[index];
  auto& upos = upos_[index];
  upos.clear();
  for (const auto& t : s.tokens) upos.push_back(t.upos);
  const size_t n = s.tokens.size();
  size_t i = 0;
  while (i < n) {
    if (!name_like(s, i)) {
      ++i;
      continue;
    }
    // The run: name-like tokens, with connectors ("of") and hyphens inside it.
    size_t j = i + 1;
    while (j < n) {
      const Token& t = s.tokens[j];
      if (name_like(s, j)) {
        ++j;
      } else if ((is_name_connector(t.form) || t.form == "-") && j + 1 < n && name_like(s, j + 1) &&
                 !is_determiner(t.form) && !joins_two_people(s, j)) {
        j += 2;
      } else if (t.form == "-" || (s.tokens[j - 1].form == "-" && t.upos != "PUNCT")) {
        ++j;  // "Jong-un": a hyphenated lower-case second half
      } else {
        break;
      }
    }
    // A run does not end in an adjective ("the Russian delegation") or a hyphen, but the
    // lower-case half of "Jong-un" stays.
    while (j > i && (s.tokens[j - 1].form == "-" ||
                     (s.tokens[j - 1].upos == "ADJ" && (j < 2 || s.tokens[j - 2].form != "-"))))
      --j;
    if (j == i) {
      ++i;
      continue;
    }
    // Titles: everything up to the last title word ("Russian Defense Minister").
    size_t name_start = i;
    Gender gender = Gender::kUnknown;
    for (size_t k = i; k < j; ++k) {
      if (is_title_word(s.tokens[k].form)) name_start = k + 1;
      if (auto g = honorific_gender(s.tokens[k].form); g != Gender::kUnknown) gender = g;
    }
    while (name_start < j && is_name_connector(s.tokens[name_start].form)) name_start = j;
    if (name_start > i && i > 0 && s.tokens[i - 1].form == "-") name_start = i;
    std::vector<std::string> title = description_words(s, i, name_start);
    if (name_start == j) {
      i = j;  // a title alone ("the Federation's Minister of Defence"): see the apposition below
      continue;
    }
    std::map<std::string, int> votes;
    for (size_t k = name_start; k < j; ++k) {
      if (auto t = ner_type(s.tokens[k]); !t.empty()) ++votes[t];
    }
    std::string type;
    int best = 0;
    for (const auto& [t, c] : votes) {
      if (c > best) type = t, best = c;
    }
    if (!title.empty() || gender != Gender::kUnknown) type = "Person";
    bool subject = false;
    for (size_t k = name_start; k < j; ++k) {
      subject = subject || s.tokens[k].deprel.rfind("nsubj", 0) == 0;
    }
    std::string name = join(s, name_start, j);
    std::string surface = join(s, i, j);
    size_t e = name_mention(surface, name, type, gender,
                            Position{index, static_cast<uint32_t>(name_start)}, subject ? 2 : 1);
    spans.push_back(NameSpan{static_cast<uint32_t>(name_start), static_cast<uint32_t>(j), e,
                             static_cast<uint32_t>(i)});
    if (!title.empty()) add_description(e, title);

    // A role noun right before the name: "Calveran President Ana Velasco".
    if (i > 0) {
      size_t b = i;
      while (b > 0) {
        const Token& t = s.tokens[b - 1];
        bool part = t.upos == "NOUN" || t.upos == "ADJ" || t.upos == "PROPN" || is_possessive(t);
        if (!part || is_determiner(t.form)) break;
        --b;
      }
      const Token& before = s.tokens[i - 1];
      if (b < i && !is_capitalised(before.form) &&
          (before.upos == "NOUN" || is_title_word(before.form))) {
        add_description(e, description_words(s, b, i));
        if (entities_[e].type.empty()) entities_[e].type = "Person";
      }
    }
    // Apposition before: "the Federation's Minister of Defence, Pavel Dremin".
    if (i >= 2 && s.tokens[i - 1].form == ",") {
      size_t b = i - 1;
      while (b > 0) {
        const Token& t = s.tokens[b - 1];
        bool part = t.upos == "NOUN" || t.upos == "ADJ" || t.upos == "PROPN" || is_possessive(t) ||
                    t.form == "of";
        if (!part || is_determiner(t.form)) break;
        --b;
      }
      bool after_preposition =
          b > 0 && is_determiner(s.tokens[b - 1].form) && b > 1 && s.tokens[b - 2].upos == "ADP";
      if (b < i - 1 && has_role_noun(s, b, i - 1) && !after_preposition) {
        add_description(e, description_words(s, b, i - 1));
      }
    }
    // Apposition after: "Li Hongzhong, a Politburo member," and acronym "(KCNA)".
    if (j + 1 < n && s.tokens[j].form == ",") {
      size_t k = j + 1;
      while (k < n && !is_punct(s.tokens[k]) && s.tokens[k].upos != "VERB" &&
             s.tokens[k].upos != "AUX" && s.tokens[k].upos != "PRON")
        ++k;
      bool starts_np = is_determiner(s.tokens[j + 1].form) || !is_capitalised(s.tokens[j + 1].form);
      if (k > j + 1 && starts_np && has_role_noun(s, j + 1, k)) {
        add_description(e, description_words(s, j + 1, k));
      }
    }
    if (j + 2 < n && s.tokens[j].form == "(" && s.tokens[j + 2].form == ")" &&
        looks_like_acronym(s.tokens[j + 1].form)) {
      const std::string& acr = s.tokens[j + 1].form;
      acronyms_[acr] = e;
      add_alias(e, acr,
                fmt::format("'{}': acronym defined in the text as '{} ({})'", acr, name, acr));
      if (entities_[e].type.empty()) entities_[e].type = "Organization";
      j += 3;
    }
    i = j;
  }
}

}  // namespace quarry::extract::resolve
