// `check`: recount everything from the primary records and compare with the dictionary,
// the three indexes, provenance, the alias index and the statistics. Every problem is
// named with the key it concerns. Reads one snapshot; memory grows with the graph.
#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "storage/database_impl.h"

namespace quarry::storage {

namespace {

constexpr size_t kMaxProblems = 200;

std::string stat_name(std::string_view key,
                      const std::unordered_map<uint64_t, std::string>& terms) {
  if (key.empty()) return "''";
  if (key[0] == 'g') return fmt::format("the count of {}", key.substr(1));
  if (key.size() != 9) return fmt::format("'{}'", key);
  uint64_t id = keys::get_u64(key.data() + 1);
  auto term = [&] {
    auto it = terms.find(id);
    return it == terms.end() ? std::to_string(id) : "'" + it->second.substr(1) + "'";
  };
  switch (key[0]) {
    case 'p': return "the count of relationships of type " + term();
    case 'l': return "the count of nodes labelled " + term();
    case 'o': return fmt::format("the out-degree of node {}", id);
    case 'i': return fmt::format("the in-degree of node {}", id);
    default: return fmt::format("'{}'", key);
  }
}

struct Checker {
  Snapshot& snap;
  CheckReport report;
  size_t dropped = 0;

  void problem(std::string text) {
    if (report.problems.size() < kMaxProblems) {
      report.problems.push_back(std::move(text));
    } else {
      ++dropped;
    }
  }
};

}  // namespace

Result<CheckReport> check_store(const std::shared_ptr<Store>& store) {
  Snapshot snap(store);
  Checker c{snap, {}};
  using keys::Cf;
  std::unordered_map<std::string, int64_t> counts;  // stats key -> recount
  auto count = [&](const std::string& k, int64_t d = 1) { counts[k] += d; };

  // 1. Dictionary, both ways.
  std::unordered_map<uint64_t, std::string> terms;  // id -> kind + text
  Status s = snap.scan(keys::kTerm2Id, {}, [&](auto k, auto v) {
    if (v.size() != 8) {
      c.problem(fmt::format("term2id: '{}' has a malformed id", k));
      return true;
    }
    terms.emplace(keys::get_u64(v.data()), std::string(k));
    return true;
  });
  if (!s.ok()) return s;
  size_t id2term = 0;
  s = snap.scan(keys::kId2Term, {}, [&](auto k, auto v) {
    ++id2term;
    uint64_t id = k.size() == 8 ? keys::get_u64(k.data()) : 0;
    auto it = terms.find(id);
    if (it == terms.end() || it->second != v) {
      c.problem(fmt::format("id2term: term {} ('{}') has no matching term2id entry", id, v));
    }
    return true;
  });
  if (!s.ok()) return s;
  if (id2term != terms.size()) {
    c.problem(fmt::format("dictionary: {} term2id entries but {} id2term entries", terms.size(),
                          id2term));
  }
  auto term_is = [&](uint64_t id, keys::TermKind kind) {
    auto it = terms.find(id);
    return it != terms.end() && !it->second.empty() && it->second[0] == static_cast<char>(kind);
  };

  // 2. Nodes and the label index.
  std::unordered_map<uint64_t, std::vector<uint64_t>> nodes;
  s = snap.scan(keys::kNodes, {}, [&](auto k, auto v) {
    std::vector<uint64_t> labels;
    uint64_t id = k.size() == 8 ? keys::get_u64(k.data()) : 0;
    if (!keys::decode_node_value(v, labels)) c.problem(fmt::format("node {}: malformed", id));
    for (uint64_t l : labels) {
      if (!term_is(l, keys::TermKind::kLabel)) {
        c.problem(fmt::format("node {}: label {} is not in the dictionary", id, l));
      }
      count(keys::stat_label_key(l));
    }
    count(keys::stat_global_key("nodes"));
    nodes.emplace(id, std::move(labels));
    return true;
  });
  if (!s.ok()) return s;
  size_t label_entries = 0;
  s = snap.scan(keys::kLabelIdx, {}, [&](auto k, auto) {
    ++label_entries;
    uint64_t l = 0, n = 0;
    if (!keys::decode_label_index_key(k, l, n)) {
      c.problem("labelidx: malformed key");
      return true;
    }
    auto it = nodes.find(n);
    if (it == nodes.end() ||
        std::find(it->second.begin(), it->second.end(), l) == it->second.end()) {
      c.problem(fmt::format("labelidx: node {} with label {} does not exist", n, l));
    }
    return true;
  });
  if (!s.ok()) return s;
  size_t label_total = 0;
  for (const auto& [n, ls] : nodes) label_total += ls.size();
  if (label_entries != label_total) {
    c.problem(
        fmt::format("labelidx: {} entries, nodes carry {} labels", label_entries, label_total));
  }

  // 3. Relationships and the three indexes.
  std::unordered_map<uint64_t, std::pair<keys::Triple, uint32_t>> rels;
  auto add_rel = [&](const keys::Triple& t, uint32_t flags) {
    if (!nodes.count(t.s) || !nodes.count(t.o)) {
      c.problem(fmt::format("relationship {}: end node {} or {} does not exist", t.rel, t.s, t.o));
    }
    if (!term_is(t.p, keys::TermKind::kType)) {
      c.problem(fmt::format("relationship {}: type {} is not in the dictionary", t.rel, t.p));
    }
    if (!rels.emplace(t.rel, std::make_pair(t, flags)).second) {
      c.problem(fmt::format("relationship {}: two rels records hold it", t.rel));
      return;
    }
    count(keys::stat_global_key("rels"));
    count(keys::stat_type_key(t.p));
    count(keys::stat_degree_key(true, t.s));
    count(keys::stat_degree_key(false, t.o));
  };
  std::vector<keys::RelBlock> blocks;  // expanded below, from SPO
  s = snap.scan(keys::kRels, {}, [&](auto k, auto v) {
    keys::RelBlock b;
    uint64_t id = 0;
    if (!keys::decode_rel_key(k, id) || !keys::decode_rel_record(id, v, b)) {
      c.problem(fmt::format("relationship {}: malformed", id));
    } else if (b.flags & keys::kRelBlock) {
      blocks.push_back(b);
    } else {
      add_rel(b.first, b.flags);
    }
    return true;
  });
  if (!s.ok()) return s;
  for (const auto& b : blocks) {
    size_t members = 0;
    s = snap.scan_block(b, [&](const keys::Triple& t) {
      ++members;
      add_rel(t, b.flags & ~keys::kRelBlock);
      return true;
    });
    if (!s.ok()) return s;
    if (members == 0) {
      c.problem(fmt::format("relationship block {}..{}: no member left", b.first.rel, b.last.rel));
    }
  }
  for (auto order : {keys::Order::kSpo, keys::Order::kPos, keys::Order::kOsp}) {
    Cf cf = keys::order_cf(order);
    size_t n = 0;
    s = snap.scan(cf, {}, [&](auto k, auto) {
      ++n;
      keys::Triple t;
      if (!keys::decode_quad(order, k, t)) {
        c.problem(fmt::format("{}: malformed key", keys::cf_name(cf)));
        return true;
      }
      auto it = rels.find(t.rel);
      if (it == rels.end() || it->second.first.s != t.s || it->second.first.p != t.p ||
          it->second.first.o != t.o) {
        c.problem(fmt::format("{}: entry ({}, {}, {}) of relationship {} disagrees with rels",
                              keys::cf_name(cf), t.s, t.p, t.o, t.rel));
      }
      return true;
    });
    if (!s.ok()) return s;
    if (n != rels.size()) {
      c.problem(
          fmt::format("{}: {} entries for {} relationships", keys::cf_name(cf), n, rels.size()));
    }
  }

  // 4. Provenance and its document back-index.
  std::unordered_set<uint64_t> mentioned;
  s = snap.scan(keys::kProv, {}, [&](auto k, auto v) {
    keys::ProvValue pv;
    keys::ProvKey pk;
    if (!keys::decode_prov_key(k, pk) || !keys::decode_prov_value(v, pv)) {
      c.problem("prov: malformed entry");
      return true;
    }
    if (!rels.count(pk.rel)) c.problem(fmt::format("prov: relationship {} does not exist", pk.rel));
    if (pk.doc != 0) {
      std::string unused;
      if (!snap.get(keys::kDocRels, keys::docrel_key(pk), &unused)) {
        c.problem(
            fmt::format("prov: mention {}/{}/{} is missing from docrels", pk.rel, pk.doc, pk.seq));
      }
      if (!term_is(pk.doc, keys::TermKind::kDoc)) {
        c.problem(fmt::format("prov: document {} is not in the dictionary", pk.doc));
      }
    }
    mentioned.insert(pk.rel);
    count(keys::stat_global_key("mentions"));
    return true;
  });
  if (!s.ok()) return s;
  s = snap.scan(keys::kDocRels, {}, [&](auto k, auto) {
    keys::ProvKey pk;
    std::string unused;
    if (!keys::decode_docrel_key(k, pk) || !snap.get(keys::kProv, keys::prov_key(pk), &unused)) {
      c.problem(fmt::format("docrels: mention {}/{}/{} has no provenance record", pk.rel, pk.doc,
                            pk.seq));
    }
    return true;
  });
  if (!s.ok()) return s;
  for (const auto& [id, rf] : rels) {
    if ((rf.second & keys::kRelFact) && !mentioned.count(id)) {
      c.problem(fmt::format("relationship {}: a fact without any mention", id));
    }
  }
  s = snap.scan(keys::kDocs, {}, [&](auto k, auto v) {
    keys::DocRecord d;
    uint64_t id = k.size() == 8 ? keys::get_u64(k.data()) : 0;
    if (!keys::decode_doc_value(v, d) || !term_is(id, keys::TermKind::kDoc)) {
      c.problem(fmt::format("docs: document {} is malformed or not in the dictionary", id));
    }
    count(keys::stat_global_key("docs"));
    return true;
  });
  if (!s.ok()) return s;

  // 5. Alias index against the nodes' names and aliases.
  size_t alias_entries = 0;
  s = snap.scan(keys::kAlias, {}, [&](auto k, auto) {
    ++alias_entries;
    if (k.size() < 9) return true;
    uint64_t n = keys::get_u64(k.data() + k.size() - 8);
    if (!nodes.count(n))
      c.problem(fmt::format("alias: '{}' names missing node {}", k.substr(0, k.size() - 9), n));
    return true;
  });
  if (!s.ok()) return s;
  size_t forms = 0;
  for (const auto& entry : nodes) {
    const uint64_t n = entry.first;  // a plain variable: lambdas may capture it (clang 14)
    std::unordered_set<std::string> mine;
    auto add = [&](const Value& v) {
      if (v.kind() != ValueKind::kString) return;
      auto f = keys::normalise_name(v.as_string());
      if (f.empty() || !mine.insert(f).second) return;
      std::string unused;
      if (!snap.get(keys::kAlias, keys::alias_key(f, n), &unused)) {
        c.problem(fmt::format("alias: node {} is not found under '{}'", n, f));
      }
    };
    if (auto name = snap.prop('n', n, "name")) add(*name);
    if (auto a = snap.prop('n', n, "aliases"); a && a->kind() == ValueKind::kList) {
      for (const Value& v : a->as_list()) add(v);
    }
    forms += mine.size();
  }
  if (forms != alias_entries) {
    c.problem(fmt::format("alias: {} entries, nodes have {} name forms", alias_entries, forms));
  }

  // 6. Statistics against the recounts.
  s = snap.scan(keys::kStats, {}, [&](auto k, auto v) {
    std::string key(k);
    int64_t stored = keys::decode_i64(v);
    auto it = counts.find(key);
    int64_t actual = it == counts.end() ? 0 : it->second;
    if (stored != actual) {
      c.problem(fmt::format("stats: {} is {} but the recount is {}", stat_name(key, terms), stored,
                            actual));
    }
    if (it != counts.end()) counts.erase(it);
    return true;
  });
  if (!s.ok()) return s;
  for (const auto& [k, n] : counts) {
    if (n != 0) c.problem(fmt::format("stats: {} is missing (recount {})", stat_name(k, terms), n));
  }
  if (c.dropped) c.report.problems.push_back(fmt::format("... and {} more problems", c.dropped));
  return c.report;
}

}  // namespace quarry::storage
