// Speed of paretokit's exact hypervolume and hypervolume contributions against
// pagmo2 (pagmo::hypervolume::compute / contributions, which pick hv2d, hv3d
// or WFG), on the same inputs, single thread, median compute time (input
// generation and pagmo's object construction excluded). The moocore medians
// measured for issue 2 are printed alongside.
//
// Fronts: "sphere" (DTLZ2: |normal| vectors normalized, sum of squares 1),
// "linear" (DTLZ1: uniform on the simplex, sum 0.5), "random" (a random
// sample of the wavy monotone surface x_d = 1.04 - mean_j g(x_j) with
// g(t) = t + 0.04 sin(20 t) and x_1..x_{d-1} uniform; strictly decreasing, so
// every sample is non-dominated). Reference point 1.1 in every objective.
//
//   perf_hypervolume [--dims 2,3] [--sizes 1000,1e5] [--fronts sphere,linear]
//                    [--repetitions 5] [--max-seconds 10] [--no-pagmo]
//                    [--contributions-only | --no-contributions] [--seed 1] [--wall]
//
// Times are the thread's CPU time (single thread) unless --wall is given.
#include <tbb/global_control.h>
#include <pagmo/utils/hypervolume.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "paretokit/core/rng.hpp"
#include "paretokit/indicators/hypervolume.hpp"

using paretokit::Index;
using paretokit::Matrix;
using paretokit::Rng;
using paretokit::Vector;

namespace {

struct Cell {
  int d;
  long n;
  bool contributions;
};

// The grid of issue 2.
std::vector<Cell> full_grid() {
  std::vector<Cell> cells;
  for (long n : {10000L, 100000L, 1000000L}) cells.push_back({2, n, false});
  for (long n : {1000L, 10000L, 100000L}) cells.push_back({3, n, false});
  for (long n : {1000L, 10000L}) cells.push_back({4, n, false});
  for (int d : {5, 6})
    for (long n : {100L, 500L, 1000L}) cells.push_back({d, n, false});
  for (long n : {50L, 100L, 200L}) cells.push_back({8, n, false});
  for (long n : {50L, 100L}) cells.push_back({10, n, false});
  cells.push_back({3, 100000, true});
  cells.push_back({4, 1000, true});
  return cells;
}

// moocore and pagmo2 medians measured for issue 2 (ranges over the fronts).
std::string issue_figures(const Cell& c) {
  static const std::map<std::pair<int, long>, std::string> compute = {
      {{2, 1000000}, "moocore 0.37-0.49 s, pagmo 0.93-0.95 s"},
      {{3, 100000}, "moocore 61-73 ms, pagmo 59-94 ms"},
      {{4, 10000}, "moocore 61-68 ms, pagmo 2.8-3.6 s"},
      {{5, 1000}, "moocore 14-17 ms, pagmo 78-96 ms"},
      {{6, 1000}, "moocore 2.7-2.8 s, pagmo 0.64-0.73 s"},
      {{8, 200}, "moocore 26-32 s, pagmo 1.0-1.4 s"},
      {{10, 100}, "moocore >60 s, pagmo 2.9-4.0 s"}};
  static const std::map<std::pair<int, long>, std::string> contributions = {
      {{3, 100000}, "moocore 73-76 ms, pagmo 211-230 ms"}, {{4, 1000}, "moocore 1.5 s, pagmo 0.11-0.15 s"}};
  const auto& table = c.contributions ? contributions : compute;
  const auto found = table.find({c.d, c.n});
  return found == table.end() ? "" : found->second;
}

Matrix make_front(const std::string& kind, Index n, Index d, std::uint64_t seed) {
  Rng rng = Rng::stream(seed, static_cast<std::uint64_t>(d * 10000019 + n));
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i) {
    if (kind == "sphere") {
      for (Index j = 0; j < d; ++j) points(i, j) = std::abs(rng.normal()) + 1e-300;
      points.row(i) /= points.row(i).norm();
    } else if (kind == "linear") {
      double sum = 0;
      for (Index j = 0; j < d; ++j) sum += points(i, j) = -std::log(1.0 - rng.uniform());
      points.row(i) *= 0.5 / sum;
    } else {
      double mean = 0;
      for (Index j = 0; j + 1 < d; ++j) {
        points(i, j) = rng.uniform();
        mean += points(i, j) + 0.04 * std::sin(20 * points(i, j));
      }
      points(i, d - 1) = 1.04 - mean / static_cast<double>(d - 1);
    }
  }
  return points;
}

bool use_cpu_time = true;

// Thread CPU time by default: the runs are single-threaded, and CPU time does
// not count the time that other processes take on a busy machine; --wall
// measures wall-clock time instead.
double clock_seconds() {
  if (!use_cpu_time) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Median of the run times of f, at least once, up to `repetitions` times or
// until `max_seconds` are spent.
double median_seconds(const std::function<double()>& f, int repetitions, double max_seconds, double& value) {
  std::vector<double> times;
  double spent = 0;
  while (static_cast<int>(times.size()) < repetitions && (times.empty() || spent < max_seconds)) {
    const double start = clock_seconds();
    value = f();
    const double t = clock_seconds() - start;
    times.push_back(t);
    spent += t;
  }
  std::sort(times.begin(), times.end());
  const std::size_t m = times.size();
  return m % 2 ? times[m / 2] : 0.5 * (times[m / 2 - 1] + times[m / 2]);
}

std::vector<double> parse_list(const char* text) {
  std::vector<double> values;
  std::string s = text;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    values.push_back(std::stod(s.substr(start, end - start)));
    start = end + 1;
  }
  return values;
}

