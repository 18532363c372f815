#include "storage/prop_cache.h"

namespace quarry::storage {

std::optional<std::optional<Value>> PropCache::get(const State& state, uint64_t node,
                                                   uint64_t key) {
  std::lock_guard lock(mu_);
  if (!has_state_ || !(state == state_)) return std::nullopt;
  auto it = map_.find({node, key});
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

void PropCache::put(const State& state, uint64_t node, uint64_t key,
                    const std::optional<Value>& value) {
  std::lock_guard lock(mu_);
  if (has_state_ && !(state == state_)) {
    if (!state.newer_than(state_)) return;  // an older snapshot: its values are stale
    map_.clear();
  }
  has_state_ = true;
  state_ = state;
  // Bounded the simple way: a full cache starts over (a query's working set refills it).
  if (map_.size() >= capacity_) map_.clear();
  map_.insert_or_assign({node, key}, value);
}

}  // namespace quarry::storage
