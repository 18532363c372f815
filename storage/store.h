// Store: one open RocksDB instance with Quarry's column families (see storage/keys.h).
//
// A writable Store holds RocksDB's LOCK file, so a second writer process gets
// kDatabaseInUse. A read-only Store is a RocksDB secondary instance (its info log goes to
// a private temporary directory) that catches up with the writer when a snapshot is taken.
//
// Thread safety: reads may run concurrently. Writers take write_mutex() for the whole
// time between reading the id counters and committing their batch, so units of work
// never interleave.
#pragma once

#include <rocksdb/db.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "quarry/options.h"
#include "quarry/status.h"
#include "storage/adjacency_cache.h"
#include "storage/keys.h"
#include "storage/primary_watch.h"
#include "storage/prop_cache.h"
#include "storage/term_text_cache.h"

namespace quarry::storage {

// A RocksDB status as a Quarry error; `what` says which operation failed.
Error rocks_error(const rocksdb::Status& s, std::string_view what);

struct Counters {
  uint64_t next_node = 1, next_rel = 1, next_term = 1;
};

class Store {
 public:
  static Result<std::shared_ptr<Store>> open(const std::string& path, const OpenOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* cf(keys::Cf cf) const { return handles_[cf]; }
  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }

  // Brings a read-only (secondary) instance up to the writer's last commit; no-op otherwise.
  // RocksDB has no snapshots on a secondary instance, so instead a reader holds
  // reader_lock() (shared) while it reads, and catch_up() only moves the instance on when
  // no reader is active: every reader sees one unchanging state. It skips RocksDB's
  // catch-up while the writer's files show no change since the last one (primary_watch.h).
  void catch_up();
  std::shared_mutex& reader_lock() { return reader_lock_; }

  std::mutex& write_mutex() { return write_mutex_; }
  // Id counters. Read and advanced only under write_mutex(); persisted by the writer in
  // the same batch as the ids it hands out.
  Counters& counters() { return counters_; }

  // Node properties read by snapshots, shared across them (see prop_cache.h).
  PropCache& prop_cache() { return prop_cache_; }
  // Committed term texts by id, shared across snapshots (see term_text_cache.h).
  TermTextCache& term_texts() { return term_texts_; }
  // Decoded adjacency lists read by snapshots, shared across them (see adjacency_cache.h).
  AdjacencyCache& adjacency() { return adjacency_; }
  // The props column family's super-version number: moves whenever its files change.
  uint64_t props_version() const;
  // The same for the triple indexes spo, osp and pos (the sum); UINT64_MAX when unknown.
  uint64_t edges_version() const;

  // Options for an SST file destined for `cf` (the bulk path).
  rocksdb::Options sst_options(keys::Cf cf) const;
  uint64_t bytes_on_disk() const;

 private:
  Store() = default;
  rocksdb::DB* db_ = nullptr;
  std::array<rocksdb::ColumnFamilyHandle*, keys::kCfCount> handles_{};
  std::array<rocksdb::ColumnFamilyOptions, keys::kCfCount> cf_options_{};
  std::string path_;
  std::string secondary_dir_;
  bool read_only_ = false;
  std::mutex write_mutex_;
  std::shared_mutex reader_lock_;
  Counters counters_;
  PropCache prop_cache_;
  TermTextCache term_texts_;
  AdjacencyCache adjacency_;
  PrimaryWatch primary_watch_;  // guarded by reader_lock_ held exclusively
};

}  // namespace quarry::storage
