// Exact hypervolume in any dimension: the WFG algorithm of While, Bradstreet
// and Barone, "A Fast Way of Calculating Exact Hypervolumes", IEEE TEVC 16(1),
// 2012, with slicing on the last objective.
//
// With the points sorted best-first in the last coordinate (gain form, see
// the header), Abel summation of the slices gives
//   HV_d(S) = sum_i g_i[d-1] * exclusive_{d-1}(p_i, {p_0..p_{i-1}}),
//   exclusive_{d-1}(p, Q) = vol(p) - HV_{d-1}(nondominated(min(Q, p))),
// so that every recursive call loses one dimension. Changes from WFG: the
// limited set is sorted best-first in its own last coordinate before the
// non-dominance filter, so that the filter only checks backwards and the
// recursive call needs no further sort; the recursion stops at 3 objectives
// with an O(n log n)-comparison staircase sweep (the 2-D front of the 3-D
// sweep kept in a sorted array); all buffers come from a workspace.
//
// Complexity: worst case O(n^(d-2) n log n) like WFG, but limited sets are
// small on typical fronts, which is where WFG's speed comes from.
#include "hypervolume_nd_kernel.hpp"

#include <algorithm>
#include <limits>

namespace paretokit::detail {

namespace {

inline bool gain_before_inline(const double* a, const double* b, int dimensions) {
  const int last = dimensions - 1;
  if (a[last] != b[last]) return a[last] > b[last];
  for (int c = 0; c < last; ++c)
    if (a[c] != b[c]) return a[c] > b[c];
  return false;
}

}  // namespace

void HypervolumeWorkspace::reserve(std::size_t points, int dimensions) {
  const auto dims = static_cast<std::size_t>(std::max(dimensions, 0));
  if (levels_.size() < dims + 1) levels_.resize(dims + 1);
  if (points <= points_) return;
  points_ = points;
  for (std::size_t k = 1; k < levels_.size(); ++k) {
    levels_[k].limited.resize(points * k);
    levels_[k].kept.resize(points * k);
    levels_[k].order.resize(points);
  }
  stair_.resize(2 * (points + 2));
}

bool gain_before(const double* a, const double* b, int dimensions) {
  return gain_before_inline(a, b, dimensions);
}

std::size_t sort_and_filter(const double* rows, std::size_t count, int dimensions,
                            std::vector<std::uint32_t>& order, double* out) {
  const auto dims = static_cast<std::size_t>(dimensions);
  for (std::size_t i = 0; i < count; ++i) order[i] = static_cast<std::uint32_t>(i);
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count),
            [rows, dims, dimensions](std::uint32_t a, std::uint32_t b) {
              return gain_before_inline(rows + a * dims, rows + b * dims, dimensions);
            });
  // Earlier kept rows are >= in the last coordinate, so only the others are
  // compared.
  const int rest = dimensions - 1;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double* q = rows + order[i] * dims;
    bool dominated = false;
    for (std::size_t j = 0; j < kept && !dominated; ++j) {
      const double* r = out + j * dims;
      int c = 0;
      while (c < rest && r[c] >= q[c]) ++c;
      dominated = c == rest;
    }
    if (!dominated) std::copy(q, q + dims, out + (kept++) * dims);
  }
  return kept;
}

namespace {

constexpr std::size_t kInclusionExclusionMax = 6;
constexpr int kMaxStackDimensions = 32;
constexpr std::size_t kUnfilteredMax = 6;

double box_volume(const double* p, int dimensions) {
  double v = p[0];
  for (int c = 1; c < dimensions; ++c) v *= p[c];
  return v;
}

// Sorted by y descending and non-dominated, so x increases.
double hypervolume_2d_sorted(const double* points, std::size_t count) {
  double volume = 0, previous_x = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double x = points[2 * i], y = points[2 * i + 1];
    volume += y * (x - previous_x);
    previous_x = x;
  }
  return volume;
}

