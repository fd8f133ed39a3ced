// The k nearest rows (Euclidean, the row itself first) of every row of a
// set of points: the neighbourhoods of MOEA/D's weight vectors. Rows are
// processed in parallel blocks (oneTBB; each row's answer is independent of
// the blocking). Brute force, O(n^2 m) time and O(block n) memory; above
// n = 6300 points in at most 8 dimensions, a k-d tree (about O(n k log n)).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// neighbors[i] lists k row indices by increasing distance (ties by index).
std::vector<std::vector<Index>> nearest_neighbors(const MatrixRef& points, Index k);

}  // namespace paretokit
