// A bounded cache of node properties shared by every snapshot of one Store, so queries
// that print `n.name` for thousands of rows (a hub's neighbours) skip a RocksDB point read
// per row once the names have been read.
//
// Correctness under writes: every entry belongs to one database state, labelled by the
// sequence number a snapshot reads at and the props column family's super-version number
// (which moves on flushes, compactions and SST ingestion, the writes that may leave the
// sequence number alone). A snapshot of another state misses; a snapshot of a newer state
// empties the cache and starts it again; an older one only reads from the store. Two
// snapshots with the same label see the same bytes, so a hit is what a read would return.
//
// Thread safety: all members may be called concurrently.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "quarry/value.h"

namespace quarry::storage {

class PropCache {
 public:
  struct State {
    uint64_t sequence = 0;
    uint64_t version = 0;
    bool operator==(const State& o) const { return sequence == o.sequence && version == o.version; }
    bool newer_than(const State& o) const {
      return sequence != o.sequence ? sequence > o.sequence : version > o.version;
    }
  };

  explicit PropCache(size_t capacity = 1 << 18) : capacity_(capacity) {}

  // Whether (node, key) is cached for `state`: the outer optional is the hit, the inner
  // one the property (nullopt = absent).
  std::optional<std::optional<Value>> get(const State& state, uint64_t node, uint64_t key);
  // Records what a snapshot of `state` read for (node, key).
  void put(const State& state, uint64_t node, uint64_t key, const std::optional<Value>& value);

 private:
  struct KeyHash {
    size_t operator()(const std::pair<uint64_t, uint64_t>& k) const {
      return std::hash<uint64_t>()(k.first * 0x9E3779B97F4A7C15ull ^ k.second);
    }
  };
  std::mutex mu_;
  size_t capacity_;
  bool has_state_ = false;
  State state_;
  std::unordered_map<std::pair<uint64_t, uint64_t>, std::optional<Value>, KeyHash> map_;
};

}  // namespace quarry::storage
