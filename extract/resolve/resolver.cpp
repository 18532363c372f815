// DocumentResolver: the merge rules (see resolver.h for the list and why).
#include "extract/resolve/resolver.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace quarry::extract::resolve {

namespace {

bool type_compatible(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a == b;
}

// Only people are called by one word of their name: "Korea" is not "North Korea", "Party"
// not "Workers' Party", "Russia" not "China and Russia". Untyped names may be people.
bool may_be_surname_of(const std::string& lone_type, const std::string& full_type,
                       const std::vector<std::string>& full_words) {
  if (std::find(full_words.begin(), full_words.end(), "and") != full_words.end()) return false;
  if (full_type == "Person") return true;
  return full_type.empty() && (lone_type.empty() || lone_type == "Person");
}

}  // namespace

double DocumentResolver::salience(size_t entity, Position at) const {
  double s = 0;
  for (const auto& [pos, w] : mentions_[entity]) {
    if (!(pos < at)) continue;
    s += w * std::pow(0.5, static_cast<double>(at.sentence - pos.sentence));
  }
  return s;
}

void DocumentResolver::note(size_t entity, Position at, double weight) {
  mentions_[entity].emplace_back(at, weight);
  ++entities_[entity].mention_count;
}

void DocumentResolver::add_alias(size_t entity, const std::string& surface,
                                 const std::string& reason) {
  Entity& e = entities_[entity];
  if (!surface.empty() && surface != e.name &&
      std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) {
    e.aliases.push_back(surface);
  }
  if (!reason.empty() && std::find(e.merges.begin(), e.merges.end(), reason) == e.merges.end()) {
    e.merges.push_back(reason);
  }
}

void DocumentResolver::add_description(size_t entity, const std::vector<std::string>& words) {
  if (words.empty()) return;
  std::string d = fmt::format("{}", fmt::join(words, " "));
  auto& ds = entities_[entity].descriptions;
  if (std::find(ds.begin(), ds.end(), d) == ds.end()) ds.push_back(d);
}

size_t DocumentResolver::phrase_entity(const std::string& phrase, const std::string& type) {
  std::string key = fmt::format("{}", fmt::join(fold_words(phrase), " "));
  if (auto it = phrases_.find(key); it != phrases_.end()) {
    add_alias(it->second, phrase, "");
    return it->second;
  }
  Entity e;
  e.name = phrase;
  e.type = type.empty() ? "Other" : type;
  e.key = key;
  entities_.push_back(std::move(e));
  mentions_.emplace_back();
  phrases_.emplace(key, entities_.size() - 1);
  return entities_.size() - 1;
}

