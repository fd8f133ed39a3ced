// Private: the 2-D staircase of the 3-D staircase sweeps of the n-d kernel
// (hypervolume_nd_kernel.cpp, hypervolume_nd_base4d.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace paretokit::detail {

// The 2-D front of a 3-D sweep in z (best first), in gain form: a staircase
// with x decreasing and y increasing between the sentinels (inf, 0) and
// (0, inf), in a flat buffer of (x, y) pairs.
class Staircase2d {
 public:
  explicit Staircase2d(std::vector<double>& buffer) : xy_(buffer.data()) {
    constexpr double infinity = std::numeric_limits<double>::infinity();
    xy_[0] = infinity, xy_[1] = 0, xy_[2] = 0, xy_[3] = infinity;
  }
  // Whether an entry with x >= a has y >= b (then (a, b) adds nothing).
  bool covers(double a, double b) const { return xy_[2 * (first_at_or_below(a) - 1) + 1] >= b; }
  // Adds the quadrant of (a, b) and returns the area it adds; when that is
  // not positive, nothing changes.
  double insert(double a, double b) {
    const std::size_t first = first_at_or_below(a);
    double previous_y = xy_[2 * (first - 1) + 1];
    if (previous_y >= b) return 0;  // covered by a point with larger x
    double current_x = a, added = 0;
    std::size_t j = first;
    while (xy_[2 * j + 1] <= b) {
      added += (current_x - xy_[2 * j]) * (b - previous_y);
      current_x = xy_[2 * j];
      previous_y = xy_[2 * j + 1];
      ++j;
    }
    added += (current_x - xy_[2 * j]) * (b - previous_y);
    if (!(added > 0)) return added;  // covered by the next entry (same x)
    // Entries first..j-1 are dominated: replace them by (a, b).
    const std::size_t removed = j - first;
    if (removed == 0) {
      std::copy_backward(xy_ + 2 * first, xy_ + 2 * size_, xy_ + 2 * (size_ + 1));
      ++size_;
    } else if (removed > 1) {
      std::copy(xy_ + 2 * j, xy_ + 2 * size_, xy_ + 2 * (first + 1));
      size_ -= removed - 1;
    }
    xy_[2 * first] = a;
    xy_[2 * first + 1] = b;
    return added;
  }
  // Entries 1..size()-2 are the points; 0 and size()-1 the sentinels.
  std::size_t size() const { return size_; }
  double x(std::size_t entry) const { return xy_[2 * entry]; }
  double y(std::size_t entry) const { return xy_[2 * entry + 1]; }

 private:
  // First entry with x <= a (entry 0 has x = inf > a, the last has x = 0).
  std::size_t first_at_or_below(double a) const {
    if (size_ <= kLinearMax) {
      // Short staircases (the usual case in the n-d kernel): count the
      // entries with x > a, without branches.
      std::size_t first = 1;
      for (std::size_t e = 1; e + 1 < size_; ++e) first += static_cast<std::size_t>(xy_[2 * e] > a);
      return first;
    }
    std::size_t lo = 1, hi = size_ - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (xy_[2 * mid] <= a)
        hi = mid;
      else
        lo = mid + 1;
    }
    return lo;
  }

  static constexpr std::size_t kLinearMax = 16;
  double* xy_;
  std::size_t size_ = 2;
};

}  // namespace paretokit::detail
