// The k nearest rows (Euclidean, the row itself first) of every row of a
// set of points: the neighbourhoods of MOEA/D's weight vectors. Rows are
// processed in parallel blocks (oneTBB; each row's answer is independent of
// the blocking). O(n^2 m + n^2 log k) time, O(block n) memory.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// neighbors[i] lists k row indices by increasing distance (ties by index).
std::vector<std::vector<Index>> nearest_neighbors(const MatrixRef& points, Index k);

}  // namespace paretokit
