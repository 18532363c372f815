// The inputs of `quarry ingest`: files and directories of news documents.
//
//   FILE.txt, FILE.md   one document; id = the path as given; title = the first non-empty
//                       line (a Markdown heading's '#' marks dropped); date and source
//                       from a dateline (dates.h), else empty
//   FILE.jsonl/.ndjson  one document per line: {"id", "title", "date", "source", "text"};
//                       id defaults to "FILE:LINE", a missing date or source is read from
//                       the text's dateline as for plain text
//   DIR                 every .txt, .md, .jsonl and .ndjson file below it, recursively, in
//                       sorted path order (other files are skipped silently)
//   -                   stdin: JSON Lines when its first byte is '{', else one text document
//
// Problems never stop the batch: an unreadable or binary file, invalid UTF-8, an empty
// document or a bad JSON line is reported as "PATH[:LINE]: reason" and skipped.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "quarry/database.h"

namespace quarry::extract::ingest {

struct InputDocument {
  Document doc;
  std::string origin;  // "PATH" or "PATH:LINE", for messages
};

using DocumentSink = std::function<void(InputDocument)>;
using ProblemSink = std::function<void(const std::string&)>;

// Reads every input in order, calling `emit` for each document and `problem` for each
// thing skipped. Returns the number of documents emitted.
size_t read_inputs(const std::vector<std::string>& paths, const DocumentSink& emit,
                   const ProblemSink& problem);

// Checks one document's text: empty string when fine, else the reason it is skipped
// ("binary data (a NUL byte at 1234)", "invalid UTF-8 at byte 17", "empty document").
std::string text_problem(std::string_view text);

// Fills title (when empty: the first non-empty line), date and source (when empty: from
// the dateline) of a document read from plain text or Markdown.
void complete_metadata(Document& doc);

}  // namespace quarry::extract::ingest
