// perf_hype: time of one HypE fitness computation, exact and Monte Carlo
// (10000 samples, or --samples), on n points spread on the positive unit
// sphere (a DTLZ2-like front: every point non-dominated), m = 2 and 3, k = 1,
// n/2, n; and the Monte Carlo estimate's accuracy where the exact value was
// computed: mc_rel_err is the mean over the points of |estimate - exact| /
// exact (points of exact fitness 0 left out), mc_sum_err the relative error
// of the sum over the points.
//
//   perf_hype [--sizes 100,300,1000,3000] [--dims 2,3] [--threads 1]
//             [--max-seconds 20] [--duplicates 0] [--samples 10000] [--wall]
//
// Times are process CPU seconds (all threads together; on a shared machine
// that is what a computation costs), or wall-clock seconds with --wall (to
// see the parallel speed-up of the exact 3-D sweep with --threads > 1).
// Each configuration is repeated until 0.5 s have passed (at least once) and
// the median time is printed; a configuration whose single run would exceed
// --max-seconds (estimated from the previous size, cubic growth) is skipped.
// --duplicates F replaces a fraction F of the points by copies of others.
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <tbb/global_control.h>

#include "paretokit/algorithms/hype_fitness.hpp"

using namespace paretokit;

namespace {

bool use_wall_clock = false;

// Process CPU time (all threads), or wall-clock time with --wall.
double clock_seconds() {
  timespec t{};
  clock_gettime(use_wall_clock ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

std::vector<long> split(const std::string& text) {
  std::vector<long> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ',')) parts.push_back(std::stol(part));
  return parts;
}

Matrix sphere_front(Index n, Index m, double duplicates, Rng& rng) {
  Matrix F(n, m);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j) F(i, j) = std::abs(rng.normal());
    F.row(i) /= F.row(i).norm();
  }
  for (Index i = 0; i < n; ++i)
    if (rng.uniform() < duplicates)
      F.row(i) = F.row(static_cast<Index>(rng.below(static_cast<std::uint64_t>(n))));
  return F;
}

template <class Function>
double median_seconds(Function&& function) {
  std::vector<double> times;
  double total = 0.0;
  while (times.empty() || (total < 0.5 && times.size() < 50)) {
    const double start = clock_seconds();
    function();
    const double t = clock_seconds() - start;
    times.push_back(t);
    total += t;
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<long> sizes = {100, 300, 1000, 3000}, dims = {2, 3};
  long threads = 1;
  double max_seconds = 20.0, duplicates = 0.0;
  long samples = 10000;
  for (int i = 1; i < argc; ++i) {
    const std::string key = argv[i];
    if (key == "--wall") {
      use_wall_clock = true;
      continue;
    }
    if (key == "--help" || i + 1 >= argc) {
      std::printf(
          "usage: perf_hype [--sizes 100,300,1000,3000] [--dims 2,3] [--threads 1] "
          "[--max-seconds 20] [--duplicates 0] [--samples 10000] [--wall]\n");
      return key == "--help" ? 0 : 2;
    }
    const std::string value = argv[++i];
    if (key == "--sizes")
      sizes = split(value);
    else if (key == "--dims")
      dims = split(value);
    else if (key == "--threads")
      threads = std::stol(value);
    else if (key == "--max-seconds")
      max_seconds = std::stod(value);
    else if (key == "--duplicates")
      duplicates = std::stod(value);
    else if (key == "--samples")
      samples = std::stol(value);
    else {
      std::fprintf(stderr, "perf_hype: unknown option %s\n", key.c_str());
      return 2;
    }
  }
  tbb::global_control control(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
  std::printf("# %s seconds per computation, %ld thread(s), sphere front\n",
              use_wall_clock ? "wall-clock" : "process CPU", threads);
  std::printf("# Monte Carlo: %ld samples\n", samples);
  std::printf("%-4s %-6s %-8s %-14s %-14s %-11s %-11s\n", "m", "n", "k", "exact_s", "monte_carlo_s",
              "mc_rel_err", "mc_sum_err");
  for (long m : dims) {
    double previous = 0.0;
    long previous_n = 0;
    for (long n : sizes) {
      Rng rng(42);
      const Matrix F = sphere_front(n, m, duplicates, rng);
      const Vector reference = Vector::Constant(m, 1.1);
      for (long k : {1L, std::max(1L, n / 2), n}) {
        const double estimate = previous_n > 0 ? previous * std::pow(double(n) / double(previous_n), 3) : 0.0;
        double exact = -1.0;
        Vector exact_fitness;
        if (estimate <= max_seconds) {
          exact = median_seconds([&] { exact_fitness = hype_fitness_exact(F, reference, k); });
        }
        Rng mc_rng(7);
        Vector estimate_fitness;
        const double monte_carlo = median_seconds(
            [&] { estimate_fitness = hype_fitness_monte_carlo(F, reference, k, samples, mc_rng); });
        if (exact >= 0.0) {
          double error = 0.0;
          long counted = 0;
          for (Index i = 0; i < exact_fitness.size(); ++i) {
            if (!(exact_fitness[i] > 0.0)) continue;
            error += std::abs(estimate_fitness[i] - exact_fitness[i]) / exact_fitness[i];
            ++counted;
          }
          const double sum_error =
              std::abs(estimate_fitness.sum() - exact_fitness.sum()) / exact_fitness.sum();
          std::printf("%-4ld %-6ld %-8ld %-14.6f %-14.6f %-11.2e %-11.2e\n", m, n, k, exact, monte_carlo,
                      counted > 0 ? error / static_cast<double>(counted) : 0.0, sum_error);
        } else {
          std::printf("%-4ld %-6ld %-8ld %-14s %-14.6f\n", m, n, k, "skipped", monte_carlo);
        }
        std::fflush(stdout);
        if (k == n && exact >= 0.0) {
          previous = exact;
          previous_n = n;
        }
      }
    }
  }
  return 0;
}
