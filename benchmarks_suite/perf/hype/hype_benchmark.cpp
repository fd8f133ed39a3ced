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
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <tbb/global_control.h>

#include "bench_support.hpp"

#include "paretokit/algorithms/hype_fitness.hpp"

using namespace paretokit;

namespace {

bool use_wall_clock = false;

double clock_seconds() { return hype_bench::clock_seconds(use_wall_clock); }

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
  namespace po = boost::program_options;
  std::string sizes_text = "100,300,1000,3000", dims_text = "2,3";
  long threads = 1, samples = 10000;
  double max_seconds = 20.0, duplicates = 0.0;
  po::options_description options("usage: perf_hype [options]");
  options.add_options()("help", "this text")("sizes", po::value(&sizes_text)->default_value(sizes_text), "n")(
      "dims", po::value(&dims_text)->default_value(dims_text), "m")(
      "threads", po::value(&threads)->default_value(threads), "oneTBB threads")(
      "max-seconds", po::value(&max_seconds)->default_value(max_seconds), "skip exact runs estimated longer")(
      "duplicates", po::value(&duplicates)->default_value(duplicates), "fraction of points replaced by copies")(
      "samples", po::value(&samples)->default_value(samples), "Monte Carlo samples")(
      "wall", po::bool_switch(&use_wall_clock), "wall-clock instead of process CPU time");
  if (const int code = hype_bench::parse_command_line(argc, argv, options, "perf_hype"); code >= 0) return code;
  const std::vector<long> sizes = hype_bench::split_longs(sizes_text), dims = hype_bench::split_longs(dims_text);
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
      const Matrix F = hype_bench::sphere_front(n, m, rng, duplicates);
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