size_t DocumentResolver::name_mention(const std::string& surface, const std::string& name,
                                      std::string type, Gender gender, Position at, double weight) {
  std::string key = name_key(name);
  if (key.empty()) return phrase_entity(surface, type);
  size_t words = std::count(key.begin(), key.end(), ' ') + 1;
  std::optional<size_t> found;
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    found = it->second;
    const Entity& e = entities_[*found];
    if (name != e.name && fold_words(name) != fold_words(e.name)) {
      add_alias(
          *found, name,
          fmt::format("'{}': spelling variant of '{}' (same name key '{}')", name, e.name, key));
    } else {
      add_alias(*found, name, "");
    }
  } else if (words == 1) {
    if (auto a = acronyms_.find(name); a != acronyms_.end()) {
      found = a->second;
      add_alias(*found, name, "");
    } else {
      // A bare surname (or an undefined acronym): the person it already stood for in this
      // document, else the most salient compatible full name.
      double best = -1;
      size_t candidates = 0;
      std::optional<size_t> earlier;
      if (auto s = surnames_.find(key); s != surnames_.end()) earlier = s->second;
      for (size_t i = 0; i < entities_.size(); ++i) {
        const Entity& e = entities_[i];
        if (!e.named || e.words < 2) continue;
        auto ws = split_words(e.key);
        // The recogniser's type for one lone word is weak evidence: the family name of a
        // person this document already named is that person, even when the word was
        // tagged as an organisation or place ("Velasco" after "President Ana Velasco").
        bool family_name = e.type == "Person" && ws.back() == key;
        if (!type_compatible(e.type, type) && !family_name) continue;
        bool surname =
            (ws.front() == key || ws.back() == key) && may_be_surname_of(type, e.type, ws);
        bool acronym = looks_like_acronym(name) && initials(e.name) == name;
        if (!surname && !acronym) continue;
        ++candidates;
        double s = i == earlier ? std::numeric_limits<double>::infinity() : salience(i, at);
        if (s > best) best = s, found = i;
      }
      if (found) {
        const Entity& e = entities_[*found];
        bool acronym = looks_like_acronym(name) && initials(e.name) == name;
        std::string why;
        if (candidates > 1)
          why = found == earlier
                    ? " (as earlier in the document, of " + std::to_string(candidates) +
                          " full names)"
                    : " (the most salient of " + std::to_string(candidates) + " full names)";
        add_alias(*found, name,
                  acronym ? fmt::format("'{}': the initials of '{}'", name, e.name)
                          : fmt::format("'{}': surname of '{}'{}", name, e.name, why));
        if (!acronym) surnames_[key] = *found;
      }
    }
  } else {
    // A full name seen after its bare surname: the surname's entity takes the full name.
    std::optional<size_t> single;
    double best = -1;
    auto ws = split_words(key);
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i];
      if (!e.named || e.words != 1 || !type_compatible(e.type, type)) continue;
      if (e.key != ws.front() && e.key != ws.back()) continue;
      if (!may_be_surname_of(e.type, type, ws)) continue;
      double s = salience(i, at);
      if (s > best) best = s, single = i;
    }
    if (single) {
      found = single;
      Entity& e = entities_[*single];
      by_key_.erase(e.key);
      std::string old = e.name;
      e.name = name;
      e.key = key;
      e.words = words;
      by_key_[key] = *single;
      add_alias(*single, old,
                fmt::format("'{}': surname of '{}' (named before the full name)", old, name));
    }
  }
  if (!found) {
    Entity e;
    e.name = name;
    e.key = key;
    e.words = words;
    e.named = true;
    entities_.push_back(std::move(e));
    mentions_.emplace_back();
    found = entities_.size() - 1;
    by_key_[key] = *found;
  }
  Entity& e = entities_[*found];
  if (e.type.empty() || (type == "Person" && e.type == "Other")) e.type = type;
  if (e.gender == Gender::kUnknown) e.gender = gender;
  if (surface != name) {
    add_alias(*found, surface, fmt::format("'{}': title and name of '{}'", surface, e.name));
  }
  note(*found, at, weight);
  return *found;
}

std::optional<size_t> DocumentResolver::by_description(const std::vector<std::string>& words,
                                                       Position at) {
  if (words.empty()) return std::nullopt;
  std::string head = description_head(words);
  std::optional<size_t> found;
  double best = 0;
  // A description may come before the name in its own sentence ("the Federation's Minister
  // of Defence, Pavel Dremin"), so the whole sentence counts.
  at.token = UINT32_MAX;
  for (size_t i = 0; i < entities_.size(); ++i) {
    for (const auto& d : entities_[i].descriptions) {
      auto dw = split_words(d);
      if (!word_match(head, description_head(dw))) continue;
      bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::any_of(dw.begin(), dw.end(),
                           [&](const std::string& x) { return word_match(w, x); });
      });
      if (!all) continue;
      double s = salience(i, at);
      if (s > best) best = s, found = i;
    }
  }
  return found;
}

std::optional<size_t> DocumentResolver::by_pronoun(const PronounInfo& p, Position at,
                                                   std::optional<size_t> exclude) {
  std::optional<size_t> found;
  double best = 0;
  for (size_t i = 0; i < entities_.size(); ++i) {
    if (exclude && *exclude == i && !p.reflexive) continue;
    const Entity& e = entities_[i];
    bool ok;
    if (p.person) {
      ok = e.named && (e.type == "Person" || e.type.empty()) &&
           (e.gender == Gender::kUnknown || e.gender == p.gender);
    } else if (p.plural) {
      ok = e.type == "Organization" || e.type == "Place" || !e.named;
    } else {
      ok = e.type != "Person";
    }
    if (!ok) continue;
    double s = salience(i, at);
    if (s > best) best = s, found = i;
  }
  if (found && p.person && entities_[*found].gender == Gender::kUnknown) {
    entities_[*found].gender = p.gender;
  }
  return found;
}

}  // namespace quarry::extract::resolve