// Sweep in z (best first); the 2-D front of the points seen so far is a
// staircase with x decreasing and y increasing, between the sentinels
// (inf, 0) and (0, inf). Each point adds z times the area it adds to it.
double hypervolume_3d_sorted(const double* points, std::size_t count, std::vector<double>& stair) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  double* xy = stair.data();
  std::size_t size = 2;  // entries, each an (x, y) pair
  xy[0] = infinity, xy[1] = 0, xy[2] = 0, xy[3] = infinity;
  double volume = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double a = points[3 * i], b = points[3 * i + 1], z = points[3 * i + 2];
    // First entry with x <= a (entry 0 has x = inf > a, the last has x = 0).
    std::size_t lo = 1, hi = size - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (xy[2 * mid] <= a) hi = mid; else lo = mid + 1;
    }
    const std::size_t first = lo;
    double previous_y = xy[2 * (first - 1) + 1];
    if (previous_y >= b) continue;  // covered by a point with larger x
    double current_x = a, added = 0;
    std::size_t j = first;
    while (xy[2 * j + 1] <= b) {
      added += (current_x - xy[2 * j]) * (b - previous_y);
      current_x = xy[2 * j];
      previous_y = xy[2 * j + 1];
      ++j;
    }
    added += (current_x - xy[2 * j]) * (b - previous_y);
    if (!(added > 0)) continue;  // covered by the next entry (same x)
    volume += z * added;
    // Entries first..j-1 are dominated: replace them by (a, b).
    const std::size_t removed = j - first;
    if (removed == 0) {
      std::copy_backward(xy + 2 * first, xy + 2 * size, xy + 2 * (size + 1));
      ++size;
    } else if (removed > 1) {
      std::copy(xy + 2 * j, xy + 2 * size, xy + 2 * (first + 1));
      size -= removed - 1;
    }
    xy[2 * first] = a;
    xy[2 * first + 1] = b;
  }
  return volume;
}

// Inclusion-exclusion over the non-empty subsets, depth first so that each
// subset's corner is one min away from its parent's: O(2^count d), cheaper
// than a recursive call for the tiny sets that dominate in high dimensions.
double inclusion_exclusion(const double* points, std::size_t count, int dimensions,
                           std::size_t start, const double* corner, double* scratch) {
  const auto dims = static_cast<std::size_t>(dimensions);
  double total = 0;
  for (std::size_t j = start; j < count; ++j) {
    const double* q = points + j * dims;
    double volume = 1;
    for (int c = 0; c < dimensions; ++c) {
      scratch[c] = corner ? std::min(corner[c], q[c]) : q[c];
      volume *= scratch[c];
    }
    if (j + 1 < count)
      volume -= inclusion_exclusion(points, count, dimensions, j + 1, scratch, scratch + dims);
    total += volume;
  }
  return total;
}

}  // namespace

double hypervolume_sorted(const double* points, std::size_t count, int dimensions,
                          HypervolumeWorkspace& workspace) {
  if (count == 0) return 0;
  if (count == 1) return box_volume(points, dimensions);
  if (dimensions == 1) return points[0];
  if (dimensions == 2) return hypervolume_2d_sorted(points, count);
  if (count <= kInclusionExclusionMax) {
    double scratch[kInclusionExclusionMax * kMaxStackDimensions];
    if (dimensions <= kMaxStackDimensions)
      return inclusion_exclusion(points, count, dimensions, 0, nullptr, scratch);
  }
  if (dimensions == 3) return hypervolume_3d_sorted(points, count, workspace.stair());

  const int lower = dimensions - 1;
  const auto dims = static_cast<std::size_t>(dimensions);
  const auto lower_dims = static_cast<std::size_t>(lower);
  auto& level = workspace.level(lower);
  double volume = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double* p = points + i * dims;
    double exclusive = box_volume(p, lower);
    if (i > 0) {
      double* limited = level.limited.data();
      for (std::size_t j = 0; j < i; ++j) {
        const double* q = points + j * dims;
        double* out = limited + j * lower_dims;
        for (int c = 0; c < lower; ++c) out[c] = std::min(q[c], p[c]);
      }
      if (i <= kUnfilteredMax && lower <= kMaxStackDimensions) {
        // Inclusion-exclusion needs neither order nor filter.
        double scratch[kUnfilteredMax * kMaxStackDimensions];
        exclusive -= inclusion_exclusion(limited, i, lower, 0, nullptr, scratch);
      } else {
        const std::size_t kept =
            sort_and_filter(limited, i, lower, level.order, level.kept.data());
        exclusive -= hypervolume_sorted(level.kept.data(), kept, lower, workspace);
      }
    }
    volume += p[lower] * exclusive;
  }
  return volume;
}

}  // namespace paretokit::detail
