// write_graph(): the walk over a snapshot, the shared helpers and the JSON writers.
// Text formats live in export_text.cpp, GraphML and DOT in export_markup.cpp.
#include "storage/io/export.h"

#include <fmt/format.h>

#include "storage/io/export_detail.h"

namespace quarry::storage {
namespace export_detail {

using json = nlohmann::ordered_json;

Status stream_status(const std::ostream& out) {
  if (out.fail()) return Error(ErrorCode::kIOError, "export: writing the output failed");
  return {};
}

Status for_each_node(GraphSnapshot& graph, const std::function<Status(const NodeRecord&)>& fn) {
  Status failed;
  Status scan = graph.scan_nodes(std::nullopt, [&](const NodeId& id) {
    auto node = graph.node(id);
    if (!node) {
      failed =
          Error(ErrorCode::kCorruption, fmt::format("export: node {} is indexed but missing", id));
      return false;
    }
    failed = fn(*node);
    return failed.ok();
  });
  if (!failed.ok()) return failed;
  return scan;
}

Status for_each_edge(GraphSnapshot& graph, EdgeNeeds needs,
                     const std::function<Status(const EdgeView&)>& fn) {
  Status failed;
  NodeRecord source, target;
  std::vector<MentionRecord> mentions;
  auto fetch = [&](NodeId id, NodeRecord& into, RelId rel) -> Status {
    if (!needs.nodes) {
      into = NodeRecord{id, {}, {}};
      return {};
    }
    auto node = graph.node(id);
    if (!node) {
      return Error(ErrorCode::kCorruption,
                   fmt::format("export: relationship {} names missing node {}", rel, id));
    }
    into = std::move(*node);
    return {};
  };
  Status scan = graph.scan_rels(std::nullopt, [&](const Edge& edge) {
    auto rel = graph.rel(edge.rel);
    if (!rel) {
      failed = Error(ErrorCode::kCorruption,
                     fmt::format("export: relationship {} is indexed but missing", edge.rel));
      return false;
    }
    failed = fetch(rel->start, source, rel->id);
    if (failed.ok()) failed = fetch(rel->end, target, rel->id);
    if (!failed.ok()) return false;
    mentions.clear();
    if (needs.mentions) {
      failed = graph.mentions(rel->id, [&](const MentionRecord& m) {
        mentions.push_back(m);
        return true;
      });
      if (!failed.ok()) return false;
    }
    failed = fn(EdgeView{*rel, source, target, mentions});
    return failed.ok();
  });
  if (!failed.ok()) return failed;
  return scan;
}

std::string node_type(const NodeRecord& node) {
  return node.labels.empty() ? "Other" : node.labels.front();
}

std::string node_name(const NodeRecord& node) {
  const Value* name = find(node.properties, "name");
  if (name && name->kind() == ValueKind::kString && !name->as_string().empty()) {
    return name->as_string();
  }
  return fmt::format("_:n{}", node.id);
}

std::vector<std::string> node_aliases(const NodeRecord& node) {
  std::vector<std::string> out;
  const Value* aliases = find(node.properties, "aliases");
  if (!aliases || aliases->kind() != ValueKind::kList) return out;
  for (const Value& a : aliases->as_list()) {
    if (a.kind() == ValueKind::kString) out.push_back(a.as_string());
  }
  return out;
}

std::string rel_text(const RelRecord& rel) {
  const Value* text = find(rel.properties, "text");
  if (text && text->kind() == ValueKind::kString && !text->as_string().empty()) {
    return text->as_string();
  }
  return rel.type;
}

double rel_confidence(const RelRecord& rel) {
  const Value* c = find(rel.properties, "confidence");
  if (c && c->kind() == ValueKind::kFloat) return c->as_float();
  if (c && c->kind() == ValueKind::kInt) return static_cast<double>(c->as_int());
  return 1.0;
}

int64_t rel_support(const RelRecord& rel) {
  const Value* s = find(rel.properties, "support");
  if (s && s->kind() == ValueKind::kInt) return s->as_int();
  return 0;
}

json to_json(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull: return nullptr;
    case ValueKind::kBool: return v.as_bool();
    case ValueKind::kInt: return v.as_int();
    case ValueKind::kFloat: return v.as_float();
    case ValueKind::kString: return v.as_string();
    case ValueKind::kList: {
      json out = json::array();
      for (const Value& e : v.as_list()) out.push_back(to_json(e));
      return out;
    }
    case ValueKind::kMap: {
      json out = json::object();
      for (const auto& [k, e] : v.as_map()) out[k] = to_json(e);
      return out;
    }
    // Graph values are not stored as properties; print them readably if one ever is.
    case ValueKind::kNode:
    case ValueKind::kRelationship:
    case ValueKind::kPath: return v.to_string();
  }
  return nullptr;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

namespace {

// `kind` ("node"/"edge") leads each JSON Lines row so the importer can tell them apart.
json node_json(const NodeRecord& node, const char* kind) {
  json out = json::object();
  if (kind) out["kind"] = kind;
  out["id"] = node.id;
  out["type"] = node_type(node);
  out["name"] = node_name(node);
  out["aliases"] = node_aliases(node);
  if (node.labels.size() > 1) out["labels"] = node.labels;
  for (const auto& [key, value] : node.properties) {
    if (key != "name" && key != "aliases") out[key] = to_json(value);
  }
  return out;
}

json mention_json(const MentionRecord& m) {
  json out = json::object();
  out["doc"] = m.doc;
  out["sentence"] = m.sentence;
  out["start"] = m.start;
  out["end"] = m.end;
  out["confidence"] = m.confidence;
  out["extractor"] = m.extractor;
  return out;
}

// The edge fields both JSON shapes share; `with_ends` adds the subject and object by name
// and type, which is what makes a JSON Lines export importable.
json edge_json(const EdgeView& e, bool with_ends) {
  json out = json::object();
  if (with_ends) out["kind"] = "edge";
  out["id"] = e.rel.id;
  out["source"] = e.rel.start;
  out["target"] = e.rel.end;
  out["predicate"] = e.rel.type;
  out["text"] = rel_text(e.rel);
  out["confidence"] = rel_confidence(e.rel);
  out["support"] = rel_support(e.rel);
  if (with_ends) {
    out["subject"] = {{"name", node_name(e.source)}, {"type", node_type(e.source)}};
    out["object"] = {{"name", node_name(e.target)}, {"type", node_type(e.target)}};
  }
  for (const auto& [key, value] : e.rel.properties) {
    if (!out.contains(key)) out[key] = to_json(value);
  }
  json mentions = json::array();
  for (const MentionRecord& m : e.mentions) mentions.push_back(mention_json(m));
  out["mentions"] = std::move(mentions);
  return out;
}

}  // namespace

Status write_json(GraphSnapshot& graph, std::ostream& out) {
  out << "{\"nodes\":[";
  const char* sep = "\n";
  Status s = for_each_node(graph, [&](const NodeRecord& node) {
    out << sep << dump(node_json(node, nullptr));
    sep = ",\n";
    return stream_status(out);
  });
  if (!s.ok()) return s;
  out << "\n],\"edges\":[";
  sep = "\n";
  s = for_each_edge(graph, {.nodes = false, .mentions = true}, [&](const EdgeView& e) {
    out << sep << dump(edge_json(e, false));
    sep = ",\n";
    return stream_status(out);
  });
  if (!s.ok()) return s;
  out << "\n]}\n";
  return stream_status(out);
}

Status write_jsonl(GraphSnapshot& graph, std::ostream& out) {
  Status s = for_each_node(graph, [&](const NodeRecord& node) {
    out << dump(node_json(node, "node")) << '\n';
    return stream_status(out);
  });
  if (!s.ok()) return s;
  return for_each_edge(graph, {.nodes = true, .mentions = true}, [&](const EdgeView& e) {
    out << dump(edge_json(e, true)) << '\n';
    return stream_status(out);
  });
}

}  // namespace export_detail

Status write_graph(GraphSnapshot& graph, std::ostream& out, ExportFormat format) {
  using namespace export_detail;
  switch (format) {
    case ExportFormat::kJson: return write_json(graph, out);
    case ExportFormat::kJsonl: return write_jsonl(graph, out);
    case ExportFormat::kTsv: return write_tsv(graph, out);
    case ExportFormat::kNTriples: return write_ntriples(graph, out);
    case ExportFormat::kGraphML: return write_graphml(graph, out);
    case ExportFormat::kDot: return write_dot(graph, out);
  }
  return Error(ErrorCode::kInvalidArgument, "export: unknown format");
}

}  // namespace quarry::storage
