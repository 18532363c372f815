#include "cli/output/value_text.h"

#include <fmt/format.h>

#include <cctype>

namespace quarry::cli::output {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Labels, types and keys that are not plain identifiers get Cypher's backticks.
std::string name_text(const std::string& s) {
  bool plain = !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
  for (char c : s) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  return plain ? s : "`" + s + "`";
}

std::string nested_text(const Value& v);

std::string map_text(const Map& m) {
  std::string out = "{";
  for (size_t i = 0; i < m.size(); ++i) {
    if (i) out += ", ";
    out += name_text(m[i].first) + ": " + nested_text(m[i].second);
  }
  return out + "}";
}

std::string props_text(const std::shared_ptr<const Map>& m) {
  return m && !m->empty() ? " " + map_text(*m) : "";
}

std::string node_text(const Node& n) {
  std::string out = "(";
  for (const auto& l : n.labels) out += ":" + name_text(l);
  std::string props = props_text(n.properties);
  if (n.labels.empty() && !props.empty()) props.erase(0, 1);
  return out + props + ")";
}

std::string rel_text(const Relationship& r) {
  return "[:" + name_text(r.type) + props_text(r.properties) + "]";
}

std::string path_text(const Path& p) {
  std::string out = p.nodes.empty() ? "" : node_text(p.nodes[0]);
  for (size_t i = 0; i < p.relationships.size() && i + 1 < p.nodes.size(); ++i) {
    const Relationship& r = p.relationships[i];
    bool forward = r.start == p.nodes[i].id;
    out += forward ? "-" + rel_text(r) + "->" : "<-" + rel_text(r) + "-";
    out += node_text(p.nodes[i + 1]);
  }
  return out;
}

std::string nested_text(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kString: return quoted(v.as_string());
    case ValueKind::kList: {
      std::string out = "[";
      const List& l = v.as_list();
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        out += nested_text(l[i]);
      }
      return out + "]";
    }
    case ValueKind::kMap: return map_text(v.as_map());
    case ValueKind::kNode: return node_text(v.as_node());
    case ValueKind::kRelationship: return rel_text(v.as_relationship());
    case ValueKind::kPath: return path_text(v.as_path());
    default: return v.to_string();  // null, booleans and numbers read as in Cypher
  }
}

}  // namespace

std::string display_text(const Value& value) {
  return value.kind() == ValueKind::kString ? value.as_string() : nested_text(value);
}

std::string_view type_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull: return "NULL";
    case ValueKind::kBool: return "BOOL";
    case ValueKind::kInt: return "INT";
    case ValueKind::kFloat: return "FLOAT";
    case ValueKind::kString: return "STRING";
    case ValueKind::kList: return "LIST";
    case ValueKind::kMap: return "MAP";
    case ValueKind::kNode: return "NODE";
    case ValueKind::kRelationship: return "REL";
    case ValueKind::kPath: return "PATH";
  }
  return "ANY";
}

}  // namespace quarry::cli::output
