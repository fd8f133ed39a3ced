// Exact hypervolume (minimization): the Lebesgue measure of the region
// dominated by the points and bounded by the reference point.
//
// Points that do not strictly dominate the reference point in every
// objective contribute nothing; duplicates and dominated points are allowed.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Picks the best algorithm for the number of objectives.
double hypervolume(const MatrixRef& points, const VectorRef& reference);

// The algorithms behind it, exposed for tests and benchmarks. Each accepts
// any input (filters points outside the reference box itself).
double hypervolume_2d(const MatrixRef& points, const VectorRef& reference);  // O(n log n)
double hypervolume_3d(const MatrixRef& points, const VectorRef& reference);  // HV3D+, O(n log n)
double hypervolume_4d(const MatrixRef& points, const VectorRef& reference);  // HV4D+, O(n^2)
double hypervolume_nd(const MatrixRef& points, const VectorRef& reference);  // any d >= 2

// Exclusive contribution of each point: HV(S) - HV(S without p). A dominated
// point contributes 0, and a duplicate point makes the contribution of its
// twin 0 as well.
Vector hypervolume_contributions(const MatrixRef& points, const VectorRef& reference);

// Default reference point of moocore's `hv`: per objective max + 0.1 (max - min).
// Throws InputError for an empty matrix.
Vector default_reference_point(const MatrixRef& points);

// Errors: every function above throws InputError when the reference point is
// empty, when its size differs from the number of columns (for a non-empty
// matrix), or when a coordinate is NaN or infinite. An empty matrix gives 0
// (an empty Vector for the contributions).

}  // namespace paretokit

namespace paretokit {
// Contributions by algorithm: O(n log n) in 2-D and 3-D; any d >= 2 for _nd.
Vector hypervolume_contributions_2d(const MatrixRef& points, const VectorRef& reference);
Vector hypervolume_contributions_3d(const MatrixRef& points, const VectorRef& reference);
Vector hypervolume_contributions_nd(const MatrixRef& points, const VectorRef& reference);

namespace detail {
// Checks the input as described above (`function` names the caller in the
// message) and returns the rows that strictly dominate the reference point,
// row-major, with their row numbers in `rows` when it is not null.
std::vector<double> points_inside_reference(const MatrixRef& points, const VectorRef& reference,
                                            const char* function, std::vector<Index>* rows = nullptr);
}  // namespace detail
}  // namespace paretokit
