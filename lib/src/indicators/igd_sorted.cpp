// IGD by a pruned nearest-point search (distance_indicators.hpp).
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "paretokit/indicators/distance_indicators.hpp"

namespace paretokit {

// igd(points, reference) bit for bit, faster for what a run's summary asks
// (a front of ~10^2 points against a reference front of 10^4). The front is
// sorted by its first objective; for each reference point the search goes
// outwards from its place in that order and stops on each side once the
// first objective's term alone, (z_0 - a_0)^2, reaches the best squared
// distance so far: a skipped point's sum, a sum of non-negative terms, is at
// least that term, so it cannot be smaller than the minimum. Each pair that
// is computed is computed as igd() does (the same differences, summed over
// the objectives in order), the minimum is the same double, and the square
// roots are summed in reference order: the same value. Serial.
double igd_sorted(const MatrixRef& points, const MatrixRef& reference) {
  if (points.rows() == 0 || reference.rows() == 0 || points.cols() != reference.cols() ||
      !points.allFinite() || !reference.allFinite()) {
    return igd(points, reference);  // its checks, errors and conventions
  }
  const Index n = points.rows(), m = points.cols();
  std::vector<Index> order(static_cast<std::size_t>(n));
  for (Index c = 0; c < n; ++c) order[static_cast<std::size_t>(c)] = c;
  std::sort(order.begin(), order.end(), [&](Index a, Index b) { return points(a, 0) < points(b, 0); });
  const Matrix sorted = points(order, Eigen::all);  // contiguous rows, by first objective
  std::vector<double> first(static_cast<std::size_t>(n));
  for (Index c = 0; c < n; ++c) first[static_cast<std::size_t>(c)] = sorted(c, 0);

  double sum = 0;
  for (Index r = 0; r < reference.rows(); ++r) {
    const double* z = reference.data() + r * reference.outerStride();
    double best = std::numeric_limits<double>::infinity();
    // Returns false once the first objective's term alone reaches best.
    auto visit = [&](Index c) {
      const double* a = sorted.data() + c * m;
      const double d0 = z[0] - a[0];
      double s = 0;
      s += d0 * d0;
      if (s >= best) return false;
      for (Index j = 1; j < m; ++j) {
        const double d = z[j] - a[j];
        s += d * d;
      }
      best = std::min(best, s);
      return true;
    };
    const auto start = static_cast<Index>(std::lower_bound(first.begin(), first.end(), z[0]) - first.begin());
    for (Index c = start; c < n && visit(c); ++c) {
    }
    for (Index c = start - 1; c >= 0 && visit(c); --c) {
    }
    sum += std::sqrt(best);
  }
  return sum / static_cast<double>(reference.rows());
}

}  // namespace paretokit
