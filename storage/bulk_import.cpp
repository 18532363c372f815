// The bulk path: a whole import into an empty graph as sorted SST files, one per column
// family, ingested with one IngestExternalFiles call (atomic across column families: after
// a crash either every file is in or none is). The merge rules are the Writer's (see
// storage/writer.h); only the bookkeeping differs.
//
// Memory stays flat whatever the input size: every line becomes one fixed-size record in
// a RunSorter (storage/run_sorter.h), which holds at most kRunRecords of them and spills
// sorted runs to files in a temporary directory inside the database. Sorted by (s, p, o,
// doc), the records come out in the order of the SPO index, of relationship ids and of
// provenance at once; three stages walk them side by side, each on a core when the lines
// fit in memory (SPO and rels; provenance; the POS and OSP tables, sorted and written as
// soon as they are filled), while the nodes' files are written beside them. The label
// and document back-indexes go through RunSorters of their own. What still grows with the
// input is the dictionary: per distinct entity ~80 bytes (most of it the name index's
// 32-byte slots at load <= 3/4) plus its name once or twice (a name of over 16 bytes in
// the index's arena, and the alias key) plus 8 bytes of degree counters; per distinct
// relationship type, label, document or extractor one hash entry; and one entry per
// distinct mention value (sentence, span, confidence, extractor, surface text), one in
// all for plain TSV.
#include <fmt/format.h>
#include <rocksdb/sst_file_writer.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <thread>
#include <unordered_map>

#include "storage/database_impl.h"
#include "storage/io/read_ahead.h"
#include "storage/io/triple_reader.h"
#include "storage/pipe.h"
#include "storage/run_sorter.h"
#include "storage/string_ids.h"

namespace quarry::storage {

namespace {

namespace fs = std::filesystem;
using keys::Cf;
using keys::TermKind;

// Records per in-memory run (`QUARRY_BULK_RUN` overrides it, for tests). A line is 20
// bytes and a triple 16, and a sorter may hold three runs' worth (the run being filled,
// the one being spilled, the sort's scratch): about 60 MiB for the lines and 48 MiB for
// each of POS and OSP at the peak. A file of a million lines fits in one run: no spilling.
constexpr size_t kRunRecords = size_t{1} << 20;

size_t run_records() {
  if (const char* env = std::getenv("QUARRY_BULK_RUN")) {
    if (size_t n = std::strtoull(env, nullptr, 10); n > 0) return n;
  }
  return kRunRecords;
}

long peak_rss_mib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

// The sorters' records hold 32-bit ids: nodes and relationships as offsets from the
// import's first one, types, labels and documents as term ids (Loader::narrow() refuses an
// import that outgrows them). Half the bytes of 64-bit ids to sort, move and spill, so a
// run of the same memory holds twice the records.
//
// One input line, resolved to ids.
struct Line {
  uint32_t s = 0, p = 0, o = 0, doc = 0;
  uint32_t value = 0;  // index into the mention value pool
};
// One fact, for the POS and OSP sorts.
struct Fact32 {
  uint32_t s = 0, p = 0, o = 0, rel = 0;
};
struct ProvRow {
  keys::ProvKey key;
  uint32_t value = 0;  // index into the mention value pool
};
struct LabelNode {
  uint32_t label = 0, node = 0;
};
// Follows the lines in (s, p, o, doc) order and numbers the distinct (s, p, o) from 0:
// every stage of the writer derives the same relationship ids on its own.
struct FactCursor {
  Fact32 fact;
  uint32_t count = 0;
  bool have = false;
  // True when `l` starts a new fact (then `fact` is it).
  bool step(const Line& l) {
    if (have && l.s == fact.s && l.p == fact.p && l.o == fact.o) return false;
    have = true;
    fact = {l.s, l.p, l.o, count++};
    return true;
  }
};

struct NodeInfo {
  uint64_t label = 0;
  uint64_t next_same_name = 0;  // 1 + index of the next node with this name (other label)
};

#define QUARRY_TRY(expr)              \
  do {                                \
    if (auto _s = (expr); !_s.ok()) { \
      return _s;                      \
    }                                 \
  } while (0)

// One SST file per column family, written in key order.
class Sst {
 public:
  Sst(Store& store, Cf cf, const fs::path& dir)
      : options_(store.sst_options(cf)),
        // The files are read back at once by the ingestion: keep them in the page cache.
        writer_(rocksdb::EnvOptions(), options_, store.cf(cf), /*invalidate_page_cache=*/false),
        path_((dir / (std::string(keys::cf_name(cf)) + ".sst")).string()),
        cf_(store.cf(cf)),
        fail_(injected_failure(cf)) {}
  Status put(std::string_view k, std::string_view v, bool merge = false) {
    if (fail_) return Error(ErrorCode::kIOError, fmt::format("bulk import: {} failed", path_));
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
    rocksdb::ExternalSstFileInfo info;
    if (auto s = writer_.Finish(&info); !s.ok()) return rocks_error(s, "bulk import");
    if (std::getenv("QUARRY_BULK_TIMING")) {
      fmt::print(stderr, "  {}: {} entries, {} bytes\n", cf_->GetName(), info.num_entries,
                 info.file_size);
    }
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = cf_;
    arg.external_files = {path_};
    arg.options.move_files = true;
    // The sequence number goes to the MANIFEST only: writing it into the file as well (for
    // RocksDB before 5.16) is a write into every file after it was synced.
    arg.options.write_global_seqno = false;
    args.push_back(std::move(arg));
    return {};
  }

