#include "storage/adjacency_cache.h"

namespace quarry::storage {

AdjacencyCache::List AdjacencyCache::get(const State& state, NodeId node, bool out) {
  std::lock_guard lock(mu_);
  if (!has_state_ || !(state == state_)) return nullptr;
  auto it = map_.find(node * 2 + (out ? 1 : 0));
  return it == map_.end() ? nullptr : it->second;
}

bool AdjacencyCache::admit(const State& state) {
  if (has_state_ && !(state == state_)) {
    if (!state.newer_than(state_)) return false;  // an older snapshot: its lists are stale
    map_.clear();
    types_.clear();
    bytes_ = 0;
  }
  has_state_ = true;
  state_ = state;
  return true;
}

void AdjacencyCache::reserve(size_t bytes) {
  if (bytes_ + bytes <= capacity_) return;
  map_.clear();
  types_.clear();
  bytes_ = 0;
}

void AdjacencyCache::add(std::unordered_map<uint64_t, List>& lists, uint64_t key,
                         const State& state, std::vector<Edge> edges) {
  size_t bytes = bytes_of(edges.size());
  auto list = std::make_shared<const std::vector<Edge>>(std::move(edges));
  std::lock_guard lock(mu_);
  if (!admit(state)) return;
  reserve(bytes);
  auto [it, added] = lists.try_emplace(key, std::move(list));
  if (added) bytes_ += bytes;
}

void AdjacencyCache::put(const State& state, NodeId node, bool out, std::vector<Edge> edges) {
  if (fits(edges.size())) add(map_, node * 2 + (out ? 1 : 0), state, std::move(edges));
}

AdjacencyCache::List AdjacencyCache::get_type(const State& state, uint64_t type) {
  std::lock_guard lock(mu_);
  if (!has_state_ || !(state == state_)) return nullptr;
  auto it = types_.find(type);
  return it == types_.end() ? nullptr : it->second;
}

void AdjacencyCache::put_type(const State& state, uint64_t type, std::vector<Edge> edges) {
  if (fits_type(edges.size())) add(types_, type, state, std::move(edges));
}

}  // namespace quarry::storage
