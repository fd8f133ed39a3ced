#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace paretokit::bench::detail {

namespace {

std::string clock_text(double seconds) {
  const auto total = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  }
  return buffer;
}

}  // namespace

ProgressLine::ProgressLine(std::size_t total, std::size_t skipped, bool enabled)
    : total_(total),
      skipped_(skipped),
      enabled_(enabled && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {
  if (!enabled_) return;
  painter_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stop_) {
      draw(false);
      wake_.wait_for(lock, std::chrono::milliseconds(250));
    }
  });
}

ProgressLine::~ProgressLine() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  painter_.join();
  draw(true);
}

void ProgressLine::draw(bool final) {
  const std::size_t done = done_.load();
  const std::size_t running = running_.load();
  const std::size_t remaining = total_ - done - running;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string eta = "--:--";
  // Runs finish at about the rate seen so far; the running ones count half done.
  const double progress = static_cast<double>(done) + 0.5 * static_cast<double>(running);
  if (done > 0 && progress > 0) {
    eta = clock_text(elapsed / progress * (static_cast<double>(total_) - progress));
  }
  std::fprintf(
      stderr,
      "\r\033[Kbench: %zu/%zu done (%zu finished before), %zu running, %zu remaining, elapsed %s, ETA %s%s",
      done, total_, skipped_, running, remaining, clock_text(elapsed).c_str(), final ? "0:00" : eta.c_str(),
      final ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace paretokit::bench::detail
