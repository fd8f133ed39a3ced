// Helpers for reference fronts: point sets on the unit simplex, evenly spaced
// values and a non-dominated filter.
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit::problems::detail {

// Das and Dennis (1998) lattice on the unit simplex with n_partitions
// partitions: C(n_partitions + m - 1, m - 1) rows that sum to 1
// (paretokit::das_dennis of the pareto module).
Matrix simplex_lattice(Index m, Index n_partitions);

// The lattice with the most points not above n (at least the m corners, and at
// least 2 partitions' worth when n allows). For m = 1, one point {1}.
Matrix simplex_points(Index m, Index n);

// n values evenly spaced in [low, high] (n >= 1; n = 1 gives low).
Vector linspace(double low, double high, Index n);

// Rows of F not dominated by another row (duplicates keep their first copy),
// in input order. O(n^2 m); meant for fronts of up to a few 10^4 points.
Matrix nondominated_rows(const MatrixRef& F);

// At most n rows of F, evenly spread over its row order (F itself if smaller).
Matrix thin_rows(const MatrixRef& F, Index n);

// Throws InputError unless n >= 1.
void check_front_size(Index n);

}  // namespace paretokit::problems::detail
