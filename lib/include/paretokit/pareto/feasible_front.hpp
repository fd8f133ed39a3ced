// The feasible non-dominated rows of an evaluated set: what a run reports as
// its front (run/run.hpp) and a study as its incumbents.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Rows that satisfy every constraint (all of G <= 0; G may have no
// columns), have finite objectives (a failed evaluation reads +inf:
// core/evaluation.hpp) and are not dominated by another such row, in
// increasing order.
std::vector<Index> feasible_front_indices(const MatrixRef& F, const MatrixRef& G);

}  // namespace paretokit
