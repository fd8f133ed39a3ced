#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace paretokit::detail {

ProgressLine::ProgressLine(bool enabled) : active_(enabled && ::isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::print(std::int64_t generation, std::int64_t evaluations, std::int64_t front_size,
                         std::optional<double> hypervolume, double seconds, double rate) {
  if (!active_) return;
  last_ = seconds;
  char hv[48] = "";
  if (hypervolume) std::snprintf(hv, sizeof hv, "  hv %.6g", *hypervolume);
  // \r and "clear to end of line" rewrite the same line in place.
  std::fprintf(stderr, "\rgeneration %lld  evaluations %lld  front %lld%s  %.3g evals/s  %.1f s\x1b[K",
               static_cast<long long>(generation), static_cast<long long>(evaluations),
               static_cast<long long>(front_size), hv, rate, seconds);
  std::fflush(stderr);
  printed_ = true;
}

void ProgressLine::finish() {
  if (printed_) {
    std::fputc('\n', stderr);
    std::fflush(stderr);
    printed_ = false;
  }
}

}  // namespace paretokit::detail
