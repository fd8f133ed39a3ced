// Exact hypervolume in any dimension: the WFG algorithm of While, Bradstreet
// and Barone, "A Fast Way of Calculating Exact Hypervolumes", IEEE TEVC 16(1),
// 2012, with slicing on the last objective.
//
// With the points sorted best-first in the last coordinate (gain form, see
// the header), Abel summation of the slices gives
//   HV_d(S) = sum_i g_i[d-1] * exclusive_{d-1}(p_i, {p_0..p_{i-1}}),
//   exclusive_{d-1}(p, Q) = vol(p) - HV_{d-1}(nondominated(min(Q, p))),
// so that every recursive call loses one dimension. Changes from WFG:
// - Q is only the projection front of the previous points (kept up to date
//   during the sweep); a point whose projection it covers adds nothing.
// - The limit set is filtered after a sort on (last coordinate, sum of the
//   others), so the filter only looks backwards (branchless checks, the last
//   dominator tried first) and the recursive call needs no further sort;
//   large limit sets first lose the rows that a few large "pivot" rows cover.
// - Sets of up to 6 points use inclusion-exclusion (2^n d, no recursion), and
//   limit sets of up to 6 rows skip sort and filter altogether; the
//   recursion stops at 4 objectives with the HV4D+-style sweep of
//   hypervolume_4d.cpp (Guerreiro and Fonseca, IEEE TEVC 22(3), 2018), fed
//   as hypervolume_nd_base4d.cpp describes (no sort, no filter but pivots,
//   the rows at p's fourth gain measured by one 3-D staircase sweep), and at
//   3 objectives with a staircase sweep (the 2-D front of the 3-D sweep kept
//   in a sorted array, hypervolume_staircase_2d.hpp). All buffers come from a
//   workspace.
//
// Complexity: worst case O(n^(d-2) n log n) like WFG, but limit sets are
// small on typical fronts, which is where WFG's speed comes from.
#include "hypervolume_nd_kernel.hpp"

#include "hypervolume_staircase_2d.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace paretokit::detail {

namespace {

// r >= q in the first `count` coordinates.
inline bool covers(const double* r, const double* q, int count) {
  bool all = true;
  for (int c = 0; c < count; ++c) all &= r[c] >= q[c];
  return all;
}

// Before sorting a large limit set, drops the rows that one of the kPivots
// rows of largest volume covers (big rows cover most others), so that
// the sort sees a fraction of the rows. Transitivity keeps this exact: a pivot
// stays in, and whatever covers a pivot covers what the pivot covers.
std::size_t drop_covered_by_pivots(const double* rows, int dimensions, std::vector<SortItem>& items,
                                   std::size_t count) {
  const auto dims = static_cast<std::size_t>(dimensions);
  std::uint32_t pivot[kPivots];
  double pivot_volume[kPivots];
  std::size_t pivots = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double* row = rows + items[i].index * dims;
    double volume = row[0];
    for (int c = 1; c < dimensions; ++c) volume *= row[c];
    if (pivots == kPivots && !(volume > pivot_volume[kPivots - 1])) continue;
    std::size_t k = pivots < kPivots ? pivots++ : kPivots - 1;
    for (; k > 0 && pivot_volume[k - 1] < volume; --k) {
      pivot_volume[k] = pivot_volume[k - 1];
      pivot[k] = pivot[k - 1];
    }
    pivot_volume[k] = volume;
    pivot[k] = items[i].index;
  }
  // Pivots move to the front and stay (two equal pivots would otherwise drop
  // each other). Here items[i].index == i, so positions are indices.
  for (std::size_t k = 1; k < pivots; ++k)  // ascending positions
    for (std::size_t m = k; m > 0 && pivot[m - 1] > pivot[m]; --m) std::swap(pivot[m - 1], pivot[m]);
  for (std::size_t k = 0; k < pivots; ++k) {
    std::swap(items[k], items[pivot[k]]);
    pivot[k] = items[k].index;
  }
  std::size_t kept = pivots, last_pivot = 0;
  for (std::size_t i = pivots; i < count; ++i) {
    const double* q = rows + items[i].index * dims;
    bool covered = covers(rows + pivot[last_pivot] * dims, q, dimensions);
    for (std::size_t k = 0; k < pivots && !covered; ++k) {
      covered = covers(rows + pivot[k] * dims, q, dimensions);
      if (covered) last_pivot = k;
    }
    if (!covered) items[kept++] = items[i];
  }
  return kept;
}

}  // namespace

