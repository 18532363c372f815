// Clauses headed by a verb. One fact per (subject conjunct, object conjunct); the object is
// the direct object, else the first prepositional phrase (whose preposition joins the
// predicate: arrive_in), else, in open-IE mode, the complement clause.
#include <algorithm>
#include <array>
#include <utility>

#include "extract/facts/rules.h"

namespace quarry::extract {
namespace {

// verb_prep predicates that mean the same as a shorter one. Kept small on purpose: only
// folds that hold in every context ("fight with" is not folded: with whom, or against?).
// talk_with and speak_with stay: they are symmetric (extract/resolve/symmetric.cpp), while
// talk_to and speak_to are not ("spoke to reporters").
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kFolds{{
    {"meet_with", "meet"},
    {"consult_with", "consult"},
    {"discuss_about", "discuss"},
    {"visit_to", "visit"},
    {"enter_into", "enter"},
    {"emphasize_on", "emphasize"},
}};

// Verbs of passing something over. With a thing that is handed over in person (a letter, a
// gift) they state one act, so they share the predicate `hand`: "gave Ana a letter",
// "delivered a letter to Ana", "presented Ana with a letter" and "handed Ana a letter".
constexpr std::array<std::string_view, 5> kHandVerbs{"give", "deliver", "present", "pass",
                                                     "hand_over"};
constexpr std::array<std::string_view, 10> kHandedThings{
    "letter", "message",  "note",     "gift",     "invitation",
    "card",   "telegram", "document", "greeting", "credential"};

// Whether object o of verb v is really conjunct c's: c is an active verb coordinated with
// v, between v and o, with neither an object nor a subject of its own.
bool object_belongs_to_conjunct(const DepTree& t, uint32_t v, uint32_t c, uint32_t o) {
  return t.rel(c) == "conj" && t.head(c) == static_cast<int>(v) && t.tok(c).upos == "VERB" &&
         v < c && c < o && t.first_kid(c, "obj") < 0 && t.first_kid(c, "nsubj") < 0 &&
         t.first_kid(c, "aux:pass") < 0;
}

// Whether object o of passive verb v opens with "by" right after the verb: an agent whose
// preposition the parser hung on a word inside the phrase.
bool starts_with_by(const DepTree& t, uint32_t v, uint32_t o) {
  std::vector<uint32_t> span = t.subtree(o);
  if (span.empty() || span.front() <= v) return false;
  uint32_t first = span.front();
  for (uint32_t i = v + 1; i < first; ++i)
    if (t.tok(i).upos != "PUNCT" && t.tok(i).upos != "ADV") return false;
  return t.lower_form(first) == "by" && t.rel(first) == "case";
}

bool handed_thing(const DepTree& t, uint32_t object) {
  std::string w = t.lemma(object);
  if (!w.empty() && w.back() == 's') w.pop_back();  // "credentials", "greetings"
  return std::find(kHandedThings.begin(), kHandedThings.end(), w) != kHandedThings.end();
}

std::string fold(std::string predicate) {
  for (const auto& [from, to] : kFolds)
    if (predicate == from) return std::string(to);
  return predicate;
}

}  // namespace

// A verb the tagger read as a noun: it heads the sentence and has an object ("The pact
// bolsters the portfolio"); in open IE also a subject without a copula ("the band, who in
// turn marvel at his skills"), which for the graph too often is a copula the parser hung
// elsewhere ("were the first contact with ...").
static bool misread_as_noun(const DepTree& t, uint32_t v, bool open_ie) {
  if (t.tok(v).upos != "NOUN") return false;
  std::string_view r = t.rel(v);
  if (r != "root" && r != "acl" && r != "parataxis" && r != "advcl" && r != "ccomp" &&
      r != "conj" && r != "xcomp")
    return false;
  if (r == "root" && t.first_kid(v, "obj") > 0) return true;
  if (open_ie && t.first_kid(v, "obj") > static_cast<int>(v)) return true;
  return open_ie && t.first_kid(v, "nsubj") >= 0 && t.first_kid(v, "cop") < 0;
}

int misparsed_prep_object(const DepTree& t, uint32_t v) {
  for (uint32_t c : t.children(v)) {
    if (c < v || (t.rel(c) != "advcl" && t.rel(c) != "conj")) continue;
    int m = t.first_kid(c, "mark");
    int s = t.first_kid(c, "nsubj");
    if (m < 0 || s < 0 || t.tok(static_cast<uint32_t>(m)).upos != "ADP") continue;
    if (m < s && static_cast<uint32_t>(s) < c && t.first_kid(c, "cc") >= 0) return s;
  }
  return -1;
}

namespace {

// Base reliability of each construction, before qualifiers and parse cues (docs/extraction.md).
double base_confidence(std::string_view rule, std::string_view how) {
  // Measured on CaRB dev (docs/extraction.md): the share of each rule's tuples that match a
  // gold tuple, rounded, and ordered so that the graph keeps the surest facts first.
  double b = rule == "svo"            ? 0.9
             : rule == "ditransitive" ? 0.85
             : rule == "passive"      ? 0.85
             : rule == "verb_prep"    ? 0.85
             : rule == "passive_prep" ? 0.8
             : rule == "clause"       ? 0.9
                                      : 0.5;
  if (how == "conj") b *= 0.9;
  if (how == "relcl") b *= 0.7;
  // Participles: a past participle's noun undergoes ("a letter signed by ...", "founded in
  // 1990") and is read right far more often than a present participle's actor (dev: .62 of
  // passive_prep tuples match, .48 of verb_prep, .30 of svo; a past participle with its
  // agent, "passive", .45 once written "is signed by", like passive_prep).
  if (how == "participle")
    b *= rule == "passive_prep" || rule == "passive" ? 0.72 : rule == "verb_prep" ? 0.56 : 0.4;
  if (how == "xcomp") b *= 0.95;
  if (how == "acl") b *= 0.8;
  return b;
}

struct Obliques {
  std::vector<uint32_t> agents, times, places, others;
};

class VerbClause {
 public:
  VerbClause(RuleContext& ctx, uint32_t v) : ctx_(ctx), t_(ctx.tree), v_(v) {}
  void run();

