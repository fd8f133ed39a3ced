// Private: the 4-D sweep of hypervolume_4d.cpp on a pre-sorted flat array,
// with reusable buffers, so that the n-d kernel can use it as its 4-D base
// case (hypervolume_nd_kernel.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace paretokit::detail {

// The active 3-D projections of the sweep, structure of arrays, sorted by z.
struct Sweep4dActive {
  std::vector<double> x, y, z;
  std::size_t size() const { return z.size(); }
};

// A 2-D staircase clipped to the quadrant of a point, with the exclusive area
// of that point (its quadrant within the reference box minus the staircase).
class ClippedStaircase {
 public:
  void reset(double px, double py, double rx, double ry) {
    constexpr double infinity = std::numeric_limits<double>::infinity();
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
  struct Step {
    double x, y;
  };
  std::vector<Step> steps_;
  double area_ = 0;
};

struct Sweep4dBuffers {
  Sweep4dActive active;
  ClippedStaircase stair;
  // For continue_4d_sweep: a 3-D box inside the union of `active` (the
  // sweep tries it first to skip rows it covers); none at infinity.
  double known_inside[3] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::infinity()};
};

// Hypervolume (minimization) of the `n` rows of `points` (row length 4, each
// strictly dominating `reference`), sorted by non-decreasing fourth
// coordinate. Duplicates and dominated rows are allowed.
double hypervolume_4d_sorted(const double* points, std::size_t n, const double* reference,
                             Sweep4dBuffers& buffers);

// The same sweep continued: `buffers.active` holds, sorted by z, the 3-D
// projections of rows already swept (dominated ones allowed), whose union
// has volume `volume3`, all at fourth coordinate `level`; the `n` rows here
// have fourth coordinates >= level, non-decreasing.
double continue_4d_sweep(const double* points, std::size_t n, const double* reference,
                         Sweep4dBuffers& buffers, double volume3, double level);

}  // namespace paretokit::detail
