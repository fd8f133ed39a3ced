// Exact HypE fitness against its definition: a brute force over every cell
// of the grid of all coordinate values (exact, no sampling), on random sets
// with ties, duplicates and dominated points, 1 to 4 objectives, k from 1 to
// n; plus edge cases and thread-count independence.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <vector>

#include <tbb/global_control.h>

#include "paretokit/algorithms/hype_fitness.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/indicators/hypervolume.hpp"

using namespace paretokit;

namespace {

// Every grid cell (between consecutive distinct coordinate values below the
// reference, per objective) is dominated by a fixed set D of points; each
// point of D earns volume * alpha_|D| / |D| when |D| <= k.
Vector hype_grid_brute_force(const Matrix& F, const Vector& r, Index k) {
  const Index n = F.rows(), m = F.cols();
  std::vector<double> alpha(static_cast<std::size_t>(n) + 1, 0.0);
  if (n >= 1) alpha[1] = 1.0;
  for (Index i = 2; i <= n; ++i)
    alpha[static_cast<std::size_t>(i)] =
        alpha[static_cast<std::size_t>(i - 1)] * double(k - (i - 1)) / double(n - (i - 1));
  std::vector<std::vector<double>> grid(static_cast<std::size_t>(m));
  for (Index j = 0; j < m; ++j) {
    auto& g = grid[static_cast<std::size_t>(j)];
    for (Index i = 0; i < n; ++i)
      if (F(i, j) < r[j]) g.push_back(F(i, j));
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    g.push_back(r[j]);
  }
  Vector fit = Vector::Zero(n);
  for (const auto& g : grid)
    if (g.size() < 2) return fit;
  std::vector<std::size_t> cell(static_cast<std::size_t>(m), 0);
  while (true) {
    double volume = 1.0;
    for (Index j = 0; j < m; ++j) {
      const auto& g = grid[static_cast<std::size_t>(j)];
      const std::size_t c = cell[static_cast<std::size_t>(j)];
      volume *= g[c + 1] - g[c];
    }
    std::vector<Index> dominators;
    for (Index i = 0; i < n; ++i) {
      bool dominates = true;
      for (Index j = 0; j < m && dominates; ++j)
        dominates = F(i, j) <= grid[static_cast<std::size_t>(j)][cell[static_cast<std::size_t>(j)]];
      if (dominates) dominators.push_back(i);
    }
    const auto c = static_cast<Index>(dominators.size());
    if (c >= 1 && c <= k)
      for (Index i : dominators) fit[i] += volume * alpha[static_cast<std::size_t>(c)] / double(c);
    std::size_t j = 0;
    while (j < cell.size() && ++cell[j] + 1 == grid[j].size()) cell[j++] = 0;
    if (j == cell.size()) break;
  }
  return fit;
}

// n points with coordinates on a coarse grid (ties, duplicates, dominated
// points), some at or beyond the reference.
Matrix coarse_points(Index n, Index m, int levels, Rng& rng) {
  Matrix F(n, m);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < m; ++j)
      F(i, j) = static_cast<double>(rng.below(static_cast<std::uint64_t>(levels + 1))) / levels;
  // A few exact copies of earlier rows.
  for (Index i = 1; i < n; ++i)
    if (rng.uniform() < 0.2) F.row(i) = F.row(static_cast<Index>(rng.below(static_cast<std::uint64_t>(i))));
  return F;
}

void check_close(const Vector& exact, const Vector& brute) {
  REQUIRE(exact.size() == brute.size());
  const double scale = std::max(1.0, brute.cwiseAbs().maxCoeff());
  CHECK((exact - brute).cwiseAbs().maxCoeff() <= 1e-12 * scale);
}

}  // namespace

TEST_CASE("hype fitness exact: random coarse sets with ties and duplicates match the grid brute force") {
  Rng rng(2024);
  for (Index m = 1; m <= 4; ++m) {
    const int trials = m == 4 ? 40 : 150;
    for (int trial = 0; trial < trials; ++trial) {
      const Index n = 1 + static_cast<Index>(rng.below(m == 4 ? 9 : 14));
      const int levels = 2 + static_cast<int>(rng.below(5));
      const Matrix F = coarse_points(n, m, levels, rng);
      // Reference 1 (points on it dominate nothing) or beyond.
      const Vector r = Vector::Constant(m, rng.bernoulli(0.5) ? 1.0 : 1.25);
      for (Index k : {Index{1}, std::max<Index>(1, n / 2), n - 1 > 0 ? n - 1 : 1, n,
                      1 + static_cast<Index>(rng.below(static_cast<std::uint64_t>(n)))}) {
        INFO("m = " << m << ", n = " << n << ", k = " << k << ", trial " << trial << "\n" << F);
        check_close(hype_fitness_exact(F, r, k), hype_grid_brute_force(F, r, k));
      }
    }
  }
}

