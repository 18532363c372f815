// Facts stated by noun phrases and copulas: "X is a member of Y", "Li, a Politburo member",
// "Defence Minister Pavel Dremin", "the Federation's defence minister Pavel Dremin".
//
// Predicates: <noun>_of when the role noun names what it belongs to ("member of the
// Politburo", "the Federation's defence minister" -> member_of, minister_of); otherwise `role` when
// a person is described by a common noun, `be` for other descriptions, be_<prep> for a
// copula with a preposition ("is in Pyongyang" -> be_in).
#include <algorithm>
#include <array>
#include <cctype>

#include "extract/facts/rules.h"

namespace quarry::extract {
namespace {

// Nouns that end a title before a name. A lexicon rather than the tree because the parser
// often attaches title words wrongly, and a title is a surface pattern anyway.
constexpr std::array<std::string_view, 40> kTitles{
    "president", "minister",  "leader",      "chairman",       "chairwoman",   "secretary",
    "general",   "spokesman", "spokeswoman", "ambassador",     "premier",      "king",
    "queen",     "prince",    "princess",    "senator",        "governor",     "mayor",
    "director",  "chief",     "commander",   "envoy",          "officer",      "official",
    "ceo",       "founder",   "chancellor",  "emperor",        "marshal",      "colonel",
    "admiral",   "captain",   "judge",       "representative", "spokesperson", "head",
    "sister",    "brother",   "wife",        "husband"};

bool is_title(const DepTree& t, uint32_t i) {
  std::string w = t.lower_form(i);
  return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
}

// "Minister of Defence", "Secretary of State": the of-phrase names the office's portfolio,
// not whom it belongs to, so it gives no X_of fact.
constexpr std::array<std::string_view, 17> kPortfolios{
    "defence",   "defense", "finance",     "justice", "interior", "health",
    "education", "trade",   "agriculture", "energy",  "labour",   "labor",
    "transport", "culture", "environment", "affairs", "state"};

bool is_portfolio(const DepTree& t, uint32_t i) {
  std::string w = t.lower_form(i);
  return std::find(kPortfolios.begin(), kPortfolios.end(), w) != kPortfolios.end();
}

// "Pa.", "Mich.", "Calif.": a US state written the newspaper way, after a town and a comma.
bool is_state_abbreviation(const std::string& st) {
  return st.size() >= 3 && st.size() <= 6 && st.back() == '.' &&
         std::isupper(static_cast<unsigned char>(st[0])) &&
         std::all_of(st.begin() + 1, st.end() - 1,
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

bool is_person_name(const DepTree& t, uint32_t i) {
  return t.tok(i).upos == "PROPN" && t.tok(i).ner.find("person") != std::string::npos &&
         t.rel(i) != "flat" && !is_title(t, i);
}

Argument span_argument(const DepTree& t, uint32_t first, uint32_t last, uint32_t head) {
  std::vector<uint32_t> toks;
  for (uint32_t i = first; i <= last; ++i) toks.push_back(i);
  Argument a;
  a.text = t.text_of(toks);
  a.first_token = first;
  a.last_token = last + 1;
  a.head_token = head;
  a.start = t.tok(first).start;
  a.end = t.tok(last).end;
  a.type = entity_type(t.tok(head).ner);
  return a;
}

// The noun with its determiners and modifiers but without its nmods: "a member".
std::string noun_core(const DepTree& t, uint32_t n) {
  std::vector<uint32_t> toks{n};
  for (uint32_t c : t.children(n)) {
    std::string_view r = t.rel(c);
    if (r == "det" || r == "amod" || r == "compound" || r == "nummod" || r == "flat")
      for (uint32_t k : t.subtree(c)) toks.push_back(k);
  }
  std::sort(toks.begin(), toks.end());
  return t.text_of(toks);
}

// Whether the clause around token i tells of the past ("Ana's move followed ..."): its verb,
// or an auxiliary of it, is in the past tense. CaRB's annotators write a possession in the
// sentence's tense (had/has), and a relation must share a word to match.
bool past_clause(const DepTree& t, uint32_t i) {
  int v = static_cast<int>(i);
  while (v >= 0 && t.tok(static_cast<uint32_t>(v)).upos != "VERB" &&
         t.tok(static_cast<uint32_t>(v)).upos != "AUX" &&
         t.first_kid(static_cast<uint32_t>(v), "cop") < 0)
    v = t.head(static_cast<uint32_t>(v));
  if (v < 0) return false;
  auto past = [&](uint32_t k) { return t.tok(k).xpos == "VBD"; };
  uint32_t verb = static_cast<uint32_t>(v);
  if (past(verb)) return true;
  for (uint32_t c : t.children(verb))
    if ((t.rel(c) == "aux" || t.rel(c) == "cop") && past(c)) return true;
  return false;
}

class NominalRules {
 public:
  explicit NominalRules(RuleContext& ctx) : ctx_(ctx), t_(ctx.tree) {}
  void copulas();
  void appositions();
  bool closing_clause(uint32_t appositive) const;
  bool names_something(uint32_t n) const;
  bool negated(uint32_t n) const;
  void titles();
  void open_ie_relations();
  void open_ie_descriptions();

 private:
  Argument arg(uint32_t i) const { return t_.argument(i, ctx_.options.open_ie); }
  // (subject, role noun n): member_of / role / be, with `prefix` the copula as written.
  void describe(const Argument& subject, uint32_t n, const std::string& prefix, const Qualifiers& q,
                std::string_view rule, double base, uint32_t anchor);
  void push(ExtractedFact f, uint32_t anchor, double base) {
    f.confidence = grade(t_, f, anchor, base);
    ctx_.out.push_back(std::move(f));
  }

  RuleContext& ctx_;
  const DepTree& t_;
};

void NominalRules::describe(const Argument& subject, uint32_t n, const std::string& prefix,
                            const Qualifiers& q, std::string_view rule, double base,
                            uint32_t anchor) {
  ExtractedFact f;
  f.subject = subject;
  f.qualifiers = q;
  f.rule = rule;
  if (!ctx_.options.open_ie) {
    for (uint32_t c : t_.children(n)) {
      bool of = t_.rel(c) == "nmod" && t_.case_of(c) == "of" && !is_portfolio(t_, c);
      bool poss = t_.deprel(c) == "nmod:poss" && !entity_type(t_.tok(c).ner).empty();
      if (!of && !poss) continue;
      f.predicate = t_.lemma(n) + "_of";
      f.text = prefix + " " + noun_core(t_, n) + " of";
      f.object = t_.argument(c);
      push(f, anchor, base);
      return;
    }
  }
  bool person = subject.type == "Person" || subject.pronoun;
  f.predicate = person && t_.tok(n).upos == "NOUN" ? "role" : "be";
  f.text = prefix;
  f.object = arg(n);
  push(f, anchor, base);
}

void NominalRules::copulas() {
  for (uint32_t p = 0; p < t_.size(); ++p) {
    int cop = t_.first_kid(p, "cop");
    bool conj_of_copula = t_.rel(p) == "conj" && t_.head(p) >= 0 &&
                          t_.first_kid(static_cast<uint32_t>(t_.head(p)), "cop") >= 0 &&
                          t_.first_kid(p, "nsubj") < 0;
    if (cop < 0 && !conj_of_copula) continue;
    const std::string& upos = t_.tok(p).upos;
    bool nominal = upos == "NOUN" || upos == "PROPN" || upos == "NUM";
    if (!nominal && !(ctx_.options.open_ie && upos == "ADJ")) continue;
    // "is able to reinforce", "is likely to meet": the verb's own fact says it.
    if (!nominal && (t_.first_kid(p, "xcomp") >= 0 || t_.first_kid(p, "ccomp") >= 0)) continue;
    SubjectChoice s = find_subject(t_, p);
    if (s.heads.empty()) continue;
    Qualifiers q = clause_qualifiers(t_, p);
    uint32_t verb = cop >= 0 ? static_cast<uint32_t>(cop) : p;
    // The copula with its auxiliaries and negation: "has not been".
    std::vector<uint32_t> group{verb};
    for (uint32_t c : t_.children(p))
      if ((t_.rel(c) == "aux" || t_.rel(c) == "advmod") && c < p &&
          (t_.rel(c) == "aux" || t_.lemma(c) == "not" || t_.lemma(c) == "never"))
        group.push_back(c);
    std::sort(group.begin(), group.end());
    std::string prefix = cop >= 0 ? t_.text_of(group) : "is";
    // Prepositions only: "that"/"because" mark the whole clause ("said that it was a
    // response"), which is a plain copula.
    std::string prep;
    for (uint32_t c : t_.children(p))
      if (t_.rel(c) == "case" && c < p) {
        prep += (prep.empty() ? "" : "_") + t_.lower_form(c);
        for (uint32_t f : t_.children(c))
          if (t_.rel(f) == "fixed") prep += "_" + t_.lower_form(f);
      }
    double base = s.how == "own" ? 0.8 : 0.7;
    for (uint32_t subj : s.heads) {
      // "Also buried at the cemetery are ...": a prepositional phrase is no subject.
      if (t_.first_kid(subj, "case") >= 0 && t_.first_kid(subj, "case") < static_cast<int>(subj))
        continue;
      Argument sa = arg(subj);
      if (!prep.empty() && nominal) {
        ExtractedFact f;
        f.subject = sa;
        f.predicate = "be_" + prep;
        f.text = prefix + " " + case_text(t_, p);
        f.object = arg(p);
        f.qualifiers = q;
        f.rule = "copula_prep";
        push(f, p, base * 0.9);
      } else if (prep.empty() && ctx_.options.open_ie && t_.tok(p).upos == "PROPN" &&
                 t_.tok(subj).upos == "NOUN") {
        // "The champions in 2005 were Kilmacud Crokes": the name is what is described.
        ExtractedFact f;
        f.subject = arg(p);
        f.predicate = "be";
        f.text = prefix;
        f.object = sa;
        f.qualifiers = q;
        f.rule = "copula";
        push(f, p, base);
      } else if (prep.empty()) {
        describe(sa, p, prefix, q, "copula", base, p);
      }
    }
  }
}

// "... a letter from Ana Silva, local media reported.": the parser reads the closing
// "media reported" as an apposition with a participle; a bare verb under the appositive
// that ends the sentence is the sentence's attribution, not a description.
bool NominalRules::closing_clause(uint32_t appositive) const {
  for (uint32_t c : t_.children(appositive)) {
    if (t_.rel(c) != "acl" || t_.tok(c).upos != "VERB" || c < appositive) continue;
    bool bare = true;
    for (uint32_t k : t_.children(c)) bare = bare && t_.tok(k).upos == "PUNCT";
    bool last = true;
    for (uint32_t i = c + 1; i < t_.size(); ++i) last = last && t_.tok(i).upos == "PUNCT";
    if (bare && last) return true;
  }
  return false;
}

// Whether the noun phrase headed by n holds a name (a recognised entity or a proper noun).
bool NominalRules::names_something(uint32_t n) const {
  Argument a = t_.argument(n);
  for (uint32_t i = a.first_token; i < a.last_token && i < t_.size(); ++i)
    if (t_.tok(i).upos == "PROPN" || !entity_type(t_.tok(i).ner).empty()) return true;
  return false;
}

// "No Redistribution", "no comment": a phrase its own determiner denies.
bool NominalRules::negated(uint32_t n) const {
  int det = t_.first_kid(n, "det");
  return det >= 0 && t_.lower_form(static_cast<uint32_t>(det)) == "no";
}

void NominalRules::appositions() {
  for (uint32_t m = 0; m < t_.size(); ++m) {
    if (t_.rel(m) != "appos" || t_.head(m) < 0) continue;
    uint32_t n = static_cast<uint32_t>(t_.head(m));
    bool separated = false;  // "Li, a member" (a real apposition), not "Kim a letter"
    for (uint32_t i = std::min(n, m); i < std::max(n, m); ++i)
      if (t_.tok(i).upos == "PUNCT") separated = true;
    if (!separated) continue;
    auto nominal = [&](uint32_t i) {
      return t_.tok(i).upos == "NOUN" || t_.tok(i).upos == "PROPN";
    };
    if (!nominal(n) || !nominal(m) || t_.tok(m).form.size() < 2) continue;
    auto time = [&](uint32_t i) { return t_.tok(i).ner.find("time") != std::string::npos; };
    if (time(n) || time(m)) continue;  // "In October 2008, Bond ..." misparsed
    if (closing_clause(m)) continue;
    // "Dover , Del.": a town and its state, which open_ie_descriptions() states as "is in";
    // the graph reads no description into it either.
    if (m > n && is_state_abbreviation(t_.tok(m).form)) continue;
    // The named one is the subject: "the leader, Kim Jong Un" describes Kim.
    auto proper = [&](uint32_t i) { return t_.tok(i).upos == "PROPN"; };
    bool n_named = !entity_type(t_.tok(n).ner).empty() || (proper(n) && !proper(m));
    bool m_named = !entity_type(t_.tok(m).ner).empty() || (proper(m) && !proper(n));
    // Open IE keeps the order as written, as CaRB's annotators do ("His brother | Rui").
    // "the word `` Rapture ''": a title in quotes right after its common noun is named by it,
    // like a name after a noun (open_ie_descriptions()): the quoted title is the subject.
    auto quote = [&](uint32_t i) {
      const std::string& f = t_.tok(i).form;
      return f == "``" || f == "\"" || f == "`";
    };
    uint32_t open = n + 1;
    while (open < m && quote(open)) ++open;
    std::vector<uint32_t> title = t_.subtree(m);
    bool quoted_title = m > n && t_.tok(n).upos == "NOUN" && open > n + 1 &&
                        std::find(title.begin(), title.end(), open) != title.end();
    uint32_t subj = ((m_named && !n_named && !ctx_.options.open_ie) || quoted_title) ? m : n;
    uint32_t desc = subj == n ? m : n;
    // For the graph an apposition describes a recognised name; between unnamed phrases it
    // is mostly a misparse of a list, a headline or a wire-service credit line.
    if (!ctx_.options.open_ie && !(names_something(subj) && !negated(desc))) continue;
    size_t before = ctx_.out.size();
    auto place = [&](uint32_t i) { return entity_type(t_.tok(i).ner) == "Place" && proper(i); };
    if (place(n) && place(m) && m > n) {
      // "Dearborn , Mich.": the second place contains the first.
      ExtractedFact f;
      f.subject = t_.argument(n);
      f.predicate = "be_in";
      f.text = "is in";
      f.object = t_.argument(m);
      f.rule = "appos";
      push(f, m, 0.6);
      continue;
    }
    describe(t_.argument(resolve_relative(t_, subj)), desc, "is", Qualifiers{}, "appos", 0.6, m);
    // "His brother , Rui Sousa": the description's full span must not repeat the name.
    for (size_t k = before; k < ctx_.out.size(); ++k) {
      Argument& o = ctx_.out[k].object;
      if (subj <= o.first_token || subj >= o.last_token) continue;
      std::vector<uint32_t> toks;
      uint32_t cut = t_.argument(subj).first_token;
      for (uint32_t i = o.first_token; i < cut; ++i) toks.push_back(i);
      while (!toks.empty() && t_.tok(toks.back()).upos == "PUNCT") toks.pop_back();
      if (toks.empty()) continue;
      o.text = t_.text_of(toks);
      o.last_token = toks.back() + 1;
      o.end = t_.tok(toks.back()).end;
    }
  }
}

void NominalRules::titles() {
  for (uint32_t h = 0; h < t_.size(); ++h) {
    if (!is_person_name(t_, h)) continue;
    uint32_t first = h, last = h;
    for (uint32_t c : t_.children(h))
      if (t_.rel(c) == "flat") first = std::min(first, c), last = std::max(last, c);
    // The tagger's person span may run past what the parser made flat ("Kim Jong Un").
    auto in_name = [&](uint32_t k) {
      const auto& tok = t_.tok(k);
      return tok.ner == "I-person" && (tok.upos == "PROPN" || tok.form == "-");
    };
    while (last + 1 < t_.size() && in_name(last + 1)) ++last;
    if (first == 0 || !is_title(t_, first - 1) || t_.tok(first - 1).upos == "ADJ") continue;
    uint32_t title_last = first - 1, title_first = title_last;
    while (title_first > 0) {
      const auto& p = t_.tok(title_first - 1);
      if (p.upos != "NOUN" && p.upos != "PROPN" && p.upos != "ADJ") break;
      --title_first;
    }
    Argument person = span_argument(t_, first, last, h);
    person.type = "Person";
    Argument role = span_argument(t_, title_first, title_last, title_last);
    role.type.clear();
    ExtractedFact f;
    f.subject = person;
    f.predicate = "role";
    f.text = "is";
    f.object = role;
    f.rule = "title";
    // "the Federation's defence minister Pavel Dremin": the possessor is what the role is of.
    if (title_first >= 2 && t_.lower_form(title_first - 1) == "'s" &&
        !entity_type(t_.tok(title_first - 2).ner).empty()) {
      uint32_t owner = title_first - 2;
      int oh = t_.head(title_first - 1);
      if (oh >= 0 && static_cast<uint32_t>(oh) < title_first - 1) owner = static_cast<uint32_t>(oh);
      ExtractedFact p = f;
      p.predicate = t_.lemma(title_last) + "_of";
      p.text = "is " + role.text + " of";
      p.object = t_.argument(owner);
      p.rule = "possessive";
      push(p, h, 0.75);
    }
    push(f, h, 0.85);
  }
}

// Open IE only: a common noun right before a name describes it, whatever the noun: "the
// board game Scrabble", "arranger Rui Mota" -> (Scrabble, is, board game). The graph keeps
// to the title lexicon above: "the Porto striker" says what someone is, "the Porto road"
// does not.
void NominalRules::open_ie_descriptions() {
  for (uint32_t h = 0; h < t_.size(); ++h) {
    if (t_.tok(h).upos != "PROPN" || t_.rel(h) == "flat" || t_.rel(h) == "compound") continue;
    uint32_t first = h;
    for (uint32_t c : t_.children(h))
      if (t_.rel(c) == "flat" || (t_.rel(c) == "compound" && t_.tok(c).upos == "PROPN"))
        first = std::min(first, c);
    if (first == 0) continue;
    uint32_t k = first - 1;
    if ((t_.tok(k).form == "``" || t_.tok(k).form == "\"") && k > 0) --k;
    if (t_.tok(k).upos != "NOUN" || std::isupper(static_cast<unsigned char>(t_.tok(k).form[0])))
      continue;
    // Linked by an arc, or side by side under one head ("of American congressman Rui
    // Mota", the name read as an apposition of the phrase before).
    bool siblings = t_.head(k) == t_.head(h) && t_.head(h) >= 0 && k + 1 == first &&
                    !entity_type(t_.tok(h).ner).empty() && t_.first_kid(k, "det") < 0;
    if (t_.head(k) != static_cast<int>(h) && t_.head(h) != static_cast<int>(k) && !siblings)
      continue;
    if (is_title(t_, k) && t_.tok(h).ner.find("person") != std::string::npos) continue;  // titles()
    uint32_t d = k;
    while (d > 0) {
      const auto& p = t_.tok(d - 1);
      if (p.upos != "NOUN" && p.upos != "ADJ" && p.upos != "PROPN") break;
      --d;
    }
    uint32_t last = h;
    for (uint32_t c : t_.children(h))
      if (t_.rel(c) == "flat") last = std::max(last, c);
    if (last + 1 < t_.size() && (t_.tok(last + 1).form == "''" || t_.tok(last + 1).form == "\""))
      ++last;
    uint32_t name_first = k + 1;
    ExtractedFact f;
    f.subject = span_argument(t_, name_first, last, h);
    f.predicate = "be";
    f.text = "is";
    f.object = span_argument(t_, d, k, k);
    f.rule = "description";
    push(f, h, 0.5);
  }
  // "the Iowa Terminal Railroad", "China 's parliament": a place before a noun locates it.
  for (uint32_t c = 0; c < t_.size(); ++c) {
    if (t_.tok(c).upos != "PROPN" || entity_type(t_.tok(c).ner) != "Place" || t_.head(c) < 0)
      continue;
    uint32_t n = static_cast<uint32_t>(t_.head(c));
    bool compound = t_.rel(c) == "compound" && c + 1 < n;
    bool possessor = t_.deprel(c) == "nmod:poss";
    if (n <= c || (!compound && !possessor)) continue;
    if (t_.tok(n).upos != "NOUN" && t_.tok(n).upos != "PROPN") continue;
    std::vector<uint32_t> rest;
    for (uint32_t k = c + 1; k <= n; ++k)
      if (t_.rel(k) != "case" && t_.rel(k) != "punct") rest.push_back(k);
    if (rest.empty()) continue;
    ExtractedFact f;
    f.subject = span_argument(t_, rest.front(), n, n);
    f.subject.text = t_.text_of(rest);
    f.predicate = "be_in";
    f.text = "is in";
    f.object = span_argument(t_, c, c, c);
    f.rule = "description";
    push(f, n, 0.3);  // dev: about a quarter match
  }
  // "Lancaster , Pa. ," with a state written as an abbreviation: (Lancaster, is in, Pa.),
  // whatever the parser made of the commas.
  for (uint32_t k = 0; k + 2 < t_.size(); ++k) {
    if (t_.tok(k).upos != "PROPN" || t_.tok(k + 1).form != "," ||
        !is_state_abbreviation(t_.tok(k + 2).form))
      continue;
    uint32_t first = k;
    while (first > 0 && t_.tok(first - 1).upos == "PROPN") --first;
    ExtractedFact f;
    f.subject = span_argument(t_, first, k, k);
    f.predicate = "be_in";
    f.text = "is in";
    f.object = span_argument(t_, k + 2, k + 2, k + 2);
    f.rule = "description";
    push(f, k, 0.5);
  }
}

// Open IE only (CaRB's conventions): "the RSNO's base" -> (the RSNO, has, base); "Hall in
// Glasgow" -> (Hall, is in, Glasgow). Too loose for the graph: "Putin's letter" is not
// possession and "the base in Glasgow" may be a description.
void NominalRules::open_ie_relations() {
  for (uint32_t n = 0; n < t_.size(); ++n) {
    const std::string& upos = t_.tok(n).upos;
    if (upos != "NOUN" && upos != "PROPN") continue;
    for (uint32_t c : t_.children(n)) {
      ExtractedFact f;
      std::string prep = t_.rel(c) == "nmod" ? t_.case_of(c) : "";
      double base = 0.3;
      if (t_.deprel(c) == "nmod:poss") {
        // "her writings" -> (King, has, writings) when the sentence says who she is.
        int owner = t_.tok(c).upos == "PRON" ? pronoun_antecedent(t_, c) : static_cast<int>(c);
        if (owner < 0) continue;
        f.subject = t_.argument(static_cast<uint32_t>(owner));
        f.predicate = "has";
        f.text = past_clause(t_, n) ? "had" : "has";
        f.object = t_.argument(n);
        f.object.text = noun_core(t_, n);
        f.rule = "possessive";
        base = t_.tok(c).upos == "PRON" ? 0.3 : 0.35;
      } else if (prep == "in" || prep == "of" || prep == "at" || prep == "on") {
        f.subject = t_.argument(n);
        f.subject.text = noun_core(t_, n);
        f.predicate = "be_" + prep;
        f.text = "is " + prep;
        f.object = t_.argument(c, true);
        f.rule = "nmod";
        base = prep == "in" && upos == "PROPN" ? 0.6 : 0.25;
      } else {
        continue;
      }
      push(f, n, base);
    }
  }
}

}  // namespace

void nominal_facts(RuleContext& ctx) {
  NominalRules rules(ctx);
  rules.copulas();
  rules.appositions();
  rules.titles();
  if (ctx.options.open_ie) {
    rules.open_ie_relations();
    rules.open_ie_descriptions();
  }
}

}  // namespace quarry::extract
