// The bulk path: a whole import into an empty graph as sorted SST files, one per column
// family, ingested with one IngestExternalFiles call (atomic across column families: after
// a crash either every file is in or none is). The merge rules are the Writer's (see
// storage/writer.h); only the bookkeeping differs: everything is held in compact in-memory
// tables (ids, 32-byte triples, pooled provenance values) and sorted once per index.
#include <fmt/format.h>
#include <rocksdb/sst_file_writer.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <thread>
#include <unordered_map>

#include "storage/database_impl.h"
#include "storage/io/triple_reader.h"
#include "storage/string_ids.h"

namespace quarry::storage {

namespace {

namespace fs = std::filesystem;
using keys::Cf;
using keys::TermKind;

// The loader's big tables live in anonymous mappings with transparent huge pages: filling
// tens of MB of fresh memory one 4 KiB page fault at a time cost a tenth of an import.
template <typename T>
struct HugePages {
  using value_type = T;
  static constexpr size_t kMin = 2u << 20;
  HugePages() = default;
  template <typename U>
  HugePages(const HugePages<U>&) {}
  T* allocate(size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMin) return static_cast<T*>(::operator new(bytes));
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMin) {
      ::operator delete(p);
    } else {
      munmap(p, bytes);
    }
  }
  template <typename U>
  bool operator==(const HugePages<U>&) const {
    return true;
  }
};
template <typename T>
using BigVector = std::vector<T, HugePages<T>>;

// One stable counting-sort pass per digit of `key`, over only the bits the keys' range
// spans, in digits of at most 16 bits: sorting FB15k-237's triples by object is one pass.
template <typename T, typename K>
void radix_pass(BigVector<T>& v, BigVector<T>& tmp, K T::*key) {
  if (v.size() < 2) return;
  K lo = v[0].*key, hi = lo;
  for (const T& x : v) lo = std::min(lo, x.*key), hi = std::max(hi, x.*key);
  int bits = std::bit_width(static_cast<uint64_t>(hi - lo));
  if (bits == 0) return;
  int passes = (bits + 15) / 16, digit = (bits + passes - 1) / passes;
  uint64_t mask = (uint64_t{1} << digit) - 1;
  std::vector<size_t> pos(size_t{1} << digit);
  tmp.resize(v.size());
  for (int pass = 0; pass < passes; ++pass) {
    int shift = pass * digit;
    std::fill(pos.begin(), pos.end(), 0);
    for (const T& x : v) ++pos[(static_cast<uint64_t>(x.*key - lo) >> shift) & mask];
    size_t sum = 0;
    for (size_t& p : pos) sum += std::exchange(p, sum);
    for (const T& x : v) tmp[pos[(static_cast<uint64_t>(x.*key - lo) >> shift) & mask]++] = x;
    v.swap(tmp);
  }
}
// Stable LSD radix sort by `keys`, least significant first. Ids are dense, so this beats
// a comparison sort several times over (the sorts were a tenth of an import).
template <typename T, typename... K>
void radix_sort(BigVector<T>& v, K T::*... keys) {
  BigVector<T> tmp;
  (radix_pass(v, tmp, keys), ...);
}

struct NodeInfo {
  uint64_t label = 0;
  std::string name;
  std::string norm;
  uint64_t next_same_name = 0;  // 1 + index of the next node with this name (other label)
};

struct MentionRow {
  uint64_t rel = 0, doc = 0;
  uint32_t value = 0;  // index into the value pool
  uint32_t order = 0;  // arrival order, so seq follows the file
};

class Loader {
 public:
  // `expected_lines` sizes the tables up front (0 = unknown).
  Loader(Store& store, size_t expected_lines) : store_(store), next_(store.counters()) {
    first_node_ = next_.next_node;
    first_rel_ = next_.next_rel;
    rels_.reserve(expected_lines);
    mentions_.reserve(expected_lines);
  }

  Status add(const Fact& f, WriteSummary& summary);
  Status write_and_ingest(WriteSummary& summary);