TEST_CASE("hype fitness exact: continuous fronts of 40 to 70 points match the grid brute force") {
  Rng rng(7);
  for (Index m = 2; m <= 3; ++m)
    for (Index n : {Index{40}, Index{70}}) {
      Matrix F(n, m);
      for (Index i = 0; i < n; ++i) {
        for (Index j = 0; j < m; ++j) F(i, j) = std::abs(rng.normal()) + 0.01;
        F.row(i) /= F.row(i).norm();
        if (i % 5 == 4) F.row(i).array() += 0.05;  // some dominated points
      }
      F.row(n - 1) = F.row(0);  // a duplicate
      const Vector r = Vector::Constant(m, 1.1);
      for (Index k : {Index{1}, Index{3}, n / 2, n}) {
        INFO("m = " << m << ", n = " << n << ", k = " << k);
        check_close(hype_fitness_exact(F, r, k), hype_grid_brute_force(F, r, k));
      }
      // k = 1: the exclusive contributions; k = n: the shares add up to the hypervolume.
      const Vector contributions = hypervolume_contributions(F, r);
      CHECK((hype_fitness_exact(F, r, 1) - contributions).cwiseAbs().maxCoeff() < 1e-12);
      CHECK(hype_fitness_exact(F, r, n).sum() == Approx(hypervolume(F, r)).epsilon(1e-12));
    }
}

TEST_CASE("hype fitness exact: edge cases") {
  const Vector r2 = Vector::Constant(2, 1.0);
  // Empty set.
  CHECK(hype_fitness_exact(Matrix(0, 2), r2, 1).size() == 0);
  // One point: its whole dominated box.
  Matrix one(1, 2);
  one << 0.25, 0.5;
  CHECK(hype_fitness_exact(one, r2, 1)[0] == Approx(0.375));
  // Two identical points share everything: with k = 2 each gets half, with
  // k = 1 neither has an exclusive part.
  Matrix twins(2, 3);
  twins << 0.5, 0.5, 0.5, 0.5, 0.5, 0.5;
  const Vector r3 = Vector::Constant(3, 1.0);
  CHECK(hype_fitness_exact(twins, r3, 2)[0] == Approx(0.0625));
  CHECK(hype_fitness_exact(twins, r3, 2)[1] == Approx(0.0625));
  CHECK(hype_fitness_exact(twins, r3, 1).cwiseAbs().maxCoeff() == 0.0);
  // Points on or beyond the reference earn nothing.
  Matrix outside(2, 2);
  outside << 1.0, 0.0, 0.5, 2.0;
  CHECK(hype_fitness_exact(outside, r2, 2).cwiseAbs().maxCoeff() == 0.0);
  // Invalid k.
  CHECK_THROWS(hype_fitness_exact(one, r2, 2));
  CHECK_THROWS(hype_fitness_exact(one, r2, 0));
}

TEST_CASE("hype fitness exact: tiny and huge objective scales give the scaled values") {
  // The weights are scaled internally by a power of two to keep products out
  // of the denormal range; the result must still scale with the volume.
  Rng rng(3);
  Matrix F(60, 3);
  for (Index i = 0; i < F.rows(); ++i) {
    for (Index j = 0; j < 3; ++j) F(i, j) = std::abs(rng.normal()) + 0.01;
    F.row(i) /= F.row(i).norm();
  }
  const Vector r = Vector::Constant(3, 1.1);
  for (double scale : {0x1p-300, 0x1p-100, 0x1p+100, 0x1p+300}) {
    INFO("scale " << scale);
    for (Index k : {Index{1}, Index{30}, Index{60}}) {
      const Vector expected = hype_fitness_exact(F, r, k) * (scale * scale * scale);
      const Vector scaled = hype_fitness_exact(F * scale, r * scale, k);
      CHECK(((scaled - expected).cwiseAbs().array() <= 1e-12 * expected.cwiseAbs().maxCoeff()).all());
    }
  }
}

TEST_CASE("hype fitness exact: the result does not depend on the thread count") {
  Rng rng(11);
  Matrix F(300, 3);
  for (Index i = 0; i < F.rows(); ++i) {
    for (Index j = 0; j < 3; ++j) F(i, j) = std::abs(rng.normal());
    F.row(i) /= F.row(i).norm();
  }
  const Vector r = Vector::Constant(3, 1.1);
  Vector one_thread;
  {
    tbb::global_control control(tbb::global_control::max_allowed_parallelism, 1);
    one_thread = hype_fitness_exact(F, r, 150);
  }
  const Vector any_threads = hype_fitness_exact(F, r, 150);
  CHECK((one_thread - any_threads).cwiseAbs().maxCoeff() == 0.0);
}

