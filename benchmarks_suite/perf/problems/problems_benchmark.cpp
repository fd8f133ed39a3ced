// Evaluations per second of paretokit's batched problems (one thread, and
// oneTBB over blocks of rows), against pagmo2's per-point fitness() for the
// same problems; also prints the largest |difference| between the two.
//
// A batch is evaluated repeatedly until at least --seconds have passed; the
// input X is generated once per size. Bytes per evaluation (read X, write F)
// give the equivalent memory bandwidth.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <pagmo/problems/dtlz.hpp>
#include <pagmo/problems/wfg.hpp>
#include <pagmo/problems/zdt.hpp>

#include "paretokit/problems/registry.hpp"

using paretokit::Index;
using paretokit::Matrix;

namespace {

using Clock = std::chrono::steady_clock;

struct Case {
  std::string label;
  std::string name;
  nlohmann::json params;
  std::function<pagmo::vector_double(const pagmo::vector_double&)> peer;
};

Matrix random_points(const paretokit::Problem& problem, Index n, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const auto lo = problem.lower_bounds(), hi = problem.upper_bounds();
  Matrix X(n, problem.n_var());
  for (Index r = 0; r < n; ++r) {
    for (Index j = 0; j < X.cols(); ++j) X(r, j) = lo(j) + unit(engine) * (hi(j) - lo(j));
  }
  return X;
}

// Evaluations per second of `work` (which evaluates n points) over at least `seconds`.
template <class Work>
double rate(Index n, double seconds, Work&& work) {
  Index evaluations = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  do {
    work();
    evaluations += n;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  return double(evaluations) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  Index max_batch = 1000000;
  double seconds = 0.3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--max-batch") max_batch = std::atol(argv[i + 1]);
    if (option == "--seconds") seconds = std::atof(argv[i + 1]);
  }
  const pagmo::dtlz dtlz2(2, 12, 3);
  const pagmo::wfg wfg4(4, 18, 5, 8);
  const pagmo::zdt zdt1(1, 30);
  const std::vector<Case> cases{
      {"DTLZ2 m=3 d=12",
       "dtlz2",
       {{"n_obj", 3}, {"n_var", 12}},
       [&](const auto& x) { return dtlz2.fitness(x); }},
      {"WFG4 m=5 k=8 l=10",
       "wfg4",
       {{"n_obj", 5}, {"k", 8}, {"l", 10}},
       [&](const auto& x) { return wfg4.fitness(x); }},
      {"ZDT1 d=30", "zdt1", {{"n_var", 30}}, [&](const auto& x) { return zdt1.fitness(x); }},
  };
  std::printf("%-18s %9s %14s %14s %10s %14s %10s\n", "problem", "batch", "evals/s", "evals/s tbb", "GB/s",
              "pagmo evals/s", "max|diff|");
  for (const auto& c : cases) {
    const auto problem = paretokit::make_problem(c.name, c.params);
    const Matrix all = random_points(*problem, max_batch, 42);
    for (Index n = 100; n <= max_batch; n *= 10) {
      const Matrix X = all.topRows(n);
      Matrix F(n, problem->n_obj()), G(n, 0);
      const double own = rate(n, seconds, [&] { problem->evaluate_into(X, F, G); });
      const double threaded = rate(n, seconds, [&] {
        tbb::parallel_for(tbb::blocked_range<Index>(0, n, 1024), [&](const tbb::blocked_range<Index>& r) {
          const Index rows = r.end() - r.begin();
          problem->evaluate_into(X.middleRows(r.begin(), rows), F.middleRows(r.begin(), rows),
                                 G.middleRows(r.begin(), rows));
        });
      });
      const double bytes = double(sizeof(double) * std::size_t(problem->n_var() + problem->n_obj()));
      // pagmo: per point, up to 1e5 points (it allocates per call).
      double peer = 0, difference = 0;
      if (n <= 100000) {
        std::vector<pagmo::vector_double> rows(static_cast<std::size_t>(n));
        for (Index r = 0; r < n; ++r)
          rows[std::size_t(r)].assign(X.row(r).data(), X.row(r).data() + X.cols());
        peer = rate(n, seconds, [&] {
          for (const auto& row : rows) {
            volatile double sink = c.peer(row)[0];
            (void)sink;
          }
        });
        problem->evaluate_into(X, F, G);
        for (Index r = 0; r < n; ++r) {
          const auto f = c.peer(rows[std::size_t(r)]);
          for (Index j = 0; j < F.cols(); ++j)
            difference = std::max(difference, std::abs(f[std::size_t(j)] - F(r, j)));
        }
      }
      std::printf("%-18s %9lld %14.4g %14.4g %10.3g %14.4g %10.2g\n", c.label.c_str(),
                  static_cast<long long>(n), own, threaded, own * bytes / 1e9, peer, difference);
    }
  }
  return 0;
}