 private:
  std::optional<uint64_t> find_term(TermKind kind, std::string_view text);
  uint64_t term(TermKind kind, std::string_view text);
  Result<uint64_t> entity(const EntityRef& e);
  Status write_files(const fs::path& dir, std::vector<rocksdb::IngestExternalFileArg>& args,
                     WriteSummary& summary);

  Store& store_;
  Counters next_;
  uint64_t first_node_, first_rel_;
  std::unordered_map<std::string, std::optional<uint64_t>> terms_;  // kind+text -> id
  std::vector<std::pair<uint64_t, std::string>> new_terms_;         // id, kind+text
  StringIds exact_;                                                 // type 0x01 name -> node
  StringIds by_name_;  // name -> 1 + index of the first node with that name
  std::vector<NodeInfo> nodes_;
  BigVector<keys::Triple> rels_;
  BigVector<MentionRow> mentions_;
  std::unordered_map<std::string, uint32_t> value_ids_;
  std::vector<std::string> values_;
  std::string key_, value_;  // scratch, reused to avoid per-fact allocation
  std::string last_text_;
  StringIds types_;  // predicate -> type id
  bool have_last_ = false;
  struct {
    Mention m;
    bool surface_is_type = true;
    uint32_t value = 0;
    uint64_t doc_id = ~0ull;
  } last_;
};

std::optional<uint64_t> Loader::find_term(TermKind kind, std::string_view text) {
  key_ = keys::term_key(kind, text);
  auto it = terms_.find(key_);
  if (it != terms_.end()) return it->second;
  std::string v;
  std::optional<uint64_t> id;
  if (store_.db()->Get({}, store_.cf(keys::kTerm2Id), key_, &v).ok() && v.size() == 8) {
    id = keys::get_u64(v.data());
  }
  terms_.emplace(key_, id);
  return id;
}

uint64_t Loader::term(TermKind kind, std::string_view text) {
  if (auto id = find_term(kind, text)) return *id;
  uint64_t id = next_.next_term++;
  terms_[key_] = id;
  new_terms_.emplace_back(id, key_);
  return id;
}

Result<uint64_t> Loader::entity(const EntityRef& e) {
  key_.assign(e.type).push_back('\x01');
  key_.append(e.name);
  uint64_t hash = StringIds::hash(key_);
  if (const uint64_t* id = exact_.find(key_, hash)) return *id;
  std::string exact_key = key_;
  std::string norm = keys::normalise_name(e.name);
  if (norm.empty()) {
    return Error(ErrorCode::kInvalidArgument,
                 fmt::format("entity name '{}' has no letters or digits", e.name));
  }
  std::optional<uint64_t> label;
  if (!e.type.empty()) label = find_term(TermKind::kLabel, e.type);
  // Node identity on import is the exact name (see Writer::set_exact_names): the same name
  // without a type is any node of that name, with a type the node of that name and label.
  uint64_t id = 0;
  uint64_t name_hash = StringIds::hash(e.name);
  const uint64_t* first = by_name_.find(e.name, name_hash);
  uint64_t* last_link = nullptr;
  for (uint64_t k = first ? *first : 0; k; k = nodes_[k - 1].next_same_name) {
    if (e.type.empty() || (label && nodes_[k - 1].label == *label)) {
      id = first_node_ + k - 1;
      break;
    }
    last_link = &nodes_[k - 1].next_same_name;
  }
  if (id == 0) {
    id = next_.next_node++;
    uint64_t k = id - first_node_ + 1;
    if (last_link) {
      *last_link = k;
    } else {
      by_name_.insert(e.name, name_hash, k);
    }
    nodes_.push_back(
        {term(TermKind::kLabel, e.type.empty() ? "Other" : e.type), e.name, std::move(norm)});
  }
  exact_.insert(exact_key, hash, id);
  return id;
}

