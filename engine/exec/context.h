// Per-run state shared by every operator of one query: the graph view, parameters,
// limits, and small caches. Created by engine.cpp for each run; never shared across runs
// or threads (except `cancelled`, which cancel() sets from any thread).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "quarry/value.h"
#include "storage/graph.h"

namespace quarry::engine {

using Row = std::vector<Value>;

// The slot of `row`, growing the row when a later clause introduced it.
inline Value& slot_ref(Row& row, int slot) {
  if (static_cast<size_t>(slot) >= row.size()) row.resize(static_cast<size_t>(slot) + 1);
  return row[static_cast<size_t>(slot)];
}
inline const Value& slot_get(const Row& row, int slot) {
  static const Value kNull;
  return static_cast<size_t>(slot) < row.size() ? row[static_cast<size_t>(slot)] : kNull;
}

struct ExecContext {
  storage::GraphSnapshot* graph = nullptr;
  storage::GraphTransaction* txn = nullptr;  // set when the statement writes
  const Map* params = nullptr;
  std::shared_ptr<std::atomic<bool>> cancelled;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  uint64_t ticks = 0;
  // A careless `*` stops after this many hops.
  int64_t default_max_hops = 15;

  // Throws kCancelled / kTimeout; cheap enough to call in inner loops.
  void check() {
    if ((++ticks & 255) != 0) return;
    check_now();
  }
  void check_now();

  // Nodes and relationships enter rows without properties (an id is enough to match and
  // expand); materialize() loads labels and properties the first time they are needed.
  Value node_value(storage::NodeId id);
  // An edge's relationship carries its type id, not its name, until it is loaded: see
  // rel_type().
  Value rel_value(const storage::Edge& edge);
  Value rel_value(storage::RelId id);
  // Loads properties (always again while writing, so SET is visible) into `v` when it is a
  // node or relationship, recursively into lists, maps and paths.
  void materialize(Value& v, bool deep = true);
  Node load_node(int64_t id);
  Relationship load_rel(int64_t id);
  // As load_rel(r.id), but a relationship that came out of an expand (its type still an
  // id, see rel_type()) reads only its properties: its ends and type are known.
  Relationship load_rel(const Relationship& r);

  // The last large expansion of a read query (pattern_search.cpp). MATCH searches a hub's
  // pattern a second time on its fiber (op_match.cpp); this saves the second scan of the
  // hub's edges. The snapshot never changes under a read query; writes never use it.
  struct Expansion {
    storage::NodeId node = 0;
    storage::Direction dir = storage::Direction::kOut;
    std::optional<uint64_t> single;
    std::vector<uint64_t> any_of;
    std::vector<storage::Edge> edges;
  };
  std::optional<Expansion> last_expansion;

  std::optional<uint64_t> type_id(const std::string& name);
  const std::string& type_name(uint64_t id);
  // The type name of a row's relationship, loaded or not. A relationship made from an edge
  // (rel_value) holds its type id in `type` in place of the name: FB15k's names are longer
  // than std::string's inline buffer, so copying the name into every row of a hub's
  // out-edges cost two allocations per row; the name is read here, or when the value is
  // loaded (materialize) before it reaches the caller.
  const std::string& rel_type(const Relationship& r);
  // type(r): the same name as a Value. An unloaded relationship's name is shared by every
  // row of its type (Value::shared_string), so a hub's rows copy no text.
  Value rel_type_value(const Relationship& r);

 private:
  const std::shared_ptr<const std::string>& shared_type_name(uint64_t id);
  std::unordered_map<std::string, std::optional<uint64_t>> type_ids_;
  std::unordered_map<uint64_t, std::shared_ptr<const std::string>> type_names_;
};

}  // namespace quarry::engine
