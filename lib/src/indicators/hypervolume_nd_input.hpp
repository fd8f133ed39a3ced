// Input checks and gain conversion shared by hypervolume_nd and
// hypervolume_contributions_nd.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

// Throws InputError for an empty reference, a reference whose size differs
// from the number of columns, or a non-finite value; returns the dimension.
int check_hypervolume_input(const MatrixRef& points, const VectorRef& reference, const char* function);

// Row-major gains r - p of the points that strictly dominate r, in input order.
std::vector<double> gains_inside_reference(const MatrixRef& points, const VectorRef& reference);

// Gains of every point (rows of `points`); `inside[i]` says whether row i
// strictly dominates the reference point.
std::vector<double> gains_of_all(const MatrixRef& points, const VectorRef& reference,
                                 std::vector<char>& inside);

}  // namespace paretokit::detail
