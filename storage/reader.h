// The read side of GraphSnapshot, written once over a small key-value view (Kv) so that
// a snapshot (a RocksDB snapshot) and a transaction (its WriteBatchWithIndex over the
// database) share every decoding and scanning routine.
#pragma once

#include <rocksdb/iterator.h>

#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "storage/graph.h"
#include "storage/keys.h"
#include "storage/store.h"

namespace quarry::storage {

// What the readers need from RocksDB: point reads and iterators over one column family.
class Kv {
 public:
  virtual ~Kv() = default;
  virtual rocksdb::Status get(keys::Cf cf, std::string_view key, std::string* value) = 0;
  // An iterator for scanning keys that start with a prefix of `prefix_len` bytes (0 = a
  // whole-column-family scan); prefix bloom filters are used when the length allows.
  virtual std::unique_ptr<rocksdb::Iterator> iterator(keys::Cf cf, size_t prefix_len) = 0;
  // A scan borrows an iterator and hands it back when done, so a view that never changes
  // (a snapshot) can keep it for the next scan: creating a RocksDB iterator costs far
  // more than one Seek, and queries scan once per node they expand. Nested scans each
  // borrow their own iterator.
  virtual std::unique_ptr<rocksdb::Iterator> borrow(keys::Cf cf, size_t prefix_len) {
    return iterator(cf, prefix_len);
  }
  virtual void give_back(keys::Cf, size_t, std::unique_ptr<rocksdb::Iterator>) {}
};

template <typename Base>
class ReaderImpl : public Base {
 public:
  explicit ReaderImpl(std::shared_ptr<Store> store) : store_(std::move(store)) {}

  std::optional<NodeRecord> node(NodeId id) override;
  std::optional<RelRecord> rel(RelId id) override;
  Map rel_properties(const Edge& edge) override;
  std::optional<Value> node_property(NodeId id, std::string_view key) override;
  Status scan_nodes(std::optional<std::string_view> label, const Visitor<NodeId>& visit) override;
  Status find_nodes(std::string_view key, const Value& value,
                    const Visitor<NodeId>& visit) override;
  Status lookup(std::string_view surface, const Visitor<std::pair<NodeId, double>>& visit) override;
  Status lookup_prefix(std::string_view prefix, const Visitor<NodeId>& visit) override;
  Status expand(NodeId node, Direction direction, std::optional<uint64_t> type,
                const Visitor<Edge>& visit) override;
  Status edges_between(NodeId start, NodeId end, Direction direction, std::optional<uint64_t> type,
                       const Visitor<Edge>& visit) override;
  Status scan_rels(std::optional<uint64_t> type, const Visitor<Edge>& visit) override;
  std::optional<uint64_t> type_id(std::string_view name) override;
  std::string type_name(uint64_t type) override;
  uint64_t node_count(std::optional<std::string_view> label) override;
  uint64_t rel_count(std::optional<uint64_t> type) override;
  uint64_t degree(NodeId node, Direction direction) override;
  std::vector<std::pair<std::string, uint64_t>> labels() override;
  std::vector<std::pair<std::string, uint64_t>> rel_types() override;
  std::vector<std::string> property_keys() override;
  Status mentions(RelId rel, const Visitor<MentionRecord>& visit) override;

