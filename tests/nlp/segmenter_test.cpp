// Segmentation edge cases. Every sentence here is written for this test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "extract/nlp/segmenter.h"

using namespace quarry::nlp;

namespace {

std::vector<std::string> forms(const Sentence& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tokens) out.push_back(t.form);
  return out;
}

std::vector<std::string> all_forms(const std::vector<Sentence>& ss) {
  std::vector<std::string> out;
  for (const auto& s : ss)
    for (const auto& t : s.tokens) out.push_back(t.form);
  return out;
}

// Offsets slice the original text to the form, and sentence text is the sentence's slice.
void check_offsets(std::string_view text, const std::vector<Sentence>& ss) {
  for (const auto& s : ss) {
    REQUIRE_FALSE(s.tokens.empty());
    for (const auto& t : s.tokens) {
      REQUIRE(t.end > t.start);
      CHECK(text.substr(t.start, t.end - t.start) == t.form);
    }
    std::string slice(
        text.substr(s.tokens.front().start, s.tokens.back().end - s.tokens.front().start));
    for (char& c : slice)
      if (c == '\n' || c == '\r') c = ' ';
    CHECK(s.text == slice);
  }
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("segmenter: words, punctuation, offsets and SpaceAfter") {
  std::string text = "The ferry left at dawn.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) == V{"The", "ferry", "left", "at", "dawn", "."});
  CHECK(ss[0].tokens[4].start == 18);
  CHECK(ss[0].tokens[4].end == 22);
  CHECK(ss[0].tokens[4].space_after == false);
  CHECK(ss[0].tokens[3].space_after == true);
  CHECK(ss[0].text == text);
  check_offsets(text, ss);
}

TEST_CASE("segmenter: clitics split into multi-word tokens, straight and curly") {
  std::string text = "They're sure it's Ana's, but I can't and she won’t say we’ll go.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) == V{"They", "'re", "sure", "it", "'s",  "Ana", "'s", ",",   "but", "I", "ca",
                          "n't",  "and", "she",  "wo", "n’t", "say", "we", "’ll", "go",  "."});
  CHECK(ss[0].tokens[0].multiword == 2);
  CHECK(ss[0].tokens[1].multiword == 0);
  CHECK(ss[0].tokens[0].space_after == false);
  CHECK(ss[0].tokens[1].space_after == true);
  CHECK(ss[0].tokens[2].multiword == 0);
  check_offsets(text, ss);
}

TEST_CASE("segmenter: cannot, gonna, plural possessives and the 'm/'d/'ve clitics") {
  std::string text = "I cannot stay; we're gonna see the players' bus. I'm sure I'd have gone.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 2);
  CHECK(forms(ss[0]) == V{"I", "can", "not", "stay", ";", "we", "'re", "gon", "na", "see", "the",
                          "players", "'", "bus", "."});
  CHECK(forms(ss[1]) == V{"I", "'m", "sure", "I", "'d", "have", "gone", "."});
  CHECK(ss[0].tokens[1].multiword == 2);
  check_offsets(text, ss);
}

TEST_CASE("segmenter: abbreviations keep their period and do not end sentences") {
  std::string text =
      "Mr. Park met Dr. Obi at 9 a.m. on Feb. 4 in the U.S. capital, e.g. near Acme Inc. "
      "offices.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) == V{"Mr.",  "Park", "met",  "Dr.",  "Obi",     "at",   "9",       "a.m.",
                          "on",   "Feb.", "4",    "in",   "the",     "U.S.", "capital", ",",
                          "e.g.", "near", "Acme", "Inc.", "offices", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: an abbreviation before a capitalised function word ends a sentence") {
  auto ss = segment("Prices rose in the U.S. The market fell in Europe.");
  REQUIRE(ss.size() == 2);
  CHECK(forms(ss[0]).back() == "U.S.");
  CHECK(forms(ss[1]).front() == "The");
}

