#include "stop_on_signal.hpp"

#include <signal.h>
#include <unistd.h>

namespace paretokit::cli {

namespace {

// A signal handler may only touch lock-free atomics and call signal-safe
// functions (write(2)).
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);
std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};

constexpr int kSignals[] = {SIGINT, SIGTERM};
struct sigaction previous[2];

extern "C" void on_stop_signal(int signal_number) {
  int expected = 0;
  stop_signal.compare_exchange_strong(expected, signal_number);
  stop_requested.store(true);
  static constexpr char message[] =
      "\nparetokit: stopping after this generation, with a checkpoint (again to stop at once)\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
}

}  // namespace

StopOnSignal::StopOnSignal() {
  stop_requested.store(false);
  stop_signal.store(0);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // One-shot: the next signal finds the default action and ends the process.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  for (int i = 0; i < 2; ++i) ::sigaction(kSignals[i], &action, &previous[i]);
}

StopOnSignal::~StopOnSignal() {
  for (int i = 0; i < 2; ++i) ::sigaction(kSignals[i], &previous[i], nullptr);
}

const std::atomic<bool>& StopOnSignal::requested() const { return stop_requested; }

int StopOnSignal::signal_number() const { return stop_signal.load(); }

}  // namespace paretokit::cli
