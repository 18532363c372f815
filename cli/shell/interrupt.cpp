#include "cli/shell/interrupt.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace quarry::cli::shell {
namespace {

int g_pipe_write = -1;
struct sigaction g_previous {};

constexpr char kSigint = 'i';
constexpr char kStop = 'q';

void on_sigint(int) {
  int saved = errno;
  char byte = kSigint;
  // A full pipe means an interrupt is already pending: dropping this one is fine.
  [[maybe_unused]] ssize_t n = write(g_pipe_write, &byte, 1);
  errno = saved;
}

}  // namespace

InterruptWatcher::InterruptWatcher() {
  if (pipe(pipe_) != 0) return;
  fcntl(pipe_[1], F_SETFL, O_NONBLOCK);
  fcntl(pipe_[0], F_SETFD, FD_CLOEXEC);
  fcntl(pipe_[1], F_SETFD, FD_CLOEXEC);
  g_pipe_write = pipe_[1];
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // reads and writes of the shell itself are not disturbed
  sigaction(SIGINT, &sa, &g_previous);
  thread_ = std::thread([this] { loop(); });
}

InterruptWatcher::~InterruptWatcher() {
  if (pipe_[0] < 0) return;
  sigaction(SIGINT, &g_previous, nullptr);
  char byte = kStop;
  [[maybe_unused]] ssize_t n = write(pipe_[1], &byte, 1);
  if (thread_.joinable()) thread_.join();
  g_pipe_write = -1;
  close(pipe_[0]);
  close(pipe_[1]);
}

void InterruptWatcher::watch(QueryResult* result) {
  std::lock_guard<std::mutex> lock(mu_);
  current_ = result;
  if (result) interrupted_ = false;
}

void InterruptWatcher::loop() {
  for (;;) {
    char byte = 0;
    ssize_t n = read(pipe_[0], &byte, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || byte == kStop) return;
    std::lock_guard<std::mutex> lock(mu_);
    interrupted_ = true;
    if (current_) current_->cancel();
  }
}

}  // namespace quarry::cli::shell
