#include "storage/writer.h"

#include <fmt/format.h>

#include <algorithm>

namespace quarry::storage {

using keys::Cf;
using keys::TermKind;

rocksdb::Status WriterKv::get(Cf cf, std::string_view key, std::string* value) {
  return batch_.GetFromBatchAndDB(store_.db(), {}, store_.cf(cf),
                                  rocksdb::Slice(key.data(), key.size()), value);
}

std::unique_ptr<rocksdb::Iterator> WriterKv::iterator(Cf cf, size_t prefix_len) {
  auto* base = store_.db()->NewIterator(scan_options(cf, prefix_len), store_.cf(cf));
  return std::unique_ptr<rocksdb::Iterator>(batch_.NewIteratorWithBase(store_.cf(cf), base));
}

Writer::Writer(std::shared_ptr<Store> store)
    : ReaderImpl(store), lock_(store->write_mutex()), kv_(*store), next_(store->counters()) {}

int64_t Writer::stat(const std::string& key) {
  if (dropped_stats_.count(key)) return 0;
  auto it = deltas_.find(key);
  return ReaderImpl::stat(key) + (it == deltas_.end() ? 0 : it->second);
}

void Writer::put(Cf cf, std::string_view key, std::string_view value) {
  kv_.batch()
      .Put(store_->cf(cf), rocksdb::Slice(key.data(), key.size()),
           rocksdb::Slice(value.data(), value.size()))
      .PermitUncheckedError();
}

void Writer::del(Cf cf, std::string_view key) {
  kv_.batch().Delete(store_->cf(cf), rocksdb::Slice(key.data(), key.size())).PermitUncheckedError();
}

Status Writer::check_open() const {
  if (finished_) return Error(ErrorCode::kInvalidArgument, "the transaction is already finished");
  return {};
}

uint64_t Writer::intern(TermKind kind, std::string_view text) {
  std::string key = keys::term_key(kind, text);
  auto it = terms_.find(key);
  if (it != terms_.end()) return it->second;
  std::string v;
  uint64_t id;
  if (get(keys::kTerm2Id, key, &v) && v.size() == 8) {
    id = keys::get_u64(v.data());
  } else {
    id = next_.next_term++;
    put(keys::kTerm2Id, key, keys::u64_key(id));
    put(keys::kId2Term, keys::u64_key(id), keys::term_value(kind, text));
    term_cache_[id] = std::string(text);
  }
  terms_.emplace(std::move(key), id);
  return id;
}

std::set<std::string> Writer::alias_forms(NodeId node) {
  std::set<std::string> forms;
  auto add = [&](const Value& v) {
    if (v.kind() != ValueKind::kString) return;
    auto n = keys::normalise_name(v.as_string());
    if (!n.empty()) forms.insert(std::move(n));
  };
  if (auto name = prop('n', node, "name")) add(*name);
  if (auto aliases = prop('n', node, "aliases"); aliases && aliases->kind() == ValueKind::kList) {
    for (const Value& a : aliases->as_list()) add(a);
  }
  return forms;
}

void Writer::reindex_aliases(NodeId node, const std::set<std::string>& before) {
  auto after = alias_forms(node);
  for (const auto& f : before) {
    if (!after.count(f)) del(keys::kAlias, keys::alias_key(f, node));
  }
  for (const auto& f : after) {
    if (!before.count(f)) put(keys::kAlias, keys::alias_key(f, node), {});
  }
}

Status Writer::put_prop(char tag, uint64_t id, std::string_view key, const Value& value) {
  bool alias_prop = tag == 'n' && (key == "name" || key == "aliases");
  std::set<std::string> before;
  if (alias_prop) before = alias_forms(id);
  uint64_t k = intern(TermKind::kPropKey, key);
  std::string pk = tag == 'n' ? keys::node_prop_key(id, k) : keys::rel_prop_key(id, k);
  if (value.is_null()) {
    del(keys::kProps, pk);
  } else {
    std::string enc;
    if (!keys::encode_value(value, enc)) {
      return Error(ErrorCode::kRuntimeError,
                   fmt::format("property '{}' cannot hold a node, relationship or path", key));
    }
    put(keys::kProps, pk, enc);
  }
  if (alias_prop) reindex_aliases(id, before);
  return {};
}

Result<NodeId> Writer::create_node(const std::vector<std::string>& labels, const Map& properties) {
  if (auto s = check_open(); !s.ok()) return s;
  NodeId id = next_.next_node++;
  std::vector<uint64_t> ids;
  for (const auto& l : labels) {
    uint64_t lid = intern(TermKind::kLabel, l);
    if (std::find(ids.begin(), ids.end(), lid) != ids.end()) continue;
    ids.push_back(lid);
    put(keys::kLabelIdx, keys::label_index_key(lid, id), {});
    add_stat(keys::stat_label_key(lid), 1);
  }
  put(keys::kNodes, keys::u64_key(id), keys::node_value(ids));
  add_stat(keys::stat_global_key("nodes"), 1);
  for (const auto& [k, v] : properties) {
    if (auto s = put_prop('n', id, k, v); !s.ok()) return s;
  }
  return id;
}

RelId Writer::new_rel(NodeId s, uint64_t p, NodeId o, uint32_t flags) {
  RelId id = next_.next_rel++;
  put(keys::kRels, keys::rel_key(id), keys::rel_value(s, p, o, flags));
  keys::Triple t{s, p, o, id};
  char buf[keys::kMaxQuadSize];
  for (auto order : {keys::Order::kSpo, keys::Order::kPos, keys::Order::kOsp}) {
    size_t n = keys::encode_quad(order, t, buf);
    put(keys::order_cf(order), std::string_view(buf, n), {});
  }
  add_stat(keys::stat_global_key("rels"), 1);
  add_stat(keys::stat_type_key(p), 1);
  add_stat(keys::stat_degree_key(true, s), 1);
  add_stat(keys::stat_degree_key(false, o), 1);
  return id;
}

Result<RelId> Writer::create_rel(NodeId start, std::string_view type, NodeId end,
                                 const Map& properties) {
  if (auto s = check_open(); !s.ok()) return s;
  bool a = false, b = false;
  node_labels(start, &a);
  node_labels(end, &b);
  if (!a || !b) {
    return Error(
        ErrorCode::kNotFound,
        fmt::format("cannot create a relationship: node {} does not exist", a ? end : start));
  }
  if (type.empty()) return Error(ErrorCode::kInvalidArgument, "relationship type is empty");
  RelId id = new_rel(start, intern(TermKind::kType, type), end, 0);
  for (const auto& [k, v] : properties) {
    if (auto s = put_prop('r', id, k, v); !s.ok()) return s;
  }
  return id;
}

Status Writer::set_node_property(NodeId node, std::string_view key, const Value& value) {
  if (auto s = check_open(); !s.ok()) return s;
  bool exists = false;
  node_labels(node, &exists);
  if (!exists) return Error(ErrorCode::kNotFound, fmt::format("node {} does not exist", node));
  return put_prop('n', node, key, value);
}

Status Writer::set_rel_property(RelId rel, std::string_view key, const Value& value) {
  if (auto s = check_open(); !s.ok()) return s;
  if (!rel_triple(rel)) {
    return Error(ErrorCode::kNotFound, fmt::format("relationship {} does not exist", rel));
  }
  return put_prop('r', rel, key, value);
}

Status Writer::add_label(NodeId node, std::string_view label) {
  if (auto s = check_open(); !s.ok()) return s;
  bool exists = false;
  auto labels = node_labels(node, &exists);
  if (!exists) return Error(ErrorCode::kNotFound, fmt::format("node {} does not exist", node));
  uint64_t lid = intern(TermKind::kLabel, label);
  if (std::find(labels.begin(), labels.end(), lid) != labels.end()) return {};
  labels.push_back(lid);
  put(keys::kNodes, keys::u64_key(node), keys::node_value(labels));
  put(keys::kLabelIdx, keys::label_index_key(lid, node), {});
  add_stat(keys::stat_label_key(lid), 1);
  return {};
}

Status Writer::remove_label(NodeId node, std::string_view label) {
  if (auto s = check_open(); !s.ok()) return s;
  bool exists = false;
  auto labels = node_labels(node, &exists);
  if (!exists) return Error(ErrorCode::kNotFound, fmt::format("node {} does not exist", node));
  auto lid = term_id(TermKind::kLabel, label);
  if (!lid) return {};
  auto it = std::find(labels.begin(), labels.end(), *lid);
  if (it == labels.end()) return {};
  labels.erase(it);
  put(keys::kNodes, keys::u64_key(node), keys::node_value(labels));
  del(keys::kLabelIdx, keys::label_index_key(*lid, node));
  add_stat(keys::stat_label_key(*lid), -1);
  return {};
}

Status Writer::delete_rel(RelId rel) {
  if (auto s = check_open(); !s.ok()) return s;
  keys::RelBlock record;
  auto t = rel_triple(rel, nullptr, &record);
  if (!t) return Error(ErrorCode::kNotFound, fmt::format("relationship {} does not exist", rel));
  std::vector<std::string> props, provs;
  auto s = scan(keys::kProps, keys::prop_prefix('r', rel), [&](auto k, auto) {
    props.emplace_back(k);
    return true;
  });
  if (s.ok()) {
    s = scan(keys::kProv, keys::id_key(rel), [&](auto k, auto) {
      provs.emplace_back(k);
      return true;
    });
  }
  if (!s.ok()) return s;
  for (const auto& k : props) del(keys::kProps, k);
  for (const auto& k : provs) {
    keys::ProvKey pk;
    keys::decode_prov_key(k, pk);
    del(keys::kProv, k);
    if (pk.doc != 0) del(keys::kDocRels, keys::docrel_key(pk));
    add_stat(keys::stat_global_key("mentions"), -1);
  }
  char buf[keys::kMaxQuadSize];
  for (auto order : {keys::Order::kSpo, keys::Order::kPos, keys::Order::kOsp}) {
    size_t n = keys::encode_quad(order, *t, buf);
    del(keys::order_cf(order), std::string_view(buf, n));
  }
  // A block member is gone with its SPO entry; the block record goes with its last member.
  bool keep_record = false;
  if (record.flags & keys::kRelBlock) {
    s = scan_block(record, [&](const keys::Triple&) {
      keep_record = true;
      return false;
    });
    if (!s.ok()) return s;
  }
  if (!keep_record) del(keys::kRels, keys::rel_key(record.first.rel));
  add_stat(keys::stat_global_key("rels"), -1);
  add_stat(keys::stat_type_key(t->p), -1);
  add_stat(keys::stat_degree_key(true, t->s), -1);
  add_stat(keys::stat_degree_key(false, t->o), -1);
  for (auto it = facts_.begin(); it != facts_.end(); ++it) {
    if (it->second == rel) {
      facts_.erase(it);
      break;
    }
  }
  return {};
}

Status Writer::delete_node(NodeId node, bool detach) {
  if (auto s = check_open(); !s.ok()) return s;
  bool exists = false;
  auto labels = node_labels(node, &exists);
  if (!exists) return Error(ErrorCode::kNotFound, fmt::format("node {} does not exist", node));
  std::set<RelId> rels;
  auto s = expand(node, Direction::kBoth, std::nullopt, [&](const Edge& e) {
    rels.insert(e.rel);
    return true;
  });
  if (!s.ok()) return s;
  if (!rels.empty() && !detach) {
    return Error(ErrorCode::kRuntimeError,
                 fmt::format("cannot delete node {}: it still has {} relationship{} (use DETACH "
                             "DELETE)",
                             node, rels.size(), rels.size() == 1 ? "" : "s"));
  }
  for (RelId r : rels) {
    if (auto st = delete_rel(r); !st.ok()) return st;
  }
  for (const auto& f : alias_forms(node)) del(keys::kAlias, keys::alias_key(f, node));
  std::vector<std::string> props;
  s = scan(keys::kProps, keys::prop_prefix('n', node), [&](auto k, auto) {
    props.emplace_back(k);
    return true;
  });
  if (!s.ok()) return s;
  for (const auto& k : props) del(keys::kProps, k);
  for (uint64_t l : labels) {
    del(keys::kLabelIdx, keys::label_index_key(l, node));
    add_stat(keys::stat_label_key(l), -1);
  }
  del(keys::kNodes, keys::u64_key(node));
  add_stat(keys::stat_global_key("nodes"), -1);
  for (bool out : {true, false}) {
    auto k = keys::stat_degree_key(out, node);
    deltas_.erase(k);
    dropped_stats_.insert(k);
  }
  for (auto it = entities_.begin(); it != entities_.end();) {
    it = it->second == node ? entities_.erase(it) : std::next(it);
  }
  return {};
}

Status Writer::commit() {
  if (auto s = check_open(); !s.ok()) return s;
  if (!error_.ok()) return error_;
  finished_ = true;
  auto& batch = kv_.batch();
  auto* stats = store_->cf(keys::kStats);
  for (const auto& [k, d] : deltas_) {
    if (d != 0) batch.Merge(stats, k, keys::i64_value(d)).PermitUncheckedError();
  }
  for (const auto& k : dropped_stats_) batch.Delete(stats, k).PermitUncheckedError();
  Counters& c = store_->counters();
  if (next_.next_node != c.next_node) {
    put(keys::kDefault, keys::kNextNodeKey, keys::u64_key(next_.next_node));
  }
  if (next_.next_rel != c.next_rel) {
    put(keys::kDefault, keys::kNextRelKey, keys::u64_key(next_.next_rel));
  }
  if (next_.next_term != c.next_term) {
    put(keys::kDefault, keys::kNextTermKey, keys::u64_key(next_.next_term));
  }
  if (batch.GetWriteBatch()->Count() == 0) return {};
  rocksdb::WriteOptions wo;  // WAL on; a process crash loses nothing written here
  auto s = store_->db()->Write(wo, batch.GetWriteBatch());
  if (!s.ok()) return rocks_error(s, "committing");
  c = next_;
  return {};
}

}  // namespace quarry::storage
