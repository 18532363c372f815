#include "tck/tck_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace quarry::tck {

namespace {

std::string float_text(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

std::string join_sorted(std::vector<std::string> parts, bool sort, const char* open,
                        const char* close) {
  if (sort) std::sort(parts.begin(), parts.end());
  std::string out = open;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + close;
}

std::string props(const Map& m, bool unordered) {
  if (m.empty()) return "";
  std::vector<std::string> parts;
  for (const auto& [k, v] : m) parts.push_back(k + ": " + canonical(v, unordered));
  return join_sorted(parts, true, " {", "}");
}

std::string node_text(const Node& n, bool unordered) {
  std::vector<std::string> labels = n.labels;
  std::sort(labels.begin(), labels.end());
  std::string out = "(";
  for (const auto& l : labels) out += ":" + l;
  std::string p = n.properties ? props(*n.properties, unordered) : "";
  if (labels.empty() && !p.empty()) p = p.substr(1);
  return out + p + ")";
}

std::string rel_text(const Relationship& r, bool unordered) {
  return "[:" + r.type + (r.properties ? props(*r.properties, unordered) : "") + "]";
}

// A small recursive-descent reader for the TCK's value notation.
class Reader {
 public:
  Reader(const std::string& s, bool unordered) : s_(s), unordered_(unordered) {}
  std::string value() {
    skip();
    if (eat('(')) return node_rest();
    if (eat('[')) {
      skip();
      if (peek() == ':') return rel_rest();
      std::vector<std::string> items;
      skip();
      if (!eat(']')) {
        do items.push_back(value());
        while (eat(','));
        expect(']');
      }
      return join_sorted(items, unordered_, "[", "]");
    }
    if (eat('{')) return map_rest().substr(1);
    if (eat('<')) {
      std::string out = "<" + (expect('('), node_rest());
      for (;;) {
        skip();
        if (eat('>')) return out + ">";
        bool left = eat('<');
        expect('-');
        expect('[');
        std::string rel = rel_rest();
        expect('-');
        bool right = eat('>');
        expect('(');
        out += (left ? "<-" : "-") + rel + (right ? "->" : "-") + node_rest();
      }
    }
    if (peek() == '\'' || peek() == '"') return string_lit();
    return scalar();
  }
  bool done() {
    skip();
    return pos_ >= s_.size();
  }

 private:
  char peek() { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool eat(char c) {
    skip();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void expect(char c) {
    if (!eat(c)) throw std::runtime_error("unexpected");
  }
  std::string name() {
    skip();
    size_t b = pos_;
    if (peek() == '`') {
      ++pos_;
      while (pos_ < s_.size() && s_[pos_] != '`') ++pos_;
      ++pos_;
      return s_.substr(b + 1, pos_ - b - 2);
    }
    while (pos_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) {
      ++pos_;
    }
    if (b == pos_) throw std::runtime_error("name");
    return s_.substr(b, pos_ - b);
  }
  // After '{': returns " {k: v, ...}" sorted, or "" when empty.
  std::string map_rest() {
    std::vector<std::string> parts;
    skip();
    if (!eat('}')) {
      do {
        std::string k = name();
        expect(':');
        parts.push_back(k + ": " + value());
      } while (eat(','));
      expect('}');
    }
    if (parts.empty()) return " {}";
    return join_sorted(parts, true, " {", "}");
  }
  std::string node_rest() {
    std::vector<std::string> labels;
    while (eat(':')) labels.push_back(name());
    std::sort(labels.begin(), labels.end());
    std::string out = "(";
    for (const auto& l : labels) out += ":" + l;
    std::string p;
    if (eat('{')) p = map_rest();
    if (p == " {}") p.clear();
    if (labels.empty() && !p.empty()) p = p.substr(1);
    expect(')');
    return out + p + ")";
  }
  std::string rel_rest() {
    expect(':');
    std::string out = "[:" + name();
    std::string p;
    if (eat('{')) p = map_rest();
    if (p == " {}") p.clear();
    expect(']');
    return out + p + "]";
  }
  std::string string_lit() {
    char q = s_[pos_++];
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != q) {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
        char n = s_[++pos_];
        out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        ++pos_;
        continue;
      }
      out += s_[pos_++];
    }
    ++pos_;
    return quote(out);
  }
  std::string scalar() {
    size_t b = pos_;
    while (pos_ < s_.size() && !std::strchr(",]}>) ", s_[pos_])) ++pos_;
    std::string t = s_.substr(b, pos_ - b);
    if (t.empty()) throw std::runtime_error("empty");
    if (t == "null" || t == "true" || t == "false" || t == "NaN") return t;
    if (t == "Infinity" || t == "-Infinity") return t;
    if (t.find_first_of(".eE") != std::string::npos &&
        t.find_first_not_of("0123456789.eE+-") == std::string::npos) {
      return float_text(std::strtod(t.c_str(), nullptr));
    }
    return t;
  }

  const std::string& s_;
  size_t pos_ = 0;
  bool unordered_;
};

}  // namespace

std::string canonical(const Value& v, bool unordered) {
  switch (v.kind()) {
    case ValueKind::kNull: return "null";
    case ValueKind::kBool: return v.as_bool() ? "true" : "false";
    case ValueKind::kInt: return std::to_string(v.as_int());
    case ValueKind::kFloat: return float_text(v.as_float());
    case ValueKind::kString: return quote(v.as_string());
    case ValueKind::kList: {
      std::vector<std::string> parts;
      for (const auto& e : v.as_list()) parts.push_back(canonical(e, unordered));
      return join_sorted(parts, unordered, "[", "]");
    }
    case ValueKind::kMap: {
      std::vector<std::string> parts;
      for (const auto& [k, e] : v.as_map()) parts.push_back(k + ": " + canonical(e, unordered));
      return join_sorted(parts, true, "{", "}");
    }
    case ValueKind::kNode: return node_text(v.as_node(), unordered);
    case ValueKind::kRelationship: return rel_text(v.as_relationship(), unordered);
    case ValueKind::kPath: {
      const Path& p = v.as_path();
      std::string out = "<" + node_text(p.nodes[0], unordered);
      for (size_t i = 0; i < p.relationships.size(); ++i) {
        const auto& r = p.relationships[i];
        bool forward = r.start == p.nodes[i].id;
        out += (forward ? "-" : "<-") + rel_text(r, unordered) + (forward ? "->" : "-");
        out += node_text(p.nodes[i + 1], unordered);
      }
      return out + ">";
    }
  }
  return "?";
}

std::string canonical_cell(const std::string& cell, bool unordered) {
  try {
    Reader r(cell, unordered);
    std::string out = r.value();
    if (r.done()) return out;
  } catch (const std::exception&) {
  }
  size_t b = cell.find_first_not_of(' ');
  size_t e = cell.find_last_not_of(' ');
  return b == std::string::npos ? "" : cell.substr(b, e - b + 1);
}

}  // namespace quarry::tck
