// read_facts_ahead (storage/io/read_ahead.h) against read_facts: the same facts in the same
// order, the same bad lines with the same line numbers (also across the hand-over's batch
// boundaries, every 1,024 lines), and `strict` stopping at the first bad line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "storage/io/read_ahead.h"

using namespace quarry;
using namespace quarry::storage;

namespace {

// 3,000 TSV lines; bad ones (two fields) at the lines in `bad`, comments every 500th.
std::string tsv_with_bad_lines(std::initializer_list<int> bad) {
  std::string text;
  for (int line = 1; line <= 3000; ++line) {
    if (std::find(bad.begin(), bad.end(), line) != bad.end()) {
      text += "Oskar Lind\tmeet\n";
    } else if (line % 500 == 0) {
      text += "# a comment\n";
    } else {
      text += "Node " + std::to_string(line) + "\trel" + std::to_string(line % 7) + "\tNode " +
              std::to_string(line * 31 % 3000) + "\n";
    }
  }
  return text;
}

struct Outcome {
  Status status;
  ImportReport report;
  std::vector<std::string> added;  // "subject|predicate|object@line"
};

// `refuse` names an object the caller's add() rejects, as the loader rejects a bad name.
Status check_name(const Fact& f, const std::string& refuse) {
  if (f.object.name == refuse) return Error(ErrorCode::kInvalidArgument, "refused");
  return {};
}

std::string describe(const Fact& f, uint64_t line) {
  return f.subject.name + "|" + f.predicate + "|" + f.object.name + "@" + std::to_string(line);
}

Outcome plain(const std::string& text, bool strict, const std::string& refuse) {
  std::istringstream in(text);
  auto reader = TripleReader::open(ImportFormat::kTsv, in, "in.tsv");
  Outcome out;
  out.status = read_facts(*reader, "in.tsv", strict, out.report, [&](const Fact& f) {
    Status s = check_name(f, refuse);
    if (s.ok()) out.added.push_back(describe(f, reader->line()));
    return s;
  });
  return out;
}

Outcome ahead(const std::string& text, bool strict, const std::string& refuse) {
  std::istringstream in(text);
  auto reader = TripleReader::open(ImportFormat::kTsv, in, "in.tsv");
  Outcome out;
  out.status = read_facts_ahead(
      *reader, "in.tsv", strict, out.report,
      [](ReadFact& r) { r.keys[0] = r.fact.subject.name.size(); },
      [&](const ReadFact& r, const ReadFact* later) {
        CHECK(r.keys[0] == r.fact.subject.name.size());  // prepare ran on every fact
        if (later) CHECK(later->line > r.line);
        Status s = check_name(r.fact, refuse);
        if (s.ok()) out.added.push_back(describe(r.fact, r.line));
        return s;
      });
  return out;
}

std::vector<std::string> messages(const ImportReport& report) {
  std::vector<std::string> out;
  for (const Error& e : report.bad_lines) out.push_back(e.message());
  return out;
}

}  // namespace

TEST_CASE("read ahead: same facts and bad lines as read_facts, across batch boundaries") {
  std::string text = tsv_with_bad_lines({1, 1024, 1025, 2048, 3000});
  // Line 1023 is "Node 1023 ... Node 1713": the caller refuses it, one line before a boundary.
  Outcome want = plain(text, false, "Node 1713");
  Outcome got = ahead(text, false, "Node 1713");
  REQUIRE(want.status.ok());
  REQUIRE(got.status.ok());
  CHECK(got.added == want.added);
  CHECK(got.added.size() == 3000 - 5 - 5 - 1);  // bad lines, comments, refused
  CHECK(got.added.front() == "Node 2|rel2|Node 62@2");
  CHECK(messages(got.report) == messages(want.report));
  CHECK(messages(got.report) ==
        std::vector<std::string>{
            "in.tsv:1: expected subject, predicate and object separated by tabs, found 2 fields",
            "in.tsv:1023: refused",
            "in.tsv:1024: expected subject, predicate and object separated by tabs, found 2 fields",
            "in.tsv:1025: expected subject, predicate and object separated by tabs, found 2 fields",
            "in.tsv:2048: expected subject, predicate and object separated by tabs, found 2 fields",
            "in.tsv:3000: expected subject, predicate and object separated by tabs, found 2 fields",
        });
  CHECK(got.report.lines == 3000);
  CHECK(want.report.lines == 3000);
}

TEST_CASE("read ahead: strict stops at the first bad line, after a batch boundary too") {
  std::string text = tsv_with_bad_lines({1100, 2500});
  Outcome want = plain(text, true, "");
  Outcome got = ahead(text, true, "");
  REQUIRE_FALSE(got.status.ok());
  CHECK(got.status.error().message() ==
        "in.tsv:1100: expected subject, predicate and object separated by tabs, found 2 fields");
  CHECK(got.status.error().message() == want.status.error().message());
  CHECK(got.added == want.added);
  CHECK(got.added.size() == 1099 - 2);  // comments at 500 and 1000
  CHECK(got.report.bad_lines.empty());

  // A fact the caller refuses stops a strict read the same way.
  Outcome refused = ahead(tsv_with_bad_lines({}), true, "Node 1713");
  REQUIRE_FALSE(refused.status.ok());
  CHECK(refused.status.error().message() == "in.tsv:1023: refused");
  CHECK(refused.added.size() == 1022 - 2);
}

TEST_CASE("read ahead: an empty input reads nothing") {
  Outcome got = ahead("", false, "");
  CHECK(got.status.ok());
  CHECK(got.added.empty());
  CHECK(got.report.lines == 0);
}
