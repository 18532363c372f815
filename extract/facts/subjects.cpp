// Finding a predicate's subject when the clause does not name it itself: coordination,
// relative clauses, participial phrases and xcomp control. The parser is right about 86% of
// attachments, so every step looks only one or two arcs away and gives up rather than guess.
#include "extract/facts/rules.h"

namespace quarry::extract {

bool is_relative_pronoun(const DepTree& t, uint32_t i) {
  if (t.has_feat(i, "PronType=Rel")) return true;
  std::string w = t.lower_form(i);
  int h = t.head(i);
  bool in_relcl = h >= 0 && t.deprel(static_cast<uint32_t>(h)) == "acl:relcl";
  return in_relcl && (w == "who" || w == "which" || w == "that" || w == "whom");
}

uint32_t resolve_relative(const DepTree& t, uint32_t i) {
  if (!is_relative_pronoun(t, i)) return i;
  // who -> relative clause verb -> antecedent noun
  int v = t.head(i);
  while (v >= 0 && t.deprel(static_cast<uint32_t>(v)) != "acl:relcl") {
    if (t.rel(static_cast<uint32_t>(v)) != "conj") return i;
    v = t.head(static_cast<uint32_t>(v));
  }
  if (v < 0) return i;
  int a = t.head(static_cast<uint32_t>(v));
  return a >= 0 ? static_cast<uint32_t>(a) : i;
}

std::vector<uint32_t> with_conjuncts(const DepTree& t, uint32_t n) {
  std::vector<uint32_t> out{n};
  for (size_t k = 0; k < out.size() && out.size() < 16; ++k)
    for (uint32_t c : t.children(out[k]))
      if (t.rel(c) == "conj" && t.tok(c).upos != "VERB") out.push_back(c);
  return out;
}

static bool is_clause_subject(const DepTree& t, uint32_t c) {
  return t.rel(c) == "nsubj" && t.tok(c).upos != "SCONJ";
}

SubjectChoice find_subject(const DepTree& t, uint32_t pred) {
  SubjectChoice choice;
  for (uint32_t c : t.children(pred))
    if (is_clause_subject(t, c)) {
      choice.heads = with_conjuncts(t, resolve_relative(t, c));
      choice.how = resolve_relative(t, c) != c ? "relcl" : "own";
      return choice;
    }
  int h = t.head(pred);
  if (h < 0) return choice;
  uint32_t head = static_cast<uint32_t>(h);
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
    choice.heads = with_conjuncts(t, head);
    choice.how = "relcl";
    return choice;
  }
  if (r == "acl") {
    // "Shoigu, leading the delegation" (present participle: the noun acts);
    // "a letter signed by Putin" (past participle: the noun undergoes; see verbal_rules).
    choice.heads = {head};
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
  if (r == "advcl" && (t.tok(pred).xpos == "VBG" || t.tok(pred).xpos == "VBN") &&
      t.first_kid(pred, "mark") < 0) {
    // "..., saying it would ...": a participial adjunct shares the main clause's subject.
    SubjectChoice up = find_subject(t, head);
    choice.heads = up.heads;
    choice.how = "participle";
    return choice;
  }
  return choice;
}

}  // namespace quarry::extract
