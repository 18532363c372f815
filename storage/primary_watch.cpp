#include "storage/primary_watch.h"

#include <dirent.h>
#include <sys/stat.h>

#include <ctime>
#include <memory>
#include <string_view>

namespace quarry::storage {

namespace {

int64_t nanos(const timespec& t) { return int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec; }

// The files whose change means new committed data for a secondary instance.
bool watched(std::string_view name) {
  return name == "CURRENT" || name.starts_with("MANIFEST-") ||
         (name.size() > 4 && name.ends_with(".log"));
}

}  // namespace

bool PrimaryWatch::stamp(const std::string& name, Stamp& out) const {
  struct stat st;
  std::string path = name.empty() ? dir_ : dir_ + "/" + name;
  if (::stat(path.c_str(), &st) != 0) return false;
  out.name = name;
  out.mtime_ns = nanos(st.st_mtim);
  out.size = st.st_size;
  out.inode = st.st_ino;
  return true;
}

bool PrimaryWatch::may_have_changed() {
  if (trusted_) {
    bool same = true;
    Stamp now;
    // The directory first: while it is unchanged no watched file came or went, so the
    // recorded list is still the whole list.
    for (const Stamp& was : stamps_) {
      if (!stamp(was.name, now) || !(now == was)) {
        same = false;
        break;
      }
    }
    if (same) return false;
  }
  record();
  return true;
}

void PrimaryWatch::record() {
  trusted_ = false;
  stamps_.clear();
  timespec clock;
  clock_gettime(CLOCK_REALTIME, &clock);
  int64_t taken = nanos(clock);
  Stamp s;
  if (dir_.empty() || !stamp("", s)) return;
  stamps_.push_back(s);
  std::unique_ptr<DIR, int (*)(DIR*)> dir(opendir(dir_.c_str()), closedir);
  if (!dir) return;
  while (const dirent* e = readdir(dir.get())) {
    if (!watched(e->d_name)) continue;
    if (!stamp(e->d_name, s)) return;  // deleted under us: the writer is busy
    stamps_.push_back(s);
  }
  // The directory must not have changed while it was listed.
  if (!stamp("", s) || !(s == stamps_[0])) return;
  for (const Stamp& st : stamps_) {
    if (st.mtime_ns > taken - kSettleNanos) return;
  }
  trusted_ = true;
}

}  // namespace quarry::storage
