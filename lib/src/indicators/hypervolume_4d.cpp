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
// linked lists with precomputed neighbours. O(n^2) time in practice
// (O(n^2 log n) bound), O(n) memory.
#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

struct Step {
  double x, y;
};

// The active projections, structure of arrays, sorted by z.
struct Active {
  std::vector<double> x, y, z;
  std::size_t size() const { return z.size(); }
};

// The staircase clipped to the quadrant of a point, with the exclusive area
// of that point (its quadrant within the reference box minus the staircase).
class ClippedStaircase {
 public:
  void reset(double px, double py, double rx, double ry) {
    steps_.clear();
    steps_.push_back({-infinity, ry});
    steps_.push_back({rx, -infinity});
    area_ = (rx - px) * (ry - py);
  }
  double area() const { return area_; }

  // Adds the quadrant of (x, y) (x >= px, y >= py).
  void insert(double x, double y) {
    auto next =
        std::upper_bound(steps_.begin(), steps_.end(), x, [](double v, const Step& s) { return v < s.x; });
    auto left = next - 1;
    if (left->y <= y) return;
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
    area_ -= gain;
    if (first == last) {
      steps_.insert(first, Step{x, y});
    } else {
      *first = Step{x, y};
      steps_.erase(first + 1, last);
    }
  }

 private:
  std::vector<Step> steps_;
  double area_ = 0;
};

struct Scratch {
  ClippedStaircase stair;
};

// Exclusive 3-D volume of p = (px, py, pz) against `active`; negative when an
// active point weakly dominates p. `below` is the number of active points with
// z <= pz.
double exclusive_volume(double px, double py, double pz, const Active& active, std::size_t below,
                        const double* reference, Scratch& scratch) {
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
  auto& stair = scratch.stair;
  stair.reset(px, py, reference[0], reference[1]);
  if (wall_y < reference[1]) stair.insert(px, wall_y);
  if (wall_x < reference[0]) stair.insert(wall_x, py);
  for (std::size_t k = 0; k < below; ++k) {
    if (ax[k] > px && ax[k] < wall_x && ay[k] > py && ay[k] < wall_y) stair.insert(ax[k], ay[k]);
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
  const double bounds[3] = {reference(0), reference(1), reference(2)};

  Active active;
  active.x.reserve(n);
  active.y.reserve(n);
  active.z.reserve(n);
  Active tail;
  Scratch scratch;
  double volume3 = 0.0;
  double volume = 0.0;
  double level = inside[4 * order.front() + 3];
  for (std::size_t i : order) {
    const double px = inside[4 * i], py = inside[4 * i + 1], pz = inside[4 * i + 2];
    const double w = inside[4 * i + 3];
    const std::size_t below =
        static_cast<std::size_t>(std::upper_bound(active.z.begin(), active.z.end(), pz) - active.z.begin());
    const double gain = exclusive_volume(px, py, pz, active, below, bounds, scratch);
    if (gain < 0.0) continue;
    volume += volume3 * (w - level);
    level = w;
    volume3 += gain;
    // Insert p after the points below it and drop those above that it
    // dominates (their z is >= p's, so x and y decide).
    tail.x.assign(1, px);
    tail.y.assign(1, py);
    tail.z.assign(1, pz);
    for (std::size_t k = below; k < active.size(); ++k) {
      if (px <= active.x[k] && py <= active.y[k]) continue;
      tail.x.push_back(active.x[k]);
      tail.y.push_back(active.y[k]);
      tail.z.push_back(active.z[k]);
    }
    for (auto [to, from] :
         {std::pair{&active.x, &tail.x}, std::pair{&active.y, &tail.y}, std::pair{&active.z, &tail.z}}) {
      to->resize(below);
      to->insert(to->end(), from->begin(), from->end());
    }
  }
  volume += volume3 * (reference(3) - level);
  return volume;
}

}  // namespace paretokit
