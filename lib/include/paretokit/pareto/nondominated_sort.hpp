// Non-dominated sorting: the rank of every point (0 = non-dominated; the
// points of rank r are non-dominated once ranks < r are removed). Equal points
// get equal ranks. Memory is linear in the number of points.
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

}  // namespace paretokit