 private:
  Argument arg(uint32_t i) const {
    return t_.argument(resolve_relative(t_, i), ctx_.options.open_ie);
  }
  // The subject without the clause being read: a participle's noun keeps its acl in the
  // full open-IE span ("the case reviewed by a court"), which would name the fact twice.
  Argument subject_arg(uint32_t i) const;
  std::string predicate_lemma() const;
  // The first phrase after the verb ("refers to X"), else the first: a fronted phrase ("In
  // 2010, ...") is more often a circumstance than the verb's complement.
  uint32_t after_verb(std::vector<uint32_t> pool) const {
    std::sort(pool.begin(), pool.end());
    for (uint32_t o : pool)
      if (o > v_) return o;
    return pool.front();
  }
  std::string surface() const;
  // "<clause> , X argues .": a reporting verb closing the sentence, read as coordinated with
  // (or parenthetical to) the clause it reports; that clause's tokens, or none.
  std::vector<uint32_t> reported_before() const;
  bool adverbial_complement(const std::vector<uint32_t>& subjects, const std::string& pred,
                            const std::string& text);
  void emit(uint32_t subj, std::string predicate, std::string text, const Argument& object,
            std::string_view rule, std::vector<uint32_t> skip_obls);
  void reciprocal(const std::vector<uint32_t>& subjects, const std::vector<uint32_t>& objects);

