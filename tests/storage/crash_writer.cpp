// The child side of crash_test: writes to a database in a loop until it is killed.
//
//   crash_writer DB FIRST_BATCH [BULK_FILE]
//
// With BULK_FILE it first imports that file (one unit) and prints "B". Then, for batch
// b = FIRST_BATCH, FIRST_BATCH+1, ...: it adds kFacts facts "batch-<b> holds item-<b>-<i>",
// alternately with add_facts and as the facts of document "doc-<b>", and prints "+<b>"
// once the write has returned; every fourth batch it also removes the document of an
// earlier batch and prints "-<b>" after that returns. Writes go to an unbuffered stdout,
// so the parent knows exactly what was committed before the kill.
#include <quarry/quarry.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace {

constexpr int kFacts = 20;

void say(const std::string& line) {
  std::string out = line + "\n";
  if (write(STDOUT_FILENO, out.data(), out.size()) != static_cast<ssize_t>(out.size())) _exit(4);
}

int fail(const quarry::Error& e) {
  std::fprintf(stderr, "crash_writer: %s\n", e.to_string().c_str());
  return 3;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: crash_writer DB FIRST_BATCH [BULK_FILE]\n");
    return 2;
  }
  auto db = quarry::Database::open(argv[1]);
  if (!db.ok()) return fail(db.error());
  if (argc > 3) {
    quarry::ImportOptions options;
    options.format = quarry::ImportFormat::kTsv;
    auto r = (*db)->import(argv[3], options);
    if (!r.ok()) return fail(r.error());
    say("B");
  }
  const long first = std::stol(argv[2]);
  for (long b = first;; ++b) {
    std::string tag = std::to_string(b);
    std::vector<quarry::Fact> facts;
    for (int i = 0; i < kFacts; ++i) {
      quarry::Fact f;
      f.subject = {"batch-" + tag, "Event"};
      f.predicate = "holds";
      f.object = {"item-" + tag + "-" + std::to_string(i), "Artifact"};
      f.text = "holds";
      f.mention.extractor = "crash-test";
      f.mention.sentence = static_cast<uint32_t>(i);
      facts.push_back(std::move(f));
    }
    if (b % 2 == 0) {
      for (auto& f : facts) f.mention.doc = "doc-" + tag;
      quarry::Document doc{"doc-" + tag, "Batch " + tag, "crash-test", "", "batch " + tag};
      auto r = (*db)->add_document(doc, facts);
      if (!r.ok()) return fail(r.error());
    } else {
      auto r = (*db)->add_facts(facts);
      if (!r.ok()) return fail(r.error());
    }
    say("+" + tag);
    // Retract an earlier document batch now and then: a removal must be atomic too.
    if (b % 4 == 0 && b >= first + 8) {
      std::string old = std::to_string(b - 6);
      auto s = (*db)->remove_document("doc-" + old);
      if (!s.ok()) return fail(s.error());
      say("-" + old);
    }
  }
}
