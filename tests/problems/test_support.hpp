// Shared helpers of the problems tests: random points inside the bounds and
// a plain dominance check (independent of the library).
#pragma once

#include <random>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit::test {

inline Matrix random_points(const Problem& problem, Index n, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const Vector lo = problem.lower_bounds(), hi = problem.upper_bounds();
  Matrix X(n, problem.n_var());
  for (Index r = 0; r < n; ++r) {
    for (Index j = 0; j < X.cols(); ++j) X(r, j) = lo(j) + unit(engine) * (hi(j) - lo(j));
  }
  return X;
}

inline std::vector<double> row_of(const Matrix& X, Index r) {
  return std::vector<double>(X.row(r).data(), X.row(r).data() + X.cols());
}

// a dominates b (minimization), written as a plain loop.
inline bool plain_dominates(const std::vector<double>& a, const std::vector<double>& b) {
  bool strictly = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) strictly = true;
  }
  return strictly;
}

// Number of rows of F dominated by another row of F (with a relative slack).
inline int count_dominated(const Matrix& F, double slack = 1e-12) {
  int dominated = 0;
  for (Index i = 0; i < F.rows(); ++i) {
    for (Index j = 0; j < F.rows(); ++j) {
      if (i == j) continue;
      std::vector<double> a = row_of(F, j), b = row_of(F, i);
      for (auto& v : a) v += slack * (1 + std::abs(v));
      if (plain_dominates(a, b)) {
        ++dominated;
        break;
      }
    }
  }
  return dominated;
}

}  // namespace paretokit::test
