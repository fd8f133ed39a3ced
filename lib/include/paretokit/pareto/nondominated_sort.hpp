// Non-dominated sorting: the rank of every point (0 = non-dominated; the
// points of rank r are non-dominated once ranks < r are removed). Equal points
// get equal ranks. Memory is linear in the number of points.
//
// Algorithms (after one lexicographic sort that also merges equal points;
// `automatic` picks the first three, the others can be asked for):
//   m = 1:  the rank is the position among the distinct values;
//   m = 2:  O(n log n), a binary search over the tails of the fronts;
//   m = 3:  O(n log^2 n), a sweep with one staircase per front and a binary
//           search over the fronts (staircases are flat arrays while they
//           hold at most 512 steps: no allocation per point);
//   m >= 4: front_tree: ENS-BS (Zhang et al. 2015) with a bucket k-d tree per
//           front (ENS-NDT, Gustavsson and Syberfeldt 2018); O(m n^2) at
//           worst but the fastest in practice (uniform random points,
//           n = 1e5: about 0.2 s at m = 5, 0.5 s at m = 10);
//   divide_and_conquer (any m >= 2): Jensen (2003) / Fortin et al. (2013)
//           with the median splits of Buzdalov and Shalyto (2014),
//           O(n log^{m-1} n) guaranteed, slower in practice for m >= 4.
// Deterministic and single-threaded. NaN objective values throw InputError;
// infinities are ordinary values.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

enum class NondominatedSorter {
  automatic,           // the fastest for m (see above)
  divide_and_conquer,  // Jensen / Fortin / Buzdalov, any m
  front_tree,          // ENS-NDT, any m
};

// Rank of each row of F (minimization).
std::vector<Index> nondominated_ranks(const MatrixRef& F,
                                      NondominatedSorter sorter = NondominatedSorter::automatic);

// Row indices grouped by rank, each front in increasing index order. With
// max_points > 0, stops after the first front that brings the total to at
// least max_points (what NSGA-II/III selection needs).
std::vector<std::vector<Index>> nondominated_fronts(const MatrixRef& F, Index max_points = 0);

// Indices of the non-dominated rows, in input order.
std::vector<Index> nondominated_indices(const MatrixRef& F);

// True when no row of F is dominated by another row (equal rows allowed).
bool is_nondominated_set(const MatrixRef& F);

}  // namespace paretokit
