// The facts the extractor reads off one parsed sentence, before entity resolution.
//
// This is the hand-over point between the two halves of extraction:
//   extract/facts/   parsed sentence  -> ExtractedFact (clause-level, per sentence)
//   extract/resolve/ ExtractedFact[]  -> resolved entities -> quarry::Fact for storage
// Arguments are spans of the sentence, not yet entities: "he", "the North Korean leader"
// and "Kim Jong Un" are three arguments that resolution may map to one node.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace quarry::extract {

// A span of one sentence that fills a slot of a fact.
struct Argument {
  std::string text;          // the span as written, e.g. "a letter from Vladimir Putin"
  uint32_t first_token = 0;  // 0-based token indices into the sentence, [first, last)
  uint32_t last_token = 0;
  uint32_t head_token = 0;  // 0-based index of the span's syntactic head
  uint32_t start = 0;       // byte offsets [start, end) into the document text
  uint32_t end = 0;
  // Data-model label when the span is (or is headed by) a named entity: Person,
  // Organization, Place, Event, Artifact, Other. Empty for common nouns and pronouns.
  std::string type;
  bool pronoun = false;  // "he", "they", "it": resolution must find the antecedent
};

// How a statement is framed; each lowers or qualifies the confidence of the fact.
struct Qualifiers {
  bool negated = false;     // "did not meet"
  bool hedged = false;      // "may have discussed", "reportedly met"
  std::string attribution;  // "KCNA" for "according to KCNA"; empty when the text asserts it
  std::string time;         // the time phrase as written ("on Wednesday"); resolved later
  std::string place;        // the place phrase as written ("in Pyongyang")
};

struct ExtractedFact {
  Argument subject;
  // Canonical predicate: lower-case lemma, particles and prepositions joined by '_'
  // ("meet", "arrive_in", "take_over"); copular roles use the role noun ("member_of").
  std::string predicate;
  std::string text;  // the predicate as written ("handed over", "is a member of")
  Argument object;
  // Further arguments by role: {"recipient", Kim} for "handed Kim a letter", {"with", X}.
  std::vector<std::pair<std::string, Argument>> extra;
  Qualifiers qualifiers;
  double confidence = 0.0;  // in (0, 1]; graded by construction, parse cues and qualifiers
  uint32_t sentence = 0;    // 0-based sentence index in the document
  uint32_t start = 0;       // byte span of the sentence in the document text
  uint32_t end = 0;
  std::string rule;  // which construction produced it: "svo", "passive", "appos", ...
};

}  // namespace quarry::extract
