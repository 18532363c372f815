// Database: the entry point of the embedding API.
//
// A Database is one directory on disk holding a RocksDB instance. At most one process
// opens it for writing (the second gets kDatabaseInUse); any number may open it
// read-only beside the writer and see the writer's committed state as of open (or of
// refresh()).
//
// Thread safety: all methods may be called concurrently from several threads. Writes are
// serialised internally; each write call commits atomically (one RocksDB WriteBatch with
// the WAL on): after a crash it is either wholly present or wholly absent.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/options.h"
#include "quarry/prepared.h"
#include "quarry/result.h"
#include "quarry/status.h"
#include "quarry/value.h"

namespace quarry {

// A source document. `id` is the caller's stable identifier (a path, a URL, a feed id).
struct Document {
  std::string id;
  std::string title;
  std::string source;  // outlet or publisher, e.g. "Reuters"
  std::string date;    // ISO 8601 date, or empty when unknown
  std::string text;    // full text; its hash decides whether a re-add changes anything
};

// One end of a fact: an entity named by its surface form, with an optional type label
// (Person, Organization, Place, Event, Artifact, Other; empty = Other).
//
// `aliases` and `merges` carry the caller's entity resolution (extract/resolve/ fills them):
// every alias becomes a name the entity is found under, and each merge reason ("'Shoigu':
// surname of 'Sergei Shoigu'") is kept once in the node's `merges` list. To find an existing
// entity the name is looked up first, then each alias of two or more words in order; a
// one-word alias (a bare surname) is looked up only when the name is one word too, so
// "Kim" recorded for Kim Jong Un never pulls Kim Yo Jong onto his node.
struct EntityRef {
  std::string name;
  std::string type;
  std::vector<std::string> aliases = {};
  std::vector<std::string> merges = {};
  // Further spellings to look up (same rule as aliases) when no entity has the name or an
  // alias, e.g. the transliterations the caller treats as equal ("Sergei Shoigu" for
  // "Sergey Shoigu"). Only looked up, never stored.
  std::vector<std::string> variants = {};
};

// Where a fact was stated: sentence index in the document and the byte span of the
// sentence or clause in Document::text.
struct Mention {
  std::string doc;  // Document::id; empty for facts imported without a document
  uint32_t sentence = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  double confidence = 1.0;
  std::string extractor;  // "import", "quarry-extract/1", a plug-in's name, ...
  // How this one statement frames the fact (empty = plain assertion): "negated" and
  // "hedged" (Bool), "attribution", "time" (ISO date when resolved), "time_text", "place"
  // (String), and further arguments by role, e.g. "recipient". Stored with the mention;
  // CALL quarry.mentions(r) yields them.
  Map qualifiers = {};
};

// A fact to store: subject -[predicate]-> object. `predicate` is the canonical type
// (lower-case lemma, particles joined by '_'); `text` is its surface form.
struct Fact {
  EntityRef subject;
  std::string predicate;
  EntityRef object;
  std::string text;
  Mention mention;
  // A predicate that reads the same both ways (meet, talk_to: extract/resolve/symmetric.h
  // lists them). Stored as ONE relationship whatever the direction given: from the entity
  // with the smaller node id to the other, with the property `symmetric: true`, so an
  // undirected MATCH finds it once and both directions of a statement support one fact.
  bool symmetric = false;
};

struct WriteSummary {
  uint64_t documents_added = 0;
  uint64_t documents_unchanged = 0;
  uint64_t facts_added = 0;     // new relationships
  uint64_t mentions_added = 0;  // new provenance records
  uint64_t entities_added = 0;
};

struct Stats {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t mentions = 0;
  uint64_t documents = 0;
  uint64_t terms = 0;
  uint64_t bytes_on_disk = 0;
  std::vector<std::pair<std::string, uint64_t>> predicates;  // by count, descending
  std::vector<std::pair<std::string, uint64_t>> labels;      // by count, descending
};

struct CheckReport {
  std::vector<std::string> problems;  // empty when the database is consistent
  bool ok() const { return problems.empty(); }
};

enum class ImportFormat { kAuto, kTsv, kJsonl, kNTriples };
enum class ExportFormat { kJson, kJsonl, kTsv, kNTriples, kGraphML, kDot };

struct ImportOptions {
  ImportFormat format = ImportFormat::kAuto;  // kAuto: by file extension
  // Stop at the first bad line instead of reporting and skipping it. Default: false.
  bool strict = false;
  // Name used in `file:line` messages; defaults to the path ("-" for stdin).
  std::string display_name;
};

struct ImportReport {
  WriteSummary summary;
  uint64_t lines = 0;
  std::vector<Error> bad_lines;  // each message reads "file:line: reason"
};

using Params = Map;

class Database {
 public:
  // Opens or creates the database at `path`.
  static Result<std::unique_ptr<Database>> open(const std::string& path,
                                                const OpenOptions& options = {});
  virtual ~Database() = default;

  virtual bool read_only() const = 0;

  // Adds a document with the facts extracted from it, atomically. An identical document
  // (same id and content hash) changes nothing; a changed one replaces its old mentions
  // and retracts facts no other document supports.
  virtual Result<WriteSummary> add_document(const Document& doc,
                                            const std::vector<Fact>& facts) = 0;
  // Removes a document and retracts every fact that no other document supports.
  virtual Status remove_document(std::string_view doc_id) = 0;
  // Adds facts in one atomic batch.
  virtual Result<WriteSummary> add_facts(const std::vector<Fact>& facts) = 0;
  // Imports a file ("-" = stdin) of triples; see docs/data-model.md for the formats.
  virtual Result<ImportReport> import(const std::string& path, const ImportOptions& options) = 0;
  virtual Status export_graph(std::ostream& out, ExportFormat format) = 0;

  // Runs one openCypher statement. Read queries see a snapshot; a write statement
  // commits atomically when its result is exhausted.
  virtual Result<QueryResult> query(std::string_view text, const Params& params = {},
                                    const QueryOptions& options = {}) = 0;
  // Parses and checks one statement for repeated execution with different parameters
  // (see prepared.h). Returns the same syntax and semantic errors query() would.
  virtual Result<PreparedQuery> prepare(std::string_view text) = 0;

  virtual Result<Stats> stats() = 0;
  // Recounts everything and compares: dictionary, the three indexes, provenance, statistics.
  virtual Result<CheckReport> check() = 0;
};

}  // namespace quarry
