// Shared walking and value helpers for the export writers in storage/io/export*.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "storage/graph.h"

namespace quarry::storage::export_detail {

// One relationship with what the writers print about it. `source`/`target` are filled
// only when the walk was asked for nodes, `mentions` only when asked for mentions.
struct EdgeView {
  const RelRecord& rel;
  const NodeRecord& source;
  const NodeRecord& target;
  const std::vector<MentionRecord>& mentions;
};

struct EdgeNeeds {
  bool nodes = false;
  bool mentions = false;
};

// Each callback may fail; the walk stops and returns its status.
Status for_each_node(GraphSnapshot& graph, const std::function<Status(const NodeRecord&)>& fn);
Status for_each_edge(GraphSnapshot& graph, EdgeNeeds needs,
                     const std::function<Status(const EdgeView&)>& fn);

// The node's type label: its first label, "Other" when it has none.
std::string node_type(const NodeRecord& node);
// Its `name` property; nodes without one (made by CREATE) are named `_:n<id>` so the
// line-based formats still have a subject to write.
std::string node_name(const NodeRecord& node);
// Its `aliases` property as strings (non-strings are skipped).
std::vector<std::string> node_aliases(const NodeRecord& node);

// The relationship's surface text (falls back to its type), confidence (1 when absent)
// and support (the number of distinct documents among its mentions when absent).
std::string rel_text(const RelRecord& rel);
double rel_confidence(const RelRecord& rel);
int64_t rel_support(const RelRecord& rel);

// Ordered JSON keeps the field order the data model documents (id, type, name, ...).
nlohmann::ordered_json to_json(const Value& value);
// Compact JSON text; invalid UTF-8 is replaced rather than thrown on.
std::string dump(const nlohmann::ordered_json& j);

// kIOError when the stream has failed.
Status stream_status(const std::ostream& out);

// The writers, one per format.
Status write_json(GraphSnapshot& graph, std::ostream& out);
Status write_jsonl(GraphSnapshot& graph, std::ostream& out);
Status write_tsv(GraphSnapshot& graph, std::ostream& out);
Status write_ntriples(GraphSnapshot& graph, std::ostream& out);
Status write_graphml(GraphSnapshot& graph, std::ostream& out);
Status write_dot(GraphSnapshot& graph, std::ostream& out);

}  // namespace quarry::storage::export_detail