Status Loader::add(const Fact& f, WriteSummary&) {
  if (f.predicate.empty()) return Error(ErrorCode::kInvalidArgument, "empty predicate");
  auto s = entity(f.subject);
  if (!s.ok()) return s.status();
  auto o = entity(f.object);
  if (!o.ok()) return o.status();
  uint64_t p;
  uint64_t hash = StringIds::hash(f.predicate);
  if (const uint64_t* id = types_.find(f.predicate, hash)) {
    p = *id;
  } else {
    p = types_.insert(f.predicate, hash, term(TermKind::kType, f.predicate));
  }
  // Every line gets a provisional relationship; write_files() merges equal (s, p, o)
  // after sorting, which is cheaper than a hash table of every triple.
  uint64_t provisional = first_rel_ + rels_.size();
  rels_.push_back({*s, p, *o, provisional});
  // Consecutive lines mostly repeat the document and the mention fields: remember the
  // last ones instead of encoding and hashing them again.
  const Mention& m = f.mention;
  bool text_is_type = f.text == f.predicate;  // always so in TSV, and predicates are long
  bool same_surface = text_is_type ? last_.surface_is_type : f.text == last_text_;
  if (!(have_last_ && m.sentence == last_.m.sentence && m.start == last_.m.start &&
        m.end == last_.m.end && m.confidence == last_.m.confidence &&
        m.extractor == last_.m.extractor && same_surface &&
        text_is_type == last_.surface_is_type)) {
    keys::ProvValue pv;
    pv.sentence = m.sentence;
    pv.start = m.start;
    pv.end = m.end;
    pv.confidence = m.confidence;
    pv.extractor = m.extractor.empty() ? 0 : term(TermKind::kExtractor, m.extractor);
    if (!text_is_type) pv.surface = f.text;
    value_ = keys::prov_value(pv);
    auto [vit, vnew] = value_ids_.try_emplace(value_, static_cast<uint32_t>(values_.size()));
    if (vnew) values_.push_back(value_);
    have_last_ = true;
    last_.m.sentence = m.sentence;
    last_.m.start = m.start;
    last_.m.end = m.end;
    last_.m.confidence = m.confidence;
    last_.m.extractor = m.extractor;
    last_.surface_is_type = text_is_type;
    last_text_ = f.text;
    last_.value = vit->second;
  }
  if (m.doc != last_.m.doc || last_.doc_id == ~0ull) {
    last_.m.doc = m.doc;
    last_.doc_id = m.doc.empty() ? 0 : term(TermKind::kDoc, m.doc);
  }
  uint64_t doc = last_.doc_id;
  uint32_t value = last_.value;
  mentions_.push_back({provisional, doc, value, static_cast<uint32_t>(mentions_.size())});
  return {};
}

// One SST file per column family, written in key order.
class Sst {
 public:
  Sst(Store& store, Cf cf, const fs::path& dir)
      : options_(store.sst_options(cf)),
        // The files are read back at once by the ingestion: keep them in the page cache.
        writer_(rocksdb::EnvOptions(), options_, store.cf(cf), /*invalidate_page_cache=*/false),
        path_((dir / (std::string(keys::cf_name(cf)) + ".sst")).string()),
        cf_(store.cf(cf)) {}
  Status put(std::string_view k, std::string_view v, bool merge = false) {
    if (!open_) {
      if (auto s = writer_.Open(path_); !s.ok()) return rocks_error(s, "bulk import");
      open_ = true;
    }
    rocksdb::Slice ks(k.data(), k.size()), vs(v.data(), v.size());
    auto s = merge ? writer_.Merge(ks, vs) : writer_.Put(ks, vs);
    if (!s.ok()) return rocks_error(s, "bulk import");
    return {};
  }
  Status finish(std::vector<rocksdb::IngestExternalFileArg>& args) {
    if (!open_) return {};
    if (auto s = writer_.Finish(); !s.ok()) return rocks_error(s, "bulk import");
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = cf_;
    arg.external_files = {path_};
    arg.options.move_files = true;
    args.push_back(std::move(arg));
    return {};
  }

 private:
  rocksdb::Options options_;
  rocksdb::SstFileWriter writer_;
  std::string path_;
  rocksdb::ColumnFamilyHandle* cf_;
  bool open_ = false;
};

#define QUARRY_TRY(expr)              \
  do {                                \
    if (auto _s = (expr); !_s.ok()) { \
      return _s;                      \
    }                                 \
  } while (0)

