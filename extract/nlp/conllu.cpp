#include "extract/nlp/conllu.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>

namespace quarry::nlp {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t begin = 0;
  for (;;) {
    size_t tab = line.find('\t', begin);
    cols.push_back(line.substr(begin, tab == std::string_view::npos ? tab : tab - begin));
    if (tab == std::string_view::npos) return cols;
    begin = tab + 1;
  }
}

namespace {

std::string blank_to_empty(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

// Splits MISC into SpaceAfter, NER and the rest.
void read_misc(std::string_view misc, Token& token) {
  if (misc == "_") return;
  size_t begin = 0;
  while (begin <= misc.size()) {
    size_t bar = misc.find('|', begin);
    std::string_view item = misc.substr(begin, bar == std::string_view::npos ? bar : bar - begin);
    if (item == "SpaceAfter=No") {
      token.space_after = false;
    } else if (item.substr(0, 4) == "NER=") {
      token.ner = std::string(item.substr(4));
    } else if (!item.empty()) {
      if (!token.misc.empty()) token.misc += '|';
      token.misc += item;
    }
    if (bar == std::string_view::npos) break;
    begin = bar + 1;
  }
}

Error bad_line(const std::string& name, size_t line, std::string_view why) {
  return Error(ErrorCode::kInvalidArgument, fmt::format("{}:{}: {}", name, line, why));
}

}  // namespace

Result<ConlluDocument> read_conllu(std::istream& in, const std::string& name) {
  ConlluDocument doc;
  Sentence current;
  std::string doc_id;
  std::string line;
  size_t line_no = 0;
  int range_words = 0;  // words of the current multi-word token still to read
  bool range_first = false, range_space_after = true;
  auto flush = [&] {
    if (!current.tokens.empty()) {
      doc.sentences.push_back(std::move(current));
      doc.doc_ids.push_back(doc_id);
    }
    current = Sentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      std::string_view c(line);
      if (c.rfind("# sent_id = ", 0) == 0)
        current.id = c.substr(12);
      else if (c.rfind("# text = ", 0) == 0)
        current.text = c.substr(9);
      else if (c.rfind("# newdoc id = ", 0) == 0)
        doc_id = c.substr(14);
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() != 10)
      return bad_line(name, line_no, fmt::format("expected 10 columns, found {}", cols.size()));
    if (cols[0].find('.') != std::string_view::npos) continue;  // empty node
    if (size_t dash = cols[0].find('-'); dash != std::string_view::npos) {
      // A multi-word token: its words follow; its SpaceAfter belongs to the last of them.
      int first = 0, last = 0;
      std::from_chars(cols[0].data(), cols[0].data() + dash, first);
      std::from_chars(cols[0].data() + dash + 1, cols[0].data() + cols[0].size(), last);
      range_words = last >= first ? last - first + 1 : 0;
      range_first = true;
      range_space_after = cols[9].find("SpaceAfter=No") == std::string_view::npos;
      continue;
    }
    Token t;
    t.form = std::string(cols[1]);
    t.lemma = blank_to_empty(cols[2]);
    t.upos = blank_to_empty(cols[3]);
    t.xpos = blank_to_empty(cols[4]);
    t.feats = blank_to_empty(cols[5]);
    if (cols[6] != "_") {
      auto [p, ec] = std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), t.head);
      if (ec != std::errc() || p != cols[6].data() + cols[6].size()) {
        return bad_line(name, line_no, fmt::format("HEAD is not a number: '{}'", cols[6]));
      }
    }
    t.deprel = blank_to_empty(cols[7]);
    read_misc(cols[9], t);
    if (range_words > 0) {
      if (range_first) t.multiword = static_cast<uint8_t>(range_words);
      range_first = false;
      t.space_after = --range_words == 0 ? range_space_after : false;
    }
    current.tokens.push_back(std::move(t));
  }
  flush();
  return doc;
}

Result<ConlluDocument> read_conllu_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::kNotFound, fmt::format("{}: cannot open", path));
  return read_conllu(in, path);
}

void write_conllu(std::ostream& out, const Sentence& s) {
  if (!s.id.empty()) out << "# sent_id = " << s.id << '\n';
  if (!s.text.empty()) out << "# text = " << s.text << '\n';
  auto col = [](const std::string& v) -> const std::string& {
    static const std::string blank = "_";
    return v.empty() ? blank : v;
  };
  size_t range_end = 0;  // last index (exclusive) of the current multi-word token
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    if (t.multiword > 1 && i + t.multiword <= s.tokens.size()) {
      range_end = i + t.multiword;
      std::string surface;
      for (size_t k = i; k < range_end; ++k) surface += s.tokens[k].form;
      out << i + 1 << '-' << range_end << '\t' << surface << "\t_\t_\t_\t_\t_\t_\t_\t"
          << (s.tokens[range_end - 1].space_after ? "_" : "SpaceAfter=No") << '\n';
    }
    std::string misc;
    if (!t.ner.empty()) misc = "NER=" + t.ner;
    if (!t.space_after && i >= range_end)
      misc += (misc.empty() ? "" : "|") + std::string("SpaceAfter=No");
    if (!t.misc.empty()) misc += (misc.empty() ? "" : "|") + t.misc;
    out << i + 1 << '\t' << t.form << '\t' << col(t.lemma) << '\t' << col(t.upos) << '\t'
        << col(t.xpos) << '\t' << col(t.feats) << '\t'
        << (t.head < 0 ? std::string("_") : std::to_string(t.head)) << '\t' << col(t.deprel)
        << "\t_\t" << col(misc) << '\n';
  }
  out << '\n';
}

}  // namespace quarry::nlp
