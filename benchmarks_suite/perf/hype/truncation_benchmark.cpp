// perf_hype_truncation: HypE's truncation of a front of n points (positive
// unit sphere, every point non-dominated; reference 1.1) down to n - K,
// K = n / 2 unless --remove, with one sample set for the whole truncation
// (HypeSampledTruncation, the default) against fresh samples for every
// removal (hype_fitness_monte_carlo, incremental = false), and how well
// both pick the point that the exact fitness would.
//
//   perf_hype_truncation [--sizes 200,1000] [--dims 3] [--samples 10000]
//                        [--remove K] [--checks 20] [--threads 1] [--greedy]
//
// Columns: incr_s, process CPU seconds of the whole truncation (K
// removals); fresh_s, of one fresh Monte Carlo fitness on the whole front,
// times K (an estimate of the fresh-samples truncation, which costs that
// per removal); then, where the exact fitness is computed (m <= 3, at
// --checks steps spread over the truncation (0: none), on the points the
// incremental truncation still holds, k = the number still to remove):
// agree, the share of those steps where the least fit point is the exact
// one; rank, the mean place of the chosen point in the exact order (0: the
// exact choice); rel_err, the mean over the points of |estimate - exact| /
// exact; each for the incremental estimate and for a fresh one at that
// step. With --greedy, the hypervolume of the n - K points kept by the
// exact greedy truncation, by the incremental one, by fresh samples, and by
// one_shot (the K least fit of one fresh computation).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <tbb/global_control.h>

#include "bench_support.hpp"

#include "paretokit/algorithms/hype_fitness.hpp"
#include "paretokit/algorithms/hype_truncation.hpp"
#include "paretokit/indicators/hypervolume.hpp"

using namespace paretokit;

namespace {

double cpu_seconds() { return hype_bench::clock_seconds(); }

Matrix rows_of(const Matrix& F, const std::vector<Index>& rows) {
  Matrix out(static_cast<Index>(rows.size()), F.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Index>(i)) = F.row(rows[i]);
  return out;
}

// Position of the least value (ties: the lowest).
Index least(const Vector& v) {
  Index best = 0;
  for (Index i = 1; i < v.size(); ++i)
    if (v[i] < v[best]) best = i;
  return best;
}

struct Agreement {
  long steps = 0, same = 0;
  double rank = 0.0, error = 0.0;
  void add(const Vector& estimate, const Vector& exact) {
    const Index chosen = least(estimate);
    ++steps;
    same += chosen == least(exact) ? 1 : 0;
    long below = 0;
    for (Index i = 0; i < exact.size(); ++i) below += exact[i] < exact[chosen] ? 1 : 0;
    rank += static_cast<double>(below);
    double sum = 0.0;
    long counted = 0;
    for (Index i = 0; i < exact.size(); ++i) {
      if (!(exact[i] > 0.0)) continue;
      sum += std::abs(estimate[i] - exact[i]) / exact[i];
      ++counted;
    }
    error += counted > 0 ? sum / static_cast<double>(counted) : 0.0;
  }
  void print() const {
    const double s = std::max<double>(1.0, static_cast<double>(steps));
    std::printf(" %6.2f %7.2f %8.3f", static_cast<double>(same) / s, rank / s, error / s);
  }
};

// Greedy truncation by a fitness function of (points, k): the rows kept.
template <class Fitness>
std::vector<Index> greedy(const Matrix& F, Index remove, Fitness&& fitness) {
  std::vector<Index> kept(static_cast<std::size_t>(F.rows()));
  std::iota(kept.begin(), kept.end(), Index{0});
  for (Index k = remove; k >= 1; --k) {
    const Vector fit = fitness(rows_of(F, kept), k);
    kept.erase(kept.begin() + least(fit));
  }
  return kept;
}

}  // namespace

