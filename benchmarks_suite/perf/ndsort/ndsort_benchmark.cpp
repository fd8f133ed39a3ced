// Speed of non-dominated sorting (all ranks) on uniform random points:
// paretokit::nondominated_ranks against pagmo::fast_non_dominated_sorting
// (Deb's O(m n^2) sort, with O(n^2) memory for its domination lists), on the
// same inputs, single thread. Prints the median of several runs, the ratio,
// and moocore's figures measured on this kind of machine (issue 2).
//
// usage: perf_ndsort [--cpu-time] [--repeats R] [--max-n N] [--dims 2,3,5,10]
//                    [--shape uniform|linear|sphere] [--sorter automatic|dc|tree]
//                    [--pagmo-limit SECONDS] [--small]
// --small: instead, the per-generation work of NSGA-II at pop 100 (n = 200
// merged points, d = 2 and 3): nondominated_fronts(F, 100) and the crowding
// distance of every front it returns, repeated many times; microseconds per call.
// --shape: uniform in [0,1]^d (default; many fronts), uniform on the simplex
// (linear: one front) or on the positive unit sphere (sphere: one front).
// pagmo is skipped where its quadratic cost, extrapolated from the previous
// n, would exceed --pagmo-limit (default 10 s).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <pagmo/utils/multi_objective.hpp>

#include "paretokit/core/rng.hpp"
#include "paretokit/pareto/crowding_distance.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace {

bool use_cpu_time = false;

