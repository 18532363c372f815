#include "engine/exec/fiber.h"

#include <sys/mman.h>

#include <cstdint>
#include <new>
#include <vector>

namespace quarry::engine {

namespace {

// Stacks of finished fibers, kept per thread for the next query: a fresh mapping costs
// page faults on every page the search touches, a reused one none.
struct StackPool {
  static constexpr size_t kKeep = 2;
  std::vector<char*> free;
  ~StackPool() {
    for (char* s : free) munmap(s, Fiber::kStackBytes);
  }
};
thread_local StackPool pool;

}  // namespace

Fiber::~Fiber() {
  if (!stack_) return;
  if (pool.free.size() < StackPool::kKeep) {
    pool.free.push_back(stack_);
  } else {
    munmap(stack_, kStackBytes);
  }
}

void Fiber::trampoline(unsigned hi, unsigned lo) {
  // makecontext passes int arguments only: the Fiber's address comes in two halves.
  auto* self = reinterpret_cast<Fiber*>((static_cast<uintptr_t>(hi) << 32) | lo);
  try {
    self->body_();
  } catch (...) {
    self->error_ = std::current_exception();
  }
  self->finished_ = true;
  swapcontext(&self->callee_, &self->caller_);  // never resumed again
}

void Fiber::start(std::function<void()> body) {
  if (!stack_ && !pool.free.empty()) {
    stack_ = pool.free.back();
    pool.free.pop_back();
  }
  if (!stack_) {
    void* p = mmap(nullptr, kStackBytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    stack_ = static_cast<char*>(p);
    // A guard page: running off the end faults instead of writing over other memory.
    mprotect(stack_, 4096, PROT_NONE);
  }
  body_ = std::move(body);
  error_ = nullptr;
  finished_ = false;
  getcontext(&callee_);
  callee_.uc_stack.ss_sp = stack_;
  callee_.uc_stack.ss_size = kStackBytes;
  callee_.uc_link = nullptr;
  auto addr = reinterpret_cast<uintptr_t>(this);
  makecontext(&callee_, reinterpret_cast<void (*)()>(&Fiber::trampoline), 2,
              static_cast<unsigned>(addr >> 32), static_cast<unsigned>(addr & 0xffffffffu));
  run_until_pause();
}

void Fiber::resume() {
  if (!finished_) run_until_pause();
}

void Fiber::pause() { swapcontext(&callee_, &caller_); }

void Fiber::run_until_pause() {
  swapcontext(&caller_, &callee_);
  if (finished_ && error_) {
    auto e = error_;
    error_ = nullptr;
    std::rethrow_exception(e);
  }
}

}  // namespace quarry::engine
