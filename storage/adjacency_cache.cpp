#include "storage/adjacency_cache.h"

namespace quarry::storage {

AdjacencyCache::List AdjacencyCache::get(const State& state, NodeId node, bool out) {
  std::lock_guard lock(mu_);
  if (!has_state_ || !(state == state_)) return nullptr;
  auto it = map_.find(node * 2 + (out ? 1 : 0));
  return it == map_.end() ? nullptr : it->second;
}

void AdjacencyCache::put(const State& state, NodeId node, bool out, std::vector<Edge> edges) {
  if (!fits(edges.size())) return;
  size_t bytes = bytes_of(edges.size());
  auto list = std::make_shared<const std::vector<Edge>>(std::move(edges));
  std::lock_guard lock(mu_);
  if (has_state_ && !(state == state_)) {
    if (!state.newer_than(state_)) return;  // an older snapshot: its lists are stale
    map_.clear();
    bytes_ = 0;
  }
  has_state_ = true;
  state_ = state;
  if (bytes_ + bytes > capacity_) {
    map_.clear();
    bytes_ = 0;
  }
  auto [it, added] = map_.try_emplace(node * 2 + (out ? 1 : 0), std::move(list));
  if (added) bytes_ += bytes;
}

}  // namespace quarry::storage