Status Loader::write_files(const fs::path& dir, std::vector<rocksdb::IngestExternalFileArg>& args,
                           WriteSummary& summary) {
  std::vector<std::pair<std::string, int64_t>> stats;

  // Relationship ids are handed out in SPO order: then the rels records, the SPO index and
  // provenance all run through consecutive ids, which RocksDB's key prefix sharing and
  // the block compressor turn into a few bytes per triple. Nothing outside this import
  // has seen the provisional ids.
  // Stable, and the provisional ids follow the file: equal triples stay in file order.
  radix_sort(rels_, &keys::Triple::o, &keys::Triple::p, &keys::Triple::s);
  {
    // Equal (s, p, o) are one fact: they share the final id and keep one record.
    std::vector<uint64_t> renumber(rels_.size());
    size_t unique = 0;
    for (size_t i = 0; i < rels_.size(); ++i) {
      const auto& t = rels_[i];
      if (unique == 0 || t.s != rels_[unique - 1].s || t.p != rels_[unique - 1].p ||
          t.o != rels_[unique - 1].o) {
        rels_[unique++] = t;
      }
      renumber[t.rel - first_rel_] = first_rel_ + unique - 1;
    }
    rels_.resize(unique);
    for (size_t i = 0; i < unique; ++i) rels_[i].rel = first_rel_ + i;
    for (auto& m : mentions_) m.rel = renumber[m.rel - first_rel_];
    next_.next_rel = first_rel_ + unique;
  }
  std::unordered_map<uint64_t, int64_t> per_type;
  std::vector<int64_t> out_deg(nodes_.size()), in_deg(nodes_.size());
  for (const auto& t : rels_) {
    ++per_type[t.p];
    ++out_deg[t.s - first_node_];
    ++in_deg[t.o - first_node_];
  }
  auto write_index = [&](BigVector<keys::Triple>& v, keys::Order order,
                         std::vector<rocksdb::IngestExternalFileArg>& out) -> Status {
    // `v` is in SPO order (and rel order) and each (s, p, o) is there once, so a stable
    // sort by the leading keys of the other orders is enough.
    if (order == keys::Order::kPos) radix_sort(v, &keys::Triple::o, &keys::Triple::p);
    if (order == keys::Order::kOsp) radix_sort(v, &keys::Triple::o);
    char quad[keys::kMaxQuadSize];
    Sst sst(store_, keys::order_cf(order), dir);
    for (const auto& t : v) {
      size_t n = keys::encode_quad(order, t, quad);
      QUARRY_TRY(sst.put(std::string_view(quad, n), {}));
    }
    return sst.finish(out);
  };

  // A third stream writes the nodes, their label index, names, alias entries and the
  // dictionary: independent of the triples, and the main thread would only wait.
  uint64_t name_key = term(TermKind::kPropKey, "name");  // before: it may add a term
  std::unordered_map<uint64_t, int64_t> per_label;
  std::vector<rocksdb::IngestExternalFileArg> args3;
  Status third_status;
  std::thread third([&] {
    third_status = [&]() -> Status {
      std::vector<std::pair<uint64_t, uint64_t>> label_idx;
      std::vector<std::pair<std::string_view, uint64_t>> alias;
      {
        Sst nodes(store_, keys::kNodes, dir), props(store_, keys::kProps, dir);
        std::string enc;
        for (size_t i = 0; i < nodes_.size(); ++i) {
          const NodeInfo& n = nodes_[i];
          uint64_t id = first_node_ + i;
          QUARRY_TRY(nodes.put(keys::u64_key(id), keys::node_value({n.label})));
          ++per_label[n.label];
          label_idx.emplace_back(n.label, id);
          alias.emplace_back(n.norm, id);
          enc.clear();
          keys::encode_value(Value(n.name), enc);
          QUARRY_TRY(props.put(keys::node_prop_key(id, name_key), enc));
        }
        QUARRY_TRY(nodes.finish(args3));
        QUARRY_TRY(props.finish(args3));
      }
      std::sort(label_idx.begin(), label_idx.end());
      {
        Sst sst(store_, keys::kLabelIdx, dir);
        for (const auto& [l, n] : label_idx) QUARRY_TRY(sst.put(keys::label_index_key(l, n), {}));
        QUARRY_TRY(sst.finish(args3));
      }
      std::sort(alias.begin(), alias.end());  // (norm, node) order = key order: 0x00 separates
      {
        Sst sst(store_, keys::kAlias, dir);
        for (const auto& [norm, n] : alias) QUARRY_TRY(sst.put(keys::alias_key(norm, n), {}));
        QUARRY_TRY(sst.finish(args3));
      }

      // Dictionary: new terms both ways.
      std::sort(new_terms_.begin(), new_terms_.end());
      {
        Sst sst(store_, keys::kId2Term, dir);
        for (const auto& [id, k] : new_terms_) QUARRY_TRY(sst.put(keys::u64_key(id), k));
        QUARRY_TRY(sst.finish(args3));
      }
      std::sort(new_terms_.begin(), new_terms_.end(),
                [](const auto& a, const auto& b) { return a.second < b.second; });
      {
        Sst sst(store_, keys::kTerm2Id, dir);
        for (const auto& [id, k] : new_terms_) QUARRY_TRY(sst.put(k, keys::u64_key(id)));
        QUARRY_TRY(sst.finish(args3));
      }
      return Status();
    }();
  });

  // A second thread writes OSP (from a copy) and provenance while this one writes the
  // rest: SST building is CPU-bound (sorting, compression) and the files are independent.
  std::vector<rocksdb::IngestExternalFileArg> args2;
  uint64_t mentions_added = 0;
  Status second;
  std::thread helper([&, osp = rels_]() mutable {
    second = [&]() -> Status {
      QUARRY_TRY(write_index(osp, keys::Order::kOsp, args2));
      osp = {};
      // Provenance: by (rel, doc, arrival); identical mentions of one (rel, doc) collapse.
      // Mentions are in arrival order: a stable sort keeps it within (rel, doc).
      radix_sort(mentions_, &MentionRow::doc, &MentionRow::rel);
      std::vector<keys::ProvKey> docrels;
      Sst prov(store_, keys::kProv, dir);
      size_t run = 0;
      for (size_t i = 0; i < mentions_.size(); ++i) {
        const auto& m = mentions_[i];
        if (i == 0 || m.rel != mentions_[i - 1].rel || m.doc != mentions_[i - 1].doc) run = i;
        bool dup = false;
        for (size_t j = run; j < i && !dup; ++j) dup = mentions_[j].value == m.value;
        if (dup) continue;
        keys::ProvKey pk{m.rel, m.doc, static_cast<uint32_t>(i - run)};
        QUARRY_TRY(prov.put(keys::prov_key(pk), values_[m.value]));
        if (m.doc != 0) docrels.push_back(pk);
        ++mentions_added;
      }
      QUARRY_TRY(prov.finish(args2));
      std::sort(docrels.begin(), docrels.end(), [](const auto& a, const auto& b) {
        return std::tie(a.doc, a.rel, a.seq) < std::tie(b.doc, b.rel, b.seq);
      });
      Sst sst(store_, keys::kDocRels, dir);
      for (const auto& pk : docrels) QUARRY_TRY(sst.put(keys::docrel_key(pk), {}));
      return sst.finish(args2);
    }();
  });
  Status first = [&]() -> Status {
    Sst rels(store_, keys::kRels, dir);
    for (const auto& t : rels_) {
      QUARRY_TRY(rels.put(keys::rel_key(t.rel), keys::rel_value(t.s, t.p, t.o, keys::kRelFact)));
    }
    QUARRY_TRY(rels.finish(args));
    QUARRY_TRY(write_index(rels_, keys::Order::kSpo, args));
    return write_index(rels_, keys::Order::kPos, args);
  }();
  helper.join();
  third.join();
  QUARRY_TRY(first);
  QUARRY_TRY(second);
  QUARRY_TRY(third_status);
  for (auto* more : {&args2, &args3}) {
    for (auto& a : *more) args.push_back(std::move(a));
  }
  summary.mentions_added += mentions_added;

  // Statistics as merge operands (added to whatever the counters hold), and the counters.
  // Made in key order ('g' globals, 'i' in-degrees, 'l' labels, 'o' out-degrees, 'p'
  // types; ids ascending within each) rather than sorted: sorting a string per node was a
  // visible part of importing a graph with many nodes.
  stats.emplace_back(keys::stat_global_key("mentions"),
                     static_cast<int64_t>(summary.mentions_added));
  stats.emplace_back(keys::stat_global_key("nodes"), static_cast<int64_t>(nodes_.size()));
  stats.emplace_back(keys::stat_global_key("rels"), static_cast<int64_t>(rels_.size()));
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (in_deg[i]) stats.emplace_back(keys::stat_degree_key(false, first_node_ + i), in_deg[i]);
  }
  for (const auto& [l, n] : std::map<uint64_t, int64_t>(per_label.begin(), per_label.end())) {
    stats.emplace_back(keys::stat_label_key(l), n);
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (out_deg[i]) stats.emplace_back(keys::stat_degree_key(true, first_node_ + i), out_deg[i]);
  }
  for (const auto& [t, n] : std::map<uint64_t, int64_t>(per_type.begin(), per_type.end())) {
    stats.emplace_back(keys::stat_type_key(t), n);
  }
  if (!std::is_sorted(stats.begin(), stats.end())) std::sort(stats.begin(), stats.end());
  {
    Sst sst(store_, keys::kStats, dir);
    for (const auto& [k, n] : stats) QUARRY_TRY(sst.put(k, keys::i64_value(n), true));
    QUARRY_TRY(sst.finish(args));
  }
  {
    Sst sst(store_, keys::kDefault, dir);
    QUARRY_TRY(sst.put(keys::kNextNodeKey, keys::u64_key(next_.next_node)));
    QUARRY_TRY(sst.put(keys::kNextRelKey, keys::u64_key(next_.next_rel)));
    QUARRY_TRY(sst.put(keys::kNextTermKey, keys::u64_key(next_.next_term)));
    QUARRY_TRY(sst.finish(args));
  }
  summary.facts_added = rels_.size();
  summary.entities_added = nodes_.size();
  return {};
}

