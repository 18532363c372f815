#include "support/memory_graph.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace quarry::testing {

using namespace storage;

namespace {

std::string normalise(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

class MemoryGraph : public GraphTransaction {
 public:
  MemoryGraph(std::shared_ptr<MemoryState> state, MemorySource* owner)
      : s_(std::move(state)), owner_(owner) {}

  std::optional<NodeRecord> node(NodeId id) override {
    auto it = s_->nodes.find(id);
    if (it == s_->nodes.end()) return std::nullopt;
    return it->second;
  }
  std::optional<RelRecord> rel(RelId id) override {
    auto it = s_->rels.find(id);
    if (it == s_->rels.end()) return std::nullopt;
    return it->second;
  }
  Status scan_nodes(std::optional<std::string_view> label, const Visitor<NodeId>& visit) override {
    for (const auto& [id, n] : s_->nodes) {
      if (label && std::find(n.labels.begin(), n.labels.end(), *label) == n.labels.end()) continue;
      if (!visit(id)) break;
    }
    return {};
  }
  Status find_nodes(std::string_view key, const Value& value,
                    const Visitor<NodeId>& visit) override {
    for (const auto& [id, n] : s_->nodes) {
      const Value* v = find(n.properties, key);
      if (v && *v == value && !visit(id)) break;
    }
    return {};
  }
  Status lookup(std::string_view surface,
                const Visitor<std::pair<NodeId, double>>& visit) override {
    std::string want = normalise(std::string(surface));
    std::vector<std::pair<NodeId, double>> hits;
    for (const auto& [id, n] : s_->nodes) {
      const Value* name = find(n.properties, "name");
      if (name && name->kind() == ValueKind::kString && normalise(name->as_string()) == want) {
        hits.emplace_back(id, 1.0);
        continue;
      }
      const Value* aliases = find(n.properties, "aliases");
      if (aliases && aliases->kind() == ValueKind::kList) {
        for (const auto& a : aliases->as_list()) {
          if (a.kind() == ValueKind::kString && normalise(a.as_string()) == want) {
            hits.emplace_back(id, 0.9);
            break;
          }
        }
      }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& h : hits) {
      if (!visit(h)) break;
    }
    return {};
  }
  Status expand(NodeId node, Direction d, std::optional<uint64_t> type,
                const Visitor<Edge>& visit) override {
    auto walk = [&](const std::map<NodeId, std::vector<RelId>>& adj) {
      auto it = adj.find(node);
      if (it == adj.end()) return true;
      for (RelId r : it->second) {
        Edge e = edge(r);
        if (type && e.type != *type) continue;
        if (!visit(e)) return false;
      }
      return true;
    };
    if (d != Direction::kIn && !walk(s_->out)) return {};
    if (d != Direction::kOut) walk(s_->in);
    return {};
  }
  Status edges_between(NodeId start, NodeId end, Direction d, std::optional<uint64_t> type,
                       const Visitor<Edge>& visit) override {
    return expand(start, d, type, [&](const Edge& e) {
      NodeId other = e.start == start ? e.end : e.start;
      return other == end ? visit(e) : true;
    });
  }
  Status scan_rels(std::optional<uint64_t> type, const Visitor<Edge>& visit) override {
    for (const auto& [id, r] : s_->rels) {
      Edge e = edge(id);
      if (type && e.type != *type) continue;
      if (!visit(e)) break;
    }
    return {};
  }
  std::optional<uint64_t> type_id(std::string_view name) override {
    for (size_t i = 0; i < s_->types.size(); ++i) {
      if (s_->types[i] == name) return i + 1;
    }
    return std::nullopt;
  }
  std::string type_name(uint64_t type) override {
    return type >= 1 && type <= s_->types.size() ? s_->types[type - 1] : std::string();
  }
  uint64_t node_count(std::optional<std::string_view> label) override {
    if (!label) return s_->nodes.size();
    uint64_t n = 0;
    for (const auto& [id, rec] : s_->nodes) {
      n += std::find(rec.labels.begin(), rec.labels.end(), *label) != rec.labels.end();
    }
    return n;
  }
  uint64_t rel_count(std::optional<uint64_t> type) override {
    if (!type) return s_->rels.size();
    uint64_t n = 0;
    for (const auto& [id, r] : s_->rels) n += edge(id).type == *type;
    return n;
  }
  uint64_t degree(NodeId node, Direction d) override {
    uint64_t n = 0;
    if (d != Direction::kIn && s_->out.count(node)) n += s_->out.at(node).size();
    if (d != Direction::kOut && s_->in.count(node)) n += s_->in.at(node).size();
    return n;
  }
  std::vector<std::pair<std::string, uint64_t>> labels() override {
    std::map<std::string, uint64_t> counts;
    for (const auto& [id, n] : s_->nodes) {
      for (const auto& l : n.labels) ++counts[l];
    }
    return {counts.begin(), counts.end()};
  }
  std::vector<std::pair<std::string, uint64_t>> rel_types() override {
    std::map<std::string, uint64_t> counts;
    for (const auto& [id, r] : s_->rels) ++counts[r.type];
    return {counts.begin(), counts.end()};
  }
  std::vector<std::string> property_keys() override {
    std::set<std::string> keys;
    for (const auto& [id, n] : s_->nodes) {
      for (const auto& [k, v] : n.properties) keys.insert(k);
    }
    for (const auto& [id, r] : s_->rels) {
      for (const auto& [k, v] : r.properties) keys.insert(k);
    }
    return {keys.begin(), keys.end()};
  }
  Status mentions(RelId rel, const Visitor<MentionRecord>& visit) override {
    auto it = s_->mentions.find(rel);
    if (it == s_->mentions.end()) return {};
    for (const auto& m : it->second) {
      if (!visit(m)) break;
    }
    return {};
  }

  Result<NodeId> create_node(const std::vector<std::string>& labels, const Map& props) override {
    NodeId id = s_->next_node++;
    NodeRecord rec{id, {}, props};
    for (const auto& l : labels) {
      if (std::find(rec.labels.begin(), rec.labels.end(), l) == rec.labels.end())
        rec.labels.push_back(l);
    }
    s_->nodes[id] = std::move(rec);
    return id;
  }
  Result<RelId> create_rel(NodeId start, std::string_view type, NodeId end,
                           const Map& props) override {
    if (!s_->nodes.count(start) || !s_->nodes.count(end)) {
      return Error{ErrorCode::kRuntimeError, "relationship endpoint does not exist"};
    }
    if (!type_id(type)) s_->types.emplace_back(type);
    RelId id = s_->next_rel++;
    s_->rels[id] = RelRecord{id, start, end, std::string(type), props};
    s_->out[start].push_back(id);
    s_->in[end].push_back(id);
    return id;
  }
  Status set_node_property(NodeId node, std::string_view key, const Value& value) override {
    auto it = s_->nodes.find(node);
    if (it == s_->nodes.end()) return Error{ErrorCode::kNotFound, "node was deleted"};
    set(it->second.properties, key, value);
    return {};
  }
  Status set_rel_property(RelId rel, std::string_view key, const Value& value) override {
    auto it = s_->rels.find(rel);
    if (it == s_->rels.end()) return Error{ErrorCode::kNotFound, "relationship was deleted"};
    set(it->second.properties, key, value);
    return {};
  }
  Status add_label(NodeId node, std::string_view label) override {
    auto it = s_->nodes.find(node);
    if (it == s_->nodes.end()) return Error{ErrorCode::kNotFound, "node was deleted"};
    auto& ls = it->second.labels;
    if (std::find(ls.begin(), ls.end(), label) == ls.end()) ls.emplace_back(label);
    return {};
  }
  Status remove_label(NodeId node, std::string_view label) override {
    auto it = s_->nodes.find(node);
    if (it == s_->nodes.end()) return Error{ErrorCode::kNotFound, "node was deleted"};
    auto& ls = it->second.labels;
    ls.erase(std::remove(ls.begin(), ls.end(), label), ls.end());
    return {};
  }
  Status delete_node(NodeId node, bool detach) override {
    if (!s_->nodes.count(node)) return {};
    std::vector<RelId> attached;
    if (s_->out.count(node)) attached = s_->out[node];
    if (s_->in.count(node))
      attached.insert(attached.end(), s_->in[node].begin(), s_->in[node].end());
    if (!attached.empty() && !detach) {
      return Error{ErrorCode::kRuntimeError,
                   "cannot delete a node that still has relationships",
                   {},
                   "use DETACH DELETE"};
    }
    for (RelId r : attached) {
      Status st = delete_rel(r);
      if (!st.ok()) return st;
    }
    s_->nodes.erase(node);
    s_->out.erase(node);
    s_->in.erase(node);
    return {};
  }
  Status delete_rel(RelId rel) override {
    auto it = s_->rels.find(rel);
    if (it == s_->rels.end()) return {};
    auto drop = [&](std::vector<RelId>& v) {
      v.erase(std::remove(v.begin(), v.end(), rel), v.end());
    };
    drop(s_->out[it->second.start]);
    drop(s_->in[it->second.end]);
    s_->rels.erase(it);
    return {};
  }
  Status commit() override {
    if (!owner_) return Error{ErrorCode::kReadOnly, "a snapshot cannot commit"};
    owner_->replace(s_);
    owner_ = nullptr;
    return {};
  }

 private:
  Edge edge(RelId id) {
    const RelRecord& r = s_->rels.at(id);
    return Edge{id, r.start, r.end, *type_id(r.type)};
  }
  static void set(Map& m, std::string_view key, const Value& v) {
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (it->first == key) {
        if (v.is_null())
          m.erase(it);
        else
          it->second = v;
        return;
      }
    }
    if (!v.is_null()) m.emplace_back(std::string(key), v);
  }

  std::shared_ptr<MemoryState> s_;
  MemorySource* owner_;
};

}  // namespace

std::unique_ptr<GraphSnapshot> MemorySource::snapshot() {
  std::lock_guard lock(mu_);
  // Never mutated through a snapshot (it has no owner to commit to), so share it.
  return std::make_unique<MemoryGraph>(state_, nullptr);
}

Result<std::unique_ptr<GraphTransaction>> MemorySource::begin_write() {
  if (read_only_) return Error{ErrorCode::kReadOnly, "the database is open read-only"};
  std::lock_guard lock(mu_);
  std::unique_ptr<GraphTransaction> txn =
      std::make_unique<MemoryGraph>(std::make_shared<MemoryState>(*state_), this);
  return txn;
}

void MemorySource::add_mention(RelId rel, MentionRecord m) {
  std::lock_guard lock(mu_);
  auto copy = std::make_shared<MemoryState>(*state_);
  copy->mentions[rel].push_back(std::move(m));
  state_ = copy;
}

std::shared_ptr<const MemoryState> MemorySource::state() const {
  std::lock_guard lock(mu_);
  return state_;
}

void MemorySource::replace(std::shared_ptr<MemoryState> state) {
  std::lock_guard lock(mu_);
  state_ = std::move(state);
}

}  // namespace quarry::testing
