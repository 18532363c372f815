#include "storage/prop_cache.h"

namespace quarry::storage {

size_t PropCache::find_slot(uint64_t node, uint64_t key) const {
  size_t mask = slots_.size() - 1;
  uint64_t h = (node * 0x9E3779B97F4A7C15ull) ^ (key * 0xC2B2AE3D27D4EB4Full);
  for (size_t i = (h ^ (h >> 29)) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.entry == kEmpty || (s.node == node && s.key == key)) return i;
  }
}

void PropCache::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
  for (const Slot& s : old) {
    if (s.entry != kEmpty) slots_[find_slot(s.node, s.key)] = s;
  }
}

void PropCache::clear() {
  slots_.clear();
  values_.clear();
}

std::optional<std::optional<Value>> PropCache::get(const State& state, uint64_t node,
                                                   uint64_t key) {
  std::lock_guard lock(mu_);
  if (!has_state_ || !(state == state_) || slots_.empty()) return std::nullopt;
  const Slot& s = slots_[find_slot(node, key)];
  if (s.entry == kEmpty) return std::nullopt;
  return values_[s.entry];
}

void PropCache::put(const State& state, uint64_t node, uint64_t key,
                    const std::optional<Value>& value) {
  std::lock_guard lock(mu_);
  if (has_state_ && !(state == state_)) {
    if (!state.newer_than(state_)) return;  // an older snapshot: its values are stale
    clear();
  }
  has_state_ = true;
  state_ = state;
  if (!slots_.empty()) {
    Slot& s = slots_[find_slot(node, key)];
    if (s.entry != kEmpty) {
      values_[s.entry] = value;
      return;
    }
  }
  // Bounded the simple way: a full cache starts over (a query's working set refills it).
  if (values_.size() >= capacity_) clear();
  if ((values_.size() + 1) * 4 > slots_.size() * 3) grow();
  Slot& s = slots_[find_slot(node, key)];
  s = Slot{node, key, static_cast<uint32_t>(values_.size())};
  values_.push_back(value);
}

}  // namespace quarry::storage
