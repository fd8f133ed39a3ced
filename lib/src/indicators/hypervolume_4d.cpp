// hypervolume_4d: exact 4-D hypervolume by a sweep along the fourth
// objective, in the manner of HV4D+ (Guerreiro and Fonseca, "Computing and
// updating hypervolume contributions in up to four dimensions", IEEE TEVC
// 22(3), 2018).
//
// Points enter in ascending order of the fourth objective. The 3-D volume V of
// the projections seen so far is kept up to date: a new point p adds its 3-D
// exclusive contribution, found by a sweep along the third objective over the
// active projections (kept sorted by the third objective, so nothing is
// sorted per point) with a 2-D staircase clipped to p's quadrant:
//  - below p (third objective <= p's) only the staircase at p's level counts:
//    two branch-free passes find the lowest "left wall" (points left of p),
//    the nearest "bottom wall" (points below p) and the few interior points
//    between the walls;
//  - above p the points are inserted one by one, each adding area x height,
//    until one covers p's corner.
// Projections weakly dominated by a newer one leave the active set. Between
// two levels of the fourth objective the volume grows by V x height.
// Changed from HV4D+: flat arrays scanned with early rejection instead of the
// linked lists with precomputed neighbours, and the last dominator found is
// tried first (most dominated rows are then skipped with three compares).
// The sweep itself (detail::hypervolume_4d_sorted) is also the 4-D base case
// of the n-d kernel (hypervolume_nd_kernel.cpp). O(n^2) time in practice
// (O(n^2 log n) bound), O(n) memory.
#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

#include "hypervolume_4d_sweep.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

// Exclusive 3-D volume of p = (px, py, pz) against `active`; negative when an
// active point weakly dominates p. `below` is the number of active points with
// z <= pz.
double exclusive_volume(double px, double py, double pz, const detail::Sweep4dActive& active,
                        std::size_t below, const double* reference, detail::ClippedStaircase& stair) {
  const double* ax = active.x.data();
  const double* ay = active.y.data();
  const double* az = active.z.data();
  // Walls at p's level: the lowest y left of p and the leftmost x below p.
  double wall_y = infinity;
  double wall_x = infinity;
  for (std::size_t k = 0; k < below; ++k) {
    const double left_y = ax[k] <= px ? ay[k] : infinity;
    const double low_x = ay[k] <= py ? ax[k] : infinity;
    wall_y = left_y < wall_y ? left_y : wall_y;
    wall_x = low_x < wall_x ? low_x : wall_x;
  }
  if (wall_y <= py) return -1.0;  // dominated (wall_x <= px implies the same)
  stair.reset(px, py, reference[0], reference[1]);
  if (wall_y < reference[1]) stair.insert(px, wall_y);
  if (wall_x < reference[0]) stair.insert(wall_x, py);
  // Interior points, strictly between the walls: few, so one (rarely taken)
  // branch per point rather than four.
  for (std::size_t k = 0; k < below; ++k) {
    const bool interior = (ax[k] > px) & (ax[k] < wall_x) & (ay[k] > py) & (ay[k] < wall_y);
    if (interior) stair.insert(ax[k], ay[k]);
  }

  double volume = 0.0;
  double level = pz;
  const std::size_t m = active.size();
  for (std::size_t k = below; k < m; ++k) {
    const double x = ax[k] > px ? ax[k] : px;
    const double y = ay[k] > py ? ay[k] : py;
    if (x >= wall_x || y >= wall_y) continue;  // behind a wall
    volume += stair.area() * (az[k] - level);
    level = az[k];
    if (x == px && y == py) return volume;  // p's corner is covered from here up
    stair.insert(x, y);
    if (x == px) wall_y = y;
    if (y == py) wall_x = x;
  }
  return volume + stair.area() * (reference[2] - level);
}

}  // namespace

double hypervolume_4d(const MatrixRef& points, const VectorRef& reference) {
  const std::vector<double> inside = detail::points_inside_reference(points, reference, "hypervolume_4d");
  const std::size_t n = inside.size() / 4;
  if (n == 0) return 0.0;

  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return inside[4 * a + 3] < inside[4 * b + 3]; });
  std::vector<double> sorted(4 * n);
  for (std::size_t k = 0; k < n; ++k) std::copy_n(&inside[4 * order[k]], 4, &sorted[4 * k]);
  const double bounds[4] = {reference(0), reference(1), reference(2), reference(3)};
  detail::Sweep4dBuffers buffers;
  return detail::hypervolume_4d_sorted(sorted.data(), n, bounds, buffers);
}

namespace detail {

double hypervolume_4d_sorted(const double* points, std::size_t n, const double* reference,
                             Sweep4dBuffers& buffers) {
  if (n == 0) return 0.0;
  buffers.active.x.clear();
  buffers.active.y.clear();
  buffers.active.z.clear();
  std::fill_n(buffers.known_inside, 3, infinity);
  return continue_4d_sweep(points, n, reference, buffers, 0.0, points[3]);
}

double continue_4d_sweep(const double* points, std::size_t n, const double* reference,
                         Sweep4dBuffers& buffers, double volume3, double level) {
  Sweep4dActive& active = buffers.active;
  double volume = 0.0;
  // The last point found to dominate one (once active, so with a fourth
  // coordinate <= the current one): neighbours in the sweep tend to share it,
  // and checking it first skips the scan of the active set. It stays valid
  // after leaving the active set (whatever removed it dominates it).
  double dominator[3] = {buffers.known_inside[0], buffers.known_inside[1], buffers.known_inside[2]};
  for (std::size_t i = 0; i < n; ++i) {
    const double px = points[4 * i], py = points[4 * i + 1], pz = points[4 * i + 2];
    const double w = points[4 * i + 3];
    if (dominator[0] <= px && dominator[1] <= py && dominator[2] <= pz) continue;
    const std::size_t below =
        static_cast<std::size_t>(std::upper_bound(active.z.begin(), active.z.end(), pz) - active.z.begin());
    const double gain = exclusive_volume(px, py, pz, active, below, reference, buffers.stair);
    if (gain < 0.0) {
      for (std::size_t k = 0; k < below; ++k) {
        if (active.x[k] <= px && active.y[k] <= py) {
          dominator[0] = active.x[k], dominator[1] = active.y[k], dominator[2] = active.z[k];
          break;
        }
      }
      continue;
    }
    volume += volume3 * (w - level);
    level = w;
    volume3 += gain;
    // Insert p after the points below it and drop those above that it
    // dominates (their z is >= p's, so x and y decide): compact the part
    // above in place, then shift it one place right.
    double* ax = active.x.data();
    double* ay = active.y.data();
    double* az = active.z.data();
    std::size_t end = below;
    for (std::size_t k = below; k < active.size(); ++k) {  // branch-free
      ax[end] = ax[k], ay[end] = ay[k], az[end] = az[k];
      end += static_cast<std::size_t>(!((px <= ax[k]) & (py <= ay[k])));
    }
    active.x.resize(end + 1);
    active.y.resize(end + 1);
    active.z.resize(end + 1);
    ax = active.x.data(), ay = active.y.data(), az = active.z.data();
    std::copy_backward(ax + below, ax + end, ax + end + 1);
    std::copy_backward(ay + below, ay + end, ay + end + 1);
    std::copy_backward(az + below, az + end, az + end + 1);
    ax[below] = px, ay[below] = py, az[below] = pz;
  }
  volume += volume3 * (reference[3] - level);
  return volume;
}

}  // namespace detail

}  // namespace paretokit
