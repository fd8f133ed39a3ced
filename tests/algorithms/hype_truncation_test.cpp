// HypE's truncation on one sample set (algorithms/hype_truncation.hpp)
// against a from-scratch count on the same samples after every removal:
// the histograms exactly, the fitness against the plain Monte Carlo loops
// (all weights, no cut-off) within rounding plus the stated cut-off bound;
// and the HypE algorithm that uses it, the same at 1 and 2 threads.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include <tbb/global_control.h>

#include "paretokit/algorithms/hype_fitness.hpp"
#include "paretokit/algorithms/hype_truncation.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using namespace paretokit;

namespace {

bool weakly_dominates(const Matrix& F, Index p, const Matrix& S, Index s) {
  for (Index j = 0; j < F.cols(); ++j)
    if (!(S(s, j) - F(p, j) >= 0.0)) return false;
  return true;
}

// From scratch on the truncation's samples, for the points still in:
// every sample's count, every point's histogram (c <= max_count and <= k)
// and the Monte Carlo fitness with every weight.
void check_against_scratch(const HypeSampledTruncation& t, const Matrix& F) {
  const Matrix& S = t.samples();
  const Index n = F.rows();
  const Index k = t.to_remove();
  const Index alive = t.remaining();
  std::vector<double> weight(static_cast<std::size_t>(alive) + 1, 0.0);
  double alpha = 1.0;
  for (Index c = 1; c <= alive; ++c) {
    if (c > 1) alpha = alpha * double(k - (c - 1)) / double(alive - (c - 1));
    weight[static_cast<std::size_t>(c)] = alpha / double(c);
  }
  const Index top = std::min(t.max_count(), k);
  Matrix histogram = Matrix::Zero(n, top + 1);
  Vector plain = Vector::Zero(n);
  for (Index s = 0; s < S.rows(); ++s) {
    std::vector<Index> dominating;
    for (Index p = 0; p < n; ++p)
      if (!t.removed(p) && weakly_dominates(F, p, S, s)) dominating.push_back(p);
    const auto c = static_cast<Index>(dominating.size());
    if (c == 0 || c > k) continue;
    for (Index p : dominating) {
      if (c <= top) histogram(p, c) += 1.0;
      plain[p] += weight[static_cast<std::size_t>(c)];
    }
  }
  plain *= t.box() / double(S.rows());
  const Vector fit = t.fitness();
  const double tolerance = 1e-12 * std::max(plain.maxCoeff(), 1e-300) + t.box() * 0x1p-64;
  for (Index p = 0; p < n; ++p) {
    if (t.removed(p)) {
      CHECK(fit[p] == 0.0);
      continue;
    }
    for (Index c = 1; c <= top; ++c) {
      INFO("point " << p << ", count " << c);
      REQUIRE(t.histogram(p, c) == histogram(p, c));
    }
    INFO("point " << p);
    CHECK(std::abs(fit[p] - plain[p]) <= tolerance);
  }
}

Matrix front_with_ties(Index n, Index m, Rng& rng) {
  Matrix F(n, m);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j) F(i, j) = std::abs(rng.normal()) + 0.01;
    F.row(i) /= F.row(i).norm();
    if (i % 7 == 3) F.row(i).array() += 0.05;  // dominated points
    if (i % 11 == 5) F(i, 0) = F(i - 1, 0);    // ties in one objective
  }
  F.row(n - 1) = F.row(0);  // a duplicate
  return F;
}

}  // namespace

TEST_CASE("hype truncation: after every removal the histograms and fitness match a from-scratch count") {
  Rng points(31);
  for (const Index m : {2, 3, 5}) {
    for (const Index n : {Index{9}, Index{45}}) {
      const Matrix F = front_with_ties(n, m, points);
      const Vector r = Vector::Constant(m, 1.2);
      for (const Index k : {Index{1}, n / 3, n - 1}) {
        INFO("m = " << m << ", n = " << n << ", k = " << k);
        Rng rng(5);
        HypeSampledTruncation t(F, r, k, 700, rng);
        check_against_scratch(t, F);
        for (Index step = 0; step < k; ++step) {
          // Mostly the least fit, sometimes any point still in.
          if (step % 3 == 2) {
            Index row = static_cast<Index>(points.below(static_cast<std::uint64_t>(n)));
            while (t.removed(row)) row = (row + 1) % n;
            t.remove(row);
          } else {
            // The least of fitness(), ties to the lowest row.
            const Vector fit = t.fitness();
            Index expected = -1;
            for (Index p = 0; p < n; ++p)
              if (!t.removed(p) && (expected < 0 || fit[p] < fit[expected])) expected = p;
            CHECK(t.remove_least_fit() == expected);
          }
          INFO("after " << step + 1 << " removals");
          if (t.to_remove() >= 1) check_against_scratch(t, F);
        }
        CHECK(t.remaining() == n - k);
        CHECK_THROWS(t.remove_least_fit());
      }
    }
  }
}

