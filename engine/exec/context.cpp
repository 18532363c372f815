#include "engine/exec/context.h"

#include <cstring>

#include "engine/errors.h"

namespace quarry::engine {

namespace {

// An unloaded relationship's `type`: a NUL, then the type id's 8 bytes (9 bytes stay in
// std::string's inline buffer). Only values without properties carry it, and only
// rel_value(Edge) makes them; a type name written by a query never starts with NUL.
constexpr size_t kTypeRefSize = 1 + sizeof(uint64_t);

std::string type_ref(uint64_t id) {
  std::string s(kTypeRefSize, '\0');
  std::memcpy(s.data() + 1, &id, sizeof id);
  return s;
}

std::optional<uint64_t> type_ref_id(const Relationship& r) {
  if (r.properties || r.type.size() != kTypeRefSize || r.type[0] != '\0') return std::nullopt;
  uint64_t id = 0;
  std::memcpy(&id, r.type.data() + 1, sizeof id);
  return id;
}

}  // namespace

void ExecContext::check_now() {
  if (cancelled && cancelled->load(std::memory_order_relaxed)) {
    fail(ErrorCode::kCancelled, "the query was cancelled");
  }
  if (deadline && std::chrono::steady_clock::now() > *deadline) {
    fail(ErrorCode::kTimeout, "the query ran past its timeout", {},
         "raise the timeout (QueryOptions::timeout; --timeout or :timeout in the CLI)");
  }
}

Value ExecContext::node_value(storage::NodeId id) {
  Node n;
  n.id = static_cast<int64_t>(id);
  return Value(std::move(n));
}

Value ExecContext::rel_value(const storage::Edge& e) {
  Relationship r;
  r.id = static_cast<int64_t>(e.rel);
  r.start = static_cast<int64_t>(e.start);
  r.end = static_cast<int64_t>(e.end);
  r.type = type_ref(e.type);
  return Value(std::move(r));
}

Value ExecContext::rel_value(storage::RelId id) {
  return Value(load_rel(static_cast<int64_t>(id)));
}

Node ExecContext::load_node(int64_t id) {
  Node n;
  n.id = id;
  auto rec = graph->node(static_cast<storage::NodeId>(id));
  if (rec) {
    n.labels = std::move(rec->labels);
    n.properties = std::make_shared<const Map>(std::move(rec->properties));
  } else {
    n.properties = std::make_shared<const Map>();
  }
  return n;
}

Relationship ExecContext::load_rel(int64_t id) {
  Relationship r;
  r.id = id;
  auto rec = graph->rel(static_cast<storage::RelId>(id));
  if (rec) {
    r.start = static_cast<int64_t>(rec->start);
    r.end = static_cast<int64_t>(rec->end);
    r.type = std::move(rec->type);
    r.properties = std::make_shared<const Map>(std::move(rec->properties));
  } else {
    r.properties = std::make_shared<const Map>();
  }
  return r;
}

Relationship ExecContext::load_rel(const Relationship& known) {
  auto type = type_ref_id(known);
  // In a transaction the relationship may have been changed or deleted since the expand.
  if (!type || txn) return load_rel(known.id);
  Relationship r;
  r.id = known.id;
  r.start = known.start;
  r.end = known.end;
  r.type = type_name(*type);
  storage::Edge edge{static_cast<storage::RelId>(known.id),
                     static_cast<storage::NodeId>(known.start),
                     static_cast<storage::NodeId>(known.end), *type};
  r.properties = std::make_shared<const Map>(graph->rel_properties(edge));
  return r;
}

void ExecContext::materialize(Value& v, bool deep) {
  switch (v.kind()) {
    case ValueKind::kNode:
      if (!v.as_node().properties || txn) v = Value(load_node(v.as_node().id));
      return;
    case ValueKind::kRelationship:
      if (!v.as_relationship().properties || txn) v = Value(load_rel(v.as_relationship()));
      return;
    case ValueKind::kList: {
      if (!deep) return;
      List copy = v.as_list();
      for (auto& e : copy) materialize(e);
      v = Value(std::move(copy));
      return;
    }
    case ValueKind::kMap: {
      if (!deep) return;
      Map copy = v.as_map();
      for (auto& [k, e] : copy) materialize(e);
      v = Value(std::move(copy));
      return;
    }
    case ValueKind::kPath: {
      if (!deep) return;
      Path p = v.as_path();
      for (auto& n : p.nodes) {
        if (!n.properties || txn) n = load_node(n.id);
      }
      for (auto& r : p.relationships) {
        if (!r.properties || txn) r = load_rel(r);
      }
      v = Value(std::move(p));
      return;
    }
    default: return;
  }
}

std::optional<uint64_t> ExecContext::type_id(const std::string& name) {
  // Writes can create types, so only cache while reading.
  if (txn) return graph->type_id(name);
  auto it = type_ids_.find(name);
  if (it != type_ids_.end()) return it->second;
  auto id = graph->type_id(name);
  type_ids_.emplace(name, id);
  return id;
}

const std::shared_ptr<const std::string>& ExecContext::shared_type_name(uint64_t id) {
  auto it = type_names_.find(id);
  if (it != type_names_.end()) return it->second;
  auto name = std::make_shared<const std::string>(graph->type_name(id));
  return type_names_.emplace(id, std::move(name)).first->second;
}

const std::string& ExecContext::type_name(uint64_t id) { return *shared_type_name(id); }

const std::string& ExecContext::rel_type(const Relationship& r) {
  if (auto id = type_ref_id(r)) return type_name(*id);
  return r.type;
}

Value ExecContext::rel_type_value(const Relationship& r) {
  if (auto id = type_ref_id(r)) return Value::shared_string(shared_type_name(*id));
  return Value(r.type);
}

}  // namespace quarry::engine
