// Non-dominated sorting: the rank of every point (0 = non-dominated; the
// points of rank r are non-dominated once ranks < r are removed). Equal points
// get equal ranks. Memory is linear in the number of points.
//
// Algorithms (after one lexicographic sort that also merges equal points):
//   m = 1:  the rank is the position among the distinct values;
//   m = 2:  O(n log n), a binary search over the tails of the fronts;
//   m >= 3: divide and conquer of Jensen (2003) / Fortin et al. (2013) with
//           the median splits of Buzdalov and Shalyto (2014),
//           O(n log^{m-1} n); far below Deb's O(m n^2) on large sets.
// Deterministic and single-threaded. NaN objective values throw InputError;
// infinities are ordinary values.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Rank of each row of F (minimization).
std::vector<Index> nondominated_ranks(const MatrixRef& F);

// Row indices grouped by rank, each front in increasing index order. With
// max_points > 0, stops after the first front that brings the total to at
// least max_points (what NSGA-II/III selection needs).
std::vector<std::vector<Index>> nondominated_fronts(const MatrixRef& F, Index max_points = 0);

// Indices of the non-dominated rows, in input order.
std::vector<Index> nondominated_indices(const MatrixRef& F);

// True when no row of F is dominated by another row (equal rows allowed).
bool is_nondominated_set(const MatrixRef& F);

}  // namespace paretokit