Status Loader::write_and_ingest(WriteSummary& summary) {
  if (rels_.empty() && nodes_.empty()) return {};
  fs::path dir = fs::path(store_.path()) / fmt::format("bulk-{}", getpid());
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Error(ErrorCode::kIOError, fmt::format("cannot create {}", dir.string()));
  std::vector<rocksdb::IngestExternalFileArg> args;
  Status s = write_files(dir, args, summary);
  if (s.ok()) {
    auto rs = store_.db()->IngestExternalFiles(args);
    if (!rs.ok()) s = rocks_error(rs, "ingesting the bulk import");
  }
  fs::remove_all(dir, ec);
  if (s.ok()) store_.counters() = next_;
  return s;
}

}  // namespace

Result<ImportReport> bulk_import(const std::shared_ptr<Store>& store, std::istream& in,
                                 ImportFormat format, const std::string& name, bool strict) {
  auto start = std::chrono::steady_clock::now();
  ImportReport report;
  // A file's size tells roughly how many lines it has (no line is shorter than 6 bytes;
  // the knowledge-graph dumps average 40-80); reserving for every line up front costs
  // only address space, where growing the tables copies them and faults their pages again.
  size_t expected = 0;
  if (auto here = in.tellg(); here >= 0 && in.seekg(0, std::ios::end)) {
    auto end = in.tellg();
    in.seekg(here);
    if (end > here) expected = static_cast<size_t>(end - here) / 24;
  }
  in.clear();
  Loader loader(*store, expected);
  auto reader = TripleReader::open(format, in, name);
  auto read = read_facts(*reader, name, strict, report,
                         [&](const Fact& fact) { return loader.add(fact, report.summary); });
  if (!read.ok()) return read;
  auto parsed = std::chrono::steady_clock::now();
  if (auto s = loader.write_and_ingest(report.summary); !s.ok()) return s;
  if (std::getenv("QUARRY_BULK_TIMING")) {
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    fmt::print(stderr,
               "bulk import: read+resolve {:.3f} s, sort+write+ingest {:.3f} s (CPU {:.3f} s)\n",
               secs(start, parsed), secs(parsed, std::chrono::steady_clock::now()),
               static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
  }
  return report;
}

}  // namespace quarry::storage
