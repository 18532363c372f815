#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "cli/cli.h"

namespace quarry::cli {
namespace fs = std::filesystem;

namespace {

// The largest read offset of any descriptor this process holds on `target`, or 0.
uint64_t read_offset(const fs::path& target) {
  uint64_t best = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc/self/fd", ec)) {
    std::error_code link_ec;
    fs::path points_to = fs::read_symlink(entry.path(), link_ec);
    if (link_ec || points_to != target) continue;
    std::ifstream info("/proc/self/fdinfo/" + entry.path().filename().string());
    std::string key;
    uint64_t pos = 0;
    while (info >> key) {
      if (key == "pos:" && info >> pos) {
        best = std::max(best, pos);
        break;
      }
    }
  }
  return best;
}

std::string bar(double fraction, int width) {
  int filled = static_cast<int>(fraction * width + 0.5);
  return std::string(filled, '#') + std::string(width - filled, '.');
}

}  // namespace

bool stderr_is_terminal() { return isatty(STDERR_FILENO) != 0; }

struct ImportProgress::State {
  fs::path target;
  std::string label;
  uint64_t total = 0;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::thread thread;

  void run() {
    auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(mu);
    while (!cv.wait_for(lock, std::chrono::milliseconds(100), [this] { return done; })) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      uint64_t pos = target.empty() ? 0 : read_offset(target);
      std::string line;
      if (total > 0 && pos >= total) {
        // Reading is done; sorting and writing the indexes can take as long again.
        line = fmt::format("{} [{}] read {}, building indexes  {:.1f} s", label, bar(1.0, 30),
                           human_bytes(total), secs);
      } else if (total > 0 && pos > 0) {
        double f = std::min(1.0, static_cast<double>(pos) / static_cast<double>(total));
        line = fmt::format("{} [{}] {:3.0f}%  {} / {}  {:.1f} s", label, bar(f, 30), f * 100,
                           human_bytes(pos), human_bytes(total), secs);
      } else {
        line = fmt::format("{}  {:.1f} s", label, secs);
      }
      std::fprintf(stderr, "\r%s\033[K", line.c_str());
      std::fflush(stderr);
    }
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
};

ImportProgress::ImportProgress(std::string path, std::string label, bool enabled) {
  if (!enabled || !stderr_is_terminal()) return;
  state_ = std::make_unique<State>();
  std::error_code ec;
  if (path == "-") {
    state_->target = fs::read_symlink("/proc/self/fd/0", ec);
  } else {
    state_->target = fs::canonical(path, ec);
  }
  if (ec) state_->target.clear();
  if (!state_->target.empty() && fs::is_regular_file(state_->target, ec)) {
    state_->total = fs::file_size(state_->target, ec);
    if (ec) state_->total = 0;
  }
  state_->label = std::move(label);
  state_->thread = std::thread([s = state_.get()] { s->run(); });
}

ImportProgress::~ImportProgress() {
  if (!state_) return;
  {
    std::lock_guard lock(state_->mu);
    state_->done = true;
  }
  state_->cv.notify_all();
  state_->thread.join();
}

}  // namespace quarry::cli
