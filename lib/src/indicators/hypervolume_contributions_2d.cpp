// hypervolume_contributions_2d: exclusive contribution HV(S) - HV(S \ {p}) of
// every point in 2-D, by one sweep (cf. Emmerich, Beume and Naujoks, EMO 2005,
// for the non-dominated case).
//
// Sorted by the first objective, the non-dominated points form a staircase
// s_1..s_k; the exclusive region of s_i is the rectangle between its
// neighbours, [x_i, x_{i+1}) x [y_i, y_{i-1}), minus the quadrants of the
// dominated points inside that rectangle (those dominated by s_i alone; a
// duplicate of s_i covers it all). Dominated points contribute 0.
// O(n log n) time, O(n) memory.
#include <algorithm>
#include <numeric>
#include <vector>

#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

Vector hypervolume_contributions_2d(const MatrixRef& points, const VectorRef& reference) {
  std::vector<Index> rows;
  const std::vector<double> inside =
      detail::points_inside_reference(points, reference, "hypervolume_contributions_2d", &rows);
  Vector result = Vector::Zero(points.rows());
  const std::size_t n = rows.size();
  if (n == 0) return result;

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (inside[2 * a] != inside[2 * b]) return inside[2 * a] < inside[2 * b];
    return inside[2 * a + 1] < inside[2 * b + 1];
  });

  const double reference_x = reference(0);
  // The current staircase point, the level above it, and the dominated points
  // met since it (in x order) that lie below that level.
  std::size_t owner = n;
  double owner_top = reference(1);
  double level = reference(1);
  std::vector<std::size_t> covered;

  // Closes the current staircase point when the next one starts at next_x.
  auto close_owner = [&](double next_x) {
    if (owner == n) return;
    const double x0 = inside[2 * owner];
    const double y0 = inside[2 * owner + 1];
    double area = (next_x - x0) * (owner_top - y0);
    // Subtract the union of the covered quadrants clipped to the rectangle.
    double top = owner_top;
    for (std::size_t q : covered) {
      const double qx = inside[2 * q];
      const double qy = inside[2 * q + 1];
      if (qx >= next_x) break;  // sorted by x: the rest lie outside too
      if (qy < top) {
        area -= (next_x - qx) * (top - qy);
        top = qy;
      }
    }
    result(rows[owner]) = std::max(area, 0.0);
  };

  for (std::size_t i : order) {
    const double y = inside[2 * i + 1];
    if (y < level) {
      close_owner(inside[2 * i]);
      owner_top = level;
      owner = i;
      level = y;
      covered.clear();
    } else if (y < owner_top) {
      covered.push_back(i);
    }
  }
  close_owner(reference_x);
  return result;
}

}  // namespace paretokit
