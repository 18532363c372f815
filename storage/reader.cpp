#include "storage/reader.h"

#include <algorithm>
#include <set>

namespace quarry::storage {

using keys::Cf;
using keys::TermKind;

rocksdb::ReadOptions scan_options(Cf cf, size_t prefix_len, const rocksdb::Snapshot* snap) {
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  bool prefixed = cf == keys::kSpo || cf == keys::kPos || cf == keys::kOsp || cf == keys::kProv ||
                  cf == keys::kDocRels || cf == keys::kLabelIdx;
  // A prefix shorter than the leading id must not use the prefix bloom filters: the scan
  // passes 0 for those (see ReaderImpl::scan).
  if (!prefixed || prefix_len == 0) ro.total_order_seek = true;
  return ro;
}

SnapshotKv::SnapshotKv(std::shared_ptr<Store> store) : store_(std::move(store)) {
  // A cache label; none when a version is unknown (the caches are then bypassed).
  auto label = [](uint64_t sequence, uint64_t version) -> std::optional<PropCache::State> {
    if (version == UINT64_MAX) return std::nullopt;
    return PropCache::State{sequence, version};
  };
  if (store_->read_only()) {
    store_->catch_up();
    secondary_lock_ = std::shared_lock(store_->reader_lock());
    // Nothing moves the instance on while the shared lock is held.
    uint64_t sequence = store_->db()->GetLatestSequenceNumber();
    state_ = label(sequence, store_->props_version());
    edges_state_ = label(sequence, store_->edges_version());
  } else {
    // The versions read on both sides of GetSnapshot: equal means no files of those
    // column families came or went in between, so (sequence, version) names what it sees.
    uint64_t props = store_->props_version();
    uint64_t edges = store_->edges_version();
    snap_ = store_->db()->GetSnapshot();
    uint64_t sequence = snap_->GetSequenceNumber();
    if (props == store_->props_version()) state_ = label(sequence, props);
    if (edges == store_->edges_version()) edges_state_ = label(sequence, edges);
  }
}
SnapshotKv::~SnapshotKv() {
  for (auto& per_cf : idle_) {
    for (auto& idle : per_cf) idle.clear();
  }
  if (snap_) store_->db()->ReleaseSnapshot(snap_);
}

rocksdb::Status SnapshotKv::get(Cf cf, std::string_view key, std::string* value) {
  rocksdb::ReadOptions ro;
  ro.snapshot = snap_;
  return store_->db()->Get(ro, store_->cf(cf), rocksdb::Slice(key.data(), key.size()), value);
}

std::unique_ptr<rocksdb::Iterator> SnapshotKv::iterator(Cf cf, size_t prefix_len) {
  return std::unique_ptr<rocksdb::Iterator>(
      store_->db()->NewIterator(scan_options(cf, prefix_len, snap_), store_->cf(cf)));
}

std::vector<std::unique_ptr<rocksdb::Iterator>>& SnapshotKv::pool(Cf cf, size_t prefix_len) {
  return idle_[cf][scan_options(cf, prefix_len).total_order_seek ? 1 : 0];
}

std::unique_ptr<rocksdb::Iterator> SnapshotKv::borrow(Cf cf, size_t prefix_len) {
  auto& idle = pool(cf, prefix_len);
  if (idle.empty()) return iterator(cf, prefix_len);
  auto it = std::move(idle.back());
  idle.pop_back();
  return it;
}

void SnapshotKv::give_back(Cf cf, size_t prefix_len, std::unique_ptr<rocksdb::Iterator> it) {
  // A failed iterator is dropped; the next scan makes a fresh one.
  if (it && it->status().ok()) pool(cf, prefix_len).push_back(std::move(it));
}

template <typename B>
bool ReaderImpl<B>::get(Cf cf, std::string_view key, std::string* value) {
  auto s = kv().get(cf, key, value);
  if (!s.ok() && !s.IsNotFound() && error_.ok()) error_ = rocks_error(s, "reading the store");
  return s.ok();
}

template <typename B>
int64_t ReaderImpl<B>::stat(const std::string& key) {
  std::string v;
  return get(keys::kStats, key, &v) ? keys::decode_i64(v) : 0;
}

template <typename B>
std::optional<uint64_t> ReaderImpl<B>::term_id(TermKind kind, std::string_view text) {
  std::string key = keys::term_key(kind, text);
  if (auto it = term_id_cache_.find(key); it != term_id_cache_.end()) return it->second;
  std::string v;
  if (!get(keys::kTerm2Id, key, &v) || v.size() != 8) return std::nullopt;
  uint64_t id = keys::get_u64(v.data());
  term_id_cache_.emplace(std::move(key), id);
  return id;
}

template <typename B>
std::string ReaderImpl<B>::term_text(uint64_t id) {
  auto it = term_cache_.find(id);
  if (it != term_cache_.end()) return it->second;
  std::string v;
  if (!get(keys::kId2Term, keys::u64_key(id), &v) || v.empty()) return {};
  return term_cache_[id] = v.substr(1);
}

template <typename B>
std::optional<keys::RelBlock> ReaderImpl<B>::rel_record(RelId id) {
  // The record at or before the id: its own, or the block it may belong to. (One seek:
  // an exact Get first cost a tenth of a lookup, and misses for every bulk member.)
  std::string key = keys::rel_key(id);
  keys::RelBlock b;
  IteratorLease it(kv(), keys::kRels, 0);
  it->SeekForPrev(rocksdb::Slice(key.data(), key.size()));
  if (!it->Valid()) {
    if (!it->status().ok() && error_.ok()) error_ = rocks_error(it->status(), "reading the store");
    return std::nullopt;
  }
  uint64_t first = 0;
  if (!keys::decode_rel_key(std::string_view(it->key().data(), it->key().size()), first) ||
      !keys::decode_rel_record(first, std::string_view(it->value().data(), it->value().size()),
                               b) ||
      !b.covers(id)) {
    return std::nullopt;
  }
  return b;
}

template <typename B>
std::optional<keys::Triple> ReaderImpl<B>::rel_triple(RelId id, uint32_t* flags,
                                                      keys::RelBlock* record) {
  auto found = [&](const CachedBlock& b) -> std::optional<keys::Triple> {
    if (record) *record = b.record;
    if (flags) *flags = b.record.flags & ~keys::kRelBlock;
    auto it = std::lower_bound(b.members.begin(), b.members.end(), id,
                               [](const keys::Triple& t, RelId r) { return t.rel < r; });
    if (it == b.members.end() || it->rel != id) return std::nullopt;
    return *it;
  };
  bool in_order = id == last_lookup_ + 1;
  last_lookup_ = id;
  if (last_block_ && last_block_->record.covers(id) && id <= last_block_->known_to) {
    return found(*last_block_);
  }
  auto b = rel_record(id);
  if (!b) return std::nullopt;
  if (!(b->flags & keys::kRelBlock)) {
    if (record) *record = *b;
    if (flags) *flags = b->flags;
    return b->first;
  }
  // A block member exists while its SPO entry does; members come in id order.
  bool whole = cache_blocks_ && in_order;
  CachedBlock block{*b, {}, b->last.rel};
  auto s = scan_block(*b, [&](const keys::Triple& t) {
    block.members.push_back(t);
    if (whole || t.rel < id) return true;
    block.known_to = t.rel;
    return false;
  });
  if (!s.ok()) {
    if (error_.ok()) error_ = s;
    return std::nullopt;
  }
  if (!cache_blocks_) return found(block);
  last_block_ = std::move(block);
  return found(*last_block_);
}

template <typename B>
std::vector<uint64_t> ReaderImpl<B>::node_labels(NodeId id, bool* exists) {
  std::string v;
  std::vector<uint64_t> labels;
  bool found = get(keys::kNodes, keys::u64_key(id), &v) && keys::decode_node_value(v, labels);
  if (exists) *exists = found;
  return labels;
}

template <typename B>
Map ReaderImpl<B>::load_props(char tag, uint64_t id) {
  Map props;
  auto s = scan(keys::kProps, keys::prop_prefix(tag, id), [&](auto key, auto value) {
    if (key.size() != 17) return true;
    if (auto v = keys::decode_value(value)) {
      props.emplace_back(term_text(keys::get_u64(key.data() + 9)), std::move(*v));
    }
    return true;
  });
  if (!s.ok() && error_.ok()) error_ = s;
  return props;
}

template <typename B>
std::optional<Value> ReaderImpl<B>::prop(char tag, uint64_t id, std::string_view key) {
  auto k = term_id(TermKind::kPropKey, key);
  if (!k) return std::nullopt;
  std::string v;
  std::string pk = tag == 'n' ? keys::node_prop_key(id, *k) : keys::rel_prop_key(id, *k);
  if (!get(keys::kProps, pk, &v)) return std::nullopt;
  return keys::decode_value(v);
}

template <typename B>
std::optional<Value> ReaderImpl<B>::node_property(NodeId id, std::string_view key) {
  return prop('n', id, key);
}

std::optional<Value> Snapshot::node_property(NodeId id, std::string_view key) {
  const auto& state = kv_.state();
  if (!state) return prop('n', id, key);
  // A query reads one key for many rows (`b.name`): its id is looked up once, not per row.
  if (!last_key_id_ || key != last_key_) {
    last_key_id_ = term_id(TermKind::kPropKey, key);
    if (!last_key_id_) return std::nullopt;
    last_key_ = key;
  }
  uint64_t k = *last_key_id_;
  PropCache& cache = store_->prop_cache();
  if (auto hit = cache.get(*state, id, k)) return std::move(*hit);
  bool clean = error_.ok();
  auto v = prop('n', id, key);
  if (clean && error_.ok()) cache.put(*state, id, k, v);  // never cache a failed read
  return v;
}

std::string Snapshot::type_name(uint64_t type) {
  TermTextCache& cache = store_->term_texts();
  if (auto hit = cache.get(type)) return std::move(*hit);
  std::string name = term_text(type);
  if (!name.empty()) cache.put(type, name);  // empty: unknown here (or a failed read)
  return name;
}

Status Snapshot::expand(NodeId node, Direction direction, std::optional<uint64_t> type,
                        const Visitor<Edge>& visit) {
  const auto& state = kv_.edges_state();
  if (!state) return ReaderImpl::expand(node, direction, type, visit);
  if (type) {
    // A typed scan reads only that type's entries; a cached out-list is in (type, end,
    // rel) order, so its part of one type is one range. Typed misses never fill.
    auto list =
        direction == Direction::kOut ? store_->adjacency().get(*state, node, true) : nullptr;
    if (!list) return ReaderImpl::expand(node, direction, type, visit);
    auto [first, last] =
        std::equal_range(list->begin(), list->end(), Edge{0, 0, 0, *type},
                         [](const Edge& a, const Edge& b) { return a.type < b.type; });
    for (; first != last; ++first) {
      if (!visit(*first)) break;
    }
    return {};
  }
  bool stopped = false;
  if (direction != Direction::kIn) {
    auto s = expand_cached(*state, node, true, false, visit, stopped);
    if (!s.ok() || stopped) return s;
  }
  if (direction != Direction::kOut) {
    // Both directions: a self-loop was already reported as outgoing.
    return expand_cached(*state, node, false, direction == Direction::kBoth, visit, stopped);
  }
  return {};
}

Status Snapshot::expand_cached(const AdjacencyCache::State& state, NodeId node, bool out,
                               bool skip_loops, const Visitor<Edge>& visit, bool& stopped) {
  AdjacencyCache& cache = store_->adjacency();
  if (auto list = cache.get(state, node, out)) {
    for (const Edge& e : *list) {
      if (skip_loops && e.start == e.end) continue;
      if (!visit(e)) {
        stopped = true;
        break;
      }
    }
    return {};
  }
  // A miss streams from the store as before and keeps what it read, unless the visitor
  // stopped early (the list is then incomplete) or the list outgrew what the cache keeps.
  keys::Order order = out ? keys::Order::kSpo : keys::Order::kOsp;
  std::vector<Edge> edges;
  bool keep = true;
  auto s = scan(keys::order_cf(order), keys::id_key(node), [&](auto key, auto) {
    keys::Triple t;
    if (!keys::decode_quad(order, key, t)) return true;
    Edge e{t.rel, t.s, t.o, t.p};
    if (keep) {
      edges.push_back(e);
      if (!cache.fits(edges.size())) {
        keep = false;
        edges = {};
      }
    }
    if (skip_loops && t.s == t.o) return true;
    stopped = !visit(e);
    return !stopped;
  });
  if (s.ok() && !stopped && keep) cache.put(state, node, out, std::move(edges));
  return s;
}

Status Snapshot::scan_rels(std::optional<uint64_t> type, const Visitor<Edge>& visit) {
  const auto& state = kv_.edges_state();
  if (!type || !state) return ReaderImpl::scan_rels(type, visit);
  AdjacencyCache& cache = store_->adjacency();
  if (auto list = cache.get_type(*state, *type)) {
    for (const Edge& e : *list) {
      if (!visit(e)) break;
    }
    return {};
  }
  // As expand_cached: a complete scan that fits is kept for the next query. The count
  // from the statistics sizes the list once (doubling a 450k-edge list on the way costs
  // the first run a tenth more work); past the budget nothing is collected.
  std::vector<Edge> edges;
  uint64_t expected = rel_count(type);
  bool keep = cache.fits_type(expected);
  if (keep) edges.reserve(expected);
  bool stopped = false;
  auto s = ReaderImpl::scan_rels(type, [&](const Edge& e) {
    if (keep) {
      edges.push_back(e);
      keep = cache.fits_type(edges.size());
      if (!keep) edges = {};
    }
    stopped = !visit(e);
    return !stopped;
  });
  if (s.ok() && !stopped && keep) cache.put_type(*state, *type, std::move(edges));
  return s;
}

template <typename B>
std::vector<NodeId> ReaderImpl<B>::alias_nodes(std::string_view normalised) {
  std::vector<NodeId> out;
  std::string prefix = keys::alias_prefix(normalised);
  auto s = scan(keys::kAlias, prefix, [&](auto key, auto) {
    if (key.size() == prefix.size() + 8) out.push_back(keys::get_u64(key.data() + prefix.size()));
    return true;
  });
  if (!s.ok() && error_.ok()) error_ = s;
  return out;
}

template <typename B>
std::optional<NodeRecord> ReaderImpl<B>::node(NodeId id) {
  bool exists = false;
  auto labels = node_labels(id, &exists);
  if (!exists) return std::nullopt;
  NodeRecord r;
  r.id = id;
  for (uint64_t l : labels) r.labels.push_back(term_text(l));
  r.properties = load_props('n', id);
  return r;
}

template <typename B>
void ReaderImpl<B>::add_derived(RelId id, const std::string& type, Map& props) {
  std::set<uint64_t> docs;
  double confidence = 0;
  std::string text;
  bool first = true;
  auto s = scan(keys::kProv, keys::id_key(id), [&](auto key, auto value) {
    keys::ProvValue pv;
    keys::ProvKey pk;
    if (!keys::decode_prov_key(key, pk) || !keys::decode_prov_value(value, pv)) return true;
    docs.insert(pk.doc);
    confidence = std::max(confidence, pv.confidence);
    if (first) text = pv.surface.empty() ? type : std::string(pv.surface);
    first = false;
    return true;
  });
  if (!s.ok() || first) return;
  auto put = [&](const char* name, Value v) {
    if (!find(props, name)) props.emplace_back(name, std::move(v));
  };
  put("text", std::move(text));
  put("confidence", confidence);
  put("support", static_cast<int64_t>(docs.size()));
}

template <typename B>
Map ReaderImpl<B>::rel_properties(const Edge& edge) {
  Map props = load_props('r', edge.rel);
  // Only fact relationships have provenance, so for the others this adds nothing and
  // rel()'s look at the fact flag is not needed.
  add_derived(edge.rel, this->type_name(edge.type), props);
  return props;
}

template <typename B>
std::optional<RelRecord> ReaderImpl<B>::rel(RelId id) {
  uint32_t flags = 0;
  auto t = rel_triple(id, &flags);
  if (!t) return std::nullopt;
  RelRecord r;
  r.id = id;
  r.start = t->s;
  r.end = t->o;
  r.type = term_text(t->p);
  r.properties = load_props('r', id);
  if (flags & keys::kRelFact) add_derived(id, r.type, r.properties);
  return r;
}

template <typename B>
Status ReaderImpl<B>::scan_nodes(std::optional<std::string_view> label,
                                 const Visitor<NodeId>& visit) {
  if (!label) {
    return scan(keys::kNodes, {}, [&](auto key, auto) {
      return key.size() != 8 || visit(keys::get_u64(key.data()));
    });
  }
  auto l = term_id(TermKind::kLabel, *label);
  if (!l) return {};
  return scan(keys::kLabelIdx, keys::id_key(*l), [&](auto key, auto) {
    uint64_t label, node;
    return !keys::decode_label_index_key(key, label, node) || visit(node);
  });
}

template <typename B>
Status ReaderImpl<B>::find_nodes(std::string_view key, const Value& value,
                                 const Visitor<NodeId>& visit) {
  if (key == "name" && value.kind() == ValueKind::kString) {
    for (NodeId n : alias_nodes(keys::normalise_name(value.as_string()))) {
      auto name = prop('n', n, "name");
      if (name && *name == value && !visit(n)) break;
    }
    return error_;
  }
  bool stop = false;
  return scan_nodes(std::nullopt, [&](NodeId n) {
    auto v = prop('n', n, key);
    if (v && *v == value) stop = !visit(n);
    return !stop;
  });
}

template <typename B>
Status ReaderImpl<B>::lookup(std::string_view surface,
                             const Visitor<std::pair<NodeId, double>>& visit) {
  std::vector<std::pair<NodeId, double>> hits;
  for (NodeId n : alias_nodes(keys::normalise_name(surface))) {
    auto name = prop('n', n, "name");
    // The exact canonical name ranks first, then any other matching name or alias.
    bool exact = name && name->kind() == ValueKind::kString && name->as_string() == surface;
    hits.emplace_back(n, exact ? 1.0 : 0.9);
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& h : hits) {
    if (!visit(h)) break;
  }
  return error_;
}

template <typename B>
Status ReaderImpl<B>::lookup_prefix(std::string_view prefix, const Visitor<NodeId>& visit) {
  // Alias keys are normalised text + 0x00 + node: a scan of the normalised prefix without
  // the terminator visits every name that continues it.
  std::set<NodeId> seen;
  auto s = scan(keys::kAlias, keys::normalise_name(prefix), [&](auto key, auto) {
    if (key.size() < 9) return true;
    NodeId n = keys::get_u64(key.data() + key.size() - 8);
    return !seen.insert(n).second || visit(n);
  });
  if (!s.ok()) return s;
  return error_;
}

template <typename B>
Status ReaderImpl<B>::expand(NodeId node, Direction direction, std::optional<uint64_t> type,
                             const Visitor<Edge>& visit) {
  bool stop = false;
  auto emit = [&](keys::Order order, std::string prefix, bool skip_loops) {
    return scan(keys::order_cf(order), prefix, [&](auto key, auto) {
      keys::Triple t;
      if (!keys::decode_quad(order, key, t)) return true;
      if (type && t.p != *type) return true;
      if (skip_loops && t.s == t.o) return true;  // already reported as outgoing
      stop = !visit(Edge{t.rel, t.s, t.o, t.p});
      return !stop;
    });
  };
  std::string id = keys::id_key(node);
  if (direction != Direction::kIn) {
    std::string prefix = type ? keys::id_prefix({node, *type}) : id;
    if (auto s = emit(keys::Order::kSpo, prefix, false); !s.ok() || stop) return s;
  }
  if (direction != Direction::kOut) {
    bool loops = direction == Direction::kBoth;
    if (type) return emit(keys::Order::kPos, keys::id_prefix({*type, node}), loops);
    return emit(keys::Order::kOsp, id, loops);
  }
  return {};
}

template <typename B>
Status ReaderImpl<B>::edges_between(NodeId start, NodeId end, Direction direction,
                                    std::optional<uint64_t> type, const Visitor<Edge>& visit) {
  bool stop = false;
  // OSP keyed by (object, subject) finds every relationship between a pair in one scan.
  auto emit = [&](NodeId from, NodeId to) {
    return scan(keys::kOsp, keys::id_prefix({to, from}), [&](auto key, auto) {
      keys::Triple t;
      if (!keys::decode_quad(keys::Order::kOsp, key, t)) return true;
      if (type && t.p != *type) return true;
      stop = !visit(Edge{t.rel, t.s, t.o, t.p});
      return !stop;
    });
  };
  if (direction != Direction::kIn) {
    if (auto s = emit(start, end); !s.ok() || stop) return s;
  }
  if (direction == Direction::kIn || (direction == Direction::kBoth && start != end)) {
    return emit(end, start);
  }
  return {};
}

template <typename B>
Status ReaderImpl<B>::scan_rels(std::optional<uint64_t> type, const Visitor<Edge>& visit) {
  keys::Order order = type ? keys::Order::kPos : keys::Order::kSpo;
  std::string prefix = type ? keys::id_key(*type) : std::string();
  return scan(keys::order_cf(order), prefix, [&](auto key, auto) {
    keys::Triple t;
    if (!keys::decode_quad(order, key, t)) return true;
    return visit(Edge{t.rel, t.s, t.o, t.p});
  });
}

template <typename B>
std::optional<uint64_t> ReaderImpl<B>::type_id(std::string_view name) {
  return term_id(TermKind::kType, name);
}

template <typename B>
std::string ReaderImpl<B>::type_name(uint64_t type) {
  return term_text(type);
}

template <typename B>
uint64_t ReaderImpl<B>::node_count(std::optional<std::string_view> label) {
  if (!label)
    return static_cast<uint64_t>(std::max<int64_t>(0, stat(keys::stat_global_key("nodes"))));
  auto l = term_id(TermKind::kLabel, *label);
  return l ? static_cast<uint64_t>(std::max<int64_t>(0, stat(keys::stat_label_key(*l)))) : 0;
}

template <typename B>
uint64_t ReaderImpl<B>::rel_count(std::optional<uint64_t> type) {
  int64_t n = type ? stat(keys::stat_type_key(*type)) : stat(keys::stat_global_key("rels"));
  return static_cast<uint64_t>(std::max<int64_t>(0, n));
}

template <typename B>
uint64_t ReaderImpl<B>::degree(NodeId node, Direction direction) {
  int64_t n = 0;
  if (direction != Direction::kIn) n += stat(keys::stat_degree_key(true, node));
  if (direction != Direction::kOut) n += stat(keys::stat_degree_key(false, node));
  return static_cast<uint64_t>(std::max<int64_t>(0, n));
}

namespace {
std::vector<std::pair<std::string, uint64_t>> by_count(
    std::vector<std::pair<std::string, uint64_t>> v) {
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return v;
}
}  // namespace

template <typename B>
std::vector<std::pair<std::string, uint64_t>> ReaderImpl<B>::labels() {
  std::vector<std::pair<std::string, uint64_t>> out;
  auto s = scan(keys::kTerm2Id, "L", [&](auto key, auto value) {
    if (value.size() != 8) return true;
    int64_t n = stat(keys::stat_label_key(keys::get_u64(value.data())));
    if (n > 0) out.emplace_back(std::string(key.substr(1)), static_cast<uint64_t>(n));
    return true;
  });
  if (!s.ok() && error_.ok()) error_ = s;
  return by_count(std::move(out));
}

template <typename B>
std::vector<std::pair<std::string, uint64_t>> ReaderImpl<B>::rel_types() {
  std::vector<std::pair<std::string, uint64_t>> out;
  auto s = scan(keys::kTerm2Id, "T", [&](auto key, auto value) {
    if (value.size() != 8) return true;
    int64_t n = stat(keys::stat_type_key(keys::get_u64(value.data())));
    if (n > 0) out.emplace_back(std::string(key.substr(1)), static_cast<uint64_t>(n));
    return true;
  });
  if (!s.ok() && error_.ok()) error_ = s;
  return by_count(std::move(out));
}

template <typename B>
std::vector<std::string> ReaderImpl<B>::property_keys() {
  std::vector<std::string> out;
  auto s = scan(keys::kTerm2Id, "K", [&](auto key, auto) {
    out.emplace_back(key.substr(1));
    return true;
  });
  if (!s.ok() && error_.ok()) error_ = s;
  return out;
}

template <typename B>
Status ReaderImpl<B>::mentions(RelId rel, const Visitor<MentionRecord>& visit) {
  std::unordered_map<uint64_t, keys::DocRecord> docs;
  return scan(keys::kProv, keys::id_key(rel), [&](auto key, auto value) {
    keys::ProvValue pv;
    keys::ProvKey pk;
    if (!keys::decode_prov_key(key, pk) || !keys::decode_prov_value(value, pv)) return true;
    MentionRecord m;
    m.sentence = pv.sentence;
    m.start = pv.start;
    m.end = pv.end;
    m.confidence = pv.confidence;
    m.extractor = pv.extractor ? term_text(pv.extractor) : std::string();
    if (!pv.qualifiers.empty()) {
      if (auto q = keys::decode_value(pv.qualifiers); q && q->kind() == ValueKind::kMap) {
        m.qualifiers = q->as_map();
      }
    }
    if (pk.doc != 0) {
      auto it = docs.find(pk.doc);
      if (it == docs.end()) {
        keys::DocRecord d;
        std::string v;
        if (!get(keys::kDocs, keys::u64_key(pk.doc), &v) || !keys::decode_doc_value(v, d)) {
          d = keys::DocRecord{};
          d.id = term_text(pk.doc);
        }
        it = docs.emplace(pk.doc, std::move(d)).first;
      }
      const auto& d = it->second;
      m.doc = d.id;
      m.title = d.title;
      m.source = d.source;
      m.date = d.date;
      if (m.start < m.end && m.end <= d.text.size())
        m.text = d.text.substr(m.start, m.end - m.start);
    }
    return visit(m);
  });
}

template class ReaderImpl<GraphSnapshot>;
template class ReaderImpl<GraphTransaction>;

}  // namespace quarry::storage
