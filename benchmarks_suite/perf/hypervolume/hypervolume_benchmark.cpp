// Speed of paretokit's exact hypervolume and hypervolume contributions against
// pagmo2 (pagmo::hypervolume::compute / contributions, which pick hv2d, hv3d
// or WFG) and moocore (fpli_hv, hv_contributions; compiled from its source
// when the build finds it, see CMakeLists.txt), on the same inputs, single
// thread. The contenders run interleaved (ours, pagmo2, moocore, ours, ...)
// so that a busy machine slows them alike; the medians are printed with the
// ratios peer / paretokit (input generation and pagmo's object construction
// excluded; moocore's contributions get a fresh copy of the points per call,
// since it may reorder them, and ignore_dominated = true: every benchmark
// front is mutually non-dominated, and without it moocore computes 3-D
// contributions as n hypervolumes instead of by hvc3d).
//
// Fronts: "sphere" (DTLZ2: |normal| vectors normalized, sum of squares 1),
// "linear" (DTLZ1: uniform on the simplex, sum 0.5), "random" (a random
// sample of the wavy monotone surface x_d = 1.04 - mean_j g(x_j) with
// g(t) = t + 0.04 sin(20 t) and x_1..x_{d-1} uniform; strictly decreasing, so
// every sample is non-dominated). Reference point 1.1 in every objective.
//
//   perf_hypervolume [--dims 2,3] [--sizes 1000,1e5] [--fronts sphere,linear]
//                    [--repetitions 5] [--max-seconds 10] [--no-pagmo] [--no-moocore]
//                    [--contributions-only | --no-contributions] [--seed 1] [--wall]
//
// Times are the thread's CPU time (single thread) unless --wall is given.
#include <tbb/global_control.h>
#include <pagmo/utils/hypervolume.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "paretokit/core/rng.hpp"
#include "paretokit/indicators/hypervolume.hpp"

#ifdef PARETOKIT_WITH_MOOCORE
// moocore's C entry points (its hv.h uses C99 `restrict`, so it is declared here).
extern "C" {
double fpli_hv(const double* data, std::size_t n, std::uint_fast8_t d, const double* ref);
double hv_contributions(double* hvc, double* points, std::size_t n, std::uint_fast8_t d, const double* ref,
                        bool ignore_dominated);
}
using dimension_t = std::uint_fast8_t;
#endif

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

double median(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  const std::size_t m = times.size();
  return m % 2 ? times[m / 2] : 0.5 * (times[m / 2 - 1] + times[m / 2]);
}

// One contender: a name, the computation (returns the value compared across
// contenders) and its run times.
struct Contender {
  std::string name;
  std::function<double()> compute;
  std::vector<double> times;
  double value = 0;
};

// Runs the contenders in turn, `repetitions` rounds, stopping early once a
// round ends with `max_seconds` spent in all (at least one round).
void run_interleaved(std::vector<Contender>& contenders, int repetitions, double max_seconds) {
  double spent = 0;
  for (int round = 0; round < repetitions && (round == 0 || spent < max_seconds); ++round) {
    for (Contender& c : contenders) {
      const double start = clock_seconds();
      c.value = c.compute();
      const double t = clock_seconds() - start;
      c.times.push_back(t);
      spent += t;
    }
  }
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
  bool moocore_too = true;
  int contribution_mode = 0;  // 0 both, 1 only contributions, -1 no contributions
  std::uint64_t seed = 1;
  std::string fronts_dir;  // --write-fronts: write the cells' fronts there instead of timing
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
    } else if (arg == "--write-fronts" && has_value) {
      fronts_dir = argv[++a];
    } else if (arg == "--wall") {
      use_cpu_time = false;
    } else if (arg == "--no-pagmo") {
      pagmo_too = false;
    } else if (arg == "--no-moocore") {
      moocore_too = false;
    } else if (arg == "--contributions-only") {
      contribution_mode = 1;
    } else if (arg == "--no-contributions") {
      contribution_mode = -1;
    } else {
      std::printf(
          "usage: perf_hypervolume [--dims 2,3] [--sizes 1000,1e5] [--fronts sphere,linear,random]\n"
          "                        [--repetitions 5] [--max-seconds 10] [--no-pagmo] [--no-moocore]\n"
          "                        [--contributions-only | --no-contributions] [--seed 1] [--wall]\n"
          "                        [--write-fronts DIR]\n"
          "Runs the grid of issue 2 (or the cells selected) single-threaded and prints median times.\n"
          "--write-fronts writes each selected cell's front to DIR/<kind>_d<d>_n<n>_<front>.txt\n"
          "(17 significant digits, the input of whole_process.py) and times nothing.\n");
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }
  tbb::global_control single_thread(tbb::global_control::max_allowed_parallelism, 1);

  std::vector<std::string> peers;
  if (pagmo_too) peers.push_back("pagmo2");
#ifdef PARETOKIT_WITH_MOOCORE
  if (moocore_too) peers.push_back("moocore");
