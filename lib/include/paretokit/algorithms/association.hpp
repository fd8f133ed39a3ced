// Association of points with reference directions (Deb and Jain 2014,
// Algorithm 3): each normalized point goes to the direction whose line
// through the origin is closest (perpendicular distance).
//
// d(f, w)^2 = |f|^2 - (f . w / |w|)^2, so the closest direction is the one
// of largest |f . u| with u = w / |w|. The product N U^T is computed in
// blocks of rows (oneTBB, deterministic: rows are independent), so memory is
// O(block x H) instead of the n x H distance matrix; when n H > 4e7 and
// m <= 8, a k-d tree over the unit directions answers each point in about
// O(log H) instead of O(H m) (population 1e5 with 1e5 directions).
#pragma once

#include <memory>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

struct Association {
  std::vector<Index> niche;  // direction of each point
  Vector distance;           // its perpendicular distance to that direction
};

// N: n x m normalized points; W: H x m directions (rows, non-zero).
Association associate(const MatrixRef& N, const MatrixRef& W);

// The two kernels behind associate(), for tests and benchmarks: blocked
// brute force, O(n H m); and a k-d tree over the unit directions (for
// non-negative N and W, where the closest line is the nearest unit vector to
// f / |f|), O(H log H + n log H) for well-spread directions in few
// dimensions. They agree except between exactly equidistant directions.
Association associate_brute_force(const MatrixRef& N, const MatrixRef& W);
Association associate_kd_tree(const MatrixRef& N, const MatrixRef& W);

// A fixed set of directions prepared once (unit vectors and, when it pays,
// the k-d tree), for algorithms that associate every generation.
class DirectionIndex {
 public:
  explicit DirectionIndex(const MatrixRef& W);
  ~DirectionIndex();
  DirectionIndex(DirectionIndex&&) noexcept;
  DirectionIndex& operator=(DirectionIndex&&) noexcept;

  Association associate(const MatrixRef& N) const;  // same rules as associate()

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paretokit