 private:
  rocksdb::Options options_;
  rocksdb::SstFileWriter writer_;
  std::string path_;
  rocksdb::ColumnFamilyHandle* cf_;
  bool fail_;
  bool open_ = false;

  // QUARRY_BULK_FAIL=<column family> makes every write to that file fail: the tests' way
  // to break one stage of the writer midway.
  static bool injected_failure(Cf cf) {
    const char* name = std::getenv("QUARRY_BULK_FAIL");
    return name && std::string_view(name) == keys::cf_name(cf);
  }
};

// The temporary directory of one import (SST files and spilled runs): removed when the
// import ends, whether it succeeded or not. Directories left by a killed import are
// removed by the next one (only the process holding the database's lock imports).
class BulkDir {
 public:
  explicit BulkDir(const fs::path& db) : path_(db / fmt::format("bulk-{}", getpid())) {}
  ~BulkDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  Status create() {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(path_.parent_path(), ec)) {
      if (e.path().filename().string().starts_with("bulk-")) fs::remove_all(e.path(), ec);
    }
    ec.clear();
    fs::create_directories(path_, ec);
    if (ec) return Error(ErrorCode::kIOError, fmt::format("cannot create {}", path_.string()));
    return {};
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

template <typename T, typename K>
bool triple_less(const T& a, const T& b, K T::*k1, K T::*k2, K T::*k3) {
  return std::tie(a.*k1, a.*k2, a.*k3) < std::tie(b.*k1, b.*k2, b.*k3);
}

class Loader {
 public:
  Loader(Store& store, size_t expected_lines)
      : store_(store),
        next_(store.counters()),
        dir_(store.path()),
        run_(run_records()),
        lines_(
            dir_.path(), "lines", run_,
            [](auto& v, auto& tmp) {
              radix_sort(v, tmp, &Line::doc, &Line::o, &Line::p, &Line::s);
            },
            [](const Line& a, const Line& b) {
              return std::tie(a.s, a.p, a.o, a.doc) < std::tie(b.s, b.p, b.o, b.doc);
            }),
        label_nodes_(
            dir_.path(), "labels", run_,
            [](auto& v, auto& tmp) { radix_sort(v, tmp, &LabelNode::label); },
            [](const LabelNode& a, const LabelNode& b) {
              return std::tie(a.label, a.node) < std::tie(b.label, b.node);
            }),
        nodes_sst_(store, keys::kNodes, dir_.path()),
        props_sst_(store, keys::kProps, dir_.path()) {
    first_node_ = next_.next_node;
    first_rel_ = next_.next_rel;
    lines_.reserve(expected_lines);
  }

