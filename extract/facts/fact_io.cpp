#include "extract/facts/fact_io.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "quarry/database.h"

namespace quarry::extract {

using json = nlohmann::ordered_json;

Result<Document> parse_document_json(std::string_view line) {
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error(ErrorCode::kInvalidArgument, "not a JSON object");
  if (!j.is_object()) return Error(ErrorCode::kInvalidArgument, "expected a JSON object");
  Document d;
  for (auto [name, field] :
       {std::pair{"id", &d.id}, std::pair{"title", &d.title}, std::pair{"date", &d.date},
        std::pair{"source", &d.source}, std::pair{"text", &d.text}}) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) continue;
    if (it->is_number_integer() && field == &d.id) {
      *field = std::to_string(it->get<long long>());
      continue;
    }
    if (!it->is_string())
      return Error(ErrorCode::kInvalidArgument, fmt::format("\"{}\" must be a string", name));
    *field = it->get<std::string>();
  }
  if (j.find("text") == j.end()) return Error(ErrorCode::kInvalidArgument, "missing \"text\"");
  return d;
}

static json argument_json(const Argument& a) {
  json j{{"text", a.text}, {"start", a.start}, {"end", a.end}, {"head", a.head_token}};
  if (!a.type.empty()) j["type"] = a.type;
  if (a.pronoun) j["pronoun"] = true;
  return j;
}

static json fact_json(const Document& doc, const ExtractedFact& f) {
  json j;
  j["doc"] = doc.id;
  if (!doc.source.empty()) j["source"] = doc.source;
  if (!doc.date.empty()) j["date"] = doc.date;
  j["sentence"] = f.sentence;
  j["span"] = {f.start, f.end};
  j["subject"] = argument_json(f.subject);
  j["predicate"] = f.predicate;
  j["text"] = f.text;
  j["object"] = argument_json(f.object);
  if (!f.extra.empty()) {
    json extra = json::array();
    for (const auto& [role, a] : f.extra) {
      json e = argument_json(a);
      e["role"] = role;
      extra.push_back(std::move(e));
    }
    j["extra"] = std::move(extra);
  }
  json q = json::object();
  if (f.qualifiers.negated) q["negated"] = true;
  if (f.qualifiers.hedged) q["hedged"] = true;
  if (!f.qualifiers.attribution.empty()) q["attribution"] = f.qualifiers.attribution;
  if (!f.qualifiers.time.empty()) q["time"] = f.qualifiers.time;
  if (!f.qualifiers.place.empty()) q["place"] = f.qualifiers.place;
  if (!q.empty()) j["qualifiers"] = std::move(q);
  j["confidence"] = std::round(f.confidence * 1000) / 1000;
  j["rule"] = f.rule;
  return j;
}

void write_fact_jsonl(std::ostream& out, const Document& doc, const ExtractedFact& f) {
  out << fact_json(doc, f).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

static void add_entity(json& arg, const EntityRef& e) {
  arg["name"] = e.name;
  if (!e.type.empty()) arg["type"] = e.type;
  if (!e.aliases.empty()) arg["aliases"] = e.aliases;
  if (!e.merges.empty()) arg["merges"] = e.merges;
  if (!e.variants.empty()) arg["variants"] = e.variants;
}

void write_fact_jsonl(std::ostream& out, const Document& doc, const ExtractedFact& f,
                      const quarry::Fact* resolved) {
  json j = fact_json(doc, f);
  if (!resolved) {
    j["unresolved"] = true;
  } else {
    if (resolved->symmetric) j["symmetric"] = true;
    add_entity(j["subject"], resolved->subject);
    add_entity(j["object"], resolved->object);
    for (const auto& [key, value] : resolved->mention.qualifiers) {
      auto* e = j.contains("extra") ? &j["extra"] : nullptr;
      bool role = false;
      if (e) {
        for (auto& item : *e) {
          if (item["role"] == key && value.kind() == ValueKind::kString) {
            item["name"] = value.as_string();
            role = true;
          }
        }
      }
      if (role) continue;
      if (key == "time" || key == "time_text") {
        if (value.kind() == ValueKind::kString) j["qualifiers"][key] = value.as_string();
      }
    }
  }
  out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

static std::string field(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

void write_tsv_header(std::ostream& out) {
  out << "doc\tsentence\tsubject\tpredicate\tobject\tconfidence\trule\ttext\tqualifiers\n";
}

void write_fact_tsv(std::ostream& out, const Document& doc, const ExtractedFact& f) {
  std::string q;
  auto add = [&](std::string_view k, std::string_view v) {
    q += (q.empty() ? "" : "; ") + std::string(k) + (v.empty() ? "" : "=" + std::string(v));
  };
  if (f.qualifiers.negated) add("negated", "");
  if (f.qualifiers.hedged) add("hedged", "");
  if (!f.qualifiers.attribution.empty()) add("attribution", f.qualifiers.attribution);
  if (!f.qualifiers.time.empty()) add("time", f.qualifiers.time);
  if (!f.qualifiers.place.empty()) add("place", f.qualifiers.place);
  out << field(doc.id) << '\t' << f.sentence << '\t' << field(f.subject.text) << '\t'
      << field(f.predicate) << '\t' << field(f.object.text) << '\t'
      << fmt::format("{:.3f}", f.confidence) << '\t' << f.rule << '\t' << field(f.text) << '\t'
      << field(q) << '\n';
}

void write_fact_carb(std::ostream& out, std::string_view sentence, const ExtractedFact& f) {
  bool passive = f.rule.size() >= 7 && f.rule.compare(f.rule.size() - 7, 7, "passive") == 0;
  const Argument& arg1 = passive ? f.object : f.subject;
  const Argument& arg2 = passive ? f.subject : f.object;
  // Forms of "be" as the lemma: CaRB's matcher equates a system "be" with every form.
  std::string relation;
  std::istringstream words(f.text);
  for (std::string w; words >> w;) {
    bool be = w == "is" || w == "are" || w == "was" || w == "were" || w == "am" || w == "been" ||
              (f.rule.find("copula") != std::string::npos &&
               (w == "'s" || w == "'re" || w == "'m" || w == "being"));
    relation += (relation.empty() ? "" : " ") + (be ? std::string("be") : w);
  }
  // A participial phrase is a reduced clause, which CaRB's annotators write out with its
  // copula: "..., winning many fans" -> "is winning", "the house built in 1900" -> "is built".
  if (f.rule.starts_with("participle/") && !relation.starts_with("be") &&
      (f.rule.find("passive") != std::string::npos ||
       relation.substr(0, relation.find(' ')).ends_with("ing")))
    relation = "be " + relation;
  out << field(sentence) << '\t' << fmt::format("{:.3f}", f.confidence) << '\t' << field(relation)
      << '\t' << field(arg1.text) << '\t' << field(arg2.text);
  for (const auto& [role, a] : f.extra) {
    std::string prep = role == "recipient" ? "" : role;
    for (auto& c : prep)
      if (c == '_') c = ' ';
    out << '\t' << field(prep.empty() ? a.text : prep + " " + a.text);
  }
  if (!f.qualifiers.time.empty()) out << '\t' << field(f.qualifiers.time);
  if (!f.qualifiers.place.empty()) out << '\t' << field(f.qualifiers.place);
  out << '\n';
}

}  // namespace quarry::extract
