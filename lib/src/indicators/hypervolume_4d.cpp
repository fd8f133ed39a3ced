// hypervolume_4d: exact 4-D hypervolume by a sweep along the fourth
// objective, in the manner of HV4D+ (Guerreiro and Fonseca, "Computing and
// updating hypervolume contributions in up to four dimensions", IEEE TEVC
// 22(3), 2018).
//
// Points enter in ascending order of the fourth objective. The 3-D volume V of
// the projections seen so far is kept up to date: a new point adds its 3-D
// exclusive contribution, computed by a sweep along the third objective over
// the active projections (kept sorted by the third objective, so no sorting
// per point) with a small 2-D staircase clipped to the new point's quadrant.
// Projections weakly dominated by a newer one are dropped from the active
// set. Between two levels of the fourth objective the volume grows by V x
// height.
// Changed from HV4D+: the clipped staircase is a sorted vector searched by
// bisection instead of linked lists with precomputed neighbours, and the sweep
// stops as soon as the new point's exclusive area reaches zero.
// O(n^2) time in practice (O(n^2 log n) bound), O(n) memory.
#include <algorithm>
#include <limits>
#include <vector>

#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

namespace {

struct Point3 {
  double x, y, z;
};

struct Step {
  double x, y;
};

// Exclusive 3-D volume of p against `active` (sorted by z) inside the box of
// `reference`; a negative value means that an active point weakly dominates p.
double exclusive_volume(const Point3& p, const std::vector<Point3>& active, const double* reference,
                        std::vector<Step>& stair) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  stair.clear();
  stair.push_back({-infinity, reference[1]});
  stair.push_back({reference[0], -infinity});
  double area = (reference[0] - p.x) * (reference[1] - p.y);
  double volume = 0.0;
  double level = p.z;
  for (const Point3& q : active) {
    if (q.z > level) {
      volume += area * (q.z - level);
      level = q.z;
    }
    const double x = std::max(q.x, p.x);
    const double y = std::max(q.y, p.y);
    // The last step with x <= this x; if it is at least as low, nothing changes.
    auto next = std::upper_bound(stair.begin(), stair.end(), x, [](double v, const Step& s) { return v < s.x; });
    auto left = next - 1;
    if (left->y <= y) continue;
    auto first = next;
    double top = left->y;
    if (left->x == x) {
      first = left;
      top = (left - 1)->y;
    }
    double from = x;
    double gain = 0.0;
    auto last = first;
    while (last->y >= y) {
      gain += (last->x - from) * (top - y);
      from = last->x;
      top = last->y;
      ++last;
    }
    gain += (last->x - from) * (top - y);
    area -= gain;
    if (x == p.x && y == p.y) {  // p's quadrant is covered from this level up
      return q.z <= p.z ? -1.0 : volume;
    }
    if (first == last) {
      stair.insert(first, Step{x, y});
    } else {
      *first = Step{x, y};
      stair.erase(first + 1, last);
    }
  }
  return volume + area * (reference[2] - level);
}

}  // namespace

double hypervolume_4d(const MatrixRef& points, const VectorRef& reference) {
  const std::vector<double> inside = detail::points_inside_reference(points, reference, "hypervolume_4d");
  const std::size_t n = inside.size() / 4;
  if (n == 0) return 0.0;

  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return inside[4 * a + 3] < inside[4 * b + 3];
  });
  const double bounds[3] = {reference(0), reference(1), reference(2)};

  std::vector<Point3> active;
  std::vector<Point3> kept;
  std::vector<Step> stair;
  active.reserve(n);
  kept.reserve(n);
  double volume3 = 0.0;
  double volume = 0.0;
  double level = inside[4 * order.front() + 3];
  for (std::size_t i : order) {
    const Point3 p{inside[4 * i], inside[4 * i + 1], inside[4 * i + 2]};
    const double w = inside[4 * i + 3];
    const double gain = exclusive_volume(p, active, bounds, stair);
    if (gain < 0.0) continue;
    volume += volume3 * (w - level);
    level = w;
    volume3 += gain;
    // Insert p by z and drop the projections it weakly dominates.
    kept.clear();
    bool placed = false;
    for (const Point3& q : active) {
      if (!placed && q.z > p.z) {
        kept.push_back(p);
        placed = true;
      }
      if (p.x <= q.x && p.y <= q.y && p.z <= q.z) continue;
      kept.push_back(q);
    }
    if (!placed) kept.push_back(p);
    active.swap(kept);
  }
  volume += volume3 * (reference(3) - level);
  return volume;
}

}  // namespace paretokit