TEST_CASE("segmenter: hyphens split the UD way, learned prefixes stay whole") {
  std::string text = "Kim Jong-un praised the anti-war, non-stop well-known plan.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) == V{"Kim", "Jong", "-", "un", "praised", "the", "anti-war", ",", "non-stop",
                          "well", "-", "known", "plan", "."});
  // The name stays one unbroken span: no space inside it.
  CHECK(ss[0].tokens[1].space_after == false);
  CHECK(ss[0].tokens[2].space_after == false);
  check_offsets(text, ss);
}

TEST_CASE("segmenter: numbers, decimals, money, percentages, times and dates") {
  std::string text = "Sales rose 3.5% to $1,200 on 2001-02-03 at 10:30, pages 3-5, 1/2 off.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) == V{"Sales", "rose",       "3.5", "%",     "to",  "$",     "1,200",
                          "on",    "2001-02-03", "at",  "10:30", ",",   "pages", "3",
                          "-",     "5",          ",",   "1/2",   "off", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: URLs and e-mail addresses stay whole without trailing punctuation") {
  std::string text = "See https://example.org/a?b=1, or write to desk.news@example.com. Thanks.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 2);
  CHECK(forms(ss[0]) == V{"See", "https://example.org/a?b=1", ",", "or", "write", "to",
                          "desk.news@example.com", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: dashes and ellipses") {
  std::string text = "Wait -- no... it was fine—really … mostly.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) ==
        V{"Wait", "--", "no", "...", "it", "was", "fine", "—", "really", "…", "mostly", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: sentence ends after ! ? and closing quotes") {
  std::string text = "He left. She stayed! Why? \"Go home.\" Then (quietly) he went.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 5);
  CHECK(forms(ss[3]) == V{"\"", "Go", "home", ".", "\""});
  CHECK(forms(ss[4]).front() == "Then");
  check_offsets(text, ss);
}

TEST_CASE("segmenter: curly quotes are their own tokens") {
  std::string text = "“Yes,” she said. ‘No’ he replied.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 2);
  CHECK(forms(ss[0]) == V{"“", "Yes", ",", "”", "she", "said", "."});
  CHECK(forms(ss[1]) == V{"‘", "No", "’", "he", "replied", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: blank lines always end a sentence, CRLF included") {
  std::string text = "A title without a period\r\n\r\nthe body starts here and ends.\n\n\nLast one";
  auto ss = segment(text);
  REQUIRE(ss.size() == 3);
  CHECK(ss[0].text == "A title without a period");
  CHECK(forms(ss[1]).front() == "the");
  CHECK(ss[2].text == "Last one");
  check_offsets(text, ss);
}

TEST_CASE("segmenter: a short heading line ends a sentence, wrapped lines do not") {
  std::string text = "Storm hits the coast\nThe storm arrived at night and it was\nvery loud.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 2);
  CHECK(ss[0].text == "Storm hits the coast");
  CHECK(ss[1].text == "The storm arrived at night and it was very loud.");
}

TEST_CASE("segmenter: line_per_sentence splits at every line break") {
  SegmentOptions o;
  o.line_per_sentence = true;
  auto ss = segment("one line here\nanother line here", o);
  REQUIRE(ss.size() == 2);
}

TEST_CASE("segmenter: a wire-story dateline is a sentence of its own") {
  std::string text =
      "HARBOUR CITY, March 3 (Quarry Wire) -- The council voted on Tuesday. It passed.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 3);
  CHECK(ss[0].text == "HARBOUR CITY, March 3 (Quarry Wire) --");
  CHECK(forms(ss[1]) == V{"The", "council", "voted", "on", "Tuesday", "."});
  check_offsets(text, ss);

  auto plain = segment("LONDON — Rain fell all day.");
  REQUIRE(plain.size() == 2);
  CHECK(plain[0].text == "LONDON —");
}

TEST_CASE("segmenter: invalid UTF-8 is replaced, offsets index the original bytes") {
  std::string text = "Caf\xC3 ok. Na\xFF\xFEve end.";
  std::vector<std::string> warnings;
  auto ss = segment(text, {}, &warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("3 invalid UTF-8 byte(s)") != std::string::npos);
  REQUIRE(ss.size() == 2);
  CHECK(ss[0].tokens[0].form == "Caf\xEF\xBF\xBD");
  CHECK(ss[0].tokens[0].start == 0);
  CHECK(ss[0].tokens[0].end == 4);
  CHECK(ss[1].tokens[0].form == "Na\xEF\xBF\xBD\xEF\xBF\xBDve");
  CHECK(ss[1].tokens[0].end - ss[1].tokens[0].start == 6);
  CHECK(ss[0].text == "Caf\xEF\xBF\xBD ok.");
}

TEST_CASE("segmenter: empty and blank input give no sentences and no warnings") {
  std::vector<std::string> warnings;
  CHECK(segment("", {}, &warnings).empty());
  CHECK(segment(" \n\n\t \r\n", {}, &warnings).empty());
  CHECK(warnings.empty());
}

TEST_CASE("segmenter: non-ASCII letters, marks and symbols") {
  std::string text = "Zoë paid €5 in São Paulo 😀 today.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) == V{"Zoë", "paid", "€", "5", "in", "São", "Paulo", "😀", "today", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: every token of a mixed text slices back to its form") {
  std::string text =
      "On Jan. 5, 2024, the firm's CEO (Ana López-Ruiz) said: \"We'll grow 12.5%!\"\n"
      "Shares—up 3%—closed at $41.20... Analysts weren't surprised.\n\n"
      "Contact: press@firm.example or www.firm.example/news.";
  auto ss = segment(text);
  CHECK(ss.size() >= 4);
  check_offsets(text, ss);
  auto all = all_forms(ss);
  CHECK(std::find(all.begin(), all.end(), "www.firm.example/news") != all.end());
  CHECK(std::find(all.begin(), all.end(), "41.20") != all.end());
}

TEST_CASE("segmenter: news abbreviations, capitalised only, and times before weekdays") {
  std::string text =
      "The firm, based in Dayton, Ohio, and Tulsa, Okla., opened at 5 p.m. Tuesday near Acme "
      "Corp. The staff cheered. They had to wash.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 3);
  auto f = forms(ss[0]);
  CHECK(std::find(f.begin(), f.end(), "Okla.") != f.end());
  CHECK(std::find(f.begin(), f.end(), "p.m.") != f.end());
  CHECK(f.back() == "Corp.");
  CHECK(forms(ss[2]) == V{"They", "had", "to", "wash", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: a long run without spaces stays linear and keeps its offsets") {
  std::string blob;
  for (int i = 0; i < 20000; ++i) blob += "ab.c@";
  auto ss = segment(blob + " end.");
  REQUIRE_FALSE(ss.empty());
  CHECK(ss.back().tokens.back().end == blob.size() + 5);
  check_offsets(blob + " end.", ss);
}

TEST_CASE("segmenter: file names, dotted names, hashtags and handles stay whole") {
  std::string text = "Open Q3_Report.pdf from alt.news.local, tag #quarry and ping @desk_7 now.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 1);
  CHECK(forms(ss[0]) == V{"Open", "Q3_Report.pdf", "from", "alt.news.local", ",", "tag", "#quarry",
                          "and", "ping", "@desk_7", "now", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: datelines in ordinary case need a date; a place alone is no dateline") {
  auto ss = segment("Harbourton, March 15 - The mayor resigned.");
  REQUIRE(ss.size() == 2);
  CHECK(ss[0].text == "Harbourton, March 15 -");

  ss = segment("Harbourton, Westland - the mayor resigned.");
  REQUIRE(ss.size() == 1);

  // After a sentence inside the same paragraph, with an agency and a spaced double dash.
  ss = segment("Earlier news.\nRiverford, Jan. 3 (Quarry Wire) -- Talks resumed.");
  REQUIRE(ss.size() == 3);
  CHECK(ss[1].text == "Riverford, Jan. 3 (Quarry Wire) --");
  CHECK(ss[2].text == "Talks resumed.");

  // A date opening a sentence, then a hyphenated name: the hyphen is no dateline dash.
  ss = segment("Friday, May 9, Lee Min-ho opened the new bridge.");
  REQUIRE(ss.size() == 1);
  CHECK(ss[0].text == "Friday, May 9, Lee Min-ho opened the new bridge.");
}

TEST_CASE("segmenter: random byte soup never breaks the offset invariants") {
  // Deterministic pseudo-random strings over the characters the rules care about, plus
  // stray UTF-8 lead and continuation bytes.
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "7",
                                           ".",
                                           ",",
                                           "'",
                                           "\xE2\x80\x99",
                                           "-",
                                           "--",
                                           "\n",
                                           "\n\n",
                                           " ",
                                           "@",
                                           "://",
                                           "www",
                                           "(",
                                           ")",
                                           "\"",
                                           "\xE2\x80\x94",
                                           "?!",
                                           "U.S.",
                                           "Mr.",
                                           "n't",
                                           "\xC3",
                                           "\xA9",
                                           "\xF0\x9F",
                                           "#",
                                           "_",
                                           "$",
                                           "%",
                                           "\t",
                                           "\xC3\xA9",
                                           "e.g."};
  uint32_t state = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(state % 60);
    for (int i = 0; i < n; ++i) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 8) % pieces.size()];
    }
    std::vector<std::string> warnings;
    auto ss = segment(text, {}, &warnings);
    uint32_t previous_end = 0;
    for (const auto& s : ss) {
      REQUIRE_FALSE(s.tokens.empty());
      REQUIRE_FALSE(s.text.empty());
      for (const auto& t : s.tokens) {
        REQUIRE(t.start >= previous_end);
        REQUIRE(t.end > t.start);
        REQUIRE(t.end <= text.size());
        REQUIRE_FALSE(t.form.empty());
        previous_end = t.end;
      }
    }
    CHECK(warnings.size() <= 1);
  }
}

TEST_CASE("segmenter: a sentence-final etc. is written etc + period, mid-sentence it stays") {
  std::string text = "We sold pears, figs, etc. The rest, plums etc., rotted.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 2);
  CHECK(forms(ss[0]) == V{"We", "sold", "pears", ",", "figs", ",", "etc", "."});
  CHECK(ss[0].tokens[6].space_after == false);
  CHECK(forms(ss[1]) == V{"The", "rest", ",", "plums", "etc.", ",", "rotted", "."});
  check_offsets(text, ss);
}

TEST_CASE("segmenter: concurrent calls give the same result as one call") {
  std::string text =
      "Dr. Ade didn't go. She stayed in the U.S. The rest left at 5 p.m. on Feb. 3.\n\n"
      "NORTHPORT, May 2 (Quarry Wire) -- Talks resumed.";
  auto expected = all_forms(segment(text));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      for (int r = 0; r < 50; ++r) got[i] = all_forms(segment(text));
    });
  for (auto& t : threads) t.join();
  for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("segmenter: quoted speech followed by a lower-case attribution is one sentence") {
  auto ss = segment("\"We will win!\" he said. \"Why?\" she asked. \"Go home.\" They left.");
  REQUIRE(ss.size() == 4);
  CHECK(ss[0].text == "\"We will win!\" he said.");
  CHECK(ss[1].text == "\"Why?\" she asked.");
  CHECK(ss[2].text == "\"Go home.\"");
}

TEST_CASE("segmenter: party-state labels and titles in news copy") {
  std::string text =
      "The Rev. Ada Cole Jr. and Sen. Bo Lin, D-N.Y., spoke in Washington, D.C. He left.";
  auto ss = segment(text);
  REQUIRE(ss.size() == 2);
  CHECK(forms(ss[0]) == V{"The", "Rev.", "Ada", "Cole", "Jr.", "and", "Sen.", "Bo", "Lin", ",", "D",
                          "-", "N.Y.", ",", "spoke", "in", "Washington", ",", "D.C."});
  check_offsets(text, ss);
}
