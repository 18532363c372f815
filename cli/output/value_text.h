// Values as text for the table, csv, tsv and markdown printers.
//
// A top-level string is shown bare (Kim Jong Un); inside lists, maps, nodes and
// relationships strings are double-quoted with backslash escapes, so ["a, b"] and
// ["a", "b"] stay distinct:
//   node          (:Person {name: "Kim Jong Un"})
//   relationship  [:meet {support: 2}]
//   path          (:Person {name: "A"})-[:meet]->(:Person {name: "B"})
// Numbers and booleans read as in Cypher (1.0 stays a float); null is "null".
#pragma once

#include <string>
#include <string_view>

#include "quarry/value.h"

namespace quarry::cli::output {

std::string display_text(const Value& value);

// "INT", "FLOAT", "STRING", "BOOL", "LIST", "MAP", "NODE", "REL", "PATH", "NULL".
std::string_view type_name(ValueKind kind);

// Integers and floats, which tables right-align.
inline bool is_number(ValueKind kind) {
  return kind == ValueKind::kInt || kind == ValueKind::kFloat;
}

}  // namespace quarry::cli::output
