// The progress line of `paretokit bench` on stderr: runs done, running and
// remaining, and the estimated time left, redrawn in place a few times a
// second, only when stderr is a terminal (a log file gets nothing).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace paretokit::bench::detail {

class ProgressLine {
 public:
  // total: runs to do in this call; skipped: runs already finished before.
  ProgressLine(std::size_t total, std::size_t skipped, bool enabled);
  ~ProgressLine();  // stops and ends the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void started() { ++running_; }
  void finished() {
    --running_;
    ++done_;
  }

 private:
  void draw(bool final);

  std::size_t total_;
  std::size_t skipped_;
  bool enabled_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::size_t> running_{0};
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread painter_;
};

}  // namespace paretokit::bench::detail
