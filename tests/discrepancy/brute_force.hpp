// Brute-force star discrepancy for tests: every corner q on the grid of point
// coordinates (and 1) in every dimension, open and closed boxes counted
// directly. O((n+1)^d n d): small inputs only.
#pragma once

#include <algorithm>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::test {

inline double brute_force_star_discrepancy(const Matrix& points) {
  const Index n = points.rows(), d = points.cols();
  std::vector<std::vector<double>> grid(static_cast<std::size_t>(d));
  for (Index j = 0; j < d; ++j) {
    for (Index i = 0; i < n; ++i) grid[static_cast<std::size_t>(j)].push_back(points(i, j));
    grid[static_cast<std::size_t>(j)].push_back(1.0);
  }
  std::vector<std::size_t> at(static_cast<std::size_t>(d), 0);
  double worst = 0.0;
  while (true) {
    double volume = 1.0;
    for (Index j = 0; j < d; ++j)
      volume *= grid[static_cast<std::size_t>(j)][at[static_cast<std::size_t>(j)]];
    Index open = 0, closed = 0;
    for (Index i = 0; i < n; ++i) {
      bool in_open = true, in_closed = true;
      for (Index j = 0; j < d; ++j) {
        const double q = grid[static_cast<std::size_t>(j)][at[static_cast<std::size_t>(j)]];
        in_open = in_open && points(i, j) < q;
        in_closed = in_closed && points(i, j) <= q;
      }
      open += in_open;
      closed += in_closed;
    }
    worst = std::max({worst, volume - double(open) / double(n), double(closed) / double(n) - volume});
    std::size_t j = 0;
    while (j < at.size() && ++at[j] == grid[j].size()) at[j++] = 0;
    if (j == at.size()) break;
  }
  return worst;
}

}  // namespace paretokit::test