  Status start() {
    QUARRY_TRY(dir_.create());
    name_key_ = term(TermKind::kPropKey, "name");
    return {};
  }
  // What add() needs hashed, computed ahead on the reading thread: the hashes of the
  // subject's name, the object's name and the predicate.
  static void hash_names(const Fact& f, uint64_t (&hashes)[3]) {
    hashes[0] = StringIds::hash(f.subject.name);
    hashes[1] = StringIds::hash(f.object.name);
    hashes[2] = StringIds::hash(f.predicate);
  }
  // Starts fetching the name index slots a line with these hashes will look at.
  void prefetch(const uint64_t (&hashes)[3]) const {
    by_name_.prefetch(hashes[0]);
    by_name_.prefetch(hashes[1]);
  }
  // Adds one line, given hash_names() of it; an error is the line's own fault (a bad
  // name). Failures of the machinery (disk full) are kept for failed() instead, so a
  // lenient import cannot skip them.
  Status add(const Fact& f, const uint64_t (&hashes)[3]);
  const Status& failed() const { return failed_; }
  Status write_and_ingest(WriteSummary& summary);

 private:
  // With QUARRY_BULK_TIMING set, prints when a step ended, in seconds since the start.
  void mark(std::string_view step) const {
    if (!timing_) return;
    auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    fmt::print(stderr, "bulk import: {} at {:.3f} s\n", step, secs);
  }
  std::optional<uint64_t> find_term(TermKind kind, std::string_view text);
  uint64_t term(TermKind kind, std::string_view text);
  Result<uint64_t> entity(const EntityRef& e, uint64_t name_hash);
  uint64_t new_node(std::string_view name, uint64_t label, std::string_view norm);
  void keep(Status s) {
    if (!s.ok() && failed_.ok()) failed_ = std::move(s);
  }
  // `x` as a sorter record's 32-bit id (see Line); a larger one fails the import.
  uint32_t narrow(uint64_t x) {
    if (x > UINT32_MAX) {
      keep(Error(ErrorCode::kInvalidArgument,
                 "a bulk import takes at most 2^32 - 1 nodes, terms and lines: split the file"));
    }
    return static_cast<uint32_t>(x);
  }
  Status write_files(std::vector<rocksdb::IngestExternalFileArg>& args, WriteSummary& summary);
  Status write_nodes_and_terms(std::vector<rocksdb::IngestExternalFileArg>& args);

