// The bulk loader's sorting machinery: huge-page tables, LSD radix sort on fixed-width
// ids, and RunSorter, an external merge sort with a bounded in-memory run.
//
// RunSorter<T> keeps at most `run_records` records in memory. When the run is full it is
// sorted and written to a temporary file, by default on a background thread while the
// caller keeps adding to a second run, so a sorter holds at most two runs plus one
// scratch copy (one run and the scratch when spilling in the foreground), whatever the
// input size. for_each() then streams every record in order: straight from
// memory when nothing was spilled, else by a k-way merge of the files and the last run.
// Ties keep the order of add() (the run sort must be stable; runs are merged in order).
// for_each_stage() hands every record to several consumers at once, each on a thread.
//
// Records are raw bytes on disk: T must be trivially copyable. The files live in the
// directory given to the constructor and are removed by the destructor; the caller
// removes the directory. Not thread-safe: one thread adds, then one thread reads.
#pragma once

#include <fmt/format.h>
#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <queue>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "quarry/status.h"
#include "storage/huge_pages.h"
#include "storage/pipe.h"

namespace quarry::storage {

// One stable counting-sort pass per digit of `key`, over only the bits the keys' range
// spans, in digits of at most 16 bits: a key with fewer than 65,536 distinct values
// (relationship types, most documents) is one pass.
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
// a comparison sort several times over.
template <typename T, typename... K>
void radix_sort(BigVector<T>& v, BigVector<T>& tmp, K T::*... keys) {
  (radix_pass(v, tmp, keys), ...);
}

// Stable sort of `src` by `key` into `dst`, `src` left as it is: one counting pass when
// the keys span at most 2^16 values (relationship types mostly do), else a copy sorted in
// place. So one table in one order gives a second order without a third table.
template <typename T, typename K>
void radix_sort_into(const BigVector<T>& src, BigVector<T>& dst, K T::*key) {
  dst.resize(src.size());
  if (src.empty()) return;
  K lo = src[0].*key, hi = lo;
  for (const T& x : src) lo = std::min(lo, x.*key), hi = std::max(hi, x.*key);
  if (static_cast<uint64_t>(hi - lo) >= (uint64_t{1} << 16)) {
    std::copy(src.begin(), src.end(), dst.begin());
    BigVector<T> tmp;
    radix_pass(dst, tmp, key);
    return;
  }
  std::vector<size_t> pos(static_cast<size_t>(hi - lo) + 1);
  for (const T& x : src) ++pos[x.*key - lo];
  size_t sum = 0;
  for (size_t& p : pos) sum += std::exchange(p, sum);
  for (const T& x : src) dst[pos[x.*key - lo]++] = x;
}

template <typename T>
class RunSorter {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  // Sorts a run stably (with a scratch table); `less` is the same order, for merging.
  using SortFn = std::function<void(BigVector<T>&, BigVector<T>&)>;
  using LessFn = std::function<bool(const T&, const T&)>;
  // One consumer of for_each_stage(): `each` for every record in order, then `done`.
  struct Stage {
    std::function<Status(const T&)> each;
    std::function<Status()> done;
  };

  RunSorter(std::filesystem::path dir, std::string name, size_t run_records, SortFn sort,
            LessFn less, bool background = true)
      : background_(background),
        dir_(std::move(dir)),
        name_(std::move(name)),
        max_(std::max<size_t>(run_records, 1)),
        sort_(std::move(sort)),
        less_(std::move(less)) {}
  ~RunSorter() {
    (void)wait();
    std::error_code ec;
    for (const auto& f : files_) std::filesystem::remove(f, ec);
  }
  RunSorter(const RunSorter&) = delete;
  RunSorter& operator=(const RunSorter&) = delete;

  // Reserves room for `n` records in the first run (at most one run's worth).
  void reserve(size_t n) { run_.reserve(std::min(n, max_)); }

  [[nodiscard]] Status add(const T& x) {
    run_.push_back(x);
    if (run_.size() < max_) return {};
    return spill();
  }
  size_t size() const { return count_ + run_.size(); }
  size_t runs_spilled() const { return files_.size(); }

  // Calls f(const T&) -> Status for every record in order; stops at the first error.
  // Once only: the records are gone afterwards (and their memory with them).
  template <typename F>
  [[nodiscard]] Status for_each(F&& f) {
    if (auto s = wait(); !s.ok()) return s;
    sort_(run_, tmp_);
    tmp_ = {};
    spilling_ = {};
    Status s;
    if (files_.empty()) {
      for (const T& x : run_) {
        if (s = f(x); !s.ok()) break;
      }
    } else {
      s = merge(f);
    }
    run_ = {};
    return s;
  }