void HypervolumeWorkspace::reserve(std::size_t points, int dimensions) {
  const auto dims = static_cast<std::size_t>(std::max(dimensions, 0));
  if (levels_.size() >= dims + 1 && points <= points_) return;
  if (levels_.size() < dims + 1) levels_.resize(dims + 1);
  points_ = std::max(points, points_);
  points = points_;
  for (std::size_t k = 1; k < levels_.size(); ++k) {
    levels_[k].limited.resize(points * k);
    levels_[k].kept.resize(points * k);
    levels_[k].order.resize(points);
    levels_[k].front.resize(points);
  }
  stair_.resize(2 * (points + 2));
  if (levels_.size() > 4) {
    sweep4d_points_.resize(4 * points);
    tie_rows_.resize(points);
    lower_rows_.resize(points);
  }
}

void sort_best_first(const double* rows, std::size_t count, int dimensions, std::vector<SortItem>& items,
                     double* out) {
  const auto dims = static_cast<std::size_t>(dimensions);
  const int last = dimensions - 1;
  for (std::size_t i = 0; i < count; ++i) {
    const double* row = rows + i * dims;
    double rest = 0;
    for (int c = 0; c < last; ++c) rest += row[c];
    items[i] = {row[last], rest, static_cast<std::uint32_t>(i)};
  }
  std::sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(count),
            [](const SortItem& a, const SortItem& b) {
              if (a.key != b.key) return a.key > b.key;
              if (a.rest != b.rest) return a.rest > b.rest;
              return a.index < b.index;
            });
  for (std::size_t i = 0; i < count; ++i) std::copy_n(rows + items[i].index * dims, dims, out + i * dims);
}

std::size_t sort_and_filter(const double* rows, std::size_t count, int dimensions,
                            std::vector<SortItem>& items, double* out) {
  const auto dims = static_cast<std::size_t>(dimensions);
  const int last = dimensions - 1;
  // Sort keys: the last coordinate, then the sum of the others. A row that
  // weakly dominates another and differs from it has a larger key (up to
  // rounding of the sums: a dominated row that slips through costs time,
  // never correctness, since the kernel only relies on the order).
  for (std::size_t i = 0; i < count; ++i) {
    const double* row = rows + i * dims;
    double rest = 0;
    for (int c = 0; c < last; ++c) rest += row[c];
    items[i] = {row[last], rest, static_cast<std::uint32_t>(i)};
  }
  if (count > kPivotFilterMin) count = drop_covered_by_pivots(rows, dimensions, items, count);
  std::sort(
      items.begin(), items.begin() + static_cast<std::ptrdiff_t>(count),
      [](const SortItem& a, const SortItem& b) { return a.key != b.key ? a.key > b.key : a.rest > b.rest; });
  // Earlier kept rows are >= in the last coordinate, so only the others are
  // compared, without branches (faster than early exits, which mispredict).
  // The row that rejected the previous one is tried first: neighbours in the
  // order tend to share their dominator.
  std::size_t kept = 0, last_dominator = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double* q = rows + items[i].index * dims;
    bool dominated = false;
    if (last_dominator < kept) dominated = covers(out + last_dominator * dims, q, last);
    for (std::size_t j = 0; j < kept && !dominated; ++j) {
      dominated = covers(out + j * dims, q, last);
      if (dominated) last_dominator = j;
    }
    if (!dominated) std::copy(q, q + dims, out + (kept++) * dims);
  }
  return kept;
}

namespace {

constexpr std::size_t kInclusionExclusionMax = 6;
constexpr int kMaxStackDimensions = 32;

double box_volume(const double* p, int dimensions) {
  double v = p[0];
  for (int c = 1; c < dimensions; ++c) v *= p[c];
  return v;
}

// Sorted by y descending; x increases along the non-dominated points.
double hypervolume_2d_sorted(const double* points, std::size_t count) {
  double volume = 0, previous_x = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double x = points[2 * i], y = points[2 * i + 1];
    if (x <= previous_x) continue;  // dominated by an earlier point
    volume += y * (x - previous_x);
    previous_x = x;
  }
  return volume;
}

// Sweep in z (best first): each point adds z times the area it adds to the
// staircase.
double hypervolume_3d_sorted(const double* points, std::size_t count, std::vector<double>& stair) {
  Staircase2d front(stair);
  double volume = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double added = front.insert(points[3 * i], points[3 * i + 1]);
    if (added > 0) volume += points[3 * i + 2] * added;
  }
  return volume;
}

