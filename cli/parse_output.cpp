#include "cli/parse_output.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace quarry::cli {
namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string word_line(const nlp::Token& t) {
  std::string line = t.form;
  if (!t.lemma.empty() && t.lemma != t.form) line += " (" + t.lemma + ")";
  if (!t.upos.empty()) line += "  " + t.upos;
  if (!t.deprel.empty()) line += "  " + t.deprel;
  if (!t.ner.empty() && t.ner != "O") line += "  [" + t.ner + "]";
  return line;
}

void draw(std::ostream& out, const nlp::Sentence& s, const std::vector<std::vector<int>>& kids,
          int node, const std::string& prefix, bool last, bool top, std::vector<bool>& seen) {
  seen[node] = true;
  out << prefix << (top ? "" : (last ? "└─ " : "├─ ")) << word_line(s.tokens[node]) << '\n';
  std::string child_prefix = top ? prefix : prefix + (last ? "   " : "│  ");
  const auto& ks = kids[node];
  for (size_t i = 0; i < ks.size(); ++i)
    if (!seen[ks[i]]) draw(out, s, kids, ks[i], child_prefix, i + 1 == ks.size(), false, seen);
}

}  // namespace

void write_sentence_json(std::ostream& out, const nlp::Sentence& s) {
  out << "{\"id\":" << json_string(s.id) << ",\"text\":" << json_string(s.text) << ",\"tokens\":[";
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const nlp::Token& t = s.tokens[i];
    out << (i ? "," : "") << "{\"id\":" << i + 1 << ",\"form\":" << json_string(t.form)
        << ",\"start\":" << t.start << ",\"end\":" << t.end
        << ",\"space_after\":" << (t.space_after ? "true" : "false");
    if (t.multiword > 1) out << ",\"multiword\":" << int(t.multiword);
    auto field = [&](const char* name, const std::string& v) {
      if (!v.empty()) out << ",\"" << name << "\":" << json_string(v);
    };
    field("lemma", t.lemma);
    field("upos", t.upos);
    field("xpos", t.xpos);
    field("feats", t.feats);
    if (t.head >= 0) out << ",\"head\":" << t.head;
    field("deprel", t.deprel);
    field("ner", t.ner);
    out << "}";
  }
  out << "]}\n";
}

void write_sentence_pretty(std::ostream& out, const nlp::Sentence& s) {
  out << "# " << (s.id.empty() ? "" : s.id + ": ") << s.text << '\n';
  const int n = static_cast<int>(s.tokens.size());
  bool has_tree = n > 0;
  for (const auto& t : s.tokens) has_tree = has_tree && t.head >= 0 && t.head <= n;
  if (!has_tree) {
    std::string line = " ";
    for (const auto& t : s.tokens) line += fmt::format(" {}[{},{})", t.form, t.start, t.end);
    out << line << "\n\n";
    return;
  }
  std::vector<std::vector<int>> kids(n);
  std::vector<int> roots;
  for (int i = 0; i < n; ++i) {
    if (s.tokens[i].head == 0)
      roots.push_back(i);
    else
      kids[s.tokens[i].head - 1].push_back(i);
  }
  std::vector<bool> seen(n, false);
  for (int r : roots) draw(out, s, kids, r, "  ", true, true, seen);
  for (int i = 0; i < n; ++i)  // words a malformed tree left unreachable
    if (!seen[i]) draw(out, s, kids, i, "  ? ", true, true, seen);
  out << '\n';
}

}  // namespace quarry::cli
