#include "stop_on_signal.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "paretokit/evaluation/process_evaluator.hpp"

namespace paretokit::cli {

namespace {

// A signal handler may only touch lock-free atomics and call signal-safe
// functions (write(2), sigaction(2), raise(3)).
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);
std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};

constexpr int kSignals[] = {SIGINT, SIGTERM};
struct sigaction previous[2];
bool installed[2] = {false, false};  // not for a signal the caller ignores
struct sigaction previous_pipe;

void reset_to_default(int signal_number) {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal_number, &action, nullptr);
}

extern "C" void on_stop_signal(int signal_number) {
  const int saved_errno = errno;
  int none = 0;  // the number before the flag: whoever sees the flag sees it
  stop_signal.compare_exchange_strong(none, signal_number);
  if (stop_requested.exchange(true)) {
    // The second signal, of either kind: the default action, at once, and
    // no trial program (sweep --command) left running without us.
    kill_running_trials();
    for (int s : kSignals) reset_to_default(s);
    ::raise(signal_number);
    errno = saved_errno;
    return;
  }
  static constexpr char message[] =
      "\nparetokit: stopping (a run: after this generation, with a checkpoint; a summary, report or bench: "
      "at the "
      "next step); again to stop at once\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
  errno = saved_errno;
}

}  // namespace

StopOnSignal::StopOnSignal() {
  stop_requested.store(false);
  stop_signal.store(0);
  // A closed stderr pipe (`sweep ... 2>&1 | tee log`, the tee gone with the
  // same Ctrl-C) must not kill the sweep before its checkpoint: while
  // installed, writes to a dead pipe fail with EPIPE instead.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGPIPE, &ignore, &previous_pipe);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int i = 0; i < 2; ++i) {
    ::sigaction(kSignals[i], nullptr, &previous[i]);
    // A signal ignored by whoever started us (`cmd &` in a script) stays ignored.
    installed[i] = previous[i].sa_handler != SIG_IGN;
    if (installed[i]) ::sigaction(kSignals[i], &action, nullptr);
  }
}

StopOnSignal::~StopOnSignal() {
  for (int i = 0; i < 2; ++i) {
    if (installed[i]) ::sigaction(kSignals[i], &previous[i], nullptr);
  }
  ::sigaction(SIGPIPE, &previous_pipe, nullptr);
}

const std::atomic<bool>& StopOnSignal::requested() const { return stop_requested; }

int StopOnSignal::signal_number() const { return stop_signal.load(); }

void StopOnSignal::tell(std::string_view text) const {
  while (!text.empty()) {
    const ssize_t written = ::write(STDERR_FILENO, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;  // a dead pipe or a full disk: the text is lost
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace paretokit::cli
