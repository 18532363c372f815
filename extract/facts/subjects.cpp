// Finding a predicate's subject when the clause does not name it itself: coordination,
// relative clauses, participial phrases and xcomp control. The parser is right about 86% of
// attachments, so every step looks only one or two arcs away and gives up rather than guess.
#include "extract/facts/rules.h"

namespace quarry::extract {

bool is_relative_pronoun(const DepTree& t, uint32_t i) {
  if (t.has_feat(i, "PronType=Rel")) return true;
  std::string w = t.lower_form(i);
  if (w == "who" || w == "whom") return i > 0 && t.tok(i - 1).upos == "PUNCT";
  int h = t.head(i);
  bool in_relcl = h >= 0 && t.deprel(static_cast<uint32_t>(h)) == "acl:relcl";
  return in_relcl && (w == "which" || w == "that");
}

// "Ana is a singer who plays the harp": the one who plays is Ana, the copula's subject, not
// the description "a singer" the clause hangs on.
static uint32_t copula_subject(const DepTree& t, uint32_t antecedent) {
  if (t.first_kid(antecedent, "cop") < 0 || t.tok(antecedent).upos != "NOUN") return antecedent;
  int s = t.first_kid(antecedent, "nsubj");
  if (s < 0 || t.tok(static_cast<uint32_t>(s)).upos == "PRON") return antecedent;
  return static_cast<uint32_t>(s);
}

static bool is_person(const DepTree& t, uint32_t k) {
  return t.tok(k).upos == "PROPN" && t.tok(k).ner.find("person") != std::string::npos;
}

// "who" names a person, but the parser often hangs it on the nearest noun: "with Ana Lima,
// who gave ..." on the noun "Ana Lima" is attached to, "Rui Sousa, a member of the Party
// Bureau, who ..." on "Bureau". Climb from k through names and noun modifiers to the person.
static int person_up(const DepTree& t, uint32_t k) {
  for (int step = 0; step < 6; ++step) {
    if (is_person(t, k) && t.rel(k) != "flat") return static_cast<int>(k);
    std::string_view r = t.rel(k);
    if (r == "appos") {
      // "Rui Sousa, a member of ...": the name right before the apposition, whatever the
      // parser hung the apposition on.
      std::vector<uint32_t> span = t.subtree(k);
      int j = static_cast<int>(span.front()) - 1;
      bool comma = t.tok(span.front()).upos == "PUNCT";
      for (; j >= 0 && t.tok(static_cast<uint32_t>(j)).upos == "PUNCT"; --j) comma = true;
      if (comma && j >= 0) {
        uint32_t n = static_cast<uint32_t>(j);
        while (t.rel(n) == "flat" && t.head(n) >= 0) n = static_cast<uint32_t>(t.head(n));
        if (is_person(t, n)) return static_cast<int>(n);
      }
    }
    if (t.head(k) < 0 || !(r == "flat" || r == "compound" || r == "nmod" || r == "appos"))
      return -1;
    k = static_cast<uint32_t>(t.head(k));
  }
  return -1;
}

static uint32_t resolve_relative_parse(const DepTree& t, uint32_t i);

uint32_t resolve_relative(const DepTree& t, uint32_t i) {
  uint32_t a = resolve_relative_parse(t, i);
  std::string w = t.lower_form(i);
  if (a == i || (w != "who" && w != "whom") || is_person(t, a)) return a;
  // The noun just before "who" (past a comma), then the parser's antecedent.
  for (uint32_t k = i; k-- > 0;) {
    if (t.tok(k).upos == "PUNCT") continue;
    int p = person_up(t, k);
    if (p >= 0) return static_cast<uint32_t>(p);
    break;
  }
  int p = person_up(t, a);
  return p >= 0 ? static_cast<uint32_t>(p) : a;
}

static uint32_t resolve_relative_parse(const DepTree& t, uint32_t i) {
  if (!is_relative_pronoun(t, i)) return i;
  // who -> relative clause verb -> antecedent noun
  int v = t.head(i);
  while (v >= 0 && t.deprel(static_cast<uint32_t>(v)) != "acl:relcl") {
    if (t.rel(static_cast<uint32_t>(v)) != "conj") {
      v = -1;
      break;
    }
    v = t.head(static_cast<uint32_t>(v));
  }
  if (v >= 0) {
    int a = t.head(static_cast<uint32_t>(v));
    if (a >= 0) return copula_subject(t, static_cast<uint32_t>(a));
  }
  // The parser missed the relative clause ("..., who also handed"): the antecedent is the
  // noun just before the pronoun, past a comma.
  for (uint32_t k = i; k-- > 0;) {
    const std::string& upos = t.tok(k).upos;
    if (upos == "PUNCT") continue;
    if (upos != "NOUN" && upos != "PROPN") break;
    uint32_t h = k;
    while (t.head(h) >= 0 && (t.rel(h) == "flat" || t.rel(h) == "compound"))
      h = static_cast<uint32_t>(t.head(h));
    return h;
  }
  return i;
}

std::vector<uint32_t> with_conjuncts(const DepTree& t, uint32_t n) {
  std::vector<uint32_t> out{n};
  for (size_t k = 0; k < out.size() && out.size() < 16; ++k)
    for (uint32_t c : t.children(out[k]))
      if (t.rel(c) == "conj" && t.tok(c).upos != "VERB") out.push_back(c);
  return out;
}

// A finite verb is never a subject: "hears her out, pokes around, asks questions" misparsed
// with "pokes" as the subject of "asks" (a gerund or a clause can be: "Winning matters").
static bool is_clause_subject(const DepTree& t, uint32_t c) {
  const auto& tok = t.tok(c);
  if (tok.upos == "VERB" && (tok.xpos == "VBZ" || tok.xpos == "VBD" || tok.xpos == "VBP"))
    return false;
  return t.rel(c) == "nsubj" && tok.upos != "SCONJ";
}

namespace {

// A preposition, whatever tag the tagger gave it ("of" before a gerund is often SCONJ).
bool is_preposition(const DepTree& t, uint32_t i) {
  std::string w = t.lower_form(i);
  return t.tok(i).upos == "ADP" || w == "of" || w == "for" || w == "by" || w == "in" || w == "on" ||
         w == "at" || w == "from" || w == "about" || w == "with";
}

}  // namespace

SubjectChoice find_subject(const DepTree& t, uint32_t pred) {
  SubjectChoice choice;
  // Two subjects is a misparse of "title + name" ("leader Kim watched"): the name is it.
  std::vector<uint32_t> subjects;
  for (uint32_t c : t.children(pred))
    if (is_clause_subject(t, c)) subjects.push_back(c);
  // "Friday, May 9, Lee met Ana" misparsed with two subjects: the date is no participant.
  if (subjects.size() > 1) {
    std::erase_if(subjects, [&](uint32_t c) { return is_time_phrase(t, c); });
  }
  if (subjects.size() == 2 && t.tok(subjects[1]).upos == "PROPN" &&
      t.tok(subjects[0]).upos == "NOUN" && subjects[0] + 1 == t.argument(subjects[1]).first_token)
    std::swap(subjects[0], subjects[1]);
  // "A bomb exploded there , police said" misparsed with the reported clause's subject as a
  // second subject of the reporting verb: the one next to the verb reports.
  auto comma_between = [&](uint32_t a, uint32_t b) {
    for (uint32_t k = a + 1; k < b; ++k)
      if (t.tok(k).form == ",") return true;
    return false;
  };
  if (subjects.size() == 2 && subjects[1] < pred && is_reporting_verb(t.lemma(pred)) &&
      comma_between(subjects[0], subjects[1]))
    subjects.erase(subjects.begin());
  int ph = t.head(pred);
  bool misparsed =
      subjects.size() == 1 && ph >= 0 &&
      misparsed_prep_object(t, static_cast<uint32_t>(ph)) == static_cast<int>(subjects[0]);
  if (misparsed) subjects.clear();
  // "The latest research pact bolsters the portfolio" with "bolsters" tagged a plural noun
  // and "pact" its compound: a noun takes no object, so it is the verb and the noun phrase
  // before it its subject.
  if (subjects.empty() && t.tok(pred).upos == "NOUN" && t.first_kid(pred, "obj") > 0) {
    int last = -1;
    for (uint32_t c : t.children(pred))
      if (c < pred && t.rel(c) == "compound") last = static_cast<int>(c);
    if (last >= 0 && static_cast<uint32_t>(last) + 1 == pred) {
      choice.heads = {static_cast<uint32_t>(last)};
      choice.how = "own";
      return choice;
    }
  }
  for (uint32_t c : subjects)
    if (is_clause_subject(t, c)) {
      choice.heads = with_conjuncts(t, resolve_relative(t, c));
      choice.how = resolve_relative(t, c) != c ? "relcl" : "own";
      return choice;
    }
  int h = t.head(pred);
  if (h < 0) return choice;
  uint32_t head = static_cast<uint32_t>(h);
  if (misparsed) {
    // "met with Ana and showed her": Ana is the object of "met with"; who showed is who met.
    SubjectChoice up = find_subject(t, head);
    up.how = "conj";
    up.relative_object = false;
    return up;
  }
  const std::string& d = t.deprel(pred);
  std::string_view r = t.rel(pred);
  if (r == "conj") {
    // "Kim arrived and met Li": the coordinated verb shares the first verb's subject, unless
    // the two are different kinds of predicate joined loosely (a noun and a verb).
    SubjectChoice up = find_subject(t, head);
    if (up.heads.empty()) return up;
    up.how = "conj";
    up.relative_object = false;
    return up;
  }
  if (d == "acl:relcl") {
    // No subject inside the relative clause: the antecedent is it ("Li, who led ...").
    choice.heads = with_conjuncts(t, copula_subject(t, head));
    choice.how = "relcl";
    return choice;
  }
  const std::string& xpos = t.tok(pred).xpos;
  if (r == "acl" && (xpos == "VBD" || xpos == "VBZ" || xpos == "VBP") &&
      t.first_kid(pred, "mark") < 0 && t.tok(head).upos != "VERB") {
    // A finite verb read as a modifier of the noun before it ("Each of these people
    // influenced ..." with no other main verb): that noun phrase is its subject.
    uint32_t top = head;
    while (t.rel(top) == "nmod" && t.head(top) >= 0 && t.head(top) < static_cast<int>(top))
      top = static_cast<uint32_t>(t.head(top));
    choice.heads = {top};
    choice.how = "acl";
    return choice;
  }
  if (r == "acl" && (xpos == "VBG" || xpos == "VBN")) {
    // "Shoigu, leading the delegation" (present participle: the noun acts);
    // "a letter signed by Putin" (past participle: the noun undergoes; see verbal_rules).
    // UD hangs a modifier shared by coordinated nouns on the first one, but a participle
    // after the last conjunct reads as that conjunct's alone ("the envoys and a group led
    // by Ana": Ana leads the group), so it goes to the conjunct just before it.
    // A gerund after a preposition ("the idea of running workshops", "in charge of
    // provisioning the army") is the noun's complement, not a reduced relative clause: the
    // noun does not act, and nothing in the phrase says who does.
    for (uint32_t c : t.children(pred))
      if ((t.rel(c) == "mark" || t.rel(c) == "case") && c < pred && is_preposition(t, c))
        return choice;
    uint32_t noun = head;
    for (uint32_t c : t.children(head))
      if (t.rel(c) == "conj" && c > noun && c < pred) noun = c;
    choice.heads = {noun};
    choice.how = "participle";
    return choice;
  }
  if (r == "xcomp") {
    // Object control ("urged Kim to visit") else subject control ("agreed to visit").
    int o = t.first_kid(head, "obj");
    if (o >= 0) {
      choice.heads = {static_cast<uint32_t>(o)};
    } else {
      SubjectChoice up = find_subject(t, head);
      choice.heads = up.heads;
    }
    choice.how = "xcomp";
    return choice;
  }
  int mark = t.first_kid(pred, "mark");
  if (r == "advcl" && (t.tok(pred).xpos == "VBG" || t.tok(pred).xpos == "VBN") &&
      (mark < 0 || t.lower_form(static_cast<uint32_t>(mark)) != "without")) {
    // "..., saying it would ...", "before being appointed": a participial adjunct shares the
    // main clause's subject.
    SubjectChoice up = find_subject(t, head);
    choice.heads = up.heads;
    choice.how = "participle";
    return choice;
  }
  return choice;
}

int pronoun_antecedent(const DepTree& t, uint32_t p) {
  std::string w = t.lower_form(p);
  bool personal = w == "he" || w == "she" || w == "his" || w == "her" || w == "him";
  bool plural = w == "they" || w == "their" || w == "them";
  if (!personal && !plural && w != "it" && w != "its") return -1;
  // A subject pronoun never stands for a noun inside its own verb's complement clause
  // (binding principle C): in "The SEC would agree, he said" he is not the SEC. A fronted
  // adverbial clause is no complement: "Although Ana won, she left" keeps Ana.
  int clause = t.rel(p) == "nsubj" ? t.head(p) : -1;
  // "<clause> , he adds": the reported clause is the one the reporting verb hangs on.
  int reported = clause >= 0 && is_reporting_verb(t.lemma(static_cast<uint32_t>(clause))) &&
                         (t.rel(static_cast<uint32_t>(clause)) == "parataxis" ||
                          t.rel(static_cast<uint32_t>(clause)) == "conj") &&
                         t.first_kid(static_cast<uint32_t>(clause), "ccomp") < 0 &&
                         t.first_kid(static_cast<uint32_t>(clause), "obj") < 0
                     ? t.head(static_cast<uint32_t>(clause))
                     : -1;
  auto inside_clause = [&](uint32_t c) {
    if (static_cast<int>(c) == reported) return true;
    for (int guard = 0; guard < 64 && t.head(c) >= 0; ++guard) {
      if (t.head(c) == clause) return t.rel(c) == "ccomp" || t.rel(c) == "parataxis";
      if (t.head(c) == reported && c != static_cast<uint32_t>(clause)) return true;
      c = static_cast<uint32_t>(t.head(c));
    }
    return false;
  };
  int best = -1;
  for (uint32_t c = 0; c < p; ++c) {
    if (t.rel(c) != "nsubj" || t.tok(c).upos == "PRON") continue;
    if (clause >= 0 && inside_clause(c)) continue;
    bool person = t.tok(c).ner.find("person") != std::string::npos;
    bool many = t.has_feat(c, "Number=Plur") || t.first_kid(c, "conj") >= 0;
    if (personal && (many || !(person || t.tok(c).upos == "PROPN"))) continue;
    if (plural && !many) continue;
    if (!personal && !plural && (person || many)) continue;
    // The main clause's subject wins: it is what the sentence is about.
    if (t.head(c) >= 0 && t.head(static_cast<uint32_t>(t.head(c))) < 0) return static_cast<int>(c);
    best = static_cast<int>(c);
  }
  if (best >= 0 || !personal) return best;
  // No subject fits: the nearest earlier name of a person in any role ("follows Cashel
  // Byron as he tries ...").
  for (uint32_t c = p; c-- > 0;) {
    bool name = t.tok(c).upos == "PROPN" && t.tok(c).ner.find("person") != std::string::npos;
    if (name && t.rel(c) != "flat" && t.rel(c) != "compound" && !t.has_feat(c, "Number=Plur") &&
        !(clause >= 0 && inside_clause(c)))
      return static_cast<int>(c);
  }
  return -1;
}

}  // namespace quarry::extract