// Inclusion-exclusion over the non-empty subsets, depth first so that each
// subset's corner is one min away from its parent's: O(2^count d), cheaper
// than a recursive call for the tiny sets that dominate in high dimensions.
double inclusion_exclusion(const double* points, std::size_t count, int dimensions, std::size_t start,
                           const double* corner, double* scratch) {
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

// The 4-D base case: the HV4D+-style sweep of hypervolume_4d.cpp, which wants
// minimization in ascending order of the fourth coordinate. Negated gains
// against the origin are exactly that (negation is exact, so the sweep sees
// the same differences it would see in gain form).
double hypervolume_4d_of_gains(const double* points, std::size_t count, HypervolumeWorkspace& workspace) {
  double* negated = workspace.sweep4d_points().data();
  for (std::size_t k = 0; k < 4 * count; ++k) negated[k] = -points[k];
  static constexpr double origin[4] = {0, 0, 0, 0};
  return hypervolume_4d_sorted(negated, count, origin, workspace.sweep4d());
}

}  // namespace

double inclusion_exclusion_volume(const double* rows, std::size_t count, int dimensions) {
  double scratch[kUnfilteredMax * kMaxStackDimensions];
  return inclusion_exclusion(rows, count, dimensions, 0, nullptr, scratch);
}

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
  if (dimensions == 4) return hypervolume_4d_of_gains(points, count, workspace);

  // The previous points enter a limit set only through their projection
  // front (the projections no other previous projection weakly dominates):
  // a dominated projection gives a dominated limited row. The front is kept
  // up to date as the sweep goes, and a point whose projection it covers adds
  // nothing.
  const int lower = dimensions - 1;
  const auto dims = static_cast<std::size_t>(dimensions);
  std::uint32_t* front = workspace.level(lower).front.data();
  std::size_t front_size = 0;
  double volume = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double* p = points + i * dims;
    bool covered = false;
    for (std::size_t k = 0; k < front_size && !covered; ++k)
      covered = covers(points + front[k] * dims, p, lower);
    if (covered) continue;
    volume += p[lower] * exclusive_against(points, front, front_size, i, dimensions, workspace);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < front_size; ++k)
      if (!covers(p, points + front[k] * dims, lower)) front[kept++] = front[k];
    // In 5-D the front stays in descending order of the fourth coordinate,
    // the order the 4-D base case wants (see covered_4d).
    std::size_t at = kept++;
    if (dimensions == 5)
      for (; at > 0 && points[front[at - 1] * dims + 3] < p[3]; --at) front[at] = front[at - 1];
    front[at] = static_cast<std::uint32_t>(i);
    front_size = kept;
  }
  return volume;
}

std::vector<std::uint32_t> projection_front_removals(const double* points, std::size_t count,
                                                     int dimensions) {
  const int lower = dimensions - 1;
  const auto dims = static_cast<std::size_t>(dimensions);
  std::vector<std::uint32_t> removed_at(count, static_cast<std::uint32_t>(count));
  std::vector<std::uint32_t> front;
  for (std::size_t i = 0; i < count; ++i) {
    const double* p = points + i * dims;
    bool covered = false;
    for (std::size_t k = 0; k < front.size() && !covered; ++k)
      covered = covers(points + front[k] * dims, p, lower);
    if (covered) {
      removed_at[i] = static_cast<std::uint32_t>(i);
      continue;
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < front.size(); ++k) {
      if (covers(p, points + front[k] * dims, lower))
        removed_at[front[k]] = static_cast<std::uint32_t>(i);
      else
        front[kept++] = front[k];
    }
    front.resize(kept);
    front.push_back(static_cast<std::uint32_t>(i));
  }
  return removed_at;
}

double exclusive_against(const double* points, const std::uint32_t* members, std::size_t count,
                         std::size_t index, int dimensions, HypervolumeWorkspace& workspace) {
  const int lower = dimensions - 1;
  const auto dims = static_cast<std::size_t>(dimensions);
  const auto lower_dims = static_cast<std::size_t>(lower);
  const double* p = points + index * dims;
  const double volume = box_volume(p, lower);
  if (count == 0) return volume;
  auto& level = workspace.level(lower);
  if (lower == 4 && count > kUnfilteredMax)
    return volume - covered_4d_of_members(points, members, count, p, workspace);
  double* limited = level.limited.data();
  for (std::size_t k = 0; k < count; ++k) {
    const double* q = points + members[k] * dims;
    double* out = limited + k * lower_dims;
    for (int c = 0; c < lower; ++c) out[c] = std::min(q[c], p[c]);
  }
  if (count <= kUnfilteredMax && lower <= kMaxStackDimensions) {
    // Inclusion-exclusion needs neither order nor filter.
    double scratch[kUnfilteredMax * kMaxStackDimensions];
    return volume - inclusion_exclusion(limited, count, lower, 0, nullptr, scratch);
  }
  const std::size_t kept = sort_and_filter(limited, count, lower, level.order, level.kept.data());
  return volume - hypervolume_sorted(level.kept.data(), kept, lower, workspace);
}

}  // namespace paretokit::detail