  // ---- internals shared with the writer, check and export ----
  virtual Kv& kv() = 0;
  // A statistics counter (missing = 0). The writer adds its pending deltas.
  virtual int64_t stat(const std::string& key);
  // Calls f(key, value) for each key with `prefix` until f returns false.
  template <typename F>
  Status scan(keys::Cf cf, std::string_view prefix, F&& f);
  bool get(keys::Cf cf, std::string_view key, std::string* value);
  std::optional<uint64_t> term_id(keys::TermKind kind, std::string_view text);
  std::string term_text(uint64_t id);
  // The relationship's triple and flags; `record` receives the rels record that holds it
  // (itself, or the block record it belongs to).
  std::optional<keys::Triple> rel_triple(RelId id, uint32_t* flags = nullptr,
                                         keys::RelBlock* record = nullptr);
  // The rels record whose ids cover `id`, whether or not that member still exists.
  std::optional<keys::RelBlock> rel_record(RelId id);
  // Calls f(triple) for each member of a block record that still exists, in id order,
  // until f returns false (see the rels layout in keys.h).
  template <typename F>
  Status scan_block(const keys::RelBlock& block, F&& f);
  std::vector<uint64_t> node_labels(NodeId id, bool* exists = nullptr);
  Map load_props(char tag, uint64_t id);
  std::optional<Value> prop(char tag, uint64_t id, std::string_view key);
  // The nodes whose name or an alias normalises to `normalised`.
  std::vector<NodeId> alias_nodes(std::string_view normalised);
  Store& store() { return *store_; }

 protected:
  // Adds derived support / confidence / text to a fact relationship's properties.
  void add_derived(RelId id, const std::string& type, Map& props);
  std::shared_ptr<Store> store_;
  std::unordered_map<uint64_t, std::string> term_cache_;
  // kind + text -> id, for terms that exist (terms are never removed, so a hit stays true).
  std::unordered_map<std::string, uint64_t> term_id_cache_;
  Status error_;  // the first read error a routine without a Status met
  // The live members of the block record read last, when the view never changes (a
  // snapshot; a transaction's changes under it): lookups in id order (an export, a query
  // returning relationships) then scan each block once instead of once per member.
  // A lookup out of order stops at its id (half a block on average) and keeps what it
  // read; the next id after the previous lookup reads the whole block.
  struct CachedBlock {
    keys::RelBlock record;
    std::vector<keys::Triple> members;  // ascending ids
    RelId known_to = 0;                 // the members up to this id are all in `members`
  };
  bool cache_blocks_ = false;
  std::optional<CachedBlock> last_block_;
  RelId last_lookup_ = 0;
};

// An iterator borrowed from a Kv for one scan and handed back on every exit, also when
// a visitor throws (a cancelled query).
class IteratorLease {
 public:
  IteratorLease(Kv& kv, keys::Cf cf, size_t prefix_len)
      : kv_(kv), cf_(cf), prefix_len_(prefix_len), it_(kv.borrow(cf, prefix_len)) {}
  ~IteratorLease() { kv_.give_back(cf_, prefix_len_, std::move(it_)); }
  IteratorLease(const IteratorLease&) = delete;
  IteratorLease& operator=(const IteratorLease&) = delete;
  rocksdb::Iterator* operator->() const { return it_.get(); }

