// Reading facts from triple files: TSV, JSON Lines and N-Triples.
//
// A TripleReader pulls one Fact at a time from a stream. A malformed line yields an
// Error whose message reads "name:line: reason"; the caller may keep reading after it
// (the bad line is skipped). The formats are documented in docs/data-model.md.
// Not thread-safe; the stream must outlive the reader.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <string>

#include "quarry/database.h"

namespace quarry::storage {

class TripleReader {
 public:
  virtual ~TripleReader() = default;

  // A reader for `format` (kAuto is resolved by the caller, see format_for_path).
  static std::unique_ptr<TripleReader> open(ImportFormat format, std::istream& in,
                                            std::string display_name);

  // Reads the next fact into `fact`: true when one was read, false at the end, or an
  // Error for a bad line.
  virtual Result<bool> next(Fact& fact) = 0;
  // 1-based number of the last line read.
  virtual uint64_t line() const = 0;
  // True when the last fact's entity names came out of an entity resolver (`quarry extract`
  // rows, whose arguments carry the text as written): such names join known entities
  // through the alias index, as Database::add_document does. Otherwise (bare triples) a
  // name is an identifier and only the node with exactly that name is the same entity.
  virtual bool names_resolved() const { return false; }
};

// Reads every fact of `reader`, handing each to `add`. A bad line, or a fact `add` refuses,
// becomes an Error "name:line: reason": with `strict` it ends the read and is returned;
// otherwise it is appended to report.bad_lines and reading goes on. report.lines is the
// number of lines read.
Status read_facts(TripleReader& reader, const std::string& name, bool strict, ImportReport& report,
                  const std::function<Status(const Fact&)>& add);

// The format a path's extension names: .tsv/.txt -> TSV, .jsonl/.ndjson/.json -> JSON
// Lines, .nt -> N-Triples; anything else (and "-") -> TSV.
ImportFormat format_for_path(const std::string& path);

// Names for --format values ("tsv", "jsonl", "nt"); nullopt-like kAuto when unknown.
ImportFormat parse_import_format(std::string_view name);

// N-Triples IRIs for Quarry names, and back: a name that is already an absolute IRI
// stays itself; any other name becomes urn:quarry:node:<percent-encoded name>, and a
// predicate urn:quarry:rel:<name>.
std::string node_iri(std::string_view name);
std::string predicate_iri(std::string_view predicate);
std::string name_from_iri(std::string_view iri);

}  // namespace quarry::storage
