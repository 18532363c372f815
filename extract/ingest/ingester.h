// Ingestion: documents -> facts (built-in extractor or a plug-in program) -> entity
// resolution -> Database::add_document, one atomic commit per document.
//
// Threads: `jobs` extraction threads work on a batch of documents (Pipeline::annotate and
// extract_facts are thread-safe), while ONE writer thread commits the previous batch in
// input order; so the database sees the documents in the order given, whatever `jobs`.
// A document that fails to store is reported and skipped; the batch goes on.
//
// Plug-in extractors (`extractor_command`): the command runs once per batch under
// `sh -c`, reads the batch's documents as JSON Lines on stdin and writes facts as JSON
// Lines on stdout; the protocol is in docs/extraction.md. No model is needed then.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extract/facts/fact.h"
#include "extract/ingest/inputs.h"
#include "quarry/database.h"

namespace quarry::nlp {
class Pipeline;
}

namespace quarry::extract::ingest {

struct IngestOptions {
  unsigned jobs = 1;              // extraction threads; default 1
  std::string extractor_command;  // plug-in program; empty = the built-in extractor
  size_t batch_documents = 64;    // documents per batch (and per plug-in run)
};

struct IngestStats {
  uint64_t documents = 0;  // read and handed to extraction
  uint64_t added = 0;      // stored (new or changed)
  uint64_t unchanged = 0;  // identical to the stored version: nothing written
  uint64_t failed = 0;     // skipped: unreadable input, extraction or storage error
  uint64_t tokens = 0;     // tokens analysed
  uint64_t facts = 0;      // facts stored (mentions written)
  uint64_t new_relationships = 0;
  uint64_t new_entities = 0;
  uint64_t unresolved = 0;  // facts dropped by resolution (e.g. a pronoun without antecedent)
  double seconds = 0;
  // CPU seconds spent analysing documents (all extraction threads together) and storing
  // them (the writer thread): the split shows whether the writer is the bottleneck.
  double analysis_cpu = 0;
  double storage_cpu = 0;
};

using ProgressSink = std::function<void(const IngestStats&)>;

// `pipeline` may be null only with a plug-in extractor. `problem` receives one line per
// skipped input or document ("PATH[:LINE]: reason"); `progress` is called after each commit.
IngestStats ingest(Database& db, const nlp::Pipeline* pipeline,
                   const std::vector<std::string>& paths, const IngestOptions& options,
                   const ProblemSink& problem, const ProgressSink& progress);

// The plug-in protocol (docs/extraction.md), exposed for tests: runs `command` with `docs`
// as JSON Lines on its stdin and returns the facts it wrote for each document, in the order
// of `docs`. Errors: the command failed ("exited with status 2") or wrote a bad line
// ("line 3: no \"predicate\"").
Result<std::vector<std::vector<ExtractedFact>>> run_plugin(const std::string& command,
                                                           const std::vector<Document>& docs);

}  // namespace quarry::extract::ingest
