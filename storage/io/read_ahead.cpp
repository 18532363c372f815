#include "storage/io/read_ahead.h"

#include <fmt/format.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace quarry::storage {

namespace {

// Lines per batch, batches in flight, and how far ahead `add` is shown the next lines.
// A batch of 1,024 facts is 0.6 MiB (584-byte ReadFacts, strings of up to 15 bytes inline),
// so the hand-over holds 2.4 MiB whatever the input.
// 16 lines ahead (a few microseconds) covers a cache and TLB miss on this VM; 8 was
// slightly slower on the 1M import (read+resolve, best of four alternated runs: 0.39 s
// against 0.34 s).
constexpr size_t kBatch = 1024, kBatches = 4, kLookahead = 16;

struct Batch {
  std::vector<ReadFact> items = std::vector<ReadFact>(kBatch);
  size_t size = 0;
  bool last = false;  // nothing follows: the end of the input, or a strict error
};

// Batches go round: empty ones to the reading thread, full ones back to the caller, in
// order. Once stop() is called (the caller gives up) take() returns nullptr: a reader
// waiting for an empty batch is released and reads no further.
class Handover {
 public:
  Handover() {
    for (size_t i = 0; i < kBatches; ++i) empty_.push_back(std::make_unique<Batch>());
  }
  std::unique_ptr<Batch> take_empty() { return take(empty_); }
  std::unique_ptr<Batch> take_full() { return take(full_); }
  void give_empty(std::unique_ptr<Batch> b) { give(empty_, std::move(b)); }
  void give_full(std::unique_ptr<Batch> b) { give(full_, std::move(b)); }
  void stop() {
    {
      std::lock_guard lock(mu_);
      stopped_ = true;
    }
    cv_.notify_all();
  }

 private:
  using Queue = std::deque<std::unique_ptr<Batch>>;
  std::unique_ptr<Batch> take(Queue& q) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !q.empty() || stopped_; });
    if (stopped_) return nullptr;
    auto b = std::move(q.front());
    q.pop_front();
    return b;
  }
  void give(Queue& q, std::unique_ptr<Batch> b) {
    {
      std::lock_guard lock(mu_);
      q.push_back(std::move(b));
    }
    cv_.notify_all();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  Queue empty_, full_;
  bool stopped_ = false;
};

}  // namespace

Status read_facts_ahead(TripleReader& reader, const std::string& name, bool strict,
                        ImportReport& report, const std::function<void(ReadFact&)>& prepare,
                        const std::function<Status(const ReadFact&, const ReadFact*)>& add) {
  Handover handover;
  uint64_t lines = 0;  // written by the reading thread before it hands over its last batch
  std::thread reading([&] {
    for (bool last = false; !last;) {
      auto b = handover.take_empty();
      if (!b) return;
      for (b->size = 0; b->size < kBatch; ++b->size) {
        ReadFact& r = b->items[b->size];
        auto more = reader.next(r.fact);
        if (more.ok() && !more.value()) {
          b->last = true;
          break;
        }
        r.status = more.status();
        r.line = reader.line();
        if (r.status.ok()) {
          prepare(r);
        } else if (strict) {
          b->last = true;
          ++b->size;
          break;
        }
      }
      last = b->last;
      if (last) lines = reader.line();
      handover.give_full(std::move(b));
    }
  });

  Status result;
  for (bool done = false; !done;) {
    auto b = handover.take_full();
    for (size_t i = 0; i < b->size; ++i) {
      const ReadFact& r = b->items[i];
      Status s = r.status;
      if (s.ok()) {
        s = add(r, i + kLookahead < b->size ? &b->items[i + kLookahead] : nullptr);
        if (!s.ok()) {
          s = Error(ErrorCode::kInvalidArgument,
                    fmt::format("{}:{}: {}", name, r.line, s.error().message()));
        }
      }
      if (s.ok()) continue;
      if (strict) {
        result = std::move(s);
        break;
      }
      report.bad_lines.push_back(s.error());
    }
    done = b->last || !result.ok();
    handover.give_empty(std::move(b));
  }
  handover.stop();
  reading.join();
  if (result.ok()) report.lines = lines;
  return result;
}

}  // namespace quarry::storage
