// Ctrl-C while a query runs: SIGINT cancels the running query, never the shell.
//
// The signal handler only writes one byte to a self-pipe (async-signal-safe). A watcher
// thread reads the pipe and cancels the QueryResult registered with watch(), through
// QueryResult::cancel(), which may be called from any thread; the engine then stops
// within a few hundred rows and next() returns kCancelled. A SIGINT with no query
// registered is ignored (while typing, ^C is a key, see line_editor.h).
//
// One instance per process; the constructor installs the handler and the destructor
// restores the previous one and joins the thread.
#pragma once

#include <atomic>
#include <mutex>
#include <thread>

#include "quarry/result.h"

namespace quarry::cli::shell {

class InterruptWatcher {
 public:
  InterruptWatcher();
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

  // Registers the running query (nullptr: none). The result must outlive its registration.
  void watch(QueryResult* result);
  // True when SIGINT arrived since the last call; clears the flag.
  bool take_interrupted() { return interrupted_.exchange(false); }

 private:
  void loop();

  int pipe_[2] = {-1, -1};
  std::mutex mu_;
  QueryResult* current_ = nullptr;
  std::atomic<bool> interrupted_{false};
  std::thread thread_;
};

// Registers a result with the watcher for the lifetime of this object.
class WatchScope {
 public:
  WatchScope(InterruptWatcher& w, QueryResult& r) : w_(w) { w_.watch(&r); }
  ~WatchScope() { w_.watch(nullptr); }
  WatchScope(const WatchScope&) = delete;
  WatchScope& operator=(const WatchScope&) = delete;

 private:
  InterruptWatcher& w_;
};

}  // namespace quarry::cli::shell
