// PrimaryWatch: tells a read-only (secondary) instance whether the writer may have
// committed anything since it last caught up, from file metadata alone.
//
// TryCatchUpWithPrimary reads the MANIFEST's tail and every live write-ahead log each
// time, about a tenth of a small query's CPU. Everything it would pick up leaves a trace
// in the database directory: a commit appends to the WAL (`*.log`, which grows), a
// flush, compaction or ingested SST appends to the MANIFEST and creates or deletes files
// (the directory's mtime moves), a reopened writer replaces CURRENT. So the watch keeps
// size, mtime and inode of the directory, CURRENT, MANIFEST-* and *.log, and while they
// are all unchanged the catch-up is skipped.
//
// Timestamps have a coarse resolution, so a change right after a stat can leave an mtime
// as it was. A recorded state is therefore trusted only when every mtime in it lies
// well (kSettle) before the moment it was taken ("racily clean", as git calls it); until
// then every call reports a possible change and the caller catches up as before.
//
// Not thread safe: Store::catch_up() calls it under its exclusive reader lock.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace quarry::storage {

class PrimaryWatch {
 public:
  explicit PrimaryWatch(std::string dir = {}) : dir_(std::move(dir)) {}

  // True when the writer may have written since the previous call that returned true
  // (always true on the first call, when a stat fails, or while the files are too fresh
  // to tell). Record first, catch up after: a write that lands in between is then
  // seen by the next call.
  bool may_have_changed();

  // How long before the recording every mtime must lie for the record to be trusted.
  static constexpr int64_t kSettleNanos = 1'000'000'000;

 private:
  struct Stamp {
    std::string name;  // relative to dir_; empty for the directory itself
    int64_t mtime_ns = 0;
    int64_t size = 0;
    ino_t inode = 0;
    bool operator==(const Stamp&) const = default;
  };
  bool stamp(const std::string& name, Stamp& out) const;
  void record();

  std::string dir_;
  std::vector<Stamp> stamps_;  // [0] is the directory
  bool trusted_ = false;
};

}  // namespace quarry::storage
