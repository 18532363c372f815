// How a clause is framed (negation, hedging, attribution), time and place phrases, the
// surface text of verb groups, and confidence grading.
#include <algorithm>
#include <array>
#include <cctype>

#include "extract/facts/rules.h"

namespace quarry::extract {
namespace {

template <size_t N>
bool in(std::string_view w, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::array<std::string_view, 6> kHedgeModals{"may",   "might",  "could",
                                                       "would", "should", "must"};
constexpr std::array<std::string_view, 10> kHedgeAdverbs{
    "reportedly", "allegedly", "possibly",   "probably",   "perhaps",
    "apparently", "likely",    "presumably", "supposedly", "purportedly"};
// Verbs whose xcomp states an intention or appearance rather than a fact.
constexpr std::array<std::string_view, 16> kIrrealisControllers{
    "want", "plan", "hope", "intend", "try",  "agree", "expect",   "promise",
    "seek", "aim",  "seem", "appear", "wish", "offer", "threaten", "refuse"};
// Reporting verbs whose content is itself uncertain to the reporter.
constexpr std::array<std::string_view, 9> kDoubtingReporters{
    "claim", "allege", "deny", "suggest", "believe", "think", "suspect", "speculate", "rumor"};
constexpr std::array<std::string_view, 27> kReporting{
    "say",     "tell",   "claim",   "report",  "announce",  "state",   "add",
    "note",    "insist", "deny",    "allege",  "confirm",   "declare", "stress",
    "warn",    "write",  "reveal",  "explain", "argue",     "suggest", "assert",
    "believe", "think",  "suspect", "quote",   "emphasize", "say"};
constexpr std::array<std::string_view, 30> kTimeWords{
    "monday",   "tuesday", "wednesday", "thursday",  "friday",  "saturday",
    "sunday",   "january", "february",  "march",     "april",   "may",
    "june",     "july",    "august",    "september", "october", "november",
    "december", "today",   "yesterday", "tomorrow",  "morning", "evening",
    "night",    "week",    "month",     "year",      "weekend", "afternoon"};

}  // namespace

bool is_reporting_verb(std::string_view lemma) { return in(lemma, kReporting); }

static bool negates(const DepTree& t, uint32_t c) {
  std::string w = t.lemma(c);
  return (t.rel(c) == "advmod" || t.rel(c) == "part") &&
         (w == "not" || w == "never" || w == "n't" || t.has_feat(c, "Polarity=Neg"));
}

Qualifiers clause_qualifiers(const DepTree& t, uint32_t pred) {
  Qualifiers q;
  for (uint32_t c : t.children(pred)) {
    std::string w = t.lemma(c);
    if (negates(t, c)) q.negated = true;
    if (t.rel(c) == "aux" && in(w, kHedgeModals)) q.hedged = true;
    if (t.rel(c) == "advmod" && in(w, kHedgeAdverbs)) q.hedged = true;
    if (t.rel(c) == "obl" && t.case_of(c) == "according_to") q.attribution = t.argument(c).text;
    // "Kim met Shoigu, KCNA said."
    if (t.rel(c) == "parataxis" && is_reporting_verb(w) && q.attribution.empty()) {
      int s = t.first_kid(c, "nsubj");
      if (s >= 0) q.attribution = t.argument(static_cast<uint32_t>(s)).text;
    }
  }
  // Climb through the clauses above: coordination, xcomp chains and complement clauses.
  uint32_t cur = pred;
  for (int guard = 0; guard < 8; ++guard) {
    int h = t.head(cur);
    if (h < 0) break;
    uint32_t head = static_cast<uint32_t>(h);
    std::string_view r = t.rel(cur);
    std::string hl = t.lemma(head);
    if (r == "xcomp") {
      if (in(hl, kIrrealisControllers)) q.hedged = true;
      // "is said to have met", "is believed to be"
      if (is_reporting_verb(hl) && t.first_kid(head, "aux:pass") >= 0) q.hedged = true;
      for (uint32_t c : t.children(head))
        if (negates(t, c)) q.negated = !q.negated;
    } else if (r == "ccomp" && is_reporting_verb(hl)) {
      int s = t.first_kid(head, "nsubj");
      if (q.attribution.empty() && s >= 0)
        q.attribution = t.argument(resolve_relative(t, static_cast<uint32_t>(s))).text;
      if (in(hl, kDoubtingReporters)) q.hedged = true;
      for (uint32_t c : t.children(head)) {
        if (t.rel(c) == "aux" && in(t.lemma(c), kHedgeModals)) q.hedged = true;
        if (negates(t, c)) q.hedged = true;  // "did not say that": no assertion either way
      }
    } else if (r != "conj") {
      break;
    }
    cur = head;
  }
  return q;
}

bool is_time_token(const DepTree& t, uint32_t i) {
  const auto& tok = t.tok(i);
  if (tok.ner.size() < 3 || tok.ner.compare(2, std::string::npos, "time") != 0) return false;
  // The tagger lets a time span run into a following name ("In 1717 Lady Mary ..."): a proper
  // noun is a time only when it names one.
  return tok.upos != "PROPN" || in(t.lemma(i), kTimeWords);
}

bool is_time_phrase(const DepTree& t, uint32_t head) {
  const auto& tok = t.tok(head);
  if (is_time_token(t, head)) return true;
  std::string w = t.lemma(head);
  if (in(w, kTimeWords) && !(w == "may" && tok.upos != "PROPN")) return true;
  if (tok.upos == "NUM" && tok.form.size() == 4 && std::isdigit((unsigned char)tok.form[0])) {
    int y = std::atoi(tok.form.c_str());
    if (y >= 1000 && y <= 2100) return true;
  }
  std::string c = t.case_of(head);
  return c == "during" || c == "since" || c == "until" || t.deprel(head) == "obl:tmod";
}

bool is_place_phrase(const DepTree& t, uint32_t head) {
  const auto& ner = t.tok(head).ner;
  if (ner.size() < 3 || ner.compare(2, std::string::npos, "place") != 0) return false;
  std::string c = t.case_of(head);
  return c == "in" || c == "at" || c == "near" || c == "inside" || c == "outside" ||
         c == "across" || c == "throughout" || c == "within";
}

std::string case_text(const DepTree& t, uint32_t head) {
  std::vector<uint32_t> toks;
  for (uint32_t c : t.children(head))
    if ((t.rel(c) == "case" || t.rel(c) == "mark") && c < head) {
      toks.push_back(c);
      for (uint32_t f : t.children(c))
        if (t.rel(f) == "fixed") toks.push_back(f);
    }
  std::sort(toks.begin(), toks.end());
  return t.text_of(toks);
}

std::string phrase_with_case(const DepTree& t, uint32_t head, bool full) {
  std::string prefix = case_text(t, head);
  std::string text = t.argument(head, full).text;
  return prefix.empty() ? text : prefix + " " + text;
}

std::string verb_group_text(const DepTree& t, uint32_t pred) {
  std::vector<uint32_t> toks{pred};
  for (uint32_t c : t.children(pred)) {
    std::string_view r = t.rel(c);
    if (r == "aux" || r == "cop" || negates(t, c) || t.deprel(c) == "compound:prt") {
      toks.push_back(c);
    }
  }
  std::sort(toks.begin(), toks.end());
  // Adverbs inside the group belong to it as written: "has also been", "generally consisted".
  for (uint32_t c : t.children(pred))
    if (t.rel(c) == "advmod" && c > toks.front() && c < pred && !negates(t, c) &&
        t.first_kid(c, "case") < 0)
      toks.push_back(c);
  if (toks.size() == 1) {
    // A single adverb right before the verb: "often refers", "also suggests".
    for (uint32_t c : t.children(pred))
      if (t.rel(c) == "advmod" && c + 1 == pred && t.tok(c).upos == "ADV") toks.push_back(c);
  }
  std::sort(toks.begin(), toks.end());
  return t.text_of(toks);
}

double grade(const DepTree& t, const ExtractedFact& f, uint32_t pred, double base) {
  double c = base;
  if (f.qualifiers.hedged) c *= 0.6;
  if (f.qualifiers.negated) c *= 0.85;
  if (!f.qualifiers.attribution.empty()) c *= 0.9;
  if (t.non_projective()) c *= 0.9;
  // Long arcs are where the parser errs most.
  auto dist = [&](uint32_t a) { return a > pred ? a - pred : pred - a; };
  uint32_t far = std::max(dist(f.subject.head_token), dist(f.object.head_token));
  if (far > 20)
    c *= 0.8;
  else if (far > 10)
    c *= 0.9;
  if (f.subject.pronoun || f.object.pronoun) c *= 0.9;
  if (t.size() > 40) c *= 0.9;
  return std::clamp(c, 0.01, 1.0);
}

}  // namespace quarry::extract
