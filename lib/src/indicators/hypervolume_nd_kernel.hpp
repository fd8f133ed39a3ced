// Private kernel of the exact hypervolume in any dimension (WFG recursion with
// slicing and the 3-D and 4-D sweeps as base cases).
//
// The kernel works in "gain" coordinates: each point p becomes g = r - p, so
// that the reference point is the origin, every box is [0, g], a box's volume
// is the product of g, limiting two points is a componentwise min and
// dominance is componentwise >=. Only points with g > 0 in every coordinate
// reach the kernel.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "hypervolume_4d_sweep.hpp"

namespace paretokit::detail {

// Sort key of a row in sort_and_filter.
struct SortItem {
  double key;   // last coordinate
  double rest;  // sum of the other coordinates
  std::uint32_t index;
};

using Row3 = std::array<double, 3>;

// Buffers reused by the recursion so that it never allocates: one set of
// buffers per dimension (the recursion is depth-first, so at most one call per
// dimension is active at a time). Memory: O(n d^2) doubles.
class HypervolumeWorkspace {
 public:
  // Room for sets of up to `points` points in up to `dimensions` objectives.
  void reserve(std::size_t points, int dimensions);

  struct Level {
    std::vector<double> limited;       // limited points, before filtering
    std::vector<double> kept;          // sorted, non-dominated limited set
    std::vector<SortItem> order;       // sort keys of `limited`
    std::vector<std::uint32_t> front;  // projection front of the caller's sweep
  };
  Level& level(int dimensions) { return levels_[static_cast<std::size_t>(dimensions)]; }
  std::vector<double>& stair() { return stair_; }
  // The 4-D base case: its input (negated gains) and buffers.
  std::vector<double>& sweep4d_points() { return sweep4d_points_; }
  Sweep4dBuffers& sweep4d() { return sweep4d_; }
  // The projection front of hypervolume_5d_sequential, one array per gain,
  // in two orders, with two buffers each (see there).
  std::array<std::vector<double>, 16>& front_5d() { return front_5d_; }
  // 3-D gain rows of the 4-D base case's leading rows (see covered_4d).
  std::vector<Row3>& tie_rows() { return tie_rows_; }
  // Those below p's third gain (see union_of_tie_rows).
  std::vector<Row3>& lower_rows() { return lower_rows_; }

 private:
  std::vector<Level> levels_;
  std::vector<double> stair_;  // 2-D staircase of the 3-D sweep: (x, y) pairs
  std::vector<double> sweep4d_points_;
  Sweep4dBuffers sweep4d_;
  std::vector<Row3> tie_rows_;
  std::vector<Row3> lower_rows_;
  std::array<std::vector<double>, 16> front_5d_;
  std::size_t points_ = 0;
};

// Large limit sets first lose the rows that one of kPivots large rows covers.
constexpr std::size_t kPivotFilterMin = 32;
constexpr std::size_t kPivots = 4;
// Limit sets up to this size go to inclusion-exclusion, unsorted.
constexpr std::size_t kUnfilteredMax = 6;

// Hypervolume of up to kUnfilteredMax rows (any order, dominated ones
// allowed) by inclusion-exclusion.
double inclusion_exclusion_volume(const double* rows, std::size_t count, int dimensions);

// The exclusive 4-D volume's complement for the 5-D level: the volume of
// p's box (gain form, 4 coordinates) covered by the members (rows of
// `points`, row length 5), given in descending order of their fourth gain
// (any order is correct, sorted is fast). hypervolume_nd_base4d.cpp.
double covered_4d_of_members(const double* points, const std::uint32_t* members, std::size_t count,
                             const double* p, HypervolumeWorkspace& workspace);

// Sorts the `count` rows of `rows` (row length `dimensions`) best first
// (largest last coordinate, then largest sum of the others) and copies those
// that no earlier kept row weakly dominates into `out`, in that order; returns
// how many were kept. Duplicates keep one copy. (Rounding of the sums can let
// a dominated row through, which costs time, never correctness.)
std::size_t sort_and_filter(const double* rows, std::size_t count, int dimensions,
                            std::vector<SortItem>& order, double* out);

// The ordering of sort_and_filter without the filter (ties broken by input
// position): for callers that drop dominated rows otherwise.
void sort_best_first(const double* rows, std::size_t count, int dimensions, std::vector<SortItem>& items,
                     double* out);

// Hypervolume of `count` gain points in non-increasing order of their last
// coordinate, against the origin. Dominated points and duplicates are
// allowed (they only cost time).
double hypervolume_sorted(const double* points, std::size_t count, int dimensions,
                          HypervolumeWorkspace& workspace);

// Slicing: the hypervolume is the sum over the points of their last
// coordinate times their exclusive (dimensions - 1)-volume against the
// projections of the points before them, and only the projection front of
// those matters. projection_front_removals sweeps once and returns, for each
// point j, the point whose arrival removed j from that front (count if none;
// j itself if j's projection was covered on arrival, when j adds nothing).
// The front before point i is then {j < i : removed_at[j] >= i, removed_at[j] != j},
// and exclusive_against computes i's term against any such list of members, so
// callers may spread the terms over threads, one workspace each.
// hypervolume_sorted for 5 objectives, on one thread: the same members in
// the same order, so the same value to the bit, with the projection front
// kept as structure of arrays (faster scans, no indirection).
double hypervolume_5d_sequential(const double* points, std::size_t count, HypervolumeWorkspace& workspace);

std::vector<std::uint32_t> projection_front_removals(const double* points, std::size_t count, int dimensions);
double exclusive_against(const double* points, const std::uint32_t* members, std::size_t count,
                         std::size_t index, int dimensions, HypervolumeWorkspace& workspace);

}  // namespace paretokit::detail
