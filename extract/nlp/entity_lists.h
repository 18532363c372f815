// Name lists (gazetteers) for the entity recogniser, read from Debian packages at TRAINING
// time and stored in the model, so annotation never depends on the packages.
//
// Sources (see NOTICE for their licences): iso-codes (country names, official and common
// names, former countries, ~5,000 subdivisions: places), tzdata's zone.tab (cities of the
// time zones: places), python3-fake-factory (first and last names of many locales:
// persons) and wamerican's /usr/share/dict/words (capitalised entries: proper nouns of any
// type; lowercase entries: common words). A missing source is skipped and reported; the
// recogniser then trains without it.
//
// The lists only feed features: the recogniser learns how far to trust each one (a last
// name like "Young" or "King" is also an English word). Immutable after load(); lookups are
// const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/nlp/model_io.h"
#include "extract/nlp/word_hashes.h"

namespace quarry::nlp {

struct NameListSources {
  std::string iso_codes = "/usr/share/iso-codes/json";
  std::string zone_tab = "/usr/share/zoneinfo/zone.tab";
  std::string faker_persons = "/usr/lib/python3/dist-packages/faker/providers/person";
  std::string words = "/usr/share/dict/words";
};

class NameLists {
 public:
  // Kinds of a word or multi-word name (bit set).
  enum Kind : uint8_t {
    kPlace = 1,
    kCountry = 2,
    kFirstName = 4,
    kLastName = 8,
    kProperWord = 16,  // capitalised dictionary entry
    kCommonWord = 32,  // lowercase dictionary entry
  };
  static constexpr size_t kMaxPhrase = 6;  // longest multi-word name matched, in tokens

  // Reads every source; the path of each one that could not be read goes to `missing`.
  static NameLists load(const NameListSources& sources, std::vector<std::string>* missing);

  bool empty() const { return words_.empty() && phrases_.empty(); }
  size_t size() const { return words_.size() + phrases_.size(); }

  // Kinds of a single lowercased word (its hash as in WordHashes::lower); 0: in no list.
  uint8_t word(uint64_t lower) const {
    auto it = words_.find(lower);
    return it == words_.end() ? 0 : it->second;
  }

  // For each token: 0, or (kinds << 2 | position) of the longest listed name of two or
  // more words covering it, position 1 first word, 2 inside, 3 last word. Names start at a
  // capitalised word; words compare lowercased.
  void phrases(const std::vector<WordHashes>& words, std::vector<uint16_t>& out) const;

  void write(ModelWriter& out) const;
  void read(ModelReader& in);

  // Adds one name (words separated by spaces) of the given kinds; public for tests.
  void add(const std::string& name, uint8_t kinds);

 private:
  std::unordered_map<uint64_t, uint8_t> words_;    // lowercased word hash -> kinds
  std::unordered_map<uint64_t, uint8_t> phrases_;  // phrase_hash of 2+ words -> kinds
};

}  // namespace quarry::nlp
