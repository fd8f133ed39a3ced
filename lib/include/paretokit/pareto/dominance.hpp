// Pareto dominance for minimization.
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit {

using RowRef = Eigen::Ref<const RowVector>;

// a dominates b: a <= b in every objective and a < b in at least one.
bool dominates(const RowRef& a, const RowRef& b);
// a weakly dominates b: a <= b in every objective.
bool weakly_dominates(const RowRef& a, const RowRef& b);

}  // namespace paretokit
