#include "storage/store.h"

#include <fmt/format.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <cstdlib>
#include <filesystem>

namespace quarry::storage {

namespace fs = std::filesystem;

Error rocks_error(const rocksdb::Status& s, std::string_view what) {
  ErrorCode code = s.IsCorruption() ? ErrorCode::kCorruption : ErrorCode::kIOError;
  return Error(code, fmt::format("{}: {}", what, s.ToString()));
}

namespace {

// Statistics are deltas added together, so a writer never reads a counter to bump it.
class Int64Add : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing, const rocksdb::Slice& value,
             std::string* new_value, rocksdb::Logger*) const override {
    int64_t a =
        existing ? keys::decode_i64(std::string_view(existing->data(), existing->size())) : 0;
    int64_t b = keys::decode_i64(std::string_view(value.data(), value.size()));
    *new_value = keys::i64_value(a + b);
    return true;
  }
  const char* Name() const override { return "quarry.int64add"; }
};

constexpr size_t kBlockCacheBytes = 128u << 20;

// The leading id of a key (see keys::first_id_size): what every scan of the triple indexes,
// provenance and the label index binds first.
class FirstIdPrefix : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "quarry.first_id"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    return {key.data(), keys::first_id_size(std::string_view(key.data(), key.size()))};
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    return keys::first_id_size(std::string_view(key.data(), key.size())) > 0;
  }
};

