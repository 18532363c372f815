#include "extract/nlp/segment_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <string_view>

#include "extract/nlp/conllu.h"

namespace quarry::nlp {
namespace {

bool space_after_no(std::string_view misc) {
  size_t at = misc.find("SpaceAfter=No");
  return at != std::string_view::npos && (at == 0 || misc[at - 1] == '|');
}

int parse_int(std::string_view s) {
  int v = -1;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

size_t count_matches(std::vector<Span> a, std::vector<Span> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++n, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

}  // namespace

Result<RawGold> read_raw_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::kNotFound, fmt::format("{}: cannot open", path));
  RawGold gold;
  std::string line;
  size_t line_no = 0;
  bool new_paragraph = false;
  bool glue_next = false;  // the previous sentence ended with SpaceAfter=No
  bool in_sentence = false;
  size_t sentence_start = 0;
  int mwt_last = 0;  // last word id covered by the current multi-word token
  auto end_sentence = [&] {
    if (!in_sentence) return;
    gold.sentences.push_back(
        {static_cast<uint32_t>(sentence_start), gold.tokens.back().span.second});
    in_sentence = false;
    mwt_last = 0;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newpar", 0) == 0 || line.rfind("# newdoc", 0) == 0) new_paragraph = true;
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() != 10)
      return Error(ErrorCode::kInvalidArgument,
                   fmt::format("{}:{}: expected 10 columns, found {}", path, line_no, cols.size()));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    size_t dash = id.find('-');
    int word_id = parse_int(dash == std::string_view::npos ? id : id.substr(0, dash));
    if (dash == std::string_view::npos && word_id <= mwt_last) {  // a word inside a range
      gold.tokens.back().words.emplace_back(cols[1]);
      continue;
    }
    if (!in_sentence) {
      if (!gold.text.empty()) gold.text += new_paragraph ? "\n\n" : (glue_next ? "" : " ");
      new_paragraph = false;
      in_sentence = true;
      sentence_start = gold.text.size();
    } else if (!glue_next) {
      gold.text += ' ';
    }
    GoldSurface t;
    t.span.first = static_cast<uint32_t>(gold.text.size());
    gold.text.append(cols[1]);
    t.span.second = static_cast<uint32_t>(gold.text.size());
    if (dash != std::string_view::npos) {
      mwt_last = parse_int(id.substr(dash + 1));
    } else {
      t.words.emplace_back(cols[1]);
    }
    glue_next = space_after_no(cols[9]);
    gold.tokens.push_back(std::move(t));
  }
  end_sentence();
  return gold;
}

SegmentationScores score_segmentation(const RawGold& gold, const std::vector<Sentence>& system) {
  SegmentationScores s;
  std::vector<Span> gold_tokens, sys_tokens, sys_sentences;
  for (const auto& t : gold.tokens) gold_tokens.push_back(t.span);
  // Surface tokens of the system with their word forms, keyed by span for the word credit.
  std::vector<std::pair<Span, std::vector<std::string>>> sys_surface;
  for (const auto& sentence : system) {
    if (sentence.tokens.empty()) continue;
    sys_sentences.push_back({sentence.tokens.front().start, sentence.tokens.back().end});
    for (size_t i = 0; i < sentence.tokens.size(); ++i) {
      size_t n = std::max<size_t>(1, sentence.tokens[i].multiword);
      n = std::min(n, sentence.tokens.size() - i);
      std::vector<std::string> words;
      for (size_t k = 0; k < n; ++k) words.push_back(sentence.tokens[i + k].form);
      Span span{sentence.tokens[i].start, sentence.tokens[i + n - 1].end};
      sys_surface.push_back({span, std::move(words)});
      sys_tokens.push_back(span);
      i += n - 1;
    }
  }
  s.tokens = {gold_tokens.size(), sys_tokens.size(), count_matches(gold_tokens, sys_tokens)};
  s.sentences = {gold.sentences.size(), sys_sentences.size(),
                 count_matches(gold.sentences, sys_sentences)};

  // Words: inside tokens with identical spans, credit words that agree position by position
  // (lower-cased); the shared task's LCS gives the same counts for the usual 2-word splits.
  std::sort(sys_surface.begin(), sys_surface.end());
  for (const auto& t : gold.tokens) s.words.gold += t.words.size();
  for (const auto& t : sys_surface) s.words.system += t.second.size();
  auto lower = [](std::string v) {
    for (char& c : v)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return v;
  };
  for (const auto& t : gold.tokens) {
    auto it = std::lower_bound(sys_surface.begin(), sys_surface.end(), t.span,
                               [](const auto& a, const Span& b) { return a.first < b; });
    if (it == sys_surface.end() || it->first != t.span) continue;
    if (it->second.size() == 1 || t.words.size() == 1) {
      if (it->second.size() == t.words.size()) s.words.correct += 1;
      continue;
    }
    for (size_t k = 0; k < std::min(t.words.size(), it->second.size()); ++k)
      if (lower(t.words[k]) == lower(it->second[k])) ++s.words.correct;
  }
  return s;
}

}  // namespace quarry::nlp
