// hypervolume_3d: exact 3-D hypervolume by a sweep along the third objective,
// in the manner of HV3D+ (Guerreiro and Fonseca, "Computing and updating
// hypervolume contributions in up to four dimensions", IEEE TEVC 22(3), 2018;
// earlier Beume et al. 2009).
//
// Points enter in ascending order of the third objective. The 2-D projections
// of the points seen so far form a staircase (x ascending, y descending) kept
// in an ordered tree; a new point either is dominated by the staircase or
// replaces the points it dominates, and the dominated area of the staircase
// changes by the exclusive area of the new point, found while removing them.
// Between two consecutive levels the volume grows by area x height.
// Changed from HV3D+: a balanced tree (std::map on a monotonic arena) instead
// of the presorted linked lists. O(n log n) time, O(n) memory.
#include <algorithm>
#include <limits>
#include <map>
#include <memory_resource>
#include <numeric>
#include <vector>

#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

double hypervolume_3d(const MatrixRef& points, const VectorRef& reference) {
  const std::vector<double> inside = detail::points_inside_reference(points, reference, "hypervolume_3d");
  const std::size_t n = inside.size() / 3;
  if (n == 0) return 0.0;

  struct Point {
    double x, y, z;
  };
  std::vector<Point> sorted(n);
  for (std::size_t i = 0; i < n; ++i) sorted[i] = {inside[3 * i], inside[3 * i + 1], inside[3 * i + 2]};
  std::sort(sorted.begin(), sorted.end(), [](const Point& a, const Point& b) { return a.z < b.z; });

  // The staircase: x -> y, with two sentinels that bound every point.
  std::pmr::monotonic_buffer_resource arena(n * 64 + 256);
  std::pmr::map<double, double> stair(&arena);
  constexpr double infinity = std::numeric_limits<double>::infinity();
  stair.emplace(-infinity, reference(1));
  stair.emplace(reference(0), -infinity);

  double area = 0.0;
  double volume = 0.0;
  double level = sorted.front().z;
  for (const Point& p : sorted) {
    auto next = stair.upper_bound(p.x);
    auto left = std::prev(next);        // the last step with x <= p.x
    if (left->second <= p.y) continue;  // weakly dominated by the staircase
    volume += area * (p.z - level);
    level = p.z;

    // Remove the steps that p dominates, adding p's exclusive area strip by strip.
    auto step = next;
    double top = left->second;
    if (left->first == p.x) {  // same x, higher y: dominated by p
      step = left;
      top = std::prev(left)->second;
    }
    double x = p.x;
    double gain = 0.0;
    while (step->second >= p.y) {
      gain += (step->first - x) * (top - p.y);
      x = step->first;
      top = step->second;
      step = stair.erase(step);
    }
    gain += (step->first - x) * (top - p.y);
    area += gain;
    stair.emplace_hint(step, p.x, p.y);
  }
  volume += area * (reference(2) - level);
  return volume;
}

}  // namespace paretokit
