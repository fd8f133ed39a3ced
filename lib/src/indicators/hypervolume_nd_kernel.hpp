// Private kernel of the exact hypervolume in any dimension (WFG recursion with
// slicing and low-dimensional sweeps as base cases).
//
// The kernel works in "gain" coordinates: each point p becomes g = r - p, so
// that the reference point is the origin, every box is [0, g], a box's volume
// is the product of g, limiting two points is a componentwise min and
// dominance is componentwise >=. Only points with g > 0 in every coordinate
// reach the kernel.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace paretokit::detail {

// Buffers reused by the recursion so that it never allocates: one set of
// buffers per dimension (the recursion is depth-first, so at most one call per
// dimension is active at a time).
// Sort key of a row in sort_and_filter.
struct SortItem {
  double key;   // last coordinate
  double rest;  // sum of the other coordinates
  std::uint32_t index;
};

class HypervolumeWorkspace {
 public:
  // Room for sets of up to `points` points in up to `dimensions` objectives.
  void reserve(std::size_t points, int dimensions);

  struct Level {
    std::vector<double> limited;         // limited points, before filtering
    std::vector<double> kept;            // sorted, non-dominated limited set
    std::vector<SortItem> order;         // sort keys of `limited`
  };
  Level& level(int dimensions) { return levels_[static_cast<std::size_t>(dimensions)]; }
  std::vector<double>& stair() { return stair_; }

 private:
  std::vector<Level> levels_;
  std::vector<double> stair_;  // 2-D staircase of the 3-D sweep: (x, y) pairs
  std::size_t points_ = 0;
};

// Sorts the `count` rows of `rows` (row length `dimensions`) best first
// (largest last coordinate, then largest sum of the others) and copies those
// that no earlier kept row weakly dominates into `out`, in that order; returns
// how many were kept. Duplicates keep one copy.
std::size_t sort_and_filter(const double* rows, std::size_t count, int dimensions,
                            std::vector<SortItem>& order, double* out);

// Hypervolume of `count` gain points in non-increasing order of their last
// coordinate, against the origin. Dominated points and duplicates are
// allowed (they only cost time).
double hypervolume_sorted(const double* points, std::size_t count, int dimensions,
                          HypervolumeWorkspace& workspace);

// Exclusive (dimensions - 1)-volume of point `index` of such a set against
// the points before it, in the first dimensions - 1 coordinates: the
// hypervolume is the sum over the points of their last coordinate times this
// (slicing). The terms are independent, so callers may spread them over
// threads, one workspace each.
double slice_exclusive(const double* points, std::size_t index, int dimensions,
                       HypervolumeWorkspace& workspace);

}  // namespace paretokit::detail
