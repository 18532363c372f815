// DocumentResolver::resolve: one fact argument -> an entity.
//
// Order of the tests: pronoun; a name found in the sentence that the argument is headed by
// (or ends with, after title words only); the argument's own text read as a name; a
// definite description; otherwise the phrase itself becomes a node.
#include <fmt/format.h>

#include <algorithm>

#include "extract/resolve/resolver.h"

namespace quarry::extract::resolve {

namespace {

std::string join(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

bool is_possessive_word(const std::string& w) {
  return w == "'s" || w == "\u2019s" || w.ends_with("'s") || w.ends_with("\u2019s");
}

}  // namespace

std::optional<size_t> DocumentResolver::by_text(const Argument& arg, Position at) {
  auto words = split_words(arg.text);
  size_t b = 0;
  while (b < words.size() && is_determiner(words[b])) ++b;
  if (b == words.size()) return std::nullopt;
  bool all_caps = true;
  for (size_t i = b; i < words.size(); ++i) {
    all_caps = all_caps && (is_capitalised(words[i]) || is_name_connector(words[i]));
  }
  if (!all_caps || b > 0) return std::nullopt;  // "the Hague" is rare; "the leader" is common
  size_t name_start = b;
  Gender gender = Gender::kUnknown;
  for (size_t i = b; i < words.size(); ++i) {
    if (is_title_word(words[i])) name_start = i + 1;
    if (auto g = honorific_gender(words[i]); g != Gender::kUnknown) gender = g;
  }
  if (name_start == words.size()) return std::nullopt;
  std::string type = arg.type;
  if (name_start > b || gender != Gender::kUnknown) type = "Person";
  std::string name = join(words, name_start, words.size());
  size_t e = name_mention(join(words, b, words.size()), name, type, gender, at, 1);
  if (name_start > b) {
    std::vector<std::string> title;
    for (size_t i = b; i < name_start; ++i) {
      for (auto& w : fold_words(words[i])) title.push_back(std::move(w));
    }
    add_description(e, title);
  }
  return e;
}

std::optional<size_t> DocumentResolver::resolve(const Argument& arg, uint32_t sentence,
                                                std::optional<size_t> exclude) {
  if (fold_words(arg.text).empty()) return std::nullopt;
  Position at{sentence, arg.head_token};
  auto words = split_words(arg.text);

  // 1. Pronouns.
  if (arg.pronoun || words.size() == 1) {
    PronounInfo p = pronoun_info(words.empty() ? arg.text : words[0]);
    if (p.pronoun) {
      auto e = by_pronoun(p, at, exclude);
      if (e) {
        add_alias(*e, "",
                  fmt::format("pronoun '{}': the most salient earlier {} that agrees with it",
                              words[0], p.person ? "person" : "entity"));
        note(*e, at, 1);
      }
      return e;
    }
  }

  // 1b. A relative pronoun ("Chen, who leads ...") is the name it follows.
  if (words.size() == 1 && (words[0] == "who" || words[0] == "which" || words[0] == "that")) {
    if (auto sp = spans_.find(sentence); sp != spans_.end()) {
      const NameSpan* before = nullptr;
      for (const NameSpan& span : sp->second) {
        if (span.last <= arg.head_token) before = &span;
      }
      if (before) {
        add_alias(before->entity, "",
                  fmt::format("relative pronoun '{}': the name it follows", words[0]));
        note(before->entity, at, 1);
        return before->entity;
      }
    }
    return std::nullopt;  // no name to attach to: better no fact than a node called "who"
  }

  // 2. A name of this sentence the argument is about.
  if (auto sp = spans_.find(sentence); sp != spans_.end() && arg.last_token > arg.first_token) {
    const auto& upos = upos_[sentence];
    for (const NameSpan& span : sp->second) {
      bool headed = arg.head_token >= span.title_first && arg.head_token < span.last;
      bool ends = span.last == arg.last_token && span.first >= arg.first_token;
      for (uint32_t t = arg.first_token; ends && t < span.first && t < upos.size(); ++t) {
        ends = upos[t] != "ADP" && upos[t] != "VERB";
      }
      // "Politburo member" right before "Li Hongzhong": a title the parser split off.
      bool title = span.title_first == arg.last_token && arg.head_token < upos.size() &&
                   (upos[arg.head_token] == "NOUN" || upos[arg.head_token] == "PROPN");
      for (uint32_t t = arg.first_token; title && t < arg.last_token && t < upos.size(); ++t) {
        title = upos[t] != "ADP" && upos[t] != "VERB" && upos[t] != "PRON";
      }
      if (headed || ends || title) {
        note(span.entity, at, 1);
        return span.entity;
      }
    }
  }

  // 3. The text itself as a name (facts from a plug-in extractor have no parse).
  if (auto e = by_text(arg, at)) return e;

  // 4. A definite description.
  bool definite = !words.empty() && (words[0] == "the" || words[0] == "The" ||
                                     std::any_of(words.begin(), words.end(), is_possessive_word));
  if (definite) {
    std::vector<std::string> dw;
    for (const auto& w : words) {
      if (is_determiner(w) || w == "'s" || w == "\u2019s") continue;
      for (auto& f : fold_words(w)) {
        if (f.size() > 1 && f.ends_with("s") && is_possessive_word(w)) f.pop_back();
        dw.push_back(std::move(f));
      }
    }
    if (auto e = by_description(dw, at)) {
      add_alias(
          *e, "",
          fmt::format("'{}': a description introduced for '{}'", arg.text, entities_[*e].name));
      note(*e, at, 1);
      return e;
    }
  }

  // 5. A phrase node, determiners dropped.
  size_t b = 0;
  while (b < words.size() && is_determiner(words[b])) ++b;
  if (b == words.size()) return std::nullopt;
  size_t e = phrase_entity(join(words, b, words.size()), arg.type);
  note(e, at, 1);
  if (definite) note_office(e, arg.text, words);
  return e;
}

}  // namespace quarry::extract::resolve
