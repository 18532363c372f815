// Formats for graph tools: GraphML (yEd, Gephi, NetworkX) and DOT (Graphviz).
#include <fmt/format.h>

#include <vector>

#include "storage/io/export_detail.h"

namespace quarry::storage::export_detail {
namespace {

// XML 1.0 cannot carry most control characters even as references, so they become
// U+FFFD; the five markup characters become entities.
std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

// Inside a DOT double-quoted string only '"' needs escaping for the parser, but Graphviz
// reads backslash sequences (\N, \G, \l) in labels, so backslashes are doubled too.
std::string dot_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

void data(std::ostream& out, const char* key, std::string_view value) {
  out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

// Properties beyond the fixed ones go into one JSON-valued `properties` attribute, so the
// key declarations at the top need not know every property key in advance.
std::string extra_properties(const Map& properties, std::initializer_list<std::string_view> skip) {
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
  for (const auto& [key, value] : properties) {
    bool fixed = false;
    for (auto s : skip) fixed = fixed || key == s;
    if (!fixed) extra[key] = to_json(value);
  }
  return extra.empty() ? std::string() : dump(extra);
}

}  // namespace

Status write_graphml(GraphSnapshot& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
         "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
         "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
         "  <key id=\"text\" for=\"edge\" attr.name=\"text\" attr.type=\"string\"/>\n"
         "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
         "  <key id=\"support\" for=\"edge\" attr.name=\"support\" attr.type=\"long\"/>\n"
         "  <key id=\"properties\" for=\"all\" attr.name=\"properties\" attr.type=\"string\"/>\n"
         "  <graph id=\"quarry\" edgedefault=\"directed\">\n";
  Status s = for_each_node(graph, [&](const NodeRecord& node) {
    out << "    <node id=\"n" << node.id << "\">\n";
    data(out, "type", node_type(node));
    data(out, "name", node_name(node));
    // Aliases are a list; GraphML has no list type, so they go as a JSON array.
    auto aliases = node_aliases(node);
    if (!aliases.empty()) data(out, "aliases", dump(nlohmann::ordered_json(aliases)));
    auto extra = extra_properties(node.properties, {"name", "aliases"});
    if (!extra.empty()) data(out, "properties", extra);
    out << "    </node>\n";
    return stream_status(out);
  });
  if (!s.ok()) return s;
  s = for_each_edge(graph, {}, [&](const EdgeView& e) {
    out << "    <edge id=\"e" << e.rel.id << "\" source=\"n" << e.rel.start << "\" target=\"n"
        << e.rel.end << "\">\n";
    data(out, "predicate", e.rel.type);
    data(out, "text", rel_text(e.rel));
    data(out, "confidence", fmt::format("{}", rel_confidence(e.rel)));
    data(out, "support", fmt::format("{}", rel_support(e.rel)));
    auto extra = extra_properties(e.rel.properties, {"text", "confidence", "support"});
    if (!extra.empty()) data(out, "properties", extra);
    out << "    </edge>\n";
    return stream_status(out);
  });
  if (!s.ok()) return s;
  out << "  </graph>\n</graphml>\n";
  return stream_status(out);
}

Status write_dot(GraphSnapshot& graph, std::ostream& out) {
  out << "digraph quarry {\n";
  Status s = for_each_node(graph, [&](const NodeRecord& node) {
    out << "  n" << node.id << " [label=" << dot_escape(node_name(node))
        << ", type=" << dot_escape(node_type(node)) << "];\n";
    return stream_status(out);
  });
  if (!s.ok()) return s;
  s = for_each_edge(graph, {}, [&](const EdgeView& e) {
    out << "  n" << e.rel.start << " -> n" << e.rel.end << " [label=" << dot_escape(e.rel.type)
        << ", support=" << rel_support(e.rel) << "];\n";
    return stream_status(out);
  });
  if (!s.ok()) return s;
  out << "}\n";
  return stream_status(out);
}

}  // namespace quarry::storage::export_detail
