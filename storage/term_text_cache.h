// Term texts (relationship type names) by id, shared by the snapshots of one Store, so a
// query that returns type(r) for a hub's edges does not read each type's name from the
// store again in every run (a point read per distinct type per query).
//
// Correctness: a committed term keeps its id and text for ever (terms are never removed
// or renumbered), so an entry needs no state label, unlike PropCache. Only snapshots fill
// it (committed state), never a write transaction, whose new terms may still roll back.
//
// Thread safety: all members may be called concurrently.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace quarry::storage {

class TermTextCache {
 public:
  std::optional<std::string> get(uint64_t id) {
    std::lock_guard lock(mu_);
    auto it = map_.find(id);
    if (it == map_.end()) return std::nullopt;
    return it->second;
  }

  void put(uint64_t id, const std::string& text) {
    std::lock_guard lock(mu_);
    // Bounded the simple way, as PropCache: a full cache starts over.
    if (map_.size() >= kCapacity) map_.clear();
    map_.emplace(id, text);
  }

 private:
  static constexpr size_t kCapacity = size_t{1} << 16;
  std::mutex mu_;
  std::unordered_map<uint64_t, std::string> map_;
};

}  // namespace quarry::storage
