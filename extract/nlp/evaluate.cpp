#include "extract/nlp/evaluate.h"

#include <fmt/format.h>

#include <chrono>
#include <set>
#include <tuple>

#include "extract/nlp/gum_entities.h"

namespace quarry::nlp {
namespace {

using Span = std::tuple<size_t, size_t, std::string>;

std::set<Span> spans(const Sentence& s) {
  std::set<Span> out;
  size_t start = 0;
  std::string type;
  auto close = [&](size_t end) {
    if (!type.empty()) out.emplace(start, end, type);
    type.clear();
  };
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const std::string& t = s.tokens[i].ner;
    if (t.size() > 2 && t[0] == 'I' && t.compare(2, std::string::npos, type) == 0) continue;
    close(i);
    if (t.size() > 2 && (t[0] == 'B' || t[0] == 'I')) start = i, type = t.substr(2);
  }
  close(s.tokens.size());
  return out;
}

std::string universal(const std::string& rel) { return rel.substr(0, rel.find(':')); }

bool core_type(const std::string& t) {
  return t == "person" || t == "organization" || t == "place";
}

}  // namespace

void score_sentence(const Sentence& gold, const Sentence& pred, EvalReport& r) {
  ++r.sentences;
  for (size_t i = 0; i < gold.tokens.size(); ++i) {
    const Token& g = gold.tokens[i];
    const Token& p = pred.tokens[i];
    ++r.words;
    r.upos += g.upos == p.upos;
    r.xpos += g.xpos == p.xpos;
    r.lemma += g.lemma == p.lemma;
    r.feats += g.feats == p.feats;
    if (g.head == p.head) {
      ++r.uas;
      r.las += universal(g.deprel) == universal(p.deprel);
      r.las_full += g.deprel == p.deprel;
    }
  }
  if (gold.tokens.empty() || gold.tokens[0].ner.empty()) return;
  r.has_entities = true;
  std::set<Span> gs = spans(gold), ps = spans(pred);
  auto count = [&](const Span& s, bool is_gold, bool hit) {
    for (const std::string& key :
         {std::get<2>(s), std::string("ALL"),
          core_type(std::get<2>(s)) ? std::string("PER+ORG+PLACE") : std::string()}) {
      if (key.empty()) continue;
      SpanCounts& c = r.entities[key];
      (is_gold ? c.gold : c.predicted)++;
      if (hit && is_gold) ++c.correct;
    }
  };
  for (const Span& s : gs) count(s, true, ps.count(s) > 0);
  for (const Span& s : ps) count(s, false, false);
  auto text = [&](size_t begin, size_t end) {
    std::string out;
    for (size_t i = begin; i < end; ++i) out += (i > begin ? " " : "") + gold.tokens[i].form;
    return out;
  };
  for (const auto& [set, other, what] : {std::tuple{&gs, &ps, "missed"}, {&ps, &gs, "spurious"}})
    for (const Span& s : *set)
      if (!other->count(s))
        r.entity_errors.push_back(fmt::format("{}\t{}\t{}\t{}", what, std::get<2>(s),
                                              text(std::get<0>(s), std::get<1>(s)),
                                              text(0, gold.tokens.size())));
}

EvalReport evaluate(const Pipeline& pipeline, std::vector<Sentence> gold,
                    const std::vector<std::string>& doc_ids) {
  EvalReport report;
  for (Sentence& s : gold) {
    bool annotated = false;
    for (const Token& t : s.tokens)
      annotated = annotated || t.misc.find("Entity=") != std::string::npos;
    if (annotated) gum_entities_to_bio(s);
  }
  // Documents: runs of sentences with one id (each sentence alone without ids).
  std::vector<std::vector<Sentence>> docs;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (docs.empty() || doc_ids.size() != gold.size() || doc_ids[i] != doc_ids[i - 1])
      docs.emplace_back();
    Sentence copy;
    for (const Token& t : gold[i].tokens) {
      copy.tokens.emplace_back();
      copy.tokens.back().form = t.form;
    }
    docs.back().push_back(std::move(copy));
  }
  auto start = std::chrono::steady_clock::now();
  for (std::vector<Sentence>& doc : docs) {
    if (doc_ids.size() == gold.size())
      pipeline.annotate_document(doc);
    else
      pipeline.annotate(doc[0]);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  size_t i = 0;
  for (const std::vector<Sentence>& doc : docs)
    for (const Sentence& s : doc) score_sentence(gold[i++], s, report);
  return report;
}

std::string EvalReport::to_string(const std::string& title) const {
  auto pct = [&](size_t n) { return words ? 100.0 * n / words : 0.0; };
  std::string out = fmt::format("{}: {} sentences, {} words\n", title, sentences, words);
  out += fmt::format("  UPOS {:.2f}  XPOS {:.2f}  Lemma {:.2f}  Feats {:.2f}\n", pct(upos),
                     pct(xpos), pct(lemma), pct(feats));
  out += fmt::format("  UAS {:.2f}  LAS {:.2f}  LAS with subtypes {:.2f}\n", pct(uas), pct(las),
                     pct(las_full));
  if (has_entities) {
    out += "  entities (exact span and type): gold predicted correct  P  R  F1\n";
    for (const auto& [type, c] : entities)
      out += fmt::format("    {:<14} {:>6} {:>6} {:>6}  {:.2f} {:.2f} {:.2f}\n", type, c.gold,
                         c.predicted, c.correct, c.precision(), c.recall(), c.f1());
  }
  if (seconds > 0)
    out += fmt::format("  speed: {:.0f} words/s (tag+lemma+parse+entities, one thread)\n",
                       words / seconds);
  return out;
}

}  // namespace quarry::nlp
