// DocumentResolver: an office described before its holder is named ("the Northern
// Federation's defence minister met ... Later, Defence Minister Pavel Dremin said ...").
//
// News often opens with the office and names the person a paragraph later, so the
// description cannot be resolved when it is read. resolve() keeps it as a phrase node and
// notes it here; link_offices() then looks at the whole document. The guards against
// over-merging (see resolver.h) are the point: an office is linked only to the one person
// whose description states the same office and no conflicting owner or rank.
#include <fmt/format.h>

#include <algorithm>

#include "extract/resolve/resolver.h"

namespace quarry::extract::resolve {

namespace {

bool possessive(const std::string& w) {
  return w.ends_with("'s") || w.ends_with("\u2019s") || w == "'" || w.ends_with("s'");
}

bool matches_any(const std::string& w, const std::vector<std::string>& ws) {
  return std::any_of(ws.begin(), ws.end(), [&](const std::string& x) { return word_match(w, x); });
}

// Whether the description `held` (folded words of a person's title or apposition) states the
// office of `office` words, owned by `owner` words when there are any.
// `owner_named`: the owner is a name ("the Federation's"), which a title before the holder's
// name usually leaves out ("Defence Minister Pavel Dremin"); an owner that is a common noun
// ("the club's president") must be stated for the holder too.
bool holds_office(const std::vector<std::string>& held, const std::vector<std::string>& owner,
                  bool owner_named, const std::vector<std::string>& office) {
  if (held.empty() || !word_match(office.back(), description_head(held))) return false;
  for (const auto& w : office)
    if (!matches_any(w, held)) return false;
  for (const auto& w : held) {
    if (matches_any(w, office) || w == "of") continue;
    if (is_title_word(w)) return false;  // "deputy defence minister" is another office
    if (!owner.empty() && !matches_any(w, owner)) return false;  // another country's minister
  }
  if (!owner.empty() && !owner_named)
    return std::any_of(owner.begin(), owner.end(),
                       [&](const std::string& w) { return matches_any(w, held); });
  return true;
}

}  // namespace

void DocumentResolver::note_office(size_t phrase, const std::string& text,
                                   const std::vector<std::string>& words) {
  OfficeMention m;
  m.phrase = phrase;
  m.text = text;
  // Owner: the possessor ("the Northern Federation's") and capitalised words that are no
  // title ("Calveran"); office: the rest ("defence minister", "Defence Minister").
  bool before_possessive = std::any_of(words.begin(), words.end(), possessive);
  for (const auto& w : words) {
    if (is_determiner(w)) continue;
    auto folded = fold_words(w);
    if (possessive(w) && !folded.empty() && folded.back() == "s") folded.pop_back();
    bool owner = before_possessive || (is_capitalised(w) && !is_title_word(w));
    if (owner && !is_capitalised(w)) m.owner_named = false;
    for (auto& f : folded) (owner ? m.owner : m.office).push_back(std::move(f));
    if (possessive(w)) before_possessive = false;
  }
  // Only an office headed by a title word ("minister", "president"), not "the man".
  if (m.office.empty() || !is_title_word(m.office.back()) ||
      std::find(m.office.begin(), m.office.end(), "of") != m.office.end())
    return;
  offices_.push_back(std::move(m));
}

std::map<size_t, size_t> DocumentResolver::link_offices() {
  std::map<size_t, size_t> out;
  for (const OfficeMention& m : offices_) {
    if (out.count(m.phrase)) continue;
    std::optional<size_t> holder;
    size_t holders = 0;
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i];
      if (!e.named || e.type != "Person") continue;
      bool holds =
          std::any_of(e.descriptions.begin(), e.descriptions.end(), [&](const std::string& d) {
            return holds_office(split_words(d), m.owner, m.owner_named, m.office);
          });
      if (holds) ++holders, holder = i;
    }
    if (holders != 1) continue;
    out[m.phrase] = *holder;
    add_alias(*holder, m.text,
              fmt::format("'{}': the office of '{}', the one person of the document "
                          "described with it",
                          m.text, entities_[*holder].name));
  }
  return out;
}

}  // namespace quarry::extract::resolve
