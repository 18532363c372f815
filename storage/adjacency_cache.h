// Decoded adjacency lists shared by every snapshot of one Store: a node's out-edges (its
// SPO entries) or in-edges (its OSP entries) as a flat vector of Edge, in index order.
// Multi-hop queries expand the same nodes in every run (a hub's neighbours and theirs),
// and one expansion through RocksDB costs a Seek (a binary search and a walk of up to a
// restart interval of keys) plus a Next per entry; a cached list costs one hash lookup.
// This is what an in-memory CSR gives column stores, kept correct under writes.
//
// Correctness under writes: labelled as PropCache (prop_cache.h) is, by the sequence
// number a snapshot reads at and the version of the spo, osp and pos column families (the
// sum of their super-version numbers: each only grows, so within one process equal sums
// of two observed states mean equal triples). A snapshot of another state misses; a newer
// state empties the cache; an older snapshot never fills it.
//
// Memory: bounded by a byte budget counted with the map's per-list overhead; a list
// larger than a sixteenth of the budget is never kept, and a full cache starts over (a
// query's working set refills it).
//
// Thread safety: all members may be called concurrently. A list handed out stays valid
// while the caller holds it, whatever the cache does meanwhile.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "storage/graph.h"
#include "storage/prop_cache.h"

namespace quarry::storage {

class AdjacencyCache {
 public:
  using State = PropCache::State;
  using List = std::shared_ptr<const std::vector<Edge>>;

  explicit AdjacencyCache(size_t capacity_bytes = size_t{64} << 20) : capacity_(capacity_bytes) {}

  // The cached out-edges (`out`) or in-edges of `node` for `state`; null on a miss.
  List get(const State& state, NodeId node, bool out);
  // Records the complete list a snapshot of `state` read.
  void put(const State& state, NodeId node, bool out, std::vector<Edge> edges);
  // Whether a list of `edges` entries may be kept at all (callers stop collecting beyond).
  bool fits(size_t edges) const { return bytes_of(edges) <= capacity_ / 16; }

  // The relationships of one type (its POS entries) for `state`, null on a miss, and
  // their record: a count over a type (a two-hop chain count) reads them in every run,
  // and RocksDB's iteration costs over a thousand instructions an entry where the list
  // costs a few. A type's list may take a quarter of the budget.
  List get_type(const State& state, uint64_t type);
  void put_type(const State& state, uint64_t type, std::vector<Edge> edges);
  bool fits_type(size_t edges) const { return bytes_of(edges) <= capacity_ / 4; }

 private:
  static size_t bytes_of(size_t edges) { return edges * sizeof(Edge) + kListOverhead; }
  // A map node, its shared_ptr control block and the vector header, roughly.
  static constexpr size_t kListOverhead = 96;
  // Under mu_: whether lists of `state` may be added; empties the cache for a newer one.
  bool admit(const State& state);
  // Under mu_: makes room for `bytes` more, starting over when they do not fit.
  void reserve(size_t bytes);
  // Keeps `edges` in `lists` (map_ or types_) under `key`, the lock taken here.
  void add(std::unordered_map<uint64_t, List>& lists, uint64_t key, const State& state,
           std::vector<Edge> edges);
  std::mutex mu_;
  size_t capacity_;
  size_t bytes_ = 0;
  bool has_state_ = false;
  State state_;
  std::unordered_map<uint64_t, List> map_;    // key: node * 2 + out
  std::unordered_map<uint64_t, List> types_;  // key: type id
};

}  // namespace quarry::storage
