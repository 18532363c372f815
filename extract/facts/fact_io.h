// Reading documents for extraction and writing extracted facts: JSON Lines, TSV and CaRB's
// tab format. Kept apart from the rules so that other front ends (`quarry ingest`, plug-in
// extractors) share the same formats. Formats are documented in docs/extraction.md.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "extract/facts/fact.h"
#include "quarry/status.h"

namespace quarry {
struct Fact;  // quarry/database.h; not included, its Document would clash with ours
}

namespace quarry::extract {

// A document to extract from; metadata fields are empty when not given.
struct Document {
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string text;
};

// One JSON Lines record {"id", "title", "date", "source", "text"} (text required, all
// strings). Errors are kInvalidArgument with the reason; the caller adds file:line.
Result<Document> parse_document_json(std::string_view line);

// One fact as one JSON object on one line (fields in docs/extraction.md), with the
// document's id, source and date as provenance. Empty qualifiers are left out.
void write_fact_jsonl(std::ostream& out, const Document& doc, const ExtractedFact& fact);

// The same line with the document's entity resolution added, so `quarry import` can merge
// the facts of many `quarry extract` runs: each argument gets the entity it resolved to
// ("name", "type", "aliases", "merges", "variants"), the time qualifier is resolved against
// the document date ("time_text" keeps the phrase), and symmetric facts say so. `resolved`
// null: resolution dropped the fact (a pronoun without antecedent, a title absorbed into
// the name), and the line is marked "unresolved": true.
void write_fact_jsonl(std::ostream& out, const Document& doc, const ExtractedFact& fact,
                      const quarry::Fact* resolved);

// doc, sentence, subject, predicate, object, confidence, rule, text, qualifiers: one line
// per fact, tabs and newlines inside fields replaced by spaces.
void write_tsv_header(std::ostream& out);
void write_fact_tsv(std::ostream& out, const Document& doc, const ExtractedFact& fact);

// CaRB: sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>argN...]. The relation
// and arguments read in sentence order (a passive stays passive: "was built by"), further
// arguments are the recipient, other prepositional phrases, time and place.
void write_fact_carb(std::ostream& out, std::string_view sentence, const ExtractedFact& fact);

}  // namespace quarry::extract
