// A function run on a stack of its own that can pause part-way (a fiber), so a recursive
// search (the pattern matcher) can hand its results over a batch at a time instead of
// buffering all of them: MATCH then streams, and a LIMIT or a huge result costs only
// the rows actually pulled.
//
// Contract: one thread drives a Fiber. start() runs the body until it calls pause() or
// returns; resume() continues it. An exception the body throws ends it and is rethrown
// by the start()/resume() that was running it. A Fiber must be finished (the body
// returned or threw) before it is started again or destroyed; the owner makes a paused
// body return (e.g. by a stop flag it checks after pause()).
#pragma once

#include <ucontext.h>

#include <cstddef>
#include <exception>
#include <functional>

namespace quarry::engine {

class Fiber {
 public:
  Fiber() = default;
  ~Fiber();
  Fiber(const Fiber&) = delete;
  Fiber& operator=(const Fiber&) = delete;

  void start(std::function<void()> body);
  void resume();
  // From inside the body only.
  void pause();
  bool finished() const { return finished_; }

  // The stack is reserved, not committed: only the pages a search touches cost memory.
  static constexpr size_t kStackBytes = size_t{8} << 20;

 private:
  static void trampoline(unsigned hi, unsigned lo);
  void run_until_pause();

  char* stack_ = nullptr;
  ucontext_t caller_{};
  ucontext_t callee_{};
  std::function<void()> body_;
  std::exception_ptr error_;
  bool finished_ = true;
};

}  // namespace quarry::engine
