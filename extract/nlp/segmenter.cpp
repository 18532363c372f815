// Segmentation: decoding, chunking at whitespace, tokenizing chunks, finding sentence ends
// (sentence_splitter.cpp) and assembling Sentences of syntactic words.
#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "extract/nlp/segmenter.h"
#include "extract/nlp/segmenter_tables.h"
#include "extract/nlp/sentence_splitter.h"
#include "extract/nlp/tokenizer.h"
#include "extract/nlp/utf8_text.h"

namespace quarry::nlp {
namespace {

std::string token_text(std::string_view text, const std::vector<Char>& chars, size_t first,
                       size_t last) {
  std::string s;
  append_chars(text, chars, first, last, false, s);
  return s;
}

// Appends the words of surface token `s` to `out`.
void add_words(std::string_view text, const std::vector<Char>& chars, const Surface& s,
               Sentence& out) {
  if (s.words[0] == 0) {
    Token t;
    t.form = token_text(text, chars, s.first, s.last);
    t.start = s.start;
    t.end = s.end;
    t.space_after = s.space_after;
    out.tokens.push_back(std::move(t));
    return;
  }
  size_t first_word = out.tokens.size();
  size_t ci = s.first;
  uint32_t pos = s.start;
  for (int w = 0; w < 4 && s.words[w] != 0; ++w) {
    uint32_t end = w + 1 < 4 && s.words[w + 1] != 0 ? pos + s.words[w] : s.end;
    size_t cj = ci;
    while (cj < s.last && chars[cj].start < end) ++cj;
    Token t;
    t.form = token_text(text, chars, ci, cj);
    t.start = pos;
    t.end = end;
    t.space_after = false;
    out.tokens.push_back(std::move(t));
    ci = cj;
    pos = end;
  }
  out.tokens.back().space_after = s.space_after;
  out.tokens[first_word].multiword = static_cast<uint8_t>(out.tokens.size() - first_word);
}

// The treebanks write a sentence-final "etc." as "etc" + "." (the period ends the sentence);
// mid-sentence it stays one token.
void split_final_periods(std::string_view text, const std::vector<Char>& chars,
                         std::vector<Surface>& toks, std::vector<bool>& ends) {
  std::vector<Surface> out;
  std::vector<bool> out_ends;
  std::string lower;
  for (size_t k = 0; k < toks.size(); ++k) {
    const Surface& t = toks[k];
    bool split = false;
    if (ends[k] && t.last - t.first >= 2 && chars[t.last - 1].cp == '.' && t.words[0] == 0) {
      lower.clear();
      append_chars(text, chars, t.first, t.last, true, lower);
      split = tables::split_when_final(lower);
    }
    if (!split) {
      out.push_back(t);
      out_ends.push_back(ends[k]);
      continue;
    }
    Surface word = t, period = t;
    word.last = t.last - 1;
    word.end = chars[t.last - 1].start;
    word.space_after = false;
    word.newlines_after = 0;
    period.first = t.last - 1;
    period.start = word.end;
    out.push_back(word);
    out_ends.push_back(false);
    out.push_back(period);
    out_ends.push_back(true);
  }
  if (out.size() != toks.size()) {
    toks = std::move(out);
    ends = std::move(out_ends);
  }
}

}  // namespace

std::vector<Sentence> segment(std::string_view text, const SegmentOptions& options,
                              std::vector<std::string>* warnings) {
  if (text.size() > UINT32_MAX) {
    if (warnings) warnings->push_back("text of 4 GiB or more not segmented: cut it into documents");
    return {};
  }
  size_t invalid = 0;
  std::vector<Char> chars = decode_utf8(text, invalid);
  if (invalid != 0 && warnings) {
    size_t at = 0;
    while (!chars[at].invalid) ++at;
    warnings->push_back(
        fmt::format("{} invalid UTF-8 byte(s) replaced by U+FFFD (first at byte offset {})",
                    invalid, chars[at].start));
  }

  std::vector<Surface> toks;
  ChunkTokenizer tokenizer(text, chars);
  size_t i = 0;
  while (i < chars.size()) {
    if (is_space(chars[i])) {
      int newlines = 0;
      for (; i < chars.size() && is_space(chars[i]); ++i) {
        const Char& c = chars[i];
        bool crlf = c.cp == '\r' && i + 1 < chars.size() && chars[i + 1].cp == '\n';
        if (c.kind == CharKind::kNewline && !crlf) ++newlines;
      }
      if (!toks.empty()) {
        toks.back().space_after = true;
        toks.back().newlines_after = static_cast<uint8_t>(newlines > 2 ? 2 : newlines);
      }
      continue;
    }
    size_t j = i;
    while (j < chars.size() && !is_space(chars[j])) ++j;
    tokenizer.tokenize(i, j, toks);
    i = j;
  }
  if (!toks.empty()) toks.back().space_after = true;

  std::vector<bool> ends = find_sentence_ends(text, chars, toks, options);
  split_final_periods(text, chars, toks, ends);
  std::vector<Sentence> sentences;
  Sentence current;
  size_t sentence_first = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    if (current.tokens.empty()) sentence_first = k;
    add_words(text, chars, toks[k], current);
    if (!ends[k]) continue;
    append_chars(text, chars, toks[sentence_first].first, toks[k].last, false, current.text);
    for (char& c : current.text)
      if (c == '\n' || c == '\r') c = ' ';  // "# text" is one line
    sentences.push_back(std::move(current));
    current = Sentence();
  }
  return sentences;
}

}  // namespace quarry::nlp