std::string format_time(double seconds) {
  char buffer[32];
  if (seconds < 0) return "-";
  if (seconds >= 1) {
    std::snprintf(buffer, sizeof buffer, "%.3f s", seconds);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.3f ms", seconds * 1e3);
  }
  return buffer;
}

}  // namespace

int main(int argc, char** argv) {
  std::set<int> dims;
  std::set<long> sizes;
  std::vector<std::string> fronts = {"sphere", "linear", "random"};
  int repetitions = 5;
  double max_seconds = 10;
  bool pagmo_too = true;
  int contribution_mode = 0;  // 0 both, 1 only contributions, -1 no contributions
  std::uint64_t seed = 1;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    const bool has_value = a + 1 < argc;
    if (arg == "--dims" && has_value) {
      for (double v : parse_list(argv[++a])) dims.insert(static_cast<int>(v));
    } else if (arg == "--sizes" && has_value) {
      for (double v : parse_list(argv[++a])) sizes.insert(static_cast<long>(v));
    } else if (arg == "--fronts" && has_value) {
      fronts.clear();
      std::string s = argv[++a];
      for (std::size_t start = 0; start <= s.size();) {
        std::size_t end = std::min(s.find(',', start), s.size());
        fronts.push_back(s.substr(start, end - start));
        start = end + 1;
      }
    } else if (arg == "--repetitions" && has_value) {
      repetitions = std::max(1, std::atoi(argv[++a]));
    } else if (arg == "--max-seconds" && has_value) {
      max_seconds = std::atof(argv[++a]);
    } else if (arg == "--seed" && has_value) {
      seed = std::strtoull(argv[++a], nullptr, 10);
    } else if (arg == "--wall") {
      use_cpu_time = false;
    } else if (arg == "--no-pagmo") {
      pagmo_too = false;
    } else if (arg == "--contributions-only") {
      contribution_mode = 1;
    } else if (arg == "--no-contributions") {
      contribution_mode = -1;
    } else {
      std::printf(
          "usage: perf_hypervolume [--dims 2,3] [--sizes 1000,1e5] [--fronts sphere,linear,random]\n"
          "                        [--repetitions 5] [--max-seconds 10] [--no-pagmo]\n"
          "                        [--contributions-only | --no-contributions] [--seed 1] [--wall]\n"
          "Runs the grid of issue 2 (or the cells selected) single-threaded and prints median times.\n");
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }
  tbb::global_control single_thread(tbb::global_control::max_allowed_parallelism, 1);

  std::printf("%-4s %-3s %-8s %-7s %12s %12s %8s %9s  %s\n", "kind", "d", "n", "front", "paretokit", "pagmo2",
              "ratio", "rel.diff", "issue (moocore, pagmo2)");
  for (const Cell& cell : full_grid()) {
    if (!dims.empty() && !dims.count(cell.d)) continue;
    if (!sizes.empty() && !sizes.count(cell.n)) continue;
    if ((contribution_mode == 1 && !cell.contributions) || (contribution_mode == -1 && cell.contributions))
      continue;
    for (const std::string& front : fronts) {
      const Matrix points = make_front(front, cell.n, cell.d, seed);
      const Vector reference = Vector::Constant(cell.d, 1.1);
      std::vector<pagmo::vector_double> rows(static_cast<std::size_t>(cell.n));
      for (Index i = 0; i < cell.n; ++i)
        rows[static_cast<std::size_t>(i)].assign(points.row(i).data(), points.row(i).data() + cell.d);
      const pagmo::vector_double pagmo_reference(static_cast<std::size_t>(cell.d), 1.1);

      double ours_value = 0, pagmo_value = 0;
      double ours = 0, theirs = -1;
      if (!cell.contributions) {
        ours = median_seconds([&] { return paretokit::hypervolume(points, reference); }, repetitions,
                              max_seconds, ours_value);
        if (pagmo_too) {
          const pagmo::hypervolume hv(rows, false);
          theirs = median_seconds([&] { return hv.compute(pagmo_reference); }, repetitions, max_seconds,
                                  pagmo_value);
        }
      } else {
        Vector ours_c;
        std::vector<double> pagmo_c;
        ours = median_seconds(
            [&] {
              ours_c = paretokit::hypervolume_contributions(points, reference);
              return ours_c.sum();
            },
            repetitions, max_seconds, ours_value);
        if (pagmo_too) {
          const pagmo::hypervolume hv(rows, false);
          theirs = median_seconds(
              [&] {
                pagmo_c = hv.contributions(pagmo_reference);
                double sum = 0;
                for (double v : pagmo_c) sum += v;
                return sum;
              },
              repetitions, max_seconds, pagmo_value);
        }
      }
      const double diff =
          pagmo_too ? std::abs(ours_value - pagmo_value) / std::max(1e-300, std::abs(pagmo_value)) : 0;
      char ratio[32] = "-";
      if (theirs >= 0) std::snprintf(ratio, sizeof ratio, "%.2fx", theirs / ours);
      char difference[32] = "-";
      if (pagmo_too) std::snprintf(difference, sizeof difference, "%.1e", diff);
      std::printf("%-4s %-3d %-8ld %-7s %12s %12s %8s %9s  %s\n", cell.contributions ? "hvc" : "hv", cell.d,
                  cell.n, front.c_str(), format_time(ours).c_str(), format_time(theirs).c_str(), ratio,
                  difference, issue_figures(cell).c_str());
      std::fflush(stdout);
    }
  }
  std::printf("%s time, median; ", use_cpu_time ? "thread CPU" : "wall-clock");
  std::printf(
      "ratio = pagmo2 / paretokit (above 1: paretokit faster); rel.diff compares the values "
      "(for hvc: the sums).\n");
  return 0;
}
