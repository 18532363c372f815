// The property-graph view of the triple store: the contract between storage/ and engine/.
//
// The engine plans and executes queries against these interfaces only; storage/ implements
// them over RocksDB (and tests may implement them in memory). Ids are dense-ish 64-bit
// integers assigned by storage and never reused while the database lives.
//
// A GraphSnapshot is a consistent read view (a RocksDB snapshot): it never sees writes
// committed after it was taken. It is used by one thread at a time.
// A GraphTransaction buffers writes and applies them with commit() as one WriteBatch;
// destroying it without commit() changes nothing. Reads through a transaction see its
// own uncommitted writes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/status.h"
#include "quarry/value.h"

namespace quarry::storage {

using NodeId = uint64_t;
using RelId = uint64_t;

struct NodeRecord {
  NodeId id = 0;
  std::vector<std::string> labels;
  Map properties;  // includes `name` and `aliases` for extracted entities
};

// A relationship as stored. Its `support`, `confidence` and `text` properties are
// derived from provenance for extracted facts and appear in `properties`.
struct RelRecord {
  RelId id = 0;
  NodeId start = 0;
  NodeId end = 0;
  std::string type;
  Map properties;
};

// One step of an expansion: the relationship and the node at its other end.
struct Edge {
  RelId rel = 0;
  NodeId start = 0;
  NodeId end = 0;
  uint64_t type = 0;  // dictionary id of the relationship type; see type_name()
};

enum class Direction : uint8_t { kOut, kIn, kBoth };

struct MentionRecord {
  std::string doc;
  std::string title;
  std::string source;
  std::string date;
  uint32_t sentence = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;  // the sentence, cut from the stored document text
  double confidence = 0;
  std::string extractor;
  Map qualifiers;  // see quarry::Mention::qualifiers
};

// Return false from a visitor to stop the scan early.
template <typename T>
using Visitor = std::function<bool(const T&)>;

class GraphSnapshot {
 public:
  virtual ~GraphSnapshot() = default;

  virtual std::optional<NodeRecord> node(NodeId id) = 0;
  virtual std::optional<RelRecord> rel(RelId id) = 0;
  // The properties of a relationship the caller has just met in an expand or a scan of
  // this snapshot (so its ends and type are known and it exists): what
  // rel(edge.rel)->properties holds, without looking the relationship itself up, which
  // for a bulk-imported relationship means a search of its block (see storage/keys.h).
  virtual Map rel_properties(const Edge& edge) {
    auto rec = rel(edge.rel);
    return rec ? std::move(rec->properties) : Map{};
  }
  // One stored property of a node without loading the others; nullopt when the node or
  // the property is absent. Queries that read `n.name` of many nodes use this.
  virtual std::optional<Value> node_property(NodeId id, std::string_view key) {
    auto rec = node(id);
    if (!rec) return std::nullopt;
    const Value* v = find(rec->properties, key);
    return v ? std::optional<Value>(*v) : std::nullopt;
  }

  // All nodes, or those with `label`.
  virtual Status scan_nodes(std::optional<std::string_view> label,
                            const Visitor<NodeId>& visit) = 0;
  // Nodes whose property `key` equals `value` (indexed for `name`; may scan otherwise).
  virtual Status find_nodes(std::string_view key, const Value& value,
                            const Visitor<NodeId>& visit) = 0;
  // Entities whose name or alias matches `surface` after normalisation, best first.
  virtual Status lookup(std::string_view surface,
                        const Visitor<std::pair<NodeId, double>>& visit) = 0;
  // Entities with a name or alias whose normalised form starts with the normalised
  // `prefix` (the shell's completion of quarry.lookup), each once, in the alias index's
  // order. Implementations without a name index report none.
  virtual Status lookup_prefix(std::string_view prefix, const Visitor<NodeId>& visit) { return {}; }

  // Relationships at `node` in `direction`, optionally restricted to one type id.
  // One prefix scan of the SPO (out) or OSP (in) index.
  virtual Status expand(NodeId node, Direction direction, std::optional<uint64_t> type,
                        const Visitor<Edge>& visit) = 0;
  // Relationships from `start` to `end` (either direction with kBoth).
  virtual Status edges_between(NodeId start, NodeId end, Direction direction,
                               std::optional<uint64_t> type, const Visitor<Edge>& visit) = 0;
  // All relationships, or those of one type (POS index).
  virtual Status scan_rels(std::optional<uint64_t> type, const Visitor<Edge>& visit) = 0;

  // Dictionary: relationship type name <-> id. nullopt when the type does not exist.
  virtual std::optional<uint64_t> type_id(std::string_view name) = 0;
  virtual std::string type_name(uint64_t type) = 0;

  // Statistics kept exact in the same writes as the data.
  virtual uint64_t node_count(std::optional<std::string_view> label) = 0;
  virtual uint64_t rel_count(std::optional<uint64_t> type) = 0;
  virtual uint64_t degree(NodeId node, Direction direction) = 0;
  virtual std::vector<std::pair<std::string, uint64_t>> labels() = 0;
  virtual std::vector<std::pair<std::string, uint64_t>> rel_types() = 0;
  virtual std::vector<std::string> property_keys() = 0;

  // Provenance of a relationship, one record per mention.
  virtual Status mentions(RelId rel, const Visitor<MentionRecord>& visit) = 0;
};

class GraphTransaction : public GraphSnapshot {
 public:
  virtual Result<NodeId> create_node(const std::vector<std::string>& labels,
                                     const Map& properties) = 0;
  virtual Result<RelId> create_rel(NodeId start, std::string_view type, NodeId end,
                                   const Map& properties) = 0;
  // A null value removes the property.
  virtual Status set_node_property(NodeId node, std::string_view key, const Value& value) = 0;
  virtual Status set_rel_property(RelId rel, std::string_view key, const Value& value) = 0;
  virtual Status add_label(NodeId node, std::string_view label) = 0;
  virtual Status remove_label(NodeId node, std::string_view label) = 0;
  // Fails with kRuntimeError if the node still has relationships and !detach.
  virtual Status delete_node(NodeId node, bool detach) = 0;
  virtual Status delete_rel(RelId rel) = 0;

  // Applies every buffered write as one WriteBatch. The transaction is finished after.
  virtual Status commit() = 0;
};

}  // namespace quarry::storage