TEST_CASE("hype truncation: the weight cut-off bounds the tracked counts and stays within its error bound") {
  // k / n near 1/2: weights fall about twofold per count, so counts above
  // about 60 are never tracked, yet the fitness still matches the plain
  // loops within the stated bound at every step.
  Rng points(37);
  const Matrix F = front_with_ties(260, 3, points);
  const Vector r = Vector::Constant(3, 1.1);
  Rng rng(9);
  HypeSampledTruncation t(F, r, 130, 1500, rng);
  CHECK(t.max_count() < 100);
  CHECK(t.max_count() > 30);
  for (int step = 0; step < 130; ++step) {
    if (step % 16 == 0) {
      INFO("step " << step);
      check_against_scratch(t, F);
    }
    t.remove_least_fit();
  }
}

TEST_CASE("hype truncation: the first fitness is the Monte Carlo estimate on the same draws") {
  Rng points(41);
  for (const Index m : {3, 8}) {
    const Matrix F = front_with_ties(80, m, points);
    const Vector r = Vector::Constant(m, 1.3);
    for (const Index k : {Index{1}, Index{20}, Index{80}}) {
      Rng a(17), b(17);
      const Vector fresh = hype_fitness_monte_carlo(F, r, k, 3000, a);
      HypeSampledTruncation t(F, r, k, 3000, b);
      INFO("m = " << m << ", k = " << k);
      REQUIRE(fresh.maxCoeff() > 0.0);
      CHECK((t.fitness() - fresh).cwiseAbs().maxCoeff() <= 1e-12 * fresh.maxCoeff() + t.box() * 0x1p-64);
      CHECK(a.uniform() == b.uniform());  // the same number of draws
    }
  }
}

TEST_CASE("hype truncation: infinite values take the scan, degenerate boxes rate nothing") {
  Rng points(43);
  Matrix F = front_with_ties(30, 3, points);
  F(4, 1) = std::numeric_limits<double>::infinity();
  const Vector r = Vector::Constant(3, 1.2);
  Rng rng(3);
  HypeSampledTruncation t(F, r, 10, 800, rng);
  for (int step = 0; step < 10; ++step) {
    if (t.to_remove() >= 1) check_against_scratch(t, F);
    t.remove_least_fit();
  }
  // All points on the reference: a box of volume 0.
  const Matrix flat = Matrix::Constant(4, 2, 1.0);
  Rng rng2(3);
  HypeSampledTruncation none(flat, Vector::Constant(2, 1.0), 2, 100, rng2);
  CHECK(none.fitness().cwiseAbs().maxCoeff() == 0.0);
  CHECK(none.remove_least_fit() == 0);  // ties: the lowest row
  CHECK_THROWS(HypeSampledTruncation(flat, Vector::Constant(2, 1.0), 5, 100, rng2));
}

TEST_CASE("hype: the incremental Monte Carlo truncation gives the same run at 1 and 2 threads") {
  // exact_max_points 40 < 2 * 50: every truncation runs on one sample set.
  auto problem = make_problem("dtlz2", {{"n_obj", 3}, {"k", 5}});
  const nlohmann::json params{{"pop_size", 50}, {"exact_max_points", 40}, {"n_samples", 2000}};
  auto run = [&](int threads) {
    tbb::global_control control(tbb::global_control::max_allowed_parallelism,
                                static_cast<std::size_t>(threads));
    auto hype = make_algorithm("hype", params);
    hype->setup(*problem, 3);
    paretokit::testing::drive(*hype, *problem, 15);
    return Matrix(hype->population_f());
  };
  const Matrix one = run(1);
  CHECK(one == run(2));
  // And the option that restores fresh samples for every removal changes the run.
  auto fresh = make_algorithm(
      "hype", {{"pop_size", 50}, {"exact_max_points", 40}, {"n_samples", 2000}, {"incremental", false}});
  fresh->setup(*problem, 3);
  paretokit::testing::drive(*fresh, *problem, 15);
  CHECK(fresh->population_f() != one);
}
