// Normalization helpers of many-objective algorithms (minimization): ideal
// and nadir points, extreme points and hyperplane intercepts as in NSGA-III
// (Deb and Jain 2014), with pymoo's numerical safeguards
// (`get_extreme_points_c`, `get_nadir_point`).
//
// All functions are O(n m) except nadir_point (a non-dominated sort) and the
// m x m solve of the intercepts, O(m^3).
#pragma once

#include <optional>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Column minima of F (the ideal point of the set). F must have rows.
Vector ideal_point(const MatrixRef& F);

// Column maxima of F (the worst point of the whole set).
Vector worst_point(const MatrixRef& F);

// Column maxima of the non-dominated rows of F (the nadir point of the set).
Vector nadir_point(const MatrixRef& F);

// One extreme point per objective j: the row minimizing the achievement
// scalarizing function max_k (f_k - ideal_k) * w_k with w_j = 1 and w_k = 1e6
// otherwise; differences below 1e-3 count as 0 (pymoo). `previous` (optional,
// m x m) are the extreme points of an earlier generation: they compete with
// the rows of F, so that a good extreme point is never lost. Returns m x m.
Matrix extreme_points(const MatrixRef& F, const VectorRef& ideal, const Matrix* previous = nullptr);

// Intercepts a_j of the hyperplane through the m extreme points, measured
// from the ideal point: the plane {f : sum_j (f_j - ideal_j) / a_j = 1}.
// Empty when the system is singular, the solution does not reproduce it, or
// an intercept is <= min_intercept (negative, tiny or infinite).
std::optional<Vector> hyperplane_intercepts(const MatrixRef& extreme_points, const VectorRef& ideal,
                                            double min_intercept = 1e-6);

// The nadir estimate of NSGA-III as pymoo computes it, with one change:
//   ideal + intercepts of the plane through the extreme points, where an
//   extreme point's coordinates off its own axis that are within 1e-3 of the
//   ideal (those extreme_points() counted as 0) are taken as 0 (pymoo uses
//   them as they are), capped by worst_point (the worst values seen so far);
//   worst_of_front where the hyperplane is unusable (see above);
//   then, for every objective whose range nadir - ideal is <= 1e-6,
//   worst_of_population.
Vector hyperplane_nadir(const MatrixRef& extreme_points, const VectorRef& ideal, const VectorRef& worst_point,
                        const VectorRef& worst_of_front, const VectorRef& worst_of_population);

// (F - ideal) / (nadir - ideal) per column; a zero or negative range divides
// by 1 instead (keeps the offset, never produces inf or NaN).
Matrix normalize(const MatrixRef& F, const VectorRef& ideal, const VectorRef& nadir);

}  // namespace paretokit