  // As for_each(), with every record going to each stage, and each stage's `done` called
  // once its records are through (not after an error of its own); the first error of any
  // stage, all of them having stopped (early). When nothing was spilled, each stage walks the
  // sorted run on a thread of its own (the first on this one) and calls its `done` there:
  // stages overlap entirely. Else one merge here feeds the first stage directly and the
  // others through Pipes; the first's `done` runs while they drain, theirs after.
  [[nodiscard]] Status for_each_stage(std::vector<Stage>& stages) {
    if (stages.empty()) return {};
    if (!files_.empty()) return merge_to_stages(stages);
    if (auto s = wait(); !s.ok()) return s;
    sort_(run_, tmp_);
    tmp_ = {};
    spilling_ = {};
    std::vector<Status> status(stages.size());
    std::atomic<bool> stop{false};  // a stage failed: the others give up (and stay ok)
    auto walk = [&](size_t i) {
      status[i] = [&]() -> Status {
        for (const T& x : run_) {
          if (stop.load(std::memory_order_relaxed)) return {};
          if (auto s = stages[i].each(x); !s.ok()) return s;
        }
        return stop ? Status() : stages[i].done();
      }();
      if (!status[i].ok()) stop = true;
    };
    {
      std::vector<std::jthread> threads;
      for (size_t i = 1; i < stages.size(); ++i) threads.emplace_back(walk, i);
      walk(0);
    }
    run_ = {};
    for (auto& s : status) {
      if (!s.ok()) return s;
    }
    return {};
  }

 private:
  Status merge_to_stages(std::vector<Stage>& stages) {
    std::vector<std::unique_ptr<Pipe<T>>> pipes;
    for (size_t i = 1; i < stages.size(); ++i) {
      pipes.push_back(std::make_unique<Pipe<T>>(stages[i].each));
    }
    Status s = for_each([&](const T& x) {
      for (auto& p : pipes) p->push(x);
      return stages[0].each(x);
    });
    if (s.ok()) s = stages[0].done();
    // Every pipe drains (even after an error above); the first error wins.
    std::vector<Status> piped;
    for (auto& p : pipes) piped.push_back(p->close());
    for (size_t i = 1; i < stages.size(); ++i) {
      if (s.ok()) s = piped[i - 1];
      if (s.ok()) s = stages[i].done();
    }
    return s;
  }

  // Read buffers of a merge, all sources together: flat however many runs there are.
  static constexpr size_t kMergeBytes = 8u << 20;

  // Sorts and writes the full run: on a background thread when `background` (at most
  // one in flight; costs a second run of memory), else here and now.
  Status spill() {
    if (auto s = wait(); !s.ok()) return s;
    count_ += run_.size();
    std::string path = (dir_ / fmt::format("{}-{}.run", name_, files_.size())).string();
    files_.push_back(path);
    if (!background_) {
      sort_(run_, tmp_);
      auto s = write_file(path, run_);
      run_.clear();
      return s;
    }
    spilling_.swap(run_);
    run_.clear();
    if (run_.capacity() < max_) run_.reserve(max_);
    writer_ = std::thread([this, path] {
      sort_(spilling_, tmp_);
      spill_status_ = write_file(path, spilling_);
      spilling_.clear();
    });
    return {};
  }
  Status wait() {
    if (writer_.joinable()) writer_.join();
    return std::exchange(spill_status_, Status());
  }
  static Status write_file(const std::string& path, const BigVector<T>& v) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return Error(ErrorCode::kIOError, fmt::format("cannot create {}", path));
    bool ok = std::fwrite(v.data(), sizeof(T), v.size(), f) == v.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) return Error(ErrorCode::kIOError, fmt::format("cannot write {}", path));
    return {};
  }

  // One sorted source: a spilled file read in chunks, or the last run in memory.
  struct Source {
    FILE* file = nullptr;
    std::vector<T> buf;
    const T* at = nullptr;
    const T* end = nullptr;
    ~Source() {
      if (file) std::fclose(file);
    }
    bool valid() const { return at < end; }
    void refill() {
      size_t n = std::fread(buf.data(), sizeof(T), buf.size(), file);
      at = buf.data();
      end = at + n;
    }
    void advance() {
      if (++at == end && file) refill();
    }
  };

  template <typename F>
  Status merge(F& f) {
    std::vector<Source> src(files_.size() + 1);
    for (size_t i = 0; i < files_.size(); ++i) {
      src[i].file = std::fopen(files_[i].c_str(), "rb");
      if (!src[i].file) return Error(ErrorCode::kIOError, fmt::format("cannot read {}", files_[i]));
      src[i].buf.resize(std::max<size_t>(kMergeBytes / files_.size() / sizeof(T), 64));
      src[i].refill();
    }
    src.back().at = run_.data();
    src.back().end = run_.data() + run_.size();
    // Min-heap of source indexes; equal records come out in source (= add) order.
    auto after = [&](size_t a, size_t b) {
      if (less_(*src[b].at, *src[a].at)) return true;
      return !less_(*src[a].at, *src[b].at) && a > b;
    };
    std::priority_queue<size_t, std::vector<size_t>, decltype(after)> heap(after);
    for (size_t i = 0; i < src.size(); ++i) {
      if (src[i].valid()) heap.push(i);
    }
    while (!heap.empty()) {
      size_t i = heap.top();
      heap.pop();
      if (auto s = f(*src[i].at); !s.ok()) return s;
      src[i].advance();
      if (src[i].valid()) heap.push(i);
    }
    for (size_t i = 0; i < files_.size(); ++i) {
      if (std::ferror(src[i].file)) {
        return Error(ErrorCode::kIOError, fmt::format("cannot read {}", files_[i]));
      }
    }
    return {};
  }

  bool background_;
  std::filesystem::path dir_;
  std::string name_;
  size_t max_;
  SortFn sort_;
  LessFn less_;
  BigVector<T> run_, spilling_, tmp_;
  std::vector<std::string> files_;
  size_t count_ = 0;
  std::thread writer_;
  Status spill_status_;
};

}  // namespace quarry::storage