 private:
  Kv& kv_;
  keys::Cf cf_;
  size_t prefix_len_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

template <typename Base>
template <typename F>
Status ReaderImpl<Base>::scan(keys::Cf cf, std::string_view prefix, F&& f) {
  // Prefix bloom filters only help a prefix that holds the whole leading id.
  size_t len = keys::first_id_size(prefix) ? prefix.size() : 0;
  IteratorLease it(kv(), cf, len);
  rocksdb::Slice p(prefix.data(), prefix.size());
  for (it->Seek(p); it->Valid() && it->key().starts_with(p); it->Next()) {
    if (!f(std::string_view(it->key().data(), it->key().size()),
           std::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  if (!it->status().ok()) return rocks_error(it->status(), "scanning the store");
  return {};
}

template <typename Base>
template <typename F>
Status ReaderImpl<Base>::scan_block(const keys::RelBlock& block, F&& f) {
  char from[keys::kMaxQuadSize], to[keys::kMaxQuadSize];
  rocksdb::Slice start(from, keys::encode_quad(keys::Order::kSpo, block.first, from));
  rocksdb::Slice last(to, keys::encode_quad(keys::Order::kSpo, block.last, to));
  // The range spans several leading ids: a total-order scan.
  IteratorLease it(kv(), keys::kSpo, 0);
  for (it->Seek(start); it->Valid() && it->key().compare(last) <= 0; it->Next()) {
    keys::Triple t;
    std::string_view key(it->key().data(), it->key().size());
    if (!keys::decode_quad(keys::Order::kSpo, key, t) || !block.covers(t.rel)) continue;
    if (!f(t)) break;
  }
  if (!it->status().ok()) return rocks_error(it->status(), "scanning the store");
  return {};
}

// A read-only view over a RocksDB snapshot.
class SnapshotKv : public Kv {
 public:
  explicit SnapshotKv(std::shared_ptr<Store> store);
  ~SnapshotKv() override;
  rocksdb::Status get(keys::Cf cf, std::string_view key, std::string* value) override;
  std::unique_ptr<rocksdb::Iterator> iterator(keys::Cf cf, size_t prefix_len) override;
  std::unique_ptr<rocksdb::Iterator> borrow(keys::Cf cf, size_t prefix_len) override;
  void give_back(keys::Cf cf, size_t prefix_len, std::unique_ptr<rocksdb::Iterator> it) override;
  const rocksdb::Snapshot* snapshot() const { return snap_; }
  // The database state this view reads, for the Store's PropCache; nullopt when it could
  // not be pinned down (the props files changed while the snapshot was taken).
  const std::optional<PropCache::State>& state() const { return state_; }
  // The same for the triple indexes (spo, osp, pos), for the Store's AdjacencyCache.
  const std::optional<AdjacencyCache::State>& edges_state() const { return edges_state_; }

 private:
  std::vector<std::unique_ptr<rocksdb::Iterator>>& pool(keys::Cf cf, size_t prefix_len);
  std::shared_ptr<Store> store_;
  const rocksdb::Snapshot* snap_ = nullptr;             // a writable store's snapshot
  std::shared_lock<std::shared_mutex> secondary_lock_;  // a read-only store's stand-in
  // Idle iterators by column family and by whether they seek in total order (the two
  // kinds of ReadOptions scan_options() makes); they read the snapshot above, so they
  // go first (the destructor clears them before releasing it).
  std::vector<std::unique_ptr<rocksdb::Iterator>> idle_[keys::kCfCount][2];
  std::optional<PropCache::State> state_;
  std::optional<AdjacencyCache::State> edges_state_;
};

// ReadOptions for a scan with a prefix of `prefix_len` bytes in `cf`.
rocksdb::ReadOptions scan_options(keys::Cf cf, size_t prefix_len,
                                  const rocksdb::Snapshot* snap = nullptr);

class Snapshot : public ReaderImpl<GraphSnapshot> {
 public:
  explicit Snapshot(std::shared_ptr<Store> store) : ReaderImpl(store), kv_(std::move(store)) {
    cache_blocks_ = true;
  }
  Kv& kv() override { return kv_; }
  // Through the Store's PropCache (a transaction never uses it: it sees its own writes).
  std::optional<Value> node_property(NodeId id, std::string_view key) override;
  // Through the Store's TermTextCache (committed names only).
  std::string type_name(uint64_t type) override;
  // Through the Store's AdjacencyCache: untyped expansions, and typed outgoing ones whose
  // list is cached (the list is in type order); the rest as a transaction reads them.
  Status expand(NodeId node, Direction direction, std::optional<uint64_t> type,
                const Visitor<Edge>& visit) override;
  // Typed scans through the Store's AdjacencyCache (its lists of one type).
  Status scan_rels(std::optional<uint64_t> type, const Visitor<Edge>& visit) override;

 private:
  // One direction of an untyped expand(); `stopped` is set when the visitor asked to stop.
  Status expand_cached(const AdjacencyCache::State& state, NodeId node, bool out, bool skip_loops,
                       const Visitor<Edge>& visit, bool& stopped);
  SnapshotKv kv_;
  // The property key node_property() read last and its id (terms are never removed).
  std::string last_key_;
  std::optional<uint64_t> last_key_id_;
};

extern template class ReaderImpl<GraphSnapshot>;
extern template class ReaderImpl<GraphTransaction>;

}  // namespace quarry::storage