// Wall-clock seconds, or this thread's CPU seconds with --cpu-time (steadier
// on a machine shared with other jobs; equal to wall time on a quiet one).
double now() {
  if (use_cpu_time) {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

template <class F>
double median_seconds(int repeats, F&& run) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const double start = now();
    run();
    times.push_back(now() - start);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::vector<int> parse_list(const char* text) {
  std::vector<int> values;
  std::string s(text);
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t end = std::min(s.find(',', start), s.size());
    values.push_back(std::atoi(s.substr(start, end - start).c_str()));
    start = end + 1;
  }
  return values;
}

std::string format_time(double seconds) {
  char buffer[32];
  if (seconds < 0) return "-";
  if (seconds < 1e-3) {
    std::snprintf(buffer, sizeof buffer, "%.1f us", seconds * 1e6);
  } else if (seconds < 1) {
    std::snprintf(buffer, sizeof buffer, "%.2f ms", seconds * 1e3);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
  }
  return buffer;
}

// NSGA-II survival at pop 100 without the algorithm around it: 200 points
// (uniform, or on the sphere as DTLZ2 late in a run), fronts up to 100 points
// and their crowding distances. 64 different inputs, cycled.
int run_small(int repeats) {
  double sink = 0;  // keeps the results alive
  std::printf("%3s %6s %8s | %12s %12s %12s\n", "d", "n", "shape", "fronts", "crowding", "both");
  for (const int d : {2, 3}) {
    for (const std::string shape : {"uniform", "sphere"}) {
      const long n = 200;
      std::vector<paretokit::Matrix> inputs;
      paretokit::Rng rng(static_cast<std::uint64_t>(77 * d));
      for (int k = 0; k < 64; ++k) {
        paretokit::Matrix F(n, d);
        for (long i = 0; i < n; ++i) {
          for (int j = 0; j < d; ++j)
            F(i, j) = shape == "uniform" ? rng.uniform() : -std::log(1 - rng.uniform());
          if (shape == "sphere") F.row(i) = F.row(i).cwiseSqrt() / std::sqrt(F.row(i).sum());
        }
        inputs.push_back(F);
      }
      const int calls = 2000;
      std::vector<std::vector<paretokit::Index>> fronts;
      const double sort_time = median_seconds(repeats, [&] {
        for (int c = 0; c < calls; ++c) fronts = paretokit::nondominated_fronts(inputs[c % 64], 100);
      });
      std::vector<paretokit::Matrix> front_points;
      for (const auto& front : paretokit::nondominated_fronts(inputs[0], 100))
        front_points.push_back(inputs[0](front, Eigen::all));
      const double crowding_time = median_seconds(repeats, [&] {
        for (int c = 0; c < calls; ++c)
          for (const auto& P : front_points) sink += paretokit::crowding_distance(P)[0];
      });
      const double both_time = median_seconds(repeats, [&] {
        for (int c = 0; c < calls; ++c) {
          const auto& F = inputs[c % 64];
          for (const auto& front : paretokit::nondominated_fronts(F, 100))
            sink += paretokit::crowding_distance(F(front, Eigen::all))[0];
        }
      });
      std::printf("%3d %6ld %8s | %9.2f us %9.2f us %9.2f us\n", d, n, shape.c_str(), 1e6 * sort_time / calls,
                  1e6 * crowding_time / calls, 1e6 * both_time / calls);
    }
  }
  std::printf("\nmedian %s of %d runs of 2000 calls each, per call; crowding: the fronts of one input.%s\n",
              use_cpu_time ? "thread CPU time" : "wall time", repeats, sink == 0.5 ? " " : "");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 5;
  long max_n = 100000;
  double pagmo_limit = 10.0;
  std::vector<int> dims{2, 3, 5, 10};
  std::string shape = "uniform";
  auto sorter = paretokit::NondominatedSorter::automatic;
  bool small = false;
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--cpu-time" || flag == "--small") {
      (flag == "--small" ? small : use_cpu_time) = true;
      --i;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "option %s needs a value\n", flag.c_str());
      return 2;
    }
    if (flag == "--repeats")
      repeats = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--max-n")
      max_n = std::atol(argv[i + 1]);
    else if (flag == "--dims")
      dims = parse_list(argv[i + 1]);
    else if (flag == "--shape")
      shape = argv[i + 1];
    else if (flag == "--sorter") {
      const std::string name = argv[i + 1];
      sorter = name == "dc"     ? paretokit::NondominatedSorter::divide_and_conquer
               : name == "tree" ? paretokit::NondominatedSorter::front_tree
                                : paretokit::NondominatedSorter::automatic;
    } else if (flag == "--pagmo-limit")
      pagmo_limit = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  if (small) return run_small(repeats);
  // moocore, n = 1e5, all ranks (issue 2).
  const std::map<int, double> moocore_1e5{{2, 0.021}, {3, 0.284}, {5, 0.836}, {10, 2.2}};

  std::printf("%3s %8s %7s | %12s %12s %9s | %12s %12s\n", "d", "n", "fronts", "paretokit", "pagmo2",
              "pagmo/pk", "moocore*", "moocore/pk");
  for (const int d : dims) {
    double previous_pagmo = -1;
    long previous_n = 0;
    for (long n = 1000; n <= max_n; n *= 10) {
      paretokit::Rng rng(static_cast<std::uint64_t>(1000 * d) + static_cast<std::uint64_t>(n));
      paretokit::Matrix F(n, d);
      for (long i = 0; i < n; ++i) {
        for (int j = 0; j < d; ++j)
          F(i, j) = shape == "uniform" ? rng.uniform() : -std::log(1 - rng.uniform());
        if (shape == "linear") F.row(i) /= F.row(i).sum();  // uniform on the simplex: one front
        if (shape == "sphere") F.row(i) = F.row(i).cwiseSqrt() / std::sqrt(F.row(i).sum());  // DTLZ2-like
      }
      std::vector<paretokit::Index> ranks;
      const double ours = median_seconds(repeats, [&] { ranks = paretokit::nondominated_ranks(F, sorter); });
      const auto fronts = *std::max_element(ranks.begin(), ranks.end()) + 1;

      double theirs = -1;
      const double ratio = static_cast<double>(n) / static_cast<double>(std::max(previous_n, 1L));
      const bool run_pagmo = previous_pagmo < 0 ? n <= 10000 : previous_pagmo * ratio * ratio <= pagmo_limit;
      bool agree = true;
      if (run_pagmo) {
        std::vector<pagmo::vector_double> points(static_cast<std::size_t>(n), pagmo::vector_double(d));
        for (long i = 0; i < n; ++i) {
          for (int j = 0; j < d; ++j) points[i][j] = F(i, j);
        }
        pagmo::fnds_return_type result;
        theirs = median_seconds(std::min(repeats, n >= 10000 ? 3 : repeats),
                                [&] { result = pagmo::fast_non_dominated_sorting(points); });
        const auto& pagmo_rank = std::get<3>(result);
        for (long i = 0; i < n; ++i)
          agree = agree && static_cast<paretokit::Index>(pagmo_rank[i]) == ranks[i];
        previous_pagmo = theirs;
        previous_n = n;
      }
      const auto moocore =
          n == 100000 && shape == "uniform" && moocore_1e5.count(d) ? moocore_1e5.at(d) : -1.0;
      char pagmo_ratio[32] = "-", moocore_ratio[32] = "-";
      if (theirs > 0) std::snprintf(pagmo_ratio, sizeof pagmo_ratio, "%.1fx", theirs / ours);
      if (moocore > 0) std::snprintf(moocore_ratio, sizeof moocore_ratio, "%.1fx", moocore / ours);
      std::printf("%3d %8ld %7ld | %12s %12s %9s | %12s %12s%s\n", d, n, static_cast<long>(fronts),
                  format_time(ours).c_str(), format_time(theirs).c_str(), pagmo_ratio,
                  format_time(moocore).c_str(), moocore_ratio, agree ? "" : "  RANKS DIFFER FROM PAGMO");
      std::fflush(stdout);
    }
  }
  std::printf(
      "\nmedian %s of %d runs (pagmo: of up to 3 at n >= 1e4), single thread, %s points.\n"
      "* moocore: figures measured for issue 2 (n = 1e5, same kind of machine), not rerun here.\n",
      use_cpu_time ? "thread CPU time" : "wall time", repeats, shape.c_str());
  return 0;
}
