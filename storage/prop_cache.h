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
#include <vector>

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
  // Open addressing over a dense array of values: a lookup is a hash and, mostly, one
  // probe of a 24-byte slot, where a node-based map chased a pointer per lookup.
  struct Slot {
    uint64_t node = 0, key = 0;
    uint32_t entry = kEmpty;  // index into values_
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;
  size_t find_slot(uint64_t node, uint64_t key) const;  // the slot of (node, key) or an empty one
  void grow();
  void clear();
  std::mutex mu_;
  size_t capacity_;
  bool has_state_ = false;
  State state_;
  std::vector<Slot> slots_;  // a power of two, at most three quarters used
  std::vector<std::optional<Value>> values_;
};

}  // namespace quarry::storage