namespace {

// The Monte Carlo estimate by its definition, in plain loops: the same
// samples (the same draws), and for each sample in order, alpha_c / c added
// to each of the c points that weakly dominate it, in blocks of 512 samples
// whose sums are added in order.
Vector hype_monte_carlo_loops(const Matrix& F, const Vector& r, Index k, Index n_samples, Rng& rng) {
  const Index n = F.rows(), m = F.cols();
  const RowVector lower = F.colwise().minCoeff().cwiseMin(r.transpose());
  const RowVector width = r.transpose() - lower;
  Matrix S(n_samples, m);
  for (Index i = 0; i < S.size(); ++i) S.data()[i] = rng.uniform();
  S = (S.array().rowwise() * width.array()).rowwise() + lower.array();
  std::vector<double> weight(static_cast<std::size_t>(n) + 1, 0.0);
  double alpha = 1.0;
  for (Index c = 1; c <= n; ++c) {
    if (c > 1) alpha = alpha * double(k - (c - 1)) / double(n - (c - 1));
    weight[static_cast<std::size_t>(c)] = alpha / double(c);
  }
  Vector fitness = Vector::Zero(n);
  for (Index begin = 0; begin < n_samples; begin += 512) {
    Vector sum = Vector::Zero(n);
    for (Index s = begin; s < std::min(n_samples, begin + 512); ++s) {
      std::vector<Index> dominating;
      for (Index p = 0; p < n; ++p) {
        bool all = true;
        for (Index j = 0; j < m; ++j) all = all && S(s, j) - F(p, j) >= 0.0;
        if (all) dominating.push_back(p);
      }
      const auto c = static_cast<Index>(dominating.size());
      if (c == 0 || c > k) continue;
      for (Index p : dominating) sum[p] += weight[static_cast<std::size_t>(c)];
    }
    fitness += sum;
  }
  return fitness * (width.prod() / double(n_samples));
}

}  // namespace

TEST_CASE("hype fitness monte carlo: equals the plain loops to the bit, any thread count") {
  Rng points(13);
  for (const Index m : {2, 3, 5, 8}) {
    Matrix F(137, m);
    for (Index i = 0; i < F.rows(); ++i) {
      for (Index j = 0; j < m; ++j) F(i, j) = std::abs(points.normal());
      F.row(i) /= F.row(i).norm();
      if (i % 9 == 0) F.row(i) *= 1.5;  // dominated points too
    }
    F.row(5) = F.row(6);  // a duplicate
    const Vector r = Vector::Constant(m, 1.6);
    for (const Index k : {Index{1}, Index{40}, F.rows()}) {
      INFO("m = " << m << ", k = " << k);
      Rng a(3), b(3), c(3);
      const Vector expected = hype_monte_carlo_loops(F, r, k, 1500, a);
      REQUIRE(expected.maxCoeff() > 0.0);
      CHECK(hype_fitness_monte_carlo(F, r, k, 1500, b) == expected);
      tbb::global_control control(tbb::global_control::max_allowed_parallelism, 1);
      CHECK(hype_fitness_monte_carlo(F, r, k, 1500, c) == expected);
    }
  }
}

TEST_CASE("hype fitness monte carlo: converges to the exact fitness") {
  // 3 and 4 objectives, k = n / 2: with 200000 samples the estimate of each
  // point's fitness is within a few percent (its standard error) of the
  // exact value on average, and the sum within two percent.
  Rng points(17);
  for (const Index m : {3, 4}) {
    Matrix F(40, m);
    for (Index i = 0; i < F.rows(); ++i) {
      for (Index j = 0; j < m; ++j) F(i, j) = std::abs(points.normal());
      F.row(i) /= F.row(i).norm();
    }
    const Vector r = Vector::Constant(m, 1.1);
    Rng rng(5);
    const Vector exact = hype_fitness_exact(F, r, 20);
    const Vector estimate = hype_fitness_monte_carlo(F, r, 20, 200000, rng);
    INFO("m = " << m);
    CHECK(std::abs(estimate.sum() - exact.sum()) < 2e-2 * exact.sum());
    const double mean_relative = ((estimate - exact).cwiseAbs().array() / exact.array()).mean();
    INFO("mean relative error " << mean_relative);
    CHECK(mean_relative < 0.05);
    CHECK(mean_relative > 0.0);
  }
}

TEST_CASE("hype fitness monte carlo: over 1024 points and with infinite values, still the plain loops to the bit") {
  // More than one chunk of the bitset tables (1024 points), ties across
  // chunks; and a set with an infinite value, which takes the scan.
  Rng points(19);
  Matrix F(1500, 3);
  for (Index i = 0; i < F.rows(); ++i) {
    for (Index j = 0; j < 3; ++j) F(i, j) = std::abs(points.normal());
    F.row(i) /= F.row(i).norm();
  }
  F.row(1400) = F.row(3);
  F(1200, 2) = F(10, 2);
  const Vector r = Vector::Constant(3, 1.1);
  for (const Index k : {Index{1}, Index{700}, F.rows()}) {
    INFO("k = " << k);
    Rng a(23), b(23);
    const Vector expected = hype_monte_carlo_loops(F, r, k, 600, a);
    REQUIRE(expected.maxCoeff() > 0.0);
    CHECK(hype_fitness_monte_carlo(F, r, k, 600, b) == expected);
  }
  Matrix G = F.topRows(200);
  G(7, 0) = std::numeric_limits<double>::infinity();
  Rng a(29), b(29);
  const Vector expected = hype_monte_carlo_loops(G, r, 50, 900, a);
  REQUIRE(expected.maxCoeff() > 0.0);
  CHECK(hype_fitness_monte_carlo(G, r, 50, 900, b) == expected);
}
