// Internal kernels of non-dominated sorting (not installed).
//
// Every kernel takes u distinct points in lexicographic order, row-major with
// m columns, and fills rank[i] (zero-initialized by the caller). In that order
// a point can only be dominated by points before it, and q < p dominates p as
// soon as q_j <= p_j for every j >= 1: objective 0 is settled by the order.
#pragma once

#include <cstdint>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

using PointId = std::uint32_t;

// Sorts the rows of F lexicographically and merges equal rows: writes the
// distinct rows contiguously into `points` (row-major) and, for every input
// row, the position of its distinct row into unique_of. Returns the number of
// distinct rows. O(m n log n).
std::size_t sort_distinct(const MatrixRef& F, std::vector<double>& points,
                          std::vector<std::int32_t>& unique_of);
// The same for m = 2 and m = 3, sorting the values themselves (no indirection).
std::size_t sort_distinct_2d(const MatrixRef& F, std::vector<double>& points,
                             std::vector<std::int32_t>& unique_of);
std::size_t sort_distinct_3d(const MatrixRef& F, std::vector<double>& points,
                             std::vector<std::int32_t>& unique_of);

// Two objectives, O(u log K) for K fronts: each front is a staircase whose
// last point holds its smallest second objective; those tails increase with
// the rank, so a binary search finds the first front that does not dominate.
void rank_sorted_2d(const double* points, std::size_t u, std::vector<std::int32_t>& rank);

// Three objectives, O(u log K log u): a sweep with one (f1, f2) staircase per
// front and a binary search over the fronts; from 2^15 points by blocks whose
// searches and staircase updates run in parallel (same ranks).
void rank_sorted_3d(const double* points, std::size_t u, std::vector<std::int32_t>& rank);

// Any m >= 3: ENS-BS with a bucket k-d tree per front (ENS-NDT). Fast when
// the fronts are large and few (many objectives); O(m u^2) at worst.
void rank_sorted_tree(const double* points, std::size_t u, int m, std::vector<std::int32_t>& rank);

// Any m >= 2: divide and conquer of Jensen (2003) with the tie handling of
// Fortin, Grenier and Parizeau (2013) and the median splits of Buzdalov and
// Shalyto (2014). O(u log^{m-1} u) time, O(u) memory per recursion level.
void rank_sorted_divide_conquer(const double* points, std::size_t u, int m, std::vector<std::int32_t>& rank);

}  // namespace paretokit::detail
