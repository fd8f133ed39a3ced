// Duplicate elimination: offspring equal to another offspring or to a member
// of the current population waste evaluations (pymoo's
// eliminate_duplicates=True). Rows are compared exactly, through hashing, so
// the cost is O((n + m) d) expected, not O(n m d).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Indices of the rows of `candidates` that equal neither an earlier row of
// `candidates` nor any row of `existing` (which may have 0 rows), in order.
std::vector<Index> unique_rows(const MatrixRef& candidates, const MatrixRef& existing);

}  // namespace paretokit
