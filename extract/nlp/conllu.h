// Reading and writing CoNLL-U (https://universaldependencies.org/format.html).
//
// Multi-word token ranges (1-2) and empty nodes (1.1) are skipped on read: the pipeline
// works on syntactic words. Reading never throws; a malformed line is an Error carrying
// `file:line`.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/sentence.h"
#include "quarry/status.h"

namespace quarry::nlp {

struct ConlluDocument {
  std::vector<Sentence> sentences;
  // "# newdoc id" of each sentence's document (empty when absent), parallel to sentences.
  std::vector<std::string> doc_ids;
};

// Reads every sentence of `in`. `name` is used in error messages.
Result<ConlluDocument> read_conllu(std::istream& in, const std::string& name);
// The tab-separated columns of one CoNLL-U line (views into `line`).
std::vector<std::string_view> split_tabs(std::string_view line);
Result<ConlluDocument> read_conllu_file(const std::string& path);

// Writes one sentence, with its `# sent_id` and `# text` comments, followed by a blank line.
// Entities go to MISC as NER=B-Person style tags.
void write_conllu(std::ostream& out, const Sentence& sentence);

}  // namespace quarry::nlp
