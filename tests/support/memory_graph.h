// An in-memory GraphSource for engine tests: the same contract as the RocksDB store
// (snapshots never see later commits; a transaction applies all or nothing) with none
// of its speed. Ids are assigned in creation order, so scans are deterministic.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/engine.h"

namespace quarry::testing {

struct MemoryState {
  std::map<storage::NodeId, storage::NodeRecord> nodes;
  std::map<storage::RelId, storage::RelRecord> rels;
  std::map<storage::NodeId, std::vector<storage::RelId>> out, in;
  std::vector<std::string> types;  // type id = index + 1
  std::map<storage::RelId, std::vector<storage::MentionRecord>> mentions;
  storage::NodeId next_node = 1;
  storage::RelId next_rel = 1;
};

class MemorySource : public engine::GraphSource {
 public:
  MemorySource() : state_(std::make_shared<MemoryState>()) {}
  std::unique_ptr<storage::GraphSnapshot> snapshot() override;
  Result<std::unique_ptr<storage::GraphTransaction>> begin_write() override;

  // Test hooks.
  void set_read_only(bool ro) { read_only_ = ro; }
  void add_mention(storage::RelId rel, storage::MentionRecord m);
  std::shared_ptr<const MemoryState> state() const;
  void replace(std::shared_ptr<MemoryState> state);

 private:
  mutable std::mutex mu_;
  std::shared_ptr<MemoryState> state_;
  bool read_only_ = false;
};

}  // namespace quarry::testing
