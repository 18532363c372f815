#include "quarry/value.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace quarry {

const Value* find(const Map& map, std::string_view key) {
  for (const auto& [k, v] : map) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::kNull: return true;
    case ValueKind::kBool: return a.as_bool() == b.as_bool();
    case ValueKind::kInt: return a.as_int() == b.as_int();
    case ValueKind::kFloat: return a.as_float() == b.as_float();
    case ValueKind::kString: return a.as_string() == b.as_string();
    case ValueKind::kList: return a.as_list() == b.as_list();
    case ValueKind::kMap: return a.as_map() == b.as_map();
    case ValueKind::kNode: return a.as_node().id == b.as_node().id;
    case ValueKind::kRelationship: return a.as_relationship().id == b.as_relationship().id;
    case ValueKind::kPath: {
      const Path& p = a.as_path();
      const Path& q = b.as_path();
      if (p.nodes.size() != q.nodes.size()) return false;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (p.nodes[i].id != q.nodes[i].id) return false;
      }
      for (size_t i = 0; i < p.relationships.size(); ++i) {
        if (p.relationships[i].id != q.relationships[i].id) return false;
      }
      return true;
    }
  }
  return false;
}

namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

bool is_plain_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

std::string key_text(const std::string& k) { return is_plain_identifier(k) ? k : "`" + k + "`"; }

std::string map_text(const Map& m) {
  std::string out = "{";
  for (size_t i = 0; i < m.size(); ++i) {
    if (i) out += ", ";
    out += key_text(m[i].first) + ": " + m[i].second.to_string();
  }
  return out + "}";
}

std::string props_suffix(const std::shared_ptr<const Map>& m) {
  return m && !m->empty() ? " " + map_text(*m) : "";
}

std::string node_text(const Node& n) {
  std::string out = "(";
  for (const auto& l : n.labels) out += ":" + key_text(l);
  std::string props = props_suffix(n.properties);
  if (n.labels.empty() && !props.empty()) props.erase(0, 1);
  return out + props + ")";
}

std::string rel_text(const Relationship& r) {
  return "[:" + key_text(r.type) + props_suffix(r.properties) + "]";
}

std::string float_text(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  std::string s = fmt::format("{}", d);
  // Cypher prints floats with a decimal point or exponent so they read back as floats.
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

}  // namespace

std::string Value::to_string() const {
  switch (kind()) {
    case ValueKind::kNull: return "null";
    case ValueKind::kBool: return as_bool() ? "true" : "false";
    case ValueKind::kInt: return std::to_string(as_int());
    case ValueKind::kFloat: return float_text(as_float());
    case ValueKind::kString: return quote(as_string());
    case ValueKind::kList: {
      std::string out = "[";
      const List& l = as_list();
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        out += l[i].to_string();
      }
      return out + "]";
    }
    case ValueKind::kMap: return map_text(as_map());
    case ValueKind::kNode: return node_text(as_node());
    case ValueKind::kRelationship: return rel_text(as_relationship());
    case ValueKind::kPath: {
      const Path& p = as_path();
      std::string out = p.nodes.empty() ? "" : node_text(p.nodes[0]);
      for (size_t i = 0; i < p.relationships.size() && i + 1 < p.nodes.size(); ++i) {
        const Relationship& r = p.relationships[i];
        bool forward = r.start == p.nodes[i].id;
        out += forward ? "-" + rel_text(r) + "->" : "<-" + rel_text(r) + "-";
        out += node_text(p.nodes[i + 1]);
      }
      return out;
    }
  }
  return "null";
}

}  // namespace quarry
