// Deb's constrained domination (Deb, Pratap, Agarwal and Meyarivan 2002,
// section VI), used by every algorithm of this module:
//
//   - a feasible solution beats an infeasible one;
//   - of two infeasible solutions, the smaller total violation wins;
//   - of two feasible solutions, Pareto dominance decides.
//
// The total violation of a row of G is sum_j max(0, g_j) (feasible: 0).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Total constraint violation of each row of G (n x c); zeros when c = 0.
Vector constraint_violation(const MatrixRef& G);

// constraint_violation(G), and +inf for a row whose objectives are not all
// finite: a failed evaluation (core/evaluation.hpp) is infeasible beyond any
// real violation. What every algorithm of this module ranks rows by.
Vector total_violation(const MatrixRef& F, const MatrixRef& G);

// a constrained-dominates b.
bool constrained_dominates(const Eigen::Ref<const RowVector>& fa, double cva,
                           const Eigen::Ref<const RowVector>& fb, double cvb);

// Fronts under constrained domination: the non-dominated fronts of the
// feasible rows, then the infeasible rows by increasing violation (rows of
// equal violation share a front). Each front lists row indices in
// increasing order. With max_points > 0, stops after the front that brings
// the total to at least max_points. O(n log n) plus the non-dominated sort.
std::vector<std::vector<Index>> constrained_fronts(const MatrixRef& F, const VectorRef& cv,
                                                   Index max_points = 0);

// Rank of each row (its front's number) under constrained domination.
std::vector<Index> constrained_ranks(const MatrixRef& F, const VectorRef& cv);

}  // namespace paretokit
