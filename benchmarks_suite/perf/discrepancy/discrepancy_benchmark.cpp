// Speed and quality of the discrepancy module on the grid of issue 5.
//
// Reference figures on this kind of machine (uniform random points):
//   Wahlström's DEM (C), exact D*: n = 1000: 3.6 ms (d = 2), 78 ms (d = 3),
//     2.0 s (d = 4), 37 s (d = 5); n = 500, d = 6: 56 s.
//   Shift heuristic (50 restarts): d=2 n=500 k=30: 2.6 s, 0.0646;
//     d=3 n=500 k=30: 32 s, 0.1017; d=4 n=200 k=20: > 40 s, 0.1742;
//     d=5 n=200 k=10: 28 s, 0.300.
// Counters: "discrepancy" is the value found (subset: of the chosen points).
//
//   perf_discrepancy --benchmark_filter=Exact        # exact D*
//   perf_discrepancy --benchmark_filter=Subset/      # subset selection
//   perf_discrepancy --benchmark_filter=SubsetExact  # 2-D heuristic vs optimum
// Threads follow oneTBB's default (all cores); set PARETOKIT_THREADS to limit.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "paretokit/core/rng.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"
#include "paretokit/discrepancy/subset_selection.hpp"

namespace {

using paretokit::Index;
using paretokit::Matrix;

Matrix uniform_points(Index n, Index d, std::uint64_t seed) {
  paretokit::Rng rng(seed);
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < d; ++j) points(i, j) = rng.uniform();
  return points;
}

int threads() {
  const char* text = std::getenv("PARETOKIT_THREADS");
  return text ? std::atoi(text) : 0;
}

void BM_Exact(benchmark::State& state) {
  const Matrix points = uniform_points(state.range(0), state.range(1), 1);
  double value = 0;
  for (auto _ : state) {
    value = paretokit::discrepancy::star_discrepancy_exact(points, {.threads = threads()}).value;
    benchmark::DoNotOptimize(value);
  }
  state.counters["discrepancy"] = value;
}
BENCHMARK(BM_Exact)
    ->Args({1000, 2})
    ->Args({1000, 3})
    ->Args({1000, 4})
    ->Args({1000, 5})
    ->Args({500, 6})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Args: n, d, k, restarts.
void BM_Subset(benchmark::State& state) {
  const Matrix points = uniform_points(state.range(0), state.range(1), 2);
  paretokit::discrepancy::SubsetOptions options;
  options.restarts = static_cast<int>(state.range(3));
  options.threads = threads();
  double value = 0;
  for (auto _ : state) {
    value = paretokit::discrepancy::select_subset(points, state.range(2), options).discrepancy;
    benchmark::DoNotOptimize(value);
  }
  state.counters["discrepancy"] = value;
}
BENCHMARK(BM_Subset)
    ->Args({500, 2, 30, 32})
    ->Args({500, 3, 30, 32})
    ->Args({200, 4, 20, 32})
    ->Args({200, 5, 10, 32})
    ->Args({100, 2, 10, 32})
    ->Args({100, 2, 20, 32})
    ->Args({100, 2, 30, 32})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// 2-D instances with a proven optimum: the heuristic (default options: 32
// restarts; and 128 restarts) against the branch and bound seeded with it.
// Args: n, k, restarts. Counters: heuristic value, optimum (when
// optimal == 1), gap = heuristic / optimum - 1, times in seconds.
void BM_SubsetExact2D(benchmark::State& state) {
  const Matrix points = uniform_points(state.range(0), 2, 3);
  const Index k = state.range(1);
  for (auto _ : state) {
    paretokit::discrepancy::SubsetOptions options;
    options.restarts = static_cast<int>(state.range(2));
    options.threads = threads();
    const auto heuristic = paretokit::discrepancy::select_subset(points, k, options);
    paretokit::discrepancy::ExactSubsetOptions exact_options;
    exact_options.time_limit_seconds = 60.0;
    exact_options.initial_upper_bound = heuristic.discrepancy + 1e-12;
    const auto exact = paretokit::discrepancy::select_subset_exact(points, k, exact_options);
    state.counters["heuristic"] = heuristic.discrepancy;
    state.counters["heuristic_s"] = heuristic.seconds;
    state.counters["optimum"] = exact.indices.empty() ? heuristic.discrepancy : exact.discrepancy;
    state.counters["optimal"] = exact.timed_out ? 0 : 1;  // finished: optimum proven
    state.counters["exact_s"] = exact.seconds;
    state.counters["gap"] = heuristic.discrepancy / state.counters["optimum"] - 1.0;
  }
}
BENCHMARK(BM_SubsetExact2D)
    ->Args({100, 10, 32})
    ->Args({100, 20, 32})
    ->Args({100, 30, 32})
    ->Args({100, 10, 128})
    ->Args({100, 20, 128})
    ->Args({100, 30, 128})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