rocksdb::ColumnFamilyOptions cf_options(keys::Cf cf, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  o.write_buffer_size = 16 << 20;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  // Large blocks with long runs of shared key prefixes: the triple indexes are mostly
  // scanned, and this is what brings them to a few bytes per entry (see bench/RESULTS.md).
  t.block_size = 64 * 1024;
  t.block_restart_interval = 64;
  t.format_version = 5;
  switch (cf) {
    case keys::kTerm2Id:
    case keys::kAlias:
    case keys::kDocs:
      // Point lookups that often miss: whole-key bloom filters. (Node and relationship
      // ids are dense and looked up when known to exist, so a filter would only cost space.)
      t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
      break;
    case keys::kProv:
      // Read by relationship id, and every fact relationship has provenance: a filter would
      // rarely say no, and it cost 1.25 bytes per mention on disk and, in the bulk import,
      // 8 bytes per mention of memory while its SST file was built.
      o.prefix_extractor = std::make_shared<FirstIdPrefix>();
      t.block_restart_interval = 128;
      break;
    case keys::kSpo:
    case keys::kPos:
    case keys::kOsp:
    case keys::kDocRels:
    case keys::kLabelIdx:
      // Scans by the leading id: prefix bloom filters on it.
      o.prefix_extractor = std::make_shared<FirstIdPrefix>();
      t.block_restart_interval = 128;
      t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
      t.whole_key_filtering = false;
      break;
    case keys::kProps:
    case keys::kNodes:
      // Point reads by a known key (a query reads `b.name` for every row it returns):
      // small blocks with a hash index inside each, so a read neither decompresses 64 KiB
      // nor walks a long restart interval. These families are a small part of the bytes.
      t.block_size = 16 * 1024;
      t.block_restart_interval = 16;
      t.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
      break;
    case keys::kStats: o.merge_operator = std::make_shared<Int64Add>(); break;
    default: break;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

// A new database: DB::Open creates missing column families one at a time, writing and
// syncing an OPTIONS file for each (15 files, ~45 syncs: a third of a second of a small
// import). Created together, after the default family, they share one OPTIONS file. A
// crash in between leaves a database whose next open creates the families still missing.
rocksdb::Status create_with_families(const rocksdb::DBOptions& db_opts, const std::string& path,
                                     const std::vector<rocksdb::ColumnFamilyDescriptor>& cfs,
                                     std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                                     rocksdb::DB*& db) {
  std::vector<rocksdb::ColumnFamilyDescriptor> first(cfs.begin(), cfs.begin() + 1);
  auto s = rocksdb::DB::Open(db_opts, path, first, &handles, &db);
  if (!s.ok()) return s;
  std::vector<rocksdb::ColumnFamilyHandle*> more;
  s = db->CreateColumnFamilies({cfs.begin() + 1, cfs.end()}, &more);
  handles.insert(handles.end(), more.begin(), more.end());
  if (!s.ok()) {
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    handles.clear();
    delete db;
    db = nullptr;
  }
  return s;
}

bool is_lock_error(const rocksdb::Status& s) {
  return s.IsIOError() && (s.ToString().find("lock") != std::string::npos ||
                           s.ToString().find("LOCK") != std::string::npos);
}

}  // namespace

Result<std::shared_ptr<Store>> Store::open(const std::string& path, const OpenOptions& options) {
  std::shared_ptr<Store> store(new Store());
  store->path_ = path;
  rocksdb::DBOptions db_opts;
  db_opts.create_if_missing = options.create_if_missing;
  db_opts.create_missing_column_families = true;
  db_opts.max_background_jobs = 2;
  db_opts.keep_log_file_num = 2;
  db_opts.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  // One block cache for every column family. RocksDB's default is 8 MiB per family,
  // smaller than the uncompressed SPO index of FB15k-237: a 3-hop query spent a third of
  // its time decompressing the same blocks again. Memory is only taken as blocks are read.
  auto cache = rocksdb::NewLRUCache(kBlockCacheBytes);
  for (int i = 0; i < keys::kCfCount; ++i) {
    auto cf = static_cast<keys::Cf>(i);
    store->cf_options_[i] = cf_options(cf, cache);
    cfs.emplace_back(keys::cf_name(cf), store->cf_options_[i]);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  bool exists = fs::exists(fs::path(path) / "CURRENT");
  bool read_only = options.read_only;
  if (!read_only) {
    if (!exists && !options.create_if_missing) {
      return Error(ErrorCode::kNotFound, fmt::format("no database at {}", path));
    }
    auto s = exists ? rocksdb::DB::Open(db_opts, path, cfs, &handles, &store->db_)
                    : create_with_families(db_opts, path, cfs, handles, store->db_);
    if (!s.ok()) {
      if (!is_lock_error(s)) return rocks_error(s, fmt::format("opening {}", path));
      if (!options.read_only_if_locked || !exists) {
        return Error(ErrorCode::kDatabaseInUse,
                     fmt::format("database {} is in use by another process", path));
      }
      read_only = true;
    }
  }
  if (read_only) {
    if (!exists) return Error(ErrorCode::kNotFound, fmt::format("no database at {}", path));
    char tmpl[] = "/tmp/quarry-reader-XXXXXX";
    if (!mkdtemp(tmpl)) return Error(ErrorCode::kIOError, "cannot create a temporary directory");
    store->secondary_dir_ = tmpl;
    store->primary_watch_ = PrimaryWatch(path);
    db_opts.max_open_files = -1;
    // Every catch-up rebuilds the version and loads its table handlers; RocksDB does that
    // with up to 16 fresh threads per column family, which cost ~30 ms per query.
    db_opts.max_file_opening_threads = 1;
    auto s = rocksdb::DB::OpenAsSecondary(db_opts, path, store->secondary_dir_, cfs, &handles,
                                          &store->db_);
    if (!s.ok()) return rocks_error(s, fmt::format("opening {} read-only", path));
    store->read_only_ = true;
  }
  for (size_t i = 0; i < handles.size(); ++i) store->handles_[i] = handles[i];

  // Format version: stamp a new database, refuse one in any other format. There are no
  // databases of users to migrate yet (see docs/data-model.md).
  std::string v;
  auto s = store->db_->Get({}, store->cf(keys::kDefault), std::string(keys::kFormatVersionKey), &v);
  if (s.IsNotFound() && !store->read_only_) {
    std::string enc(4, '\0');
    keys::put_u32(enc.data(), keys::kFormatVersion);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = store->db_->Put(wo, store->cf(keys::kDefault), std::string(keys::kFormatVersionKey), enc);
    if (!s.ok()) return rocks_error(s, "writing the format version");
  } else if (s.ok()) {
    uint32_t version = v.size() == 4 ? keys::get_u32(v.data()) : ~0u;
    if (version > keys::kFormatVersion) {
      return Error(ErrorCode::kCorruption,
                   fmt::format("database {} has format version {}; this Quarry reads up to {}",
                               path, version, keys::kFormatVersion));
    }
    if (version < keys::kOldestFormatVersion) {
      return Error(ErrorCode::kCorruption,
                   fmt::format("database {} has format version {}, written by an older Quarry; "
                               "this one reads formats {} to {}: export it with the Quarry that "
                               "wrote it and import the export into a new database",
                               path, version, keys::kOldestFormatVersion, keys::kFormatVersion));
    }
  } else if (!s.IsNotFound()) {
    return rocks_error(s, "reading the format version");
  }
  auto counter = [&](std::string_view key, uint64_t& out) {
    std::string value;
    if (store->db_->Get({}, store->cf(keys::kDefault), std::string(key), &value).ok() &&
        value.size() == 8) {
      out = keys::get_u64(value.data());
    }
  };
  counter(keys::kNextNodeKey, store->counters_.next_node);
  counter(keys::kNextRelKey, store->counters_.next_rel);
  counter(keys::kNextTermKey, store->counters_.next_term);
  return store;
}

Store::~Store() {
  if (db_) {
    for (auto* h : handles_) {
      if (h) db_->DestroyColumnFamilyHandle(h);
    }
    db_->Close().PermitUncheckedError();
    delete db_;
  }
  if (!secondary_dir_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_dir_, ec);
  }
}

void Store::catch_up() {
  if (!read_only_) return;
  std::unique_lock lock(reader_lock_, std::try_to_lock);
  if (lock.owns_lock() && primary_watch_.may_have_changed()) {
    db_->TryCatchUpWithPrimary().PermitUncheckedError();
  }
}

namespace {
// A column family's super-version number; UINT64_MAX when unknown (SnapshotKv then
// bypasses the caches labelled with it).
uint64_t super_version(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf) {
  uint64_t v = 0;
  if (!db->GetIntProperty(cf, rocksdb::DB::Properties::kCurrentSuperVersionNumber, &v)) {
    return UINT64_MAX;
  }
  return v;
}
}  // namespace

uint64_t Store::props_version() const { return super_version(db_, handles_[keys::kProps]); }

uint64_t Store::edges_version() const {
  uint64_t sum = 0;
  for (keys::Cf cf : {keys::kSpo, keys::kOsp, keys::kPos}) {
    uint64_t v = super_version(db_, handles_[cf]);
    if (v == UINT64_MAX || sum + v < sum) return UINT64_MAX;
    sum += v;
  }
  return sum;
}

rocksdb::Options Store::sst_options(keys::Cf cf) const {
  rocksdb::Options o(rocksdb::DBOptions(), cf_options_[cf]);
  // Ingested files are final: zstd, but a fast level. At level 6 zstd was a third of the
  // import's CPU; level 2 takes about a quarter of that for 2.4 more bytes per triple on FB15k-237
  // (21.3 in all; level 1 gave 22.5). See bench/RESULTS.md.
  o.compression = rocksdb::kZSTD;
  o.compression_opts.level = 2;
  return o;
}

uint64_t Store::bytes_on_disk() const {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(path_, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

}  // namespace quarry::storage
