// json and jsonl, streamed one row at a time.
//
// json: one array of row objects, `[` and `]` on their own lines and one row per line;
// jsonl: one row object per line. A row object maps column names to values in column
// order. Values: null, booleans, numbers and strings as JSON (UTF-8 kept as is; invalid
// bytes become U+FFFD; NaN and infinities become null); lists as arrays; maps as objects;
//   node          {"id": 7, "labels": ["Person"], "properties": {"name": "Kim Jong Un"}}
//   relationship  {"id": 9, "type": "meet", "start": 7, "end": 8, "properties": {...}}
//   path          {"nodes": [node, ...], "relationships": [relationship, ...]}
#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>

#include "cli/output/formats.h"

namespace quarry::cli::output {
namespace {

using Json = nlohmann::ordered_json;

Json to_json(const Value& v);

Json map_json(const Map* m) {
  Json out = Json::object();
  if (m) {
    for (const auto& [k, v] : *m) out[k] = to_json(v);
  }
  return out;
}

Json node_json(const Node& n) {
  return Json{{"id", n.id}, {"labels", n.labels}, {"properties", map_json(n.properties.get())}};
}

Json rel_json(const Relationship& r) {
  return Json{{"id", r.id},
              {"type", r.type},
              {"start", r.start},
              {"end", r.end},
              {"properties", map_json(r.properties.get())}};
}

Json to_json(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull: return nullptr;
    case ValueKind::kBool: return v.as_bool();
    case ValueKind::kInt: return v.as_int();
    case ValueKind::kFloat: return std::isfinite(v.as_float()) ? Json(v.as_float()) : Json();
    case ValueKind::kString: return v.as_string();
    case ValueKind::kList: {
      Json out = Json::array();
      for (const Value& e : v.as_list()) out.push_back(to_json(e));
      return out;
    }
    case ValueKind::kMap: return map_json(&v.as_map());
    case ValueKind::kNode: return node_json(v.as_node());
    case ValueKind::kRelationship: return rel_json(v.as_relationship());
    case ValueKind::kPath: {
      Json nodes = Json::array();
      Json rels = Json::array();
      for (const Node& n : v.as_path().nodes) nodes.push_back(node_json(n));
      for (const Relationship& r : v.as_path().relationships) rels.push_back(rel_json(r));
      return Json{{"nodes", nodes}, {"relationships", rels}};
    }
  }
  return nullptr;
}

}  // namespace

Result<uint64_t> print_json(QueryResult& result, std::ostream& out, const PrintOptions& options) {
  const bool array = options.format == OutputFormat::kJson;
  const auto& columns = result.columns();
  if (array) out << "[";
  uint64_t rows = 0;
  Row row;
  for (;;) {
    auto more = result.next(row);
    if (!more.ok()) {
      if (array) out << "\n]\n";  // keep what was printed parseable
      return more.error();
    }
    if (!*more) break;
    Json object = Json::object();
    for (size_t i = 0; i < columns.size() && i < row.size(); ++i)
      object[columns[i]] = to_json(row[i]);
    if (array) out << (rows ? ",\n" : "\n");
    out << object.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (!array) out << '\n';
    ++rows;
  }
  if (array) out << (rows ? "\n]\n" : "]\n");
  return rows;
}

}  // namespace quarry::cli::output
