// feasible_front_indices (pareto/feasible_front.hpp) against a brute-force
// scan: feasible, finite and non-dominated among such rows.
#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "paretokit/core/rng.hpp"
#include "paretokit/pareto/feasible_front.hpp"

using namespace paretokit;

namespace {

std::vector<Index> brute_force(const Matrix& F, const Matrix& G) {
  auto eligible = [&](Index i) {
    return (G.cols() == 0 || (G.row(i).array() <= 0).all()) && F.row(i).allFinite();
  };
  std::vector<Index> front;
  for (Index i = 0; i < F.rows(); ++i) {
    if (!eligible(i)) continue;
    bool dominated = false;
    for (Index j = 0; j < F.rows() && !dominated; ++j) {
      dominated = j != i && eligible(j) && (F.row(j).array() <= F.row(i).array()).all() &&
                  (F.row(j).array() < F.row(i).array()).any();
    }
    if (!dominated) front.push_back(i);
  }
  return front;
}

}  // namespace

TEST_CASE("feasible front: matches a brute-force scan, with and without constraints") {
  Rng rng(3);
  const double inf = std::numeric_limits<double>::infinity();
  for (int trial = 0; trial < 30; ++trial) {
    const Index n = 1 + static_cast<Index>(rng.below(60)), m = 2 + static_cast<Index>(rng.below(3));
    const Index c = static_cast<Index>(rng.below(3));
    Matrix F(n, m), G(n, c);
    for (Index i = 0; i < n; ++i) {
      for (Index j = 0; j < m; ++j) F(i, j) = std::floor(rng.uniform() * 6);  // ties and duplicates
      for (Index j = 0; j < c; ++j) G(i, j) = rng.uniform(-1, 0.3);
      if (rng.bernoulli(0.1)) F(i, 0) = inf;  // a failed evaluation
    }
    INFO("trial " << trial);
    CHECK(feasible_front_indices(F, G) == brute_force(F, G));
  }
  // Nothing feasible: an empty front.
  CHECK(feasible_front_indices(Matrix::Zero(3, 2), Matrix::Ones(3, 1)).empty());
}
