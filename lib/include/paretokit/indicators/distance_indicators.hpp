// Indicators of a point set against a reference set (e.g. the true front):
// GD, IGD, IGD+ (Ishibuchi et al. 2015) and the additive epsilon indicator.
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit {

double gd(const MatrixRef& points, const MatrixRef& reference_set);        // mean distance to the reference set
double igd(const MatrixRef& points, const MatrixRef& reference_set);       // mean distance from the reference set
double igd_plus(const MatrixRef& points, const MatrixRef& reference_set);  // IGD with dominance-aware distance
double additive_epsilon(const MatrixRef& points, const MatrixRef& reference_set);

}  // namespace paretokit
