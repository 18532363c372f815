// Internal to extract/facts/: the construction families and the helpers they share.
// Each family appends facts for one parsed sentence; extract_facts() runs them all, then
// fills the provenance fields and grades confidence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/facts/extractor.h"
#include "extract/facts/fact.h"
#include "extract/facts/tree.h"

namespace quarry::extract {

struct RuleContext {
  const DepTree& tree;
  const ExtractOptions& options;
  std::vector<ExtractedFact>& out;
};

// verbal_rules.cpp: clauses headed by a verb: SVO, verb + preposition, ditransitives,
// passives, relative clauses, participial phrases, xcomp chains, coordination.
void verbal_facts(RuleContext& ctx);

// "met with Ana and showed her", misparsed with "with" as the mark of the coordinated verb and
// Ana as its subject: Ana, the prepositional object the parser moved away from `v`, or -1.
int misparsed_prep_object(const DepTree& t, uint32_t v);

// nominal_rules.cpp: copular clauses, appositions, compound titles before names and the
// possessives inside them.
void nominal_facts(RuleContext& ctx);

// subjects.cpp: who does what the predicate `pred` says, distributed over conjuncts:
// its own subject, the subject of the verb it is coordinated with, the antecedent of a
// relative clause or participial phrase, the controller of an xcomp. `how` tells which
// ("own", "conj", "relcl", "participle", "xcomp"); empty result when nobody is found.
struct SubjectChoice {
  std::vector<uint32_t> heads;  // one per conjunct ("Kim and Li met")
  std::string how;
  bool relative_object = false;  // relative clause whose antecedent is the object
};
SubjectChoice find_subject(const DepTree& t, uint32_t pred);
// n and the heads of its conjuncts ("A, B and C"), in order.
std::vector<uint32_t> with_conjuncts(const DepTree& t, uint32_t n);
// Relative pronouns ("who", "which", "that") stand for the relative clause's antecedent.
bool is_relative_pronoun(const DepTree& t, uint32_t i);
// The antecedent of a relative pronoun at i, or i itself.
uint32_t resolve_relative(const DepTree& t, uint32_t i);

// The nearest earlier clause subject in the sentence that agrees with the pronoun at p
// (he/she/his/her: one person or name; they/their: plural; it/its: one non-person), or -1.
int pronoun_antecedent(const DepTree& t, uint32_t p);

// qualifiers.cpp
// Negation, hedging and attribution of the clause headed by `pred`, including what it
// inherits from the clauses above it ("X said that ...", "... is said to ...").
Qualifiers clause_qualifiers(const DepTree& t, uint32_t pred);
bool is_time_phrase(const DepTree& t, uint32_t head);
// Tagged as a time by NER, unless it is a proper noun that names no day or month.
bool is_time_token(const DepTree& t, uint32_t i);
bool is_place_phrase(const DepTree& t, uint32_t head);
// The preposition(s) of the phrase headed by `head`, as written: "according to"; or "".
std::string case_text(const DepTree& t, uint32_t head);
// The phrase as written with its preposition: "on Wednesday".
std::string phrase_with_case(const DepTree& t, uint32_t head, bool full = false);
// The auxiliaries, negation and the predicate itself, as written: "may not have met".
std::string verb_group_text(const DepTree& t, uint32_t pred);
// Final confidence from the rule's base reliability, parse cues and qualifiers.
double grade(const DepTree& t, const ExtractedFact& f, uint32_t pred, double base);
// Verbs of saying and believing, whose complement clause is attributed to their subject.
bool is_reporting_verb(std::string_view lemma);

}  // namespace quarry::extract
