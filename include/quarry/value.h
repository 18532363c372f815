// Values a query returns and parameters a caller passes.
//
// A Value is one of: null, bool, int (64-bit), float (double), string (UTF-8), list, map,
// node, relationship, path. Values own their contents and are cheap enough to copy for
// result rows; they are not thread-safe to mutate concurrently (like std::string).
// A string may share immutable text with other Values (Value::shared_string): it is a
// string in every respect (kind(), as_string(), equality); only copying it is cheaper.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace quarry {

class Value;
using List = std::vector<Value>;
// Maps keep insertion order; keys are unique. Lookup is linear: maps are small.
using Map = std::vector<std::pair<std::string, Value>>;

// A node of the graph: an entity. Labels hold its type (Person, Organization, ...);
// properties hold at least `name` for extracted entities.
struct Node {
  int64_t id = 0;
  std::vector<std::string> labels;
  std::shared_ptr<const Map> properties;  // never null in a Value produced by Quarry
};

// A relationship: one fact, directed from `start` to `end`. `type` is the canonical
// predicate (`meet`, `arrive_in`). Properties hold `text`, `confidence`, `support`.
struct Relationship {
  int64_t id = 0;
  int64_t start = 0;
  int64_t end = 0;
  std::string type;
  std::shared_ptr<const Map> properties;
};

// An alternating walk: nodes.size() == relationships.size() + 1.
struct Path {
  std::vector<Node> nodes;
  std::vector<Relationship> relationships;
};

enum class ValueKind : uint8_t {
  kNull,
  kBool,
  kInt,
  kFloat,
  kString,
  kList,
  kMap,
  kNode,
  kRelationship,
  kPath
};

class Value {
 public:
  Value() = default;                                           // null
  Value(std::nullptr_t) {}                                     // NOLINT
  Value(bool b) : v_(b) {}                                     // NOLINT
  Value(int i) : v_(int64_t{i}) {}                             // NOLINT
  Value(int64_t i) : v_(i) {}                                  // NOLINT
  Value(double d) : v_(d) {}                                   // NOLINT
  Value(const char* s) : v_(std::string(s)) {}                 // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                   // NOLINT
  Value(List l) : v_(std::make_shared<List>(std::move(l))) {}  // NOLINT
  Value(Map m) : v_(std::make_shared<Map>(std::move(m))) {}    // NOLINT
  Value(Node n) : v_(std::move(n)) {}                          // NOLINT
  Value(Relationship r) : v_(std::move(r)) {}                  // NOLINT
  Value(Path p) : v_(std::make_shared<Path>(std::move(p))) {}  // NOLINT
  // A string whose text is shared, not copied, by every copy of the Value: for text many
  // rows repeat (a relationship type). Precondition: `text` is not null.
  static Value shared_string(std::shared_ptr<const std::string> text) {
    Value v;
    v.v_.emplace<kSharedString>(std::move(text));
    return v;
  }

  ValueKind kind() const {
    size_t i = v_.index();
    return i == kSharedString ? ValueKind::kString : static_cast<ValueKind>(i);
  }
  bool is_null() const { return kind() == ValueKind::kNull; }

  // Accessors; precondition: kind() matches.
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  const std::string& as_string() const {
    if (v_.index() == kSharedString) return *std::get<kSharedString>(v_);
    return std::get<std::string>(v_);
  }
  const List& as_list() const { return *std::get<std::shared_ptr<List>>(v_); }
  const Map& as_map() const { return *std::get<std::shared_ptr<Map>>(v_); }
  const Node& as_node() const { return std::get<Node>(v_); }
  const Relationship& as_relationship() const { return std::get<Relationship>(v_); }
  const Path& as_path() const { return *std::get<std::shared_ptr<Path>>(v_); }

  // Structural equality (Cypher `=` differs for null; this is plain equality, null == null).
  friend bool operator==(const Value& a, const Value& b);

  // Cypher literal form: null, true, 42, 1.5, 'text', [1, 2], {a: 1},
  // (:Person {name: 'Kim Jong Un'}), [:meet {confidence: 0.9}], (a)-[:meet]->(b).
  std::string to_string() const;

 private:
  // Lists, maps and paths sit behind shared_ptr so Value stays small and copying a
  // row does not deep-copy nested collections. Copy-on-write is never needed: values
  // handed to callers are immutable. The alternatives follow ValueKind's order; the
  // shared string comes last, outside it.
  static constexpr size_t kSharedString = static_cast<size_t>(ValueKind::kPath) + 1;
  std::variant<std::monostate, bool, int64_t, double, std::string, std::shared_ptr<List>,
               std::shared_ptr<Map>, Node, Relationship, std::shared_ptr<Path>,
               std::shared_ptr<const std::string>>
      v_;
};

// Returns the value stored under `key`, or nullptr.
const Value* find(const Map& map, std::string_view key);

}  // namespace quarry
