#include "extract/facts/extractor.h"

#include <algorithm>
#include <tuple>

#include "extract/facts/rules.h"

namespace quarry::extract {
namespace {

// Open IE benchmarks expect a subject pronoun replaced by its antecedent in the same
// sentence ("Rodan taught ... until he switched" -> Rodan switched); across sentences this
// is entity resolution's job.
void resolve_subject_pronouns(const DepTree& t, std::vector<ExtractedFact>& facts) {
  for (auto& f : facts) {
    if (!f.subject.pronoun) continue;
    int a = pronoun_antecedent(t, f.subject.head_token);
    if (a >= 0) f.subject = t.argument(static_cast<uint32_t>(a), true);
  }
}

// A wire story's dateline, split off as a sentence of its own ("PORTO (CSNA) -",
// "LISBON, May 2 (CSNA) --"): no verb, an outlet in brackets, a closing dash. It states
// where and who reported, which ingest reads as metadata (extract/ingest/dates.h), never a
// fact such as (PORTO, is, CSNA).
bool is_dateline(const nlp::Sentence& s) {
  const auto& t = s.tokens;
  const std::string& last = t.back().form;
  if (last != "-" && last != "--" && last != "\u2014" && last != "\u2013") return false;
  bool outlet = false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].upos == "VERB" || t[i].upos == "AUX") return false;
    outlet = outlet || (i + 2 < t.size() && t[i].form == "(" && t[i + 2].form == ")" &&
                        t[i + 1].upos == "PROPN");
  }
  return outlet;
}

// CaRB's annotators keep a time phrase whole as an argument ("was held | the council | in
// 986"), not its preposition in the relation: in open-IE mode a verb + preposition whose
// object is a time gives the preposition back to the object.
void time_objects_keep_preposition(const DepTree& t, std::vector<ExtractedFact>& facts) {
  for (auto& f : facts) {
    if (f.object.text.empty() || !is_time_phrase(t, f.object.head_token)) continue;
    std::string prep = case_text(t, f.object.head_token);
    if (prep.empty() || prep == "by" || f.text.size() <= prep.size() + 1 ||
        f.text.compare(f.text.size() - prep.size() - 1, std::string::npos, " " + prep) != 0)
      continue;
    f.text.resize(f.text.size() - prep.size() - 1);
    f.object.text = prep + " " + f.object.text;
  }
}

}  // namespace

std::vector<ExtractedFact> extract_facts(const nlp::Sentence& sentence, uint32_t sentence_index,
                                         const ExtractOptions& options) {
  std::vector<ExtractedFact> facts;
  if (sentence.tokens.empty()) return facts;
  bool parsed = std::any_of(sentence.tokens.begin(), sentence.tokens.end(),
                            [](const nlp::Token& t) { return t.head >= 0; });
  if (!parsed || is_dateline(sentence)) return facts;
  DepTree tree(sentence);
  RuleContext ctx{tree, options, facts};
  verbal_facts(ctx);
  nominal_facts(ctx);
  if (options.open_ie) {
    resolve_subject_pronouns(tree, facts);
    time_objects_keep_preposition(tree, facts);
  }

  // The same triple from two rules (a misparse can make both fire) is kept once, with the
  // higher confidence.
  std::vector<ExtractedFact> out;
  auto key = [](const ExtractedFact& f) {
    return std::tie(f.subject.first_token, f.subject.last_token, f.predicate, f.object.first_token,
                    f.object.last_token);
  };
  for (auto& f : facts) {
    if (f.confidence < options.min_confidence) continue;
    if (f.subject.text.empty() || f.object.text.empty()) continue;
    // A date or time is a qualifier, never a participant ("Thursday showed Kim" is a misparse).
    auto is_time = [&](uint32_t i) { return is_time_token(tree, i); };
    if (is_time(f.subject.head_token) || (!options.open_ie && is_time(f.object.head_token)))
      continue;
    // An unresolved relative or interrogative pronoun says nothing on its own ("do what").
    auto wh = [&](const Argument& a) {
      std::string w = tree.lower_form(a.head_token);
      return a.pronoun && (w == "who" || w == "which" || w == "what" || w == "whom" ||
                           w == "whatever" || w == "whoever");
    };
    if (wh(f.subject) || wh(f.object)) continue;
    if (f.subject.first_token == f.object.first_token &&
        f.subject.last_token == f.object.last_token)
      continue;
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const ExtractedFact& g) { return key(g) == key(f); });
    if (same != out.end()) {
      if (f.confidence > same->confidence) *same = std::move(f);
      continue;
    }
    out.push_back(std::move(f));
  }
  for (auto& f : out) {
    f.sentence = sentence_index;
    f.start = sentence.tokens.front().start;
    f.end = sentence.tokens.back().end;
  }
  return out;
}

}  // namespace quarry::extract