int main(int argc, char** argv) {
  namespace po = boost::program_options;
  std::string sizes_text = "200,1000", dims_text = "3";
  long samples = 10000, remove = -1, checks = 20, threads = 1;
  bool with_greedy = false;
  po::options_description options("usage: perf_hype_truncation [options]");
  options.add_options()("help", "this text")("sizes", po::value(&sizes_text)->default_value(sizes_text), "n")(
      "dims", po::value(&dims_text)->default_value(dims_text), "m")(
      "samples", po::value(&samples)->default_value(samples), "Monte Carlo samples")(
      "remove", po::value(&remove)->default_value(remove), "K points to remove (-1: n / 2)")(
      "checks", po::value(&checks)->default_value(checks), "steps compared with the exact fitness")(
      "threads", po::value(&threads)->default_value(threads), "oneTBB threads")(
      "greedy", po::bool_switch(&with_greedy), "also the hypervolume kept by each truncation");
  if (const int code = hype_bench::parse_command_line(argc, argv, options, "perf_hype_truncation"); code >= 0) return code;
  const std::vector<long> sizes = hype_bench::split_longs(sizes_text), dims = hype_bench::split_longs(dims_text);
  tbb::global_control control(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
  std::printf("# process CPU seconds, %ld thread(s), sphere front, reference 1.1, %ld samples\n", threads,
              samples);
  std::printf("%-3s %-6s %-6s %-10s %-10s | %-22s | %-22s%s\n", "m", "n", "K", "incr_s", "fresh_s",
              "incremental agree rank rel_err", "fresh agree rank rel_err",
              with_greedy ? " | hv: exact incremental fresh one_shot" : "");
  for (long m : dims) {
    for (long n : sizes) {
      Rng points(42);
      const Matrix F = hype_bench::sphere_front(n, m, points);
      const Vector r = Vector::Constant(m, 1.1);
      const Index K = remove > 0 ? std::min<Index>(remove, n - 1) : n / 2;
      Rng rng(7);
      double start = cpu_seconds();
      {
        HypeSampledTruncation t(F, r, K, samples, rng);
        while (t.to_remove() > 0) t.remove_least_fit();
      }
      const double incremental_s = cpu_seconds() - start;
      start = cpu_seconds();
      hype_fitness_monte_carlo(F, r, K, samples, rng);
      const double fresh_s = (cpu_seconds() - start) * static_cast<double>(K);
      std::printf("%-3ld %-6ld %-6ld %-10.4f %-10.4f |", m, n, static_cast<long>(K), incremental_s, fresh_s);
      if (m <= 3 && checks > 0) {
        Agreement incremental, fresh;
        Rng again(7), fresh_rng(11);
        HypeSampledTruncation t(F, r, K, samples, again);
        const Index every = std::max<Index>(1, K / std::max<long>(1, checks));
        for (Index step = 0; step < K; ++step) {
          if (step % every == 0) {
            std::vector<Index> alive;
            for (Index i = 0; i < n; ++i)
              if (!t.removed(i)) alive.push_back(i);
            const Matrix current = rows_of(F, alive);
            const Vector exact = hype_fitness_exact(current, r, t.to_remove());
            const Vector all = t.fitness();
            Vector mine(static_cast<Index>(alive.size()));
            for (std::size_t i = 0; i < alive.size(); ++i) mine[static_cast<Index>(i)] = all[alive[i]];
            incremental.add(mine, exact);
            fresh.add(hype_fitness_monte_carlo(current, r, t.to_remove(), samples, fresh_rng), exact);
          }
          t.remove_least_fit();
        }
        incremental.print();
        std::printf("        |");
        fresh.print();
      }
      if (with_greedy) {
        const auto exact_kept =
            greedy(F, K, [&](const Matrix& P, Index k) { return hype_fitness_exact(P, r, k); });
        Rng g(7), f(7), o(7);
        HypeSampledTruncation t(F, r, K, samples, g);
        while (t.to_remove() > 0) t.remove_least_fit();
        std::vector<Index> incremental_kept;
        for (Index i = 0; i < n; ++i)
          if (!t.removed(i)) incremental_kept.push_back(i);
        const auto fresh_kept = greedy(
            F, K, [&](const Matrix& P, Index k) { return hype_fitness_monte_carlo(P, r, k, samples, f); });
        const Vector once = hype_fitness_monte_carlo(F, r, K, samples, o);
        std::vector<Index> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), Index{0});
        std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return once[a] < once[b]; });
        std::vector<Index> one_shot_kept(order.begin() + K, order.end());
        std::sort(one_shot_kept.begin(), one_shot_kept.end());
        std::printf(" | %.6f %.6f %.6f %.6f", hypervolume(rows_of(F, exact_kept), r),
                    hypervolume(rows_of(F, incremental_kept), r), hypervolume(rows_of(F, fresh_kept), r),
                    hypervolume(rows_of(F, one_shot_kept), r));
      }
      std::printf("\n");
      std::fflush(stdout);
    }
  }
  return 0;
}