  RuleContext& ctx_;
  const DepTree& t_;
  uint32_t v_;
  SubjectChoice subject_;
  Obliques obl_;
  int iobj_ = -1;
  Qualifiers q_;
};

std::string VerbClause::predicate_lemma() const {
  std::string p = t_.lemma(v_);
  for (uint32_t c : t_.children(v_))
    if (t_.deprel(c) == "compound:prt") p += "_" + t_.lemma(c);
  return p;
}

// "may have met"; for an xcomp, the controlling verb too: "agreed to strengthen".
std::string VerbClause::surface() const {
  std::string s = verb_group_text(t_, v_);
  if (t_.rel(v_) == "xcomp" && t_.head(v_) >= 0) {
    int mark = t_.first_kid(v_, "mark");
    std::string head = verb_group_text(t_, static_cast<uint32_t>(t_.head(v_)));
    s = head + (mark >= 0 ? " " + t_.tok(static_cast<uint32_t>(mark)).form : "") + " " + s;
  }
  return s;
}

Argument VerbClause::subject_arg(uint32_t i) const {
  Argument a = arg(i);
  // "The latest research pact bolsters ...", the verb read as a noun: the determiner and
  // adjectives the parser gave it belong to the subject before it.
  if (t_.tok(v_).upos == "NOUN" && a.last_token == v_) {
    uint32_t first = a.first_token;
    for (uint32_t c : t_.children(v_))
      if (c < first && (t_.rel(c) == "det" || t_.rel(c) == "amod")) first = c;
    if (first < a.first_token) {
      std::vector<uint32_t> toks;
      for (uint32_t k = first; k < a.last_token; ++k) toks.push_back(k);
      a.text = t_.text_of(toks);
      a.first_token = first;
      a.start = t_.tok(first).start;
    }
  }
  // "Furious at the delay , Ana left": a fronted phrase hung on the subject is no part of it.
  uint32_t comma = a.first_token;
  for (uint32_t k = a.first_token; k < a.head_token; ++k)
    if (t_.tok(k).form == ",") comma = k + 1;
  for (uint32_t k = comma; k < a.head_token; ++k)
    if (t_.rel(k) == "cc" || t_.rel(k) == "conj") comma = a.first_token;
  if (comma > a.first_token && comma <= a.head_token) {
    std::vector<uint32_t> toks;
    for (uint32_t k = comma; k < a.last_token; ++k) toks.push_back(k);
    a.text = t_.text_of(toks);
    a.first_token = comma;
    a.start = t_.tok(comma).start;
  }
  if (v_ <= a.head_token || v_ < a.first_token || v_ >= a.last_token) return a;
  std::vector<uint32_t> toks;
  for (uint32_t k = a.first_token; k < v_; ++k) toks.push_back(k);
  while (toks.size() > 1 && t_.tok(toks.back()).upos == "PUNCT") toks.pop_back();
  a.text = t_.text_of(toks);
  a.last_token = toks.back() + 1;
  a.end = t_.tok(toks.back()).end;
  return a;
}

// Open IE: "the skirts became longer", "the line was put higher": an adjective or a
// comparative after a verb with nothing else to say completes it.
bool VerbClause::adverbial_complement(const std::vector<uint32_t>& subjects,
                                      const std::string& pred, const std::string& text) {
  for (uint32_t c : t_.children(v_)) {
    const auto& a = t_.tok(c);
    std::string w = t_.lower_form(c);
    // "Several years later , the line was abandoned": a measured time is all it adds.
    bool measured_time = t_.rel(c) == "advmod" && (w == "later" || w == "earlier" || w == "ago") &&
                         t_.first_kid(c, "obl") >= 0;
    if (measured_time) {
      for (uint32_t s : subjects) emit(s, pred, text, t_.argument(c, true), "adverbial", {});
      return true;
    }
    if (t_.rel(c) != "advmod" || c < v_ || !t_.children(c).empty()) continue;
    if (a.upos != "ADJ" && a.xpos != "RBR" && a.xpos != "JJR") continue;
    for (uint32_t s : subjects) emit(s, pred, text, t_.argument(c), "adverbial", {});
    return true;
  }
  return false;
}

std::vector<uint32_t> VerbClause::reported_before() const {
  if (!is_reporting_verb(t_.lemma(v_)) || t_.head(v_) < 0) return {};
  auto h = static_cast<uint32_t>(t_.head(v_));
  if ((t_.rel(v_) != "parataxis" && t_.rel(v_) != "conj") || h > v_) return {};
  if (t_.first_kid(v_, "obj") >= 0 || t_.first_kid(v_, "cc") >= 0) return {};
  for (uint32_t k = v_ + 1; k < t_.size(); ++k)
    if (t_.tok(k).upos != "PUNCT") return {};
  std::vector<uint32_t> mine = t_.subtree(v_), span;
  for (uint32_t k : t_.subtree(h))
    if (std::find(mine.begin(), mine.end(), k) == mine.end()) span.push_back(k);
  return span;
}

void VerbClause::emit(uint32_t subj, std::string predicate, std::string text,
                      const Argument& object, std::string_view rule,
                      std::vector<uint32_t> skip_obls) {
  ExtractedFact f;
  f.subject = subject_arg(subj);
  f.predicate = std::move(predicate);
  f.text = std::move(text);
  f.object = object;
  f.qualifiers = q_;
  if (iobj_ >= 0) f.extra.emplace_back("recipient", arg(static_cast<uint32_t>(iobj_)));
  auto used = [&](uint32_t o) {
    return std::find(skip_obls.begin(), skip_obls.end(), o) != skip_obls.end();
  };
  for (uint32_t o : obl_.others)
    if (!used(o)) f.extra.emplace_back(t_.case_of(o), arg(o));
  bool first_time = true, first_place = true;
  for (uint32_t o : obl_.times) {
    if (used(o)) continue;
    if (first_time)
      f.qualifiers.time = phrase_with_case(t_, o, ctx_.options.open_ie), first_time = false;
    else
      f.extra.emplace_back(t_.case_of(o), arg(o));
  }
  for (uint32_t o : obl_.places) {
    if (used(o)) continue;
    if (first_place)
      f.qualifiers.place = phrase_with_case(t_, o, ctx_.options.open_ie), first_place = false;
    else
      f.extra.emplace_back(t_.case_of(o), arg(o));
  }
  std::string how = subject_.how == "own" ? "" : subject_.how;
  f.rule = how.empty() ? std::string(rule) : how + "/" + std::string(rule);
  f.confidence = grade(t_, f, v_, base_confidence(rule, how));
  ctx_.out.push_back(std::move(f));
}

// "Ana and Rui held talks" states that they met: (Ana, meet, Rui). Graph mode only: CaRB
// annotators do not infer it.
void VerbClause::reciprocal(const std::vector<uint32_t>& subjects,
                            const std::vector<uint32_t>& objects) {
  if (ctx_.options.open_ie || subjects.size() < 2 || objects.size() != 1) return;
  std::string verb = t_.lemma(v_), noun = t_.lemma(objects[0]);
  if (verb != "hold" && verb != "have") return;
  if (noun != "meeting" && noun != "talk" && noun != "talks" && noun != "summit") return;
  for (size_t a = 0; a < subjects.size(); ++a)
    for (size_t b = a + 1; b < subjects.size(); ++b)
      emit(subjects[a], "meet", t_.tok(v_).form + " " + t_.argument(objects[0]).text + " with",
           arg(subjects[b]), "reciprocal", {});
}

void VerbClause::run() {
  subject_ = find_subject(t_, v_);
  const auto& tok = t_.tok(v_);
  bool participle = subject_.how == "participle" && t_.rel(v_) == "acl";
  bool passive = t_.first_kid(v_, "aux:pass") >= 0 || t_.first_kid(v_, "nsubj:pass") >= 0 ||
                 (participle && tok.xpos == "VBN");
  std::vector<uint32_t> objects, xcomp_objects;
  for (uint32_t c : t_.children(v_)) {
    std::string_view r = t_.rel(c);
    if (r == "obj") {
      for (uint32_t o : with_conjuncts(t_, c)) objects.push_back(o);
    } else if (r == "xcomp" && (t_.tok(c).upos == "NOUN" || t_.tok(c).upos == "PROPN" ||
                                (ctx_.options.open_ie && t_.tok(c).upos == "ADJ"))) {
      // "became a member", "was appointed ambassador": the complement is the object.
      if (t_.first_kid(c, "case") < 0) xcomp_objects.push_back(c);
    } else if (r == "iobj") {
      iobj_ = static_cast<int>(c);
    } else if (r == "obl" ||
               (r == "nmod" && misread_as_noun(t_, v_, ctx_.options.open_ie) && c > v_)) {
      std::string prep = t_.case_of(c);
      if (prep == "according_to") continue;
      if (t_.lower_form(c) == "where" || t_.lower_form(c) == "when") continue;
      // An agent follows the verb: a fronted "By the end of the year" is a time.
      if (passive && (t_.deprel(c) == "obl:agent" || prep == "by") && c > v_)
        obl_.agents.push_back(c);
      else if (is_time_phrase(t_, c))
        obl_.times.push_back(c);
      else if (is_place_phrase(t_, c))
        obl_.places.push_back(c);
      else if (!prep.empty() || ctx_.options.open_ie)
        obl_.others.push_back(c);
    }
  }
  // "was well received and inspired many fans", misparsed with the object on the passive
  // verb: an object after an active conjunct verb that has none of its own is that verb's.
  if (passive) {
    std::erase_if(objects, [&](uint32_t o) {
      auto takes = [&](uint32_t c) { return object_belongs_to_conjunct(t_, v_, c, o); };
      auto kids = t_.children(v_);
      return std::any_of(kids.begin(), kids.end(), takes);
    });
  }
  // "the delegation, led by Party member Ana Silva", misparsed with "by" hung inside the
  // noun phrase and that phrase as the object: the object is the agent.
  if (passive && obl_.agents.empty())
    std::erase_if(objects, [&](uint32_t o) {
      if (!starts_with_by(t_, v_, o)) return false;
      obl_.agents.push_back(o);
      return true;
    });
  if (objects.empty()) objects = xcomp_objects;
  // "met with Ana on Friday and showed her ...", misparsed with "with" as the mark of the
  // second verb and Ana as its subject: Ana is this verb's prepositional object.
  if (objects.empty())
    if (int o = misparsed_prep_object(t_, v_); o >= 0)
      obl_.others.push_back(static_cast<uint32_t>(o));
  // "bought and sold shares": a verb without an object shares the object of the verb it is
  // coordinated with, when that object follows both.
  auto later_obls = t_.kids(v_, "obl");
  std::erase_if(later_obls, [&](uint32_t o) { return o < v_; });  // "In 2010, X bought and sold"
  if (objects.empty() && t_.rel(v_) == "conj" && t_.head(v_) >= 0) {
    auto h = static_cast<uint32_t>(t_.head(v_));
    for (uint32_t o : t_.kids(h, "obj"))
      if (t_.first_kid(h, "aux:pass") >= 0 && object_belongs_to_conjunct(t_, h, v_, o))
        objects = with_conjuncts(t_, o);
  }
  if (objects.empty() && later_obls.empty())
    for (uint32_t c : t_.children(v_))
      if (t_.rel(c) == "conj" && t_.tok(c).upos == "VERB" && t_.first_kid(c, "nsubj") < 0) {
        int o = t_.first_kid(c, "obj");
        if (o >= 0 && static_cast<uint32_t>(o) > c)
          objects = with_conjuncts(t_, static_cast<uint32_t>(o));
        break;
      }
  // "presented Ana with a letter", "provided the town with water": the with-phrase is the
  // thing given, the object its recipient.
  std::string lemma = t_.lemma(v_);
  if (objects.size() == 1 && iobj_ < 0 &&
      (lemma == "present" || lemma == "provide" || lemma == "supply" || lemma == "furnish"))
    for (uint32_t o : obl_.others)
      if (t_.case_of(o) == "with") {
        iobj_ = static_cast<int>(objects[0]);
        objects = with_conjuncts(t_, o);
        std::erase(obl_.others, o);
        break;
      }
  // Parse errors the model makes on ditransitives: two objects ("handed the nurse a
  // medal"), or obj + appos ("handed Kim a letter"). The first is the recipient.
  std::vector<uint32_t> direct = t_.kids(v_, "obj");
  if (direct.size() == 2 && iobj_ < 0) {
    iobj_ = static_cast<int>(direct[0]);
    objects = with_conjuncts(t_, direct[1]);
  }
  if (objects.size() == 1 && iobj_ < 0) {
    uint32_t o = objects[0];
    int ap = t_.first_kid(o, "appos");
    if (ap >= 0 && static_cast<uint32_t>(ap) > o &&
        t_.first_kid(static_cast<uint32_t>(ap), "punct") < 0 && t_.tok(o).upos == "PROPN" &&
        t_.tok(static_cast<uint32_t>(ap)).upos == "NOUN") {
      iobj_ = static_cast<int>(o);
      objects[0] = static_cast<uint32_t>(ap);
    }
  }
  // Time and place phrases the parser hung on an argument ("signed by the presidents in
  // Geneva") belong to the clause: noun phrases rarely take them.
  if (!ctx_.options.open_ie) {
    std::vector<uint32_t> holders = objects;
    for (const auto* list : {&obl_.agents, &obl_.others, &obl_.places})
      holders.insert(holders.end(), list->begin(), list->end());
    for (uint32_t h : holders)
      for (uint32_t c : t_.children(h)) {
        if (t_.deprel(c) != "nmod" || c < h) continue;
        if (is_time_phrase(t_, c))
          obl_.times.push_back(c);
        else if (is_place_phrase(t_, c))
          obl_.places.push_back(c);
      }
  }
  q_ = clause_qualifiers(t_, v_);
  std::string pred = predicate_lemma();
  std::string text = surface();

  if (passive) {
    std::vector<uint32_t> patients = subject_.heads;
    if (patients.empty()) return;
    for (uint32_t a : obl_.agents)
      for (uint32_t agent : with_conjuncts(t_, a))
        for (uint32_t p : patients) emit(agent, pred, text + " by", subject_arg(p), "passive", {a});
    if (!obl_.agents.empty()) return;
    // Open IE: "is caused by interacting elements", "can be relieved by changing the
    // system": a gerund clause after "by" is the agent.
    if (ctx_.options.open_ie && objects.empty())
      for (uint32_t c : t_.children(v_)) {
        int mark = t_.first_kid(c, "mark");
        if (t_.rel(c) != "advcl" || c < v_ || t_.tok(c).xpos != "VBG" || mark < 0 ||
            t_.lower_form(static_cast<uint32_t>(mark)) != "by")
          continue;
        std::vector<uint32_t> span;
        for (uint32_t k : t_.subtree(c))
          if (k != static_cast<uint32_t>(mark)) span.push_back(k);
        while (!span.empty() && t_.rel(span.back()) == "punct") span.pop_back();
        if (span.empty()) break;
        Argument agent;
        agent.text = t_.text_of(span);
        agent.first_token = span.front();
        agent.last_token = span.back() + 1;
        agent.head_token = c;
        agent.start = t_.tok(span.front()).start;
        agent.end = t_.tok(span.back()).end;
        for (uint32_t p : patients) {
          emit(c, pred, text + " by", subject_arg(p), "passive", {});
          ctx_.out.back().subject = agent;
        }
        return;
      }
    if (!objects.empty()) {
      for (uint32_t p : patients)
        for (uint32_t o : objects)
          // "was handed a letter": the subject received it; "be_handed" keeps that reading
          // where a bare "handed" would say the subject handed it.
          emit(p, "be_" + t_.lower_form(v_), text, arg(o), "passive_prep", {});
      return;
    }
    // Agentless: "was born in Paris" -> (X, born_in, Paris).
    std::vector<uint32_t> pool = obl_.others;
    if (ctx_.options.open_ie) {
      pool.insert(pool.end(), obl_.places.begin(), obl_.places.end());
      // "were mobilized during the war": the time is all the clause adds.
      if (pool.empty()) pool.insert(pool.end(), obl_.times.begin(), obl_.times.end());
    }
    if (pool.empty()) {
      if (ctx_.options.open_ie) adverbial_complement(patients, t_.lower_form(v_), text);
      return;
    }
    uint32_t o = after_verb(pool);
    std::string prep = t_.case_of(o);
    std::string p = t_.lower_form(v_) + (prep.empty() ? "" : "_" + prep);
    std::string ptext = text + (prep.empty() ? "" : " " + case_text(t_, o));
    for (uint32_t s : patients)
      for (uint32_t oc : with_conjuncts(t_, o)) emit(s, p, ptext, arg(oc), "passive_prep", {o});
    return;
  }

  std::vector<uint32_t> subjects = subject_.heads;
  if (subjects.empty()) return;
  // "the letter (that) Shoigu handed": the antecedent is the object.
  if (objects.empty() && t_.deprel(v_) == "acl:relcl" && subject_.how == "own" &&
      t_.head(v_) >= 0) {
    bool rel_elsewhere = false;
    for (uint32_t c : t_.children(v_))
      if (is_relative_pronoun(t_, c) || t_.lower_form(c) == "where") rel_elsewhere = true;
    if (!rel_elsewhere) objects.push_back(static_cast<uint32_t>(t_.head(v_)));
  }
  // "joined the firm as a clerk", "plays as a midfielder": the subject is what "as" names.
  for (uint32_t o : obl_.others)
    if (t_.case_of(o) == "as" && (t_.tok(o).upos == "NOUN" || t_.tok(o).upos == "PROPN"))
      for (uint32_t s : subjects) {
        ExtractedFact f;
        f.subject = arg(s);
        f.predicate = "role";
        f.text = "is";
        f.object = arg(o);
        f.qualifiers = q_;
        f.rule = "as_role";
        f.confidence = grade(t_, f, v_, 0.35);
        if (f.subject.type != "Person") f.predicate = "be";
        // For the graph, "as" gives a person's role; for anything else it is too often the
        // object's ("celebrated it as a holiday", "what critics see as a threat") or a
        // subordinator misread as a preposition.
        if (f.predicate == "be" && !ctx_.options.open_ie) continue;
        ctx_.out.push_back(std::move(f));
      }
  std::string rule = iobj_ >= 0 ? "ditransitive" : "svo";
  if (!objects.empty()) {
    bool hand = std::find(kHandVerbs.begin(), kHandVerbs.end(), pred) != kHandVerbs.end();
    for (uint32_t s : subjects)
      for (uint32_t o : objects)
        emit(s, hand && handed_thing(t_, o) ? "hand" : pred, text, arg(o), rule, {});
    reciprocal(subjects, objects);
    return;
  }
  std::vector<uint32_t> pool = obl_.others;
  pool.insert(pool.end(), obl_.places.begin(), obl_.places.end());
  if (ctx_.options.open_ie) pool.insert(pool.end(), obl_.times.begin(), obl_.times.end());
  // Open IE: "X, with $5 billion in assets, said ...": what was said is the object.
  bool say_clause = ctx_.options.open_ie && t_.first_kid(v_, "ccomp") >= 0;
  if (!pool.empty() && !say_clause) {
    uint32_t o = after_verb(pool);
    std::string prep = t_.case_of(o);
    std::string p = fold(prep.empty() ? pred : pred + "_" + prep);
    std::string ptext = text + (prep.empty() ? "" : " " + case_text(t_, o));
    for (uint32_t s : subjects)
      for (uint32_t oc : with_conjuncts(t_, o)) emit(s, p, ptext, arg(oc), "verb_prep", {o});
    return;
  }
  if (!ctx_.options.open_ie) return;
  int cc = t_.first_kid(v_, "ccomp");
  if (cc < 0 && adverbial_complement(subjects, pred, text)) return;
  std::vector<uint32_t> span;
  if (cc < 0) {
    span = reported_before();
    if (span.empty()) return;
    cc = static_cast<int>(t_.head(v_));
  } else {
    // Open IE: the complement clause as the object, its subordinator joining the relation.
    span = t_.subtree(static_cast<uint32_t>(cc));
  }
  int mark = t_.first_kid(static_cast<uint32_t>(cc), "mark");
  std::string ctext = text;
  if (mark >= 0) {
    ctext += " " + t_.tok(static_cast<uint32_t>(mark)).form;
    span.erase(std::remove(span.begin(), span.end(), static_cast<uint32_t>(mark)), span.end());
  }
  // "A bomb exploded ..., killing ..., police said" misparsed with "bomb" as a second subject
  // of "said" (find_subject keeps the reporter): that subject opens the reported clause.
  auto comma_between = [&](uint32_t a, uint32_t b) {
    for (uint32_t k = a + 1; k < b; ++k)
      if (t_.tok(k).form == ",") return true;
    return false;
  };
  for (uint32_t c : t_.kids(v_, "nsubj"))
    if (c < static_cast<uint32_t>(cc) && !is_relative_pronoun(t_, c) &&
        std::any_of(subjects.begin(), subjects.end(),
                    [&](uint32_t s) { return c < s && comma_between(c, s); }))
      for (uint32_t k : t_.subtree(c)) span.push_back(k);
  std::sort(span.begin(), span.end());
  span.erase(std::unique(span.begin(), span.end()), span.end());
  // Two pieces joined: one comma between them, not two.
  for (size_t k = span.size(); k-- > 1;)
    if (t_.rel(span[k]) == "punct" && t_.rel(span[k - 1]) == "punct" &&
        t_.tok(span[k]).form == t_.tok(span[k - 1]).form)
      span.erase(span.begin() + static_cast<long>(k));
  while (!span.empty() && t_.rel(span.back()) == "punct") span.pop_back();
  while (!span.empty() && t_.rel(span.front()) == "punct") span.erase(span.begin());
  if (span.empty()) return;
  Argument a;
  a.text = t_.text_of(span);
  a.first_token = span.front();
  a.last_token = span.back() + 1;
  a.head_token = static_cast<uint32_t>(cc);
  a.start = t_.tok(span.front()).start;
  a.end = t_.tok(span.back()).end;
  for (uint32_t s : subjects) emit(s, pred, ctext, a, "clause", {});
}

}  // namespace

void verbal_facts(RuleContext& ctx) {
  const DepTree& t = ctx.tree;
  for (uint32_t v = 0; v < t.size(); ++v) {
    std::string_view r = t.rel(v);
    // A present-tense verb the tagger read as a plural noun heading the sentence ("The pact
    // bolsters the portfolio"): it has an object, which no noun has.
    bool noun_verb = misread_as_noun(t, v, ctx.options.open_ie);
    if (t.tok(v).upos != "VERB" && !noun_verb) continue;
    if (r == "aux" || r == "cop" || r == "case" || r == "mark" || r == "amod" || r == "compound" ||
        r == "fixed" || r == "flat" || r == "det")
      continue;
    VerbClause(ctx, v).run();
  }
}

}  // namespace quarry::extract
