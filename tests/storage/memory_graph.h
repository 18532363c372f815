// A small in-memory GraphSnapshot for tests of code that only reads a graph (export).
// Not a model of the real store: lookups are linear and statistics are recounted.
#pragma once

#include <algorithm>
#include <map>

#include "storage/graph.h"

namespace quarry::testing {

class MemoryGraph : public storage::GraphSnapshot {
 public:
  using NodeId = storage::NodeId;
  using RelId = storage::RelId;

  NodeId add_node(std::string name, std::string label, std::vector<std::string> aliases = {}) {
    NodeId id = next_node_++;
    List alias_values(aliases.begin(), aliases.end());
    Map props{{"name", Value(std::move(name))}, {"aliases", Value(std::move(alias_values))}};
    nodes_[id] = {id, label.empty() ? std::vector<std::string>{} : std::vector{label}, props};
    return id;
  }
  storage::NodeRecord& node_ref(NodeId id) { return nodes_.at(id); }

  RelId add_rel(NodeId s, std::string type, NodeId o, Map props = {}) {
    RelId id = next_rel_++;
    rels_[id] = {id, s, o, std::move(type), std::move(props)};
    return id;
  }
  void add_mention(RelId rel, storage::MentionRecord m) { mentions_[rel].push_back(std::move(m)); }
  // Makes scans report a relationship whose record is gone, as a damaged store might.
  void add_dangling_rel(RelId id) { dangling_.push_back(id); }

  std::optional<storage::NodeRecord> node(NodeId id) override {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<storage::RelRecord> rel(RelId id) override {
    auto it = rels_.find(id);
    if (it == rels_.end()) return std::nullopt;
    return it->second;
  }
  Status scan_nodes(std::optional<std::string_view> label,
                    const storage::Visitor<NodeId>& visit) override {
    for (const auto& [id, n] : nodes_) {
      if (label && std::find(n.labels.begin(), n.labels.end(), *label) == n.labels.end()) continue;
      if (!visit(id)) break;
    }
    return {};
  }
  Status find_nodes(std::string_view, const Value&, const storage::Visitor<NodeId>&) override {
    return {};
  }
  Status lookup(std::string_view, const storage::Visitor<std::pair<NodeId, double>>&) override {
    return {};
  }
  Status expand(NodeId, storage::Direction, std::optional<uint64_t>,
                const storage::Visitor<storage::Edge>&) override {
    return {};
  }
  Status edges_between(NodeId, NodeId, storage::Direction, std::optional<uint64_t>,
                       const storage::Visitor<storage::Edge>&) override {
    return {};
  }
  Status scan_rels(std::optional<uint64_t>, const storage::Visitor<storage::Edge>& visit) override {
    for (const auto& [id, r] : rels_) {
      if (!visit(storage::Edge{id, r.start, r.end, 0})) return {};
    }
    for (RelId id : dangling_) {
      if (!visit(storage::Edge{id, 1, 1, 0})) return {};
    }
    return {};
  }
  std::optional<uint64_t> type_id(std::string_view) override { return std::nullopt; }
  std::string type_name(uint64_t) override { return {}; }
  uint64_t node_count(std::optional<std::string_view>) override { return nodes_.size(); }
  uint64_t rel_count(std::optional<uint64_t>) override { return rels_.size(); }
  uint64_t degree(NodeId, storage::Direction) override { return 0; }
  std::vector<std::pair<std::string, uint64_t>> labels() override { return {}; }
  std::vector<std::pair<std::string, uint64_t>> rel_types() override { return {}; }
  std::vector<std::string> property_keys() override { return {}; }
  Status mentions(RelId rel, const storage::Visitor<storage::MentionRecord>& visit) override {
    auto it = mentions_.find(rel);
    if (it == mentions_.end()) return {};
    for (const auto& m : it->second) {
      if (!visit(m)) break;
    }
    return {};
  }

 private:
  NodeId next_node_ = 1;
  RelId next_rel_ = 1;
  std::map<NodeId, storage::NodeRecord> nodes_;
  std::map<RelId, storage::RelRecord> rels_;
  std::map<RelId, std::vector<storage::MentionRecord>> mentions_;
  std::vector<RelId> dangling_;
};

}  // namespace quarry::testing