  Store& store_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  const bool timing_ = std::getenv("QUARRY_BULK_TIMING") != nullptr;
  Counters next_;
  BulkDir dir_;
  size_t run_;
  uint64_t first_node_ = 0, first_rel_ = 0, name_key_ = 0;
  Status failed_;
  std::unordered_map<std::string, std::optional<uint64_t>> terms_;  // kind+text -> id
  std::vector<std::pair<uint64_t, std::string>> new_terms_;         // id, kind+text
  StringIds exact_;    // type 0x01 name -> node, for typed entities
  StringIds by_name_;  // name -> 1 + index of the first node with that name
  std::vector<NodeInfo> nodes_;
  RunSorter<Line> lines_;
  RunSorter<LabelNode> label_nodes_;
  Sst nodes_sst_, props_sst_;  // written as nodes appear: ids ascend
  std::string alias_keys_;     // alias_key(norm, node) of every node, back to back
  std::vector<uint64_t> alias_ends_;
  std::unordered_map<std::string, uint32_t> value_ids_;
  std::vector<std::string> values_;
  std::string key_, value_, enc_;  // scratch, reused to avoid per-fact allocation
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

// Hands out the next node id and writes what is known of it now: its record, its name,
// its label (sorted later) and its alias key (sorted later).
uint64_t Loader::new_node(std::string_view name, uint64_t label, std::string_view norm) {
  uint64_t id = next_.next_node++;
  nodes_.push_back({label, 0});
  keep(nodes_sst_.put(keys::u64_key(id), keys::node_value({label})));
  enc_.clear();
  keys::encode_value(Value(std::string(name)), enc_);
  keep(props_sst_.put(keys::node_prop_key(id, name_key_), enc_));
  keep(label_nodes_.add({narrow(label), narrow(id - first_node_)}));
  alias_keys_ += keys::alias_key(norm, id);
  alias_ends_.push_back(alias_keys_.size());
  return id;
}

Result<uint64_t> Loader::entity(const EntityRef& e, uint64_t name_hash) {
  // Node identity on import is the exact name (see Writer::set_exact_names): the same name
  // without a type is the first node of that name, with a type the node of that name and
  // label. Untyped names (all of TSV and N-Triples) need only the name index.
  const uint64_t* first = by_name_.find(e.name, name_hash);
  if (e.type.empty() && first) return first_node_ + *first - 1;
  uint64_t hash = 0;
  std::string exact_key;
  if (!e.type.empty()) {
    exact_key.assign(e.type).push_back('\x01');
    exact_key.append(e.name);
    hash = StringIds::hash(exact_key);
    if (const uint64_t* id = exact_.find(exact_key, hash)) return *id;
  }
  std::string norm = keys::normalise_name(e.name);
  if (norm.empty()) {
    return Error(ErrorCode::kInvalidArgument,
                 fmt::format("entity name '{}' has no letters or digits", e.name));
  }
  std::optional<uint64_t> label;
  if (!e.type.empty()) label = find_term(TermKind::kLabel, e.type);
  uint64_t id = 0;
  uint64_t* last_link = nullptr;
  for (uint64_t k = first ? *first : 0; k; k = nodes_[k - 1].next_same_name) {
    if (label && nodes_[k - 1].label == *label) {
      id = first_node_ + k - 1;
      break;
    }
    last_link = &nodes_[k - 1].next_same_name;
  }
  if (id == 0) {
    uint64_t l = term(TermKind::kLabel, e.type.empty() ? "Other" : e.type);
    uint64_t k = nodes_.size() + 1;
    if (last_link) {
      *last_link = k;
    } else {
      by_name_.insert(e.name, name_hash, k);
    }
    id = new_node(e.name, l, norm);
  }
  if (!e.type.empty()) exact_.insert(exact_key, hash, id);
  return id;
}

Status Loader::add(const Fact& f, const uint64_t (&hashes)[3]) {
  if (f.predicate.empty()) return Error(ErrorCode::kInvalidArgument, "empty predicate");
  auto s = entity(f.subject, hashes[0]);
  if (!s.ok()) return s.status();
  auto o = entity(f.object, hashes[1]);
  if (!o.ok()) return o.status();
  uint64_t p;
  uint64_t hash = hashes[2];
  if (const uint64_t* id = types_.find(f.predicate, hash)) {
    p = *id;
  } else {
    p = types_.insert(f.predicate, hash, term(TermKind::kType, f.predicate));
  }
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
  narrow(lines_.size() + 1);  // relationship offsets
  keep(lines_.add({narrow(*s - first_node_), narrow(p), narrow(*o - first_node_),
                   narrow(last_.doc_id), last_.value}));
  return {};
}

// The nodes' files (their records and names were written as they appeared), the label and
// alias indexes, and the dictionary. Independent of the triples: runs beside them.
Status Loader::write_nodes_and_terms(std::vector<rocksdb::IngestExternalFileArg>& args) {
  QUARRY_TRY(nodes_sst_.finish(args));
  QUARRY_TRY(props_sst_.finish(args));
  {
    Sst sst(store_, keys::kLabelIdx, dir_.path());
    QUARRY_TRY(label_nodes_.for_each([&](const LabelNode& x) {
      return sst.put(keys::label_index_key(x.label, first_node_ + x.node), {});
    }));
    QUARRY_TRY(sst.finish(args));
  }
  {
    std::vector<std::string_view> alias(alias_ends_.size());
    for (size_t i = 0, at = 0; i < alias.size(); at = alias_ends_[i++]) {
      alias[i] = std::string_view(alias_keys_).substr(at, alias_ends_[i] - at);
    }
    std::sort(alias.begin(), alias.end());
    Sst sst(store_, keys::kAlias, dir_.path());
    for (auto k : alias) QUARRY_TRY(sst.put(k, {}));
    QUARRY_TRY(sst.finish(args));
  }
  // Dictionary: new terms both ways.
  std::sort(new_terms_.begin(), new_terms_.end());
  {
    Sst sst(store_, keys::kId2Term, dir_.path());
    for (const auto& [id, k] : new_terms_) QUARRY_TRY(sst.put(keys::u64_key(id), k));
    QUARRY_TRY(sst.finish(args));
  }
  std::sort(new_terms_.begin(), new_terms_.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  Sst sst(store_, keys::kTerm2Id, dir_.path());
  for (const auto& [id, k] : new_terms_) QUARRY_TRY(sst.put(k, keys::u64_key(id)));
  return sst.finish(args);
}

Status Loader::write_files(std::vector<rocksdb::IngestExternalFileArg>& args,
                           WriteSummary& summary) {
  const fs::path& dir = dir_.path();
  // Files of the stages below, each stage on a thread of its own; joined into `args`.
  std::vector<rocksdb::IngestExternalFileArg> args_nodes, args_spo, args_prov, args_osp;
  Status nodes_status;
  std::jthread nodes_thread([&] {
    nodes_status = write_nodes_and_terms(args_nodes);
    mark("nodes, labels, aliases and terms written");
  });

  // The lines in (s, p, o, doc, arrival) order, walked by three stages at once (see
  // RunSorter::for_each_stage), each numbering the facts itself (FactCursor).
  // Relationship ids are handed out in this order, so the rels records, the SPO index and
  // provenance all run through consecutive ids, which RocksDB's key prefix sharing and the
  // block compressor turn into a few bytes per triple. Equal (s, p, o) are one fact;
  // within one (fact, doc) the mentions keep the file's order and identical ones collapse.
  using Triple = keys::Triple;
  auto wide = [&](const Fact32& x) -> Triple {
    return {first_node_ + x.s, x.p, first_node_ + x.o, first_rel_ + x.rel};
  };
  // While the lines merge from disk their last run and read buffers are in memory too, so
  // the two index sorters then take half a run each; when nothing spilled, a whole one,
  // so that an input that fits in memory is never written out.
  size_t index_run = lines_.runs_spilled() ? run_ / 2 : run_;
  RunSorter<Fact32> pos(
      dir, "pos", index_run, [](auto& v, auto& tmp) { radix_sort(v, tmp, &Fact32::o, &Fact32::p); },
      [](const Fact32& a, const Fact32& b) {
        return triple_less(a, b, &Fact32::p, &Fact32::o, &Fact32::s);
      },
      /*background=*/false);
  RunSorter<Fact32> osp(
      dir, "osp", index_run, [](auto& v, auto& tmp) { radix_sort(v, tmp, &Fact32::o); },
      [](const Fact32& a, const Fact32& b) {
        return triple_less(a, b, &Fact32::o, &Fact32::s, &Fact32::p);
      },
      /*background=*/false);
  // Records of 24 bytes: half a run keeps the run's memory.
  RunSorter<keys::ProvKey> docrels(
      dir, "docrels", run_ / 2, [](auto& v, auto& tmp) { radix_sort(v, tmp, &keys::ProvKey::doc); },
      [](const keys::ProvKey& a, const keys::ProvKey& b) {
        return std::tie(a.doc, a.rel, a.seq) < std::tie(b.doc, b.rel, b.seq);
      });
  // When the lines fit in one run, so do the facts: then one table of them in SPO order
  // becomes OSP order (stable by o) in place and POS order (stable by p from there) in
  // its sort's scratch table, instead of two sorters' tables and scratch tables.
  const bool one_table = lines_.runs_spilled() == 0;
  BigVector<Fact32> table, table_pos;
  // At most one triple per line: tables that never grow, so never copy.
  if (one_table) {
    table.reserve(lines_.size());
  } else {
    pos.reserve(lines_.size());
    osp.reserve(lines_.size());
  }
  auto index_sst = [&](RunSorter<Fact32>& sorter, const BigVector<Fact32>& table, Cf cf,
                       keys::Order order,
                       std::vector<rocksdb::IngestExternalFileArg>& out) -> Status {
    Sst sst(store_, cf, dir);
    char quad[keys::kMaxQuadSize];
    auto put = [&](const Fact32& x) {
      return sst.put(std::string_view(quad, keys::encode_quad(order, wide(x), quad)), {});
    };
    if (one_table) {
      for (const Fact32& x : table) QUARRY_TRY(put(x));
    } else {
      QUARRY_TRY(sorter.for_each(put));
    }
    return sst.finish(out);
  };

  // Stage 1: the POS and OSP sorters and the statistics; then POS here, OSP beside it.
  std::unordered_map<uint64_t, int64_t> per_type;
  std::vector<uint32_t> out_deg(nodes_.size()), in_deg(nodes_.size());
  FactCursor index_cursor;
  RunSorter<Line>::Stage index_stage{
      [&](const Line& l) -> Status {
        if (!index_cursor.step(l)) return {};
        if (one_table) {
          table.push_back(index_cursor.fact);
        } else {
          QUARRY_TRY(pos.add(index_cursor.fact));
          QUARRY_TRY(osp.add(index_cursor.fact));
        }
        ++per_type[l.p];
        ++out_deg[l.s];
        ++in_deg[l.o];
        return {};
      },
      [&]() -> Status {
        mark("POS and OSP sorters filled");
        if (one_table) {
          radix_sort(table, table_pos, &Fact32::o);
          radix_sort_into(table, table_pos, &Fact32::p);
          mark("POS and OSP sorted");
        }
        Status osp_status;
        {
          std::jthread osp_thread([&] {
            osp_status = index_sst(osp, table, keys::kOsp, keys::Order::kOsp, args_osp);
            mark("OSP written");
          });
          QUARRY_TRY(index_sst(pos, table_pos, keys::kPos, keys::Order::kPos, args));
          mark("POS written");
        }
        table = {};
        table_pos = {};
        return osp_status;
      }};
  // Stage 2: SPO and the rels records, one block record per kRelBlockSize consecutive ids
  // (see keys.h): the triples are in SPO already, and a record per relationship cost as
  // much as an index.
  Sst spo(store_, keys::kSpo, dir), rels(store_, keys::kRels, dir);
  FactCursor spo_cursor;
  keys::RelBlock block;
  bool block_open = false;
  char spo_quad[keys::kMaxQuadSize];
  auto end_block = [&]() -> Status {
    if (!block_open) return {};
    block_open = false;
    return rels.put(keys::rel_key(block.first.rel), keys::rel_block_value(block));
  };
  RunSorter<Line>::Stage spo_stage{
      [&](const Line& l) -> Status {
        if (!spo_cursor.step(l)) return {};
        Triple t = wide(spo_cursor.fact);
        QUARRY_TRY(spo.put(
            std::string_view(spo_quad, keys::encode_quad(keys::Order::kSpo, t, spo_quad)), {}));
        if (block_open && t.rel - block.first.rel < keys::kRelBlockSize) {
          block.last = t;
          return {};
        }
        QUARRY_TRY(end_block());
        block.first = block.last = t;
        block_open = true;
        return {};
      },
      [&]() -> Status {
        QUARRY_TRY(end_block());
        QUARRY_TRY(spo.finish(args_spo));
        QUARRY_TRY(rels.finish(args_spo));
        mark("SPO and rels written");
        return {};
      }};
  // Stage 3: provenance and the documents' back-index.
  Sst prov(store_, keys::kProv, dir);
  FactCursor prov_cursor;
  uint64_t doc = 0, mentions_added = 0;
  uint32_t seq = 0;
  std::vector<uint32_t> seen;  // values of the current (fact, doc)
  RunSorter<Line>::Stage prov_stage{
      [&](const Line& l) -> Status {
        if (prov_cursor.step(l)) doc = ~uint64_t{l.doc};  // a new (fact, doc) below
        if (l.doc != doc) {
          doc = l.doc;
          seq = 0;
          seen.clear();
        }
        keys::ProvKey pk{first_rel_ + prov_cursor.fact.rel, doc, seq++};
        if (std::find(seen.begin(), seen.end(), l.value) != seen.end()) return {};
        seen.push_back(l.value);
        QUARRY_TRY(prov.put(keys::prov_key(pk), values_[l.value]));
        if (pk.doc != 0) QUARRY_TRY(docrels.add(pk));
        ++mentions_added;
        return {};
      },
      [&]() -> Status {
        QUARRY_TRY(prov.finish(args_prov));
        Sst sst(store_, keys::kDocRels, dir);
        QUARRY_TRY(docrels.for_each(
            [&](const keys::ProvKey& pk) { return sst.put(keys::docrel_key(pk), {}); }));
        QUARRY_TRY(sst.finish(args_prov));
        mark("provenance written");
        return {};
      }};
  std::vector<RunSorter<Line>::Stage> stages{std::move(index_stage), std::move(spo_stage),
                                             std::move(prov_stage)};
  Status walked = lines_.for_each_stage(stages);
  nodes_thread.join();
  QUARRY_TRY(walked);
  QUARRY_TRY(nodes_status);
  if (timing_) {
    fmt::print(stderr, "bulk import: peak RSS after the lines {} MiB\n", peak_rss_mib());
  }
  for (auto* more : {&args_osp, &args_spo, &args_prov, &args_nodes}) {
    for (auto& a : *more) args.push_back(std::move(a));
  }
  const uint64_t facts = index_cursor.count;
  next_.next_rel = first_rel_ + facts;
  summary.mentions_added += mentions_added;

  // Statistics as merge operands (added to whatever the counters hold), and the counters.
  // Made in key order ('g' globals, 'i' in-degrees, 'l' labels, 'o' out-degrees, 'p'
  // types; ids ascending within each) rather than sorted: sorting a string per node was a
  // visible part of importing a graph with many nodes.
  std::unordered_map<uint64_t, int64_t> per_label;
  for (const NodeInfo& n : nodes_) ++per_label[n.label];
  // Written straight to the file: a table of per-node keys was the largest allocation
  // of a big import's last step.
  Sst sst(store_, keys::kStats, dir);
  auto stat = [&](const std::string& key, int64_t n) {
    return sst.put(key, keys::i64_value(n), true);
  };
  QUARRY_TRY(stat(keys::stat_global_key("mentions"), static_cast<int64_t>(mentions_added)));
  QUARRY_TRY(stat(keys::stat_global_key("nodes"), static_cast<int64_t>(nodes_.size())));
  QUARRY_TRY(stat(keys::stat_global_key("rels"), static_cast<int64_t>(facts)));
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (in_deg[i]) QUARRY_TRY(stat(keys::stat_degree_key(false, first_node_ + i), in_deg[i]));
  }
  for (const auto& [l, n] : std::map<uint64_t, int64_t>(per_label.begin(), per_label.end())) {
    QUARRY_TRY(stat(keys::stat_label_key(l), n));
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (out_deg[i]) QUARRY_TRY(stat(keys::stat_degree_key(true, first_node_ + i), out_deg[i]));
  }
  for (const auto& [t, n] : std::map<uint64_t, int64_t>(per_type.begin(), per_type.end())) {
    QUARRY_TRY(stat(keys::stat_type_key(t), n));
  }
  QUARRY_TRY(sst.finish(args));
  mark("statistics written");
  {
    Sst sst(store_, keys::kDefault, dir);
    // Block records need format 3: an empty database of format 2 is restamped.
    std::string version(4, '\0');
    keys::put_u32(version.data(), keys::kFormatVersion);
    QUARRY_TRY(sst.put(keys::kFormatVersionKey, version));
    QUARRY_TRY(sst.put(keys::kNextNodeKey, keys::u64_key(next_.next_node)));
    QUARRY_TRY(sst.put(keys::kNextRelKey, keys::u64_key(next_.next_rel)));
    QUARRY_TRY(sst.put(keys::kNextTermKey, keys::u64_key(next_.next_term)));
    QUARRY_TRY(sst.finish(args));
  }
  summary.facts_added = facts;
  summary.entities_added = nodes_.size();
  return {};
}

Status Loader::write_and_ingest(WriteSummary& summary) {
  QUARRY_TRY(failed_);
  if (lines_.size() == 0 && nodes_.empty()) return {};
  std::vector<rocksdb::IngestExternalFileArg> args;
  QUARRY_TRY(write_files(args, summary));
  mark("files written");
  auto rs = store_.db()->IngestExternalFiles(args);
  mark("ingested");
  if (!rs.ok()) return rocks_error(rs, "ingesting the bulk import");
  store_.counters() = next_;
  return {};
}

}  // namespace

Result<ImportReport> bulk_import(const std::shared_ptr<Store>& store, std::istream& in,
                                 ImportFormat format, const std::string& name, bool strict) {
  auto start = std::chrono::steady_clock::now();
  ImportReport report;
  // A file's size bounds how many lines it has (no line is shorter than 6 bytes; the
  // knowledge-graph dumps average 13-80); reserving for every line up front (at most a
  // run) costs only address space, where growing the table copies it and faults its
  // pages again.
  size_t expected = 0;
  if (auto here = in.tellg(); here >= 0 && in.seekg(0, std::ios::end)) {
    auto end = in.tellg();
    in.seekg(here);
    if (end > here) expected = static_cast<size_t>(end - here) / 6;
  }
  in.clear();
  Loader loader(*store, expected);
  if (auto s = loader.start(); !s.ok()) return s;
  auto reader = TripleReader::open(format, in, name);
  // The reader parses (and hashes the names) on a thread of its own, ahead of the loader.
  auto read = read_facts_ahead(
      *reader, name, strict, report, [](ReadFact& r) { Loader::hash_names(r.fact, r.keys); },
      [&](const ReadFact& r, const ReadFact* later) {
        if (later) loader.prefetch(later->keys);
        return loader.add(r.fact, r.keys);
      });
  if (!read.ok()) return read;
  auto parsed = std::chrono::steady_clock::now();
  if (std::getenv("QUARRY_BULK_TIMING")) {
    fmt::print(stderr, "bulk import: peak RSS after reading {} MiB\n", peak_rss_mib());
  }
  if (auto s = loader.write_and_ingest(report.summary); !s.ok()) return s;
  if (std::getenv("QUARRY_BULK_TIMING")) {
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    fmt::print(stderr, "bulk import: peak RSS {} MiB\n", peak_rss_mib());
    fmt::print(stderr,
               "bulk import: read+resolve {:.3f} s, sort+write+ingest {:.3f} s (CPU {:.3f} s)\n",
               secs(start, parsed), secs(parsed, std::chrono::steady_clock::now()),
               static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
  }
  return report;
}

}  // namespace quarry::storage
