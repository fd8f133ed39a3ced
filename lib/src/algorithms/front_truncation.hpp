// Survival shared by the indicator-based algorithms (HypE, SMS-EMOA): whole
// constrained non-dominated fronts while they fit, then the overflowing
// front truncated by a caller-supplied rule.
#pragma once

#include <functional>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

// `truncate(front_rows, n_keep)` returns the n_keep rows of the front to keep.
std::vector<Index> survive_by_fronts(
    const MatrixRef& F, const VectorRef& cv, Index n_survive,
    const std::function<std::vector<Index>(const std::vector<Index>&, Index)>& truncate);

// Reference point of a set: worst + offset * (worst - best) per objective
// (a zero range counts as 1e-12 relative to the magnitude, so that the
// reference stays strictly worse).
Vector offset_reference(const MatrixRef& F, double offset);

}  // namespace paretokit::detail
