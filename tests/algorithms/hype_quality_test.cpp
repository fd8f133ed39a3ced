// HypE optimizes the hypervolume directly: on DTLZ2 (m = 3, population 100,
// 250 generations) its final front must have at least the hypervolume of
// NSGA-III's under the same budget (reference point 1.1 in every objective),
// median over 3 seeds. Also: the exact fitness against a brute-force grid
// count, and Monte Carlo against exact.
#include <catch2/catch.hpp>

#include <iostream>

#include "paretokit/algorithms/hype_fitness.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using namespace paretokit;
using paretokit::testing::drive;
using paretokit::testing::final_front;
using paretokit::testing::median;

namespace {

// Brute force on a fine grid of cell centres: the fitness definition itself.
Vector hype_brute_force(const Matrix& F, const Vector& r, Index k, int cells) {
  const Index n = F.rows();
  Vector alpha = Vector::Zero(n + 1);
  alpha[1] = 1.0;
  for (Index i = 2; i <= n; ++i) alpha[i] = alpha[i - 1] * double(k - (i - 1)) / double(n - (i - 1));
  Vector fit = Vector::Zero(n);
  const RowVector low = F.colwise().minCoeff();
  const RowVector width = (r.transpose() - low) / cells;
  const double cell = width.prod();
  std::vector<int> idx(static_cast<std::size_t>(F.cols()), 0);
  while (true) {
    RowVector s(F.cols());
    for (Index j = 0; j < F.cols(); ++j) s[j] = low[j] + (idx[static_cast<std::size_t>(j)] + 0.5) * width[j];
    std::vector<Index> dom;
    for (Index p = 0; p < n; ++p)
      if ((F.row(p).array() <= s.array()).all()) dom.push_back(p);
    if (!dom.empty() && static_cast<Index>(dom.size()) <= k)
      for (Index p : dom) fit[p] += alpha[static_cast<Index>(dom.size())] / double(dom.size()) * cell;
    std::size_t j = 0;
    while (j < idx.size() && ++idx[j] == cells) idx[j++] = 0;
    if (j == idx.size()) break;
  }
  return fit;
}

}  // namespace

TEST_CASE("hype fitness: exact slicing matches the definition, k = 1 is the exclusive contribution") {
  // Coordinates on a 1/8 grid so that the 64-cell brute force is exact.
  Matrix F(5, 3);
  F << 0.125, 0.5, 0.75, 0.5, 0.125, 0.25, 0.25, 0.25, 0.5, 0.75, 0.625, 0.125, 0.375, 0.375, 0.375;
  const Vector r = Vector::Constant(3, 1.0);
  for (Index k = 1; k <= 5; ++k) {
    INFO("k = " << k);
    const Vector exact = hype_fitness_exact(F, r, k);
    const Vector brute = hype_brute_force(F, r, k, 56);
    CHECK((exact - brute).cwiseAbs().maxCoeff() < 1e-12);
  }
  const Vector contributions = hypervolume_contributions(F, r);
  CHECK((hype_fitness_exact(F, r, 1) - contributions).cwiseAbs().maxCoeff() < 1e-12);
  // With k = n the fitness values add up to the hypervolume.
  CHECK(hype_fitness_exact(F, r, 5).sum() == Approx(hypervolume(F, r)).epsilon(1e-12));
  Matrix F2(4, 2);
  F2 << 0.0, 1.0, 0.25, 0.5, 0.5, 0.25, 1.0, 0.0;
  const Vector r2 = Vector::Constant(2, 1.5);
  CHECK((hype_fitness_exact(F2, r2, 1) - hypervolume_contributions(F2, r2)).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(hype_fitness_exact(F2, r2, 4).sum() == Approx(hypervolume(F2, r2)));
}

TEST_CASE("hype fitness: Monte Carlo estimates the exact values") {
  Matrix F(6, 3);
  F << 0.1, 0.5, 0.8, 0.5, 0.1, 0.3, 0.3, 0.3, 0.5, 0.8, 0.6, 0.1, 0.4, 0.4, 0.4, 0.9, 0.9, 0.9;
  const Vector r = Vector::Constant(3, 1.0);
  Rng rng(3);
  const Vector exact = hype_fitness_exact(F, r, 3);
  const Vector estimate = hype_fitness_monte_carlo(F, r, 3, 200000, rng);
  CHECK((exact - estimate).cwiseAbs().maxCoeff() < 0.004);
}

TEST_CASE("hype quality: DTLZ2 m=3, 100 x 250: hypervolume >= NSGA-III's") {
  auto problem = make_problem("dtlz2", {{"n_obj", 3}, {"k", 10}});  // Deb and Jain's size
  const Vector reference = Vector::Constant(3, 1.1);
  std::vector<double> hype_hv, nsga3_hv;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    auto hype = make_algorithm("hype", {{"pop_size", 100}});
    hype->setup(*problem, seed);
    drive(*hype, *problem, 251);
    hype_hv.push_back(hypervolume(final_front(*hype), reference));
    auto nsga3 = make_algorithm("nsga3", {{"pop_size", 100}});
    nsga3->setup(*problem, seed);
    drive(*nsga3, *problem, 251);
    nsga3_hv.push_back(hypervolume(final_front(*nsga3), reference));
  }
  std::cout << "dtlz2 m=3 100 x 250 median hypervolume (r = 1.1): hype " << median(hype_hv) << ", nsga3 "
            << median(nsga3_hv) << "\n";
  CHECK(median(hype_hv) >= median(nsga3_hv));
}
