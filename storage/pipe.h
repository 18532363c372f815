// Pipe<T>: a bounded hand-over from one producer thread to one consumer thread, for the
// bulk loader (storage/bulk_import.cpp), whose one pass over the sorted lines feeds SST
// files that other threads build.
//
// Items travel in batches of kBatch; at most kDepth batches wait, so memory is bounded
// and a slow consumer slows the producer down instead of piling up. Batches are reused.
// Thread safety: push() and close() from the producer thread only.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "quarry/status.h"

namespace quarry::storage {

// Hands items from the thread that makes them to one that consumes them, in batches, with
// at most kDepth batches waiting (bounded memory): one pass feeds SST files built on
// other cores. The consumer keeps draining after an error, so the producer never blocks.
template <typename T>
class Pipe {
 public:
  using Consume = std::function<Status(const T&)>;
  explicit Pipe(Consume consume) : consume_(std::move(consume)), thread_([this] { run(); }) {
    batch_.reserve(kBatch);
  }
  ~Pipe() { (void)close(); }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  void push(const T& x) {
    batch_.push_back(x);
    if (batch_.size() == kBatch) flush();
  }
  // Waits until everything pushed is consumed; the consumer's first error, if any.
  Status close() {
    if (thread_.joinable()) {
      flush();
      {
        std::lock_guard lock(mu_);
        closed_ = true;
      }
      cv_.notify_all();
      thread_.join();
    }
    return status_;
  }

 private:
  static constexpr size_t kBatch = 8192, kDepth = 4;
  void flush() {
    if (batch_.empty()) return;
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return queue_.size() < kDepth; });
    queue_.push_back(std::move(batch_));
    batch_ = {};
    if (!spare_.empty()) {
      batch_ = std::move(spare_.back());
      spare_.pop_back();
    }
    lock.unlock();
    cv_.notify_all();
    batch_.reserve(kBatch);
  }
  void run() {
    for (;;) {
      std::vector<T> batch;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      cv_.notify_all();
      for (const T& x : batch) {
        if (status_.ok()) status_ = consume_(x);
      }
      batch.clear();
      std::lock_guard lock(mu_);
      spare_.push_back(std::move(batch));  // reused: no fresh pages per batch
    }
  }

  Consume consume_;
  std::vector<T> batch_;
  std::deque<std::vector<T>> queue_;
  std::vector<std::vector<T>> spare_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool closed_ = false;
  Status status_;
  std::thread thread_;  // last: starts once the rest exists
};

}  // namespace quarry::storage
