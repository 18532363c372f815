// Writer: a GraphTransaction over a WriteBatchWithIndex, plus the fact-level writes the
// Database API makes (entities by name, facts merged by (subject, type, object), mentions,
// document retraction).
//
// A Writer holds the store's write mutex from construction until commit() or destruction,
// so it reads the latest committed state plus its own writes and no other writer can slip
// in between. Statistics changes are kept as deltas and written as int64-add merge
// operands in the same batch at commit(). Destroying a Writer without commit() changes
// nothing. Not thread-safe.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "quarry/database.h"
#include "storage/reader.h"

namespace quarry::storage {

class WriterKv : public Kv {
 public:
  explicit WriterKv(Store& store) : store_(store), batch_(rocksdb::BytewiseComparator(), 0, true) {}
  rocksdb::Status get(keys::Cf cf, std::string_view key, std::string* value) override;
  std::unique_ptr<rocksdb::Iterator> iterator(keys::Cf cf, size_t prefix_len) override;
  rocksdb::WriteBatchWithIndex& batch() { return batch_; }

 private:
  Store& store_;
  rocksdb::WriteBatchWithIndex batch_;
};

class Writer : public ReaderImpl<GraphTransaction> {
 public:
  explicit Writer(std::shared_ptr<Store> store);
  Kv& kv() override { return kv_; }
  int64_t stat(const std::string& key) override;

  Result<NodeId> create_node(const std::vector<std::string>& labels,
                             const Map& properties) override;
  Result<RelId> create_rel(NodeId start, std::string_view type, NodeId end,
                           const Map& properties) override;
  Status set_node_property(NodeId node, std::string_view key, const Value& value) override;
  Status set_rel_property(RelId rel, std::string_view key, const Value& value) override;
  Status add_label(NodeId node, std::string_view label) override;
  Status remove_label(NodeId node, std::string_view label) override;
  Status delete_node(NodeId node, bool detach) override;
  Status delete_rel(RelId rel) override;
  Status commit() override;

  // ---- fact-level writes (see storage/keys.h for the merge rules) ----
  // The dictionary id of a term, created when missing.
  uint64_t intern(keys::TermKind kind, std::string_view text);
  // The node for an entity: same normalised name (and the same label when a type is
  // given) is the same node; otherwise a new node labelled with the type (or Other).
  // A new spelling of a known entity is added to its `aliases`.
  Result<NodeId> resolve_entity(const EntityRef& entity, WriteSummary& summary);
  // The one node of the other kind (Other vs a specific type) that `entity` joins, if any;
  // sets `reason` for the node's merges. See facts.cpp.
  Result<std::optional<NodeId>> other_type_node(const EntityRef& entity,
                                                const std::vector<std::string>& forms,
                                                std::string& reason);
  // Import mode for the facts that follow: an entity is the node with exactly its name
  // (and label, when a type is given), never one whose name only normalises alike
  // ("/m/01n4w" and "/m/01n4w_" stay two nodes). The alias index is still written and
  // still finds both. Off (the default) resolves names as add_document does.
  void set_exact_names(bool on) { exact_names_ = on; }
  // Adds one mention of a fact; `doc` is the document's term id (0 = none). An
  // identical mention (same relationship, document and mention fields) is not repeated.
  Status add_fact(const Fact& fact, uint64_t doc, WriteSummary& summary);
  // Deletes every mention from `doc` and each fact left without mentions.
  Status retract_document(uint64_t doc);
  void put(keys::Cf cf, std::string_view key, std::string_view value);
  void del(keys::Cf cf, std::string_view key);
  void add_stat(const std::string& key, int64_t delta) { deltas_[key] += delta; }

 private:
  Status check_open() const;
  Status put_prop(char tag, uint64_t id, std::string_view key, const Value& value);
  // Keeps the alias index in step with a node's `name` and `aliases`.
  void reindex_aliases(NodeId node, const std::set<std::string>& before);
  std::set<std::string> alias_forms(NodeId node);
  RelId new_rel(NodeId s, uint64_t p, NodeId o, uint32_t flags);

  std::unique_lock<std::mutex> lock_;
  WriterKv kv_;
  Counters next_;
  std::map<std::string, int64_t> deltas_;
  std::set<std::string> dropped_stats_;
  std::unordered_map<std::string, uint64_t> terms_;   // kind + text -> id
  std::unordered_map<std::string, NodeId> entities_;  // type + 0x01 + name -> node
  std::map<std::tuple<NodeId, uint64_t, NodeId>, RelId> facts_;
  bool finished_ = false;
  bool exact_names_ = false;
};

}  // namespace quarry::storage
