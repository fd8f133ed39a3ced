// Helpers shared by the algorithm tests: driving an algorithm for a number
// of generations, the non-dominated rows of a population, IGD against a set
// of targeted points, medians.
#pragma once

#include <algorithm>
#include <vector>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/core/problem.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit::testing {

// `tells` ask/evaluate/tell rounds (the first one evaluates the initial population).
inline void drive(Algorithm& algorithm, const Problem& problem, int tells) {
  for (int t = 0; t < tells; ++t) {
    const Matrix X = algorithm.ask();
    algorithm.tell(X, problem.evaluate(X));
  }
}

// Feasible non-dominated rows of the population's objectives.
inline Matrix final_front(const Algorithm& algorithm) {
  const Matrix& F = algorithm.population_f();
  const Vector cv = constraint_violation(algorithm.population_g());
  const auto fronts = constrained_fronts(F, cv, 1);
  Matrix front(0, F.cols());
  if (fronts.empty()) return front;
  std::vector<Index> rows;
  for (Index i : fronts.front())
    if (cv[i] <= 0.0) rows.push_back(i);
  front.resize(static_cast<Index>(rows.size()), F.cols());
  for (std::size_t k = 0; k < rows.size(); ++k) front.row(static_cast<Index>(k)) = F.row(rows[k]);
  return front;
}

// Mean over the rows of `targets` of the distance to the nearest row of `points`.
inline double igd_to(const MatrixRef& points, const MatrixRef& targets) {
  double sum = 0.0;
  for (Index i = 0; i < targets.rows(); ++i)
    sum += std::sqrt((points.rowwise() - targets.row(i)).rowwise().squaredNorm().minCoeff());
  return sum / static_cast<double>(targets.rows());
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace paretokit::testing
