// Entity resolution within one document: maps every argument of every ExtractedFact to an
// entity, and records why mentions were merged.
//
// Feed the document in reading order: for each sentence, add_sentence() (when the parsed
// sentence is available; a plug-in extractor may give facts only), then resolve() the
// arguments of that sentence's facts. What merges, and why (each merge appends a reason):
//   - the same name, or a spelling variant of it (names.h: variant_key);
//   - a surname alone ("Shoigu", "Kim") goes to the most salient full name whose first or
//     last word it is, and from then on to that same person: a writer who has used "Kim"
//     for one Kim names any other Kim in full, so a second Kim mentioned in passing does
//     not take the bare surname over; a full name never merges with a different full name,
//     however many words they share (Kim Jong Un, Kim Il Sung, Kim Yo Jong stay three);
//   - titles are stripped ("Defense Minister Shoigu" is Shoigu, the title kept as a
//     description and the whole form as an alias);
//   - an acronym defined in the text ("Calveran State News Agency (CSNA)") or equal to the
//     initials of a name in the document;
//   - a definite description ("the North Korean leader", "the Russian minister") goes to the
//     most salient entity introduced with a description that contains its words, where
//     descriptions come from pre-name titles ("Calveran President Ana Velasco") and
//     appositions ("Li Hongzhong, a Politburo member"); indefinite ones ("a leader") never;
//   - a pronoun goes to the most salient earlier entity that agrees in gender and number
//     (he/she: persons of that or unknown gender; it: a non-person; they: an organisation,
//     a place or a group). Salience: each mention adds 2 (subject) or 1, halved per sentence
//     of distance. A pronoun object never takes its own clause's subject (non-reflexive).
// Anything else is a phrase node: "a letter from Oskar Lind" becomes the entity
// "letter from Oskar Lind" (type from the argument, else Other).
//
// Not thread-safe; one resolver per document.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/facts/fact.h"
#include "extract/nlp/sentence.h"
#include "extract/resolve/names.h"

namespace quarry::extract::resolve {

struct Entity {
  std::string name;  // canonical: the first full name seen, or the phrase
  std::string type;  // Person, Organization, Place, Event, Artifact, Other; empty = unknown
  Gender gender = Gender::kUnknown;
  bool named = false;                     // a proper name (false: a phrase node)
  std::vector<std::string> aliases;       // every other surface form, first-seen order
  std::vector<std::string> merges;        // why each alias joined, one line each
  std::vector<std::string> descriptions;  // folded words, e.g. "north korean leader"
  std::string key;                        // name_key(name)
  size_t words = 0;                       // number of words of the canonical name
  uint32_t mention_count = 0;
};

class DocumentResolver {
 public:
  // Reads the names, titles, appositions, acronym definitions and gender cues of one
  // annotated sentence (NER tags and dependency tree as predicted; tolerant of errors).
  void add_sentence(const nlp::Sentence& sentence, uint32_t index);

  // The entity an argument refers to (an index into entities()). `exclude`: an entity the
  // argument cannot be when it is a non-reflexive pronoun (its clause's subject).
  // nullopt when the argument is empty or has no letters.
  std::optional<size_t> resolve(const Argument& arg, uint32_t sentence,
                                std::optional<size_t> exclude = std::nullopt);

  const std::vector<Entity>& entities() const { return entities_; }

  // Call once the whole document is resolved. A description of an office that matched no
  // one when it was read ("the Northern Federation's defence minister" before "Defence
  // Minister Pavel Dremin" names him) goes to the one person of the document described
  // with that office: the office words must all match (defence/defense alike), the person's
  // description may add no other title word (a deputy or a foreign minister is another
  // office), and words it adds must name the description's owner when the description has
  // one (a Calveran minister is not the Federation's). Two such persons: no link. Returns
  // phrase entity -> person entity; each link is recorded as a merge reason.
  std::map<size_t, size_t> link_offices();

 private:
  struct Position {
    uint32_t sentence = 0;
    uint32_t token = 0;
    bool operator<(const Position& o) const {
      return sentence != o.sentence ? sentence < o.sentence : token < o.token;
    }
  };
  struct NameSpan {
    uint32_t first = 0, last = 0;  // tokens of the name proper, [first, last)
    size_t entity = 0;
    uint32_t title_first = 0;  // first token of the titles before it (== first without)
  };

  size_t name_mention(const std::string& surface, const std::string& name, std::string type,
                      Gender gender, Position at, double weight);
  size_t phrase_entity(const std::string& phrase, const std::string& type);
  void add_description(size_t entity, const std::vector<std::string>& words);
  std::optional<size_t> by_description(const std::vector<std::string>& words, Position at);
  std::optional<size_t> by_pronoun(const PronounInfo& p, Position at,
                                   std::optional<size_t> exclude);
  std::optional<size_t> by_text(const Argument& arg, Position at);
  double salience(size_t entity, Position at) const;
  void note(size_t entity, Position at, double weight);
  void add_alias(size_t entity, const std::string& surface, const std::string& reason);

  // A definite description headed by a title word that resolve() left as a phrase node.
  struct OfficeMention {
    size_t phrase = 0;
    std::string text;
    std::vector<std::string> owner;   // folded words naming whose office: "northern federation"
    std::vector<std::string> office;  // folded words of the office itself: "defence minister"
    bool owner_named = true;          // the owner is written as a name, not "the club's"
  };
  void note_office(size_t phrase, const std::string& text, const std::vector<std::string>& words);

  std::vector<OfficeMention> offices_;
  std::vector<Entity> entities_;
  std::map<std::string, size_t> by_key_;               // name_key -> named entity
  std::map<std::string, size_t> phrases_;              // folded phrase -> phrase entity
  std::map<std::string, size_t> acronyms_;             // "KCNA" -> entity
  std::map<std::string, size_t> surnames_;             // bare surname key -> its person
  std::map<uint32_t, std::vector<NameSpan>> spans_;    // sentence -> its name spans
  std::map<uint32_t, std::vector<std::string>> upos_;  // sentence -> UPOS of its tokens
  std::vector<std::vector<std::pair<Position, double>>> mentions_;  // per entity
};

}  // namespace quarry::extract::resolve
