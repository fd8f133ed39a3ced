// Association of points with reference directions (Deb and Jain 2014,
// Algorithm 3): each normalized point goes to the direction whose line
// through the origin is closest (perpendicular distance).
//
// d(f, w)^2 = |f|^2 - (f . w / |w|)^2, so the closest direction is the one
// of largest |f . u| with u = w / |w|. The product N U^T is computed in
// blocks of rows (oneTBB, deterministic: rows are independent), so memory is
// O(block x H) instead of the n x H distance matrix; for large sets in few
// dimensions a k-d tree over the unit directions answers each point in
// O(log H) instead of O(H m).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

struct Association {
  std::vector<Index> niche;  // direction of each point
  Vector distance;           // its perpendicular distance to that direction
};

// N: n x m normalized points; W: H x m directions (rows, non-zero).
Association associate(const MatrixRef& N, const MatrixRef& W);

// The blocked brute-force kernel alone (for tests and benchmarks).
Association associate_brute_force(const MatrixRef& N, const MatrixRef& W);

}  // namespace paretokit
