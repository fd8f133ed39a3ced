// Exact hypervolume (minimization): the Lebesgue measure of the region
// dominated by the points and bounded by the reference point.
//
// Points that do not strictly dominate the reference point in every
// objective contribute nothing; duplicates and dominated points are allowed.
#pragma once

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
Vector default_reference_point(const MatrixRef& points);

}  // namespace paretokit

namespace paretokit {
// Contributions by algorithm: O(n log n) in 2-D and 3-D; any d >= 2 for _nd.
Vector hypervolume_contributions_2d(const MatrixRef& points, const VectorRef& reference);
Vector hypervolume_contributions_3d(const MatrixRef& points, const VectorRef& reference);
Vector hypervolume_contributions_nd(const MatrixRef& points, const VectorRef& reference);
}  // namespace paretokit