#else
  (void)moocore_too;  // no moocore source at configure time: no column
#endif
  if (fronts_dir.empty()) {
    std::printf("%-4s %-3s %-8s %-7s %12s", "kind", "d", "n", "front", "paretokit");
    for (const std::string& peer : peers) std::printf(" %12s %8s %9s", peer.c_str(), "ratio", "rel.diff");
    std::printf("\n");
  }
  for (const Cell& cell : full_grid()) {
    if (!dims.empty() && !dims.count(cell.d)) continue;
    if (!sizes.empty() && !sizes.count(cell.n)) continue;
    if ((contribution_mode == 1 && !cell.contributions) || (contribution_mode == -1 && cell.contributions))
      continue;
    for (const std::string& front : fronts) {
      const Matrix points = make_front(front, cell.n, cell.d, seed);
      if (!fronts_dir.empty()) {
        const std::string path = fronts_dir + "/" + (cell.contributions ? "hvc" : "hv") + "_d" +
                                 std::to_string(cell.d) + "_n" + std::to_string(cell.n) + "_" + front +
                                 ".txt";
        std::FILE* out = std::fopen(path.c_str(), "w");
        if (!out) {
          std::fprintf(stderr, "perf_hypervolume: cannot write %s\n", path.c_str());
          return 2;
        }
        for (Index i = 0; i < cell.n; ++i)
          for (Index j = 0; j < cell.d; ++j)
            std::fprintf(out, "%.17g%c", points(i, j), j + 1 < cell.d ? ' ' : '\n');
        std::fclose(out);
        continue;
      }
      const Vector reference = Vector::Constant(cell.d, 1.1);
      std::vector<pagmo::vector_double> rows(static_cast<std::size_t>(cell.n));
      for (Index i = 0; i < cell.n; ++i)
        rows[static_cast<std::size_t>(i)].assign(points.row(i).data(), points.row(i).data() + cell.d);
      const pagmo::vector_double pagmo_reference(static_cast<std::size_t>(cell.d), 1.1);
      const pagmo::hypervolume pagmo_hv(rows, false);
      const std::vector<double> flat(points.data(), points.data() + points.size());
      std::vector<double> scratch(flat.size()), peer_contributions(static_cast<std::size_t>(cell.n));

      std::vector<Contender> contenders;
      if (!cell.contributions) {
        contenders.push_back({"paretokit", [&] { return paretokit::hypervolume(points, reference); }, {}});
        if (pagmo_too)
          contenders.push_back({"pagmo2", [&] { return pagmo_hv.compute(pagmo_reference); }, {}});
#ifdef PARETOKIT_WITH_MOOCORE
        if (moocore_too)
          contenders.push_back({"moocore",
                                [&] {
                                  return fpli_hv(flat.data(), flat.size() / static_cast<std::size_t>(cell.d),
                                                 static_cast<dimension_t>(cell.d), pagmo_reference.data());
                                },
                                {}});
#endif
      } else {
        contenders.push_back(
            {"paretokit", [&] { return paretokit::hypervolume_contributions(points, reference).sum(); }, {}});
        if (pagmo_too)
          contenders.push_back({"pagmo2",
                                [&] {
                                  const std::vector<double> c = pagmo_hv.contributions(pagmo_reference);
                                  double sum = 0;
                                  for (double v : c) sum += v;
                                  return sum;
                                },
                                {}});
#ifdef PARETOKIT_WITH_MOOCORE
        if (moocore_too)
          contenders.push_back(
              {"moocore",
               [&] {
                 std::copy(flat.begin(), flat.end(), scratch.begin());
                 hv_contributions(peer_contributions.data(), scratch.data(), static_cast<std::size_t>(cell.n),
                                  static_cast<dimension_t>(cell.d), pagmo_reference.data(), true);
                 double sum = 0;
                 for (double v : peer_contributions) sum += v;
                 return sum;
               },
               {}});
#endif
      }
      run_interleaved(contenders, repetitions, max_seconds);
      const double ours = median(contenders[0].times);
      std::printf("%-4s %-3d %-8ld %-7s %12s", cell.contributions ? "hvc" : "hv", cell.d, cell.n,
                  front.c_str(), format_time(ours).c_str());
      for (std::size_t k = 1; k < contenders.size(); ++k) {
        const double theirs = median(contenders[k].times);
        const double diff = std::abs(contenders[0].value - contenders[k].value) /
                            std::max(1e-300, std::abs(contenders[k].value));
        std::printf(" %12s %7.2fx %9.1e", format_time(theirs).c_str(), theirs / ours, diff);
      }
      std::printf("\n");
      std::fflush(stdout);
    }
  }
  if (!fronts_dir.empty()) return 0;
  std::printf("%s time, median of %d interleaved rounds (fewer past --max-seconds); ",
              use_cpu_time ? "thread CPU" : "wall-clock", repetitions);
  std::printf(
      "ratio = peer / paretokit (above 1: paretokit faster); rel.diff compares the values "
      "(for hvc: the sums).\n");
  return 0;
}
