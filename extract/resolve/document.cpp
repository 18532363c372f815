#include "extract/resolve/document.h"

#include <algorithm>

#include "extract/ingest/dates.h"
#include "extract/resolve/symmetric.h"

namespace quarry::extract::resolve {

namespace {

struct Slots {
  std::optional<size_t> subject, object;
  std::vector<std::pair<std::string, std::optional<size_t>>> extra;
};

EntityRef ref(const Entity& e) {
  EntityRef r{e.name, e.type, e.aliases, e.merges};
  if (e.named) r.variants = spelling_variants(e.name);
  return r;
}

}  // namespace

ResolvedDocument resolve_document(const std::vector<nlp::Sentence>& sentences,
                                  std::vector<ExtractedFact> facts, const std::string& doc_date,
                                  const std::string& extractor) {
  std::stable_sort(facts.begin(), facts.end(), [](const auto& a, const auto& b) {
    return a.sentence != b.sentence ? a.sentence < b.sentence : a.subject.start < b.subject.start;
  });
  DocumentResolver resolver;
  std::vector<Slots> slots(facts.size());
  size_t next_sentence = 0;
  for (size_t i = 0; i < facts.size(); ++i) {
    const ExtractedFact& f = facts[i];
    while (next_sentence < sentences.size() && next_sentence <= f.sentence) {
      resolver.add_sentence(sentences[next_sentence], static_cast<uint32_t>(next_sentence));
      ++next_sentence;
    }
    Slots& s = slots[i];
    s.subject = resolver.resolve(f.subject, f.sentence);
    s.object = resolver.resolve(f.object, f.sentence, s.subject);
    for (const auto& [role, arg] : f.extra) {
      s.extra.emplace_back(role, resolver.resolve(arg, f.sentence, s.subject));
    }
  }
  // Offices described before (or apart from) the name of their holder, who may be named in
  // a sentence that states no fact of its own.
  for (; next_sentence < sentences.size(); ++next_sentence)
    resolver.add_sentence(sentences[next_sentence], static_cast<uint32_t>(next_sentence));
  for (const auto& [phrase, person] : resolver.link_offices()) {
    for (Slots& s : slots) {
      if (s.subject == phrase) s.subject = person;
      if (s.object == phrase) s.object = person;
      for (auto& [role, e] : s.extra)
        if (e == phrase) e = person;
    }
  }
  // Entities are final only now (a surname seen first takes its full name later), so the
  // facts are built in a second pass.
  ResolvedDocument out;
  const auto& entities = resolver.entities();
  for (size_t i = 0; i < facts.size(); ++i) {
    const ExtractedFact& f = facts[i];
    const Slots& s = slots[i];
    if (!s.subject || !s.object || *s.subject == *s.object) {
      ++out.unresolved;
      continue;
    }
    Fact fact;
    fact.subject = ref(entities[*s.subject]);
    fact.object = ref(entities[*s.object]);
    fact.predicate = f.predicate;
    fact.symmetric = symmetric_predicate(f.predicate);
    fact.text = f.text.empty() ? f.predicate : f.text;
    fact.mention.sentence = f.sentence;
    fact.mention.start = f.start;
    fact.mention.end = f.end;
    fact.mention.confidence = f.confidence > 0 ? std::min(f.confidence, 1.0) : 0.5;
    fact.mention.extractor = extractor;
    Map& q = fact.mention.qualifiers;
    const Qualifiers& fq = f.qualifiers;
    if (fq.negated) q.emplace_back("negated", Value(true));
    if (fq.hedged) q.emplace_back("hedged", Value(true));
    if (!fq.attribution.empty()) q.emplace_back("attribution", Value(fq.attribution));
    if (!fq.time.empty()) {
      std::string when = ingest::resolve_time(fq.time, doc_date);
      q.emplace_back("time", when.empty() ? Value(fq.time) : Value(when));
      if (!when.empty()) q.emplace_back("time_text", Value(fq.time));
    }
    if (!fq.place.empty()) q.emplace_back("place", Value(fq.place));
    for (const auto& [role, e] : s.extra) {
      if (!e || role.empty()) continue;
      if (std::none_of(q.begin(), q.end(), [&](const auto& kv) { return kv.first == role; })) {
        q.emplace_back(role, Value(entities[*e].name));
      }
    }
    out.facts.push_back(std::move(fact));
    out.origin.push_back(i);
  }
  out.entities = entities;
  return out;
}

}  // namespace quarry::extract::resolve
