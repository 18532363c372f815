// Query-language cases as small text files, run by one Catch2 driver (and, once the
// storage branch is merged, against the RocksDB store too). File format:
//
//   # comment lines start with '#'
//   ### setup                       statements run before every case of the file,
//   CREATE (:A {x: 1});             each ending with ';' at the end of a line
//   ### a case name
//   MATCH (a:A) RETURN a.x AS x     the query, any number of lines
//   ---- [ordered]                  expected: a header of column names, then rows,
//   x                               cells as Value::to_string() joined by " | ";
//   1                               rows compare as a multiset unless `ordered`
//   +++                             a further step of the same case on the same graph
//   MATCH (a) RETURN a
//   ---- error SemanticError 1:8    or an expected error kind and position
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace quarry::testing {

struct CaseStep {
  std::string query;
  bool expect_error = false;
  std::string error_code;      // e.g. "SyntaxError"
  std::string error_position;  // "line:col", or empty to skip the check
  bool ordered = false;
  std::vector<std::string> lines;  // header then rows
  int line = 0;                    // of the query in the file, for messages
};

struct Case {
  std::string name;
  std::vector<CaseStep> steps;
};

struct CaseFile {
  std::string path;
  std::vector<std::string> setup;
  std::vector<Case> cases;
};

CaseFile read_case_file(const std::string& path);

// Runs every step of `c` on a fresh source from `make_source` after the setup; returns
// an empty string on success or a description of the first mismatch.
std::string run_case(const CaseFile& file, const Case& c,
                     const std::function<std::shared_ptr<engine::GraphSource>()>& make_source);

// The rendered result lines (header then rows) of `query`, or the error as
// "error <Code> <line>:<col> <message>".
std::vector<std::string> render(const std::shared_ptr<engine::GraphSource>& source,
                                const std::string& query, std::string* error);

}  // namespace quarry::testing
