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
//   hypervolume_4d.cpp (Guerreiro and Fonseca, IEEE TEVC 22(3), 2018): a 4-D
//   limit set is neither sorted nor filtered (its members come in the order
//   of the fourth coordinate, and the sweep skips dominated rows itself), and
//   at 3 objectives with a staircase sweep (the 2-D front of the 3-D sweep
//   kept in a sorted array). All buffers come from a workspace.
//
// Complexity: worst case O(n^(d-2) n log n) like WFG, but limit sets are
// small on typical fronts, which is where WFG's speed comes from.
#include "hypervolume_nd_kernel.hpp"

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

constexpr std::size_t kPivotFilterMin = 32;
constexpr std::size_t kPivots = 4;

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
constexpr std::size_t kUnfilteredMax = 6;

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

  double* xy_;
  std::size_t size_ = 2;
};

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

// Drops, in place and keeping the order, the rows (minimization, row length
// 4) that one of the kPivots rows of largest volume weakly dominates; pivots
// stay (so equal pivots cannot drop each other). Exact by transitivity, like
// drop_covered_by_pivots.
// The kPivots rows of largest volume, largest first (ties: the earlier row).
struct Pivots4d {
  std::size_t row[kPivots];
  double volume[kPivots];
  std::size_t size = 0;

  void offer(std::size_t i, double v) {
    if (size == kPivots && !(v > volume[kPivots - 1])) return;
    std::size_t k = size < kPivots ? size++ : kPivots - 1;
    for (; k > 0 && volume[k - 1] < v; --k) {
      volume[k] = volume[k - 1];
      row[k] = row[k - 1];
    }
    volume[k] = v;
    row[k] = i;
  }
};

std::size_t drop_dominated_by_pivots_4d(double* rows, std::size_t count, const Pivots4d& chosen) {
  const std::size_t pivots = chosen.size;
  const std::size_t* pivot = chosen.row;
  double corner[kPivots][4];
  for (std::size_t k = 0; k < pivots; ++k) std::copy_n(rows + 4 * pivot[k], 4, corner[k]);
  // Rows at pivot positions stay; the others are tested with coordinate
  // compares only (pivot positions in ascending order mark the segments),
  // and compacted without branches.
  std::size_t at[kPivots + 1];
  for (std::size_t k = 0; k < pivots; ++k) {  // insertion sort of the positions
    std::size_t m = k;
    for (; m > 0 && at[m - 1] > pivot[k]; --m) at[m] = at[m - 1];
    at[m] = pivot[k];
  }
  at[pivots] = count;
  std::size_t kept = 0, i = 0;
  for (std::size_t segment = 0; segment <= pivots; ++segment) {
    for (; i < at[segment]; ++i) {
      const double* q = rows + 4 * i;
      bool drop = false;
      for (std::size_t k = 0; k < pivots; ++k)
        drop |=
            (corner[k][0] <= q[0]) & (corner[k][1] <= q[1]) & (corner[k][2] <= q[2]) & (corner[k][3] <= q[3]);
      const double x = q[0], y = q[1], z = q[2], w = q[3];
      double* out = rows + 4 * kept;
      out[0] = x, out[1] = y, out[2] = z, out[3] = w;
      kept += static_cast<std::size_t>(!drop);
    }
    if (segment < pivots && (segment == 0 || at[segment] != at[segment - 1])) {
      if (kept != i) std::copy_n(rows + 4 * i, 4, rows + 4 * kept);
      ++kept;
      ++i;
    }
  }
  return kept;
}

// Union volume of the 3-D parts of the `count` leading rows of `rows` (4-D
// sweep input: negated gains, fourth coordinate -p[3]). Their gains go to a
// staircase sweep in descending z: first those at p's third gain (limited
// to it, so no order needed among them), then the others sorted. The rows
// that add volume are left, negated again, as the 4-D sweep's active set
// (ascending z; rows that a later row of equal z covers may stay, which the
// sweep allows).
double union_of_tie_rows(const double* rows, std::size_t count, const double* p,
                         HypervolumeWorkspace& workspace) {
  Sweep4dActive& active = workspace.sweep4d().active;
  active.x.clear();
  active.y.clear();
  active.z.clear();
  if (count == 0) return 0.0;
  std::vector<Row3>& gains = workspace.tie_rows();
  std::size_t top = 0, end = count, largest = 0;
  double largest_area = -1;
  for (std::size_t k = 0; k < count; ++k) {  // branch-free partition
    const double* row = rows + 4 * k;
    const Row3 g{-row[0], -row[1], -row[2]};
    const bool at_level = g[2] == p[2];
    const double area = at_level ? g[0] * g[1] : -1.0;
    largest = area > largest_area ? top : largest;
    largest_area = area > largest_area ? area : largest_area;
    gains[end - 1] = g;
    gains[top] = g;
    top += static_cast<std::size_t>(at_level);
    end -= static_cast<std::size_t>(!at_level);
  }
  // The largest box at p's level first: most of the others then fall
  // behind it at once.
  std::swap(gains[0], gains[largest]);
  Staircase2d front(workspace.stair());
  double volume = 0;
  for (std::size_t i = 0; i < top; ++i) {
    const double added = front.insert(gains[i][0], gains[i][1]);
    if (added > 0) volume += p[2] * added;
  }
  // The rows at p's level that survived all of that level.
  for (std::size_t e = 1; e + 1 < front.size(); ++e) {
    active.x.push_back(-front.x(e));
    active.y.push_back(-front.y(e));
    active.z.push_back(-p[2]);
  }
  // The other rows, lower in z: those that level covers already add
  // nothing later either (the staircase only grows); the others in
  // descending z (a total order, so the result does not depend on the sort).
  std::size_t rest = top;
  for (std::size_t i = top; i < count; ++i) {
    const Row3 g = gains[i];
    gains[rest] = g;
    rest += static_cast<std::size_t>(!front.covers(g[0], g[1]));
  }
  std::sort(gains.begin() + static_cast<std::ptrdiff_t>(top), gains.begin() + static_cast<std::ptrdiff_t>(rest),
            [](const Row3& a, const Row3& b) {
              if (a[2] != b[2]) return a[2] > b[2];
              return a[0] != b[0] ? a[0] > b[0] : a[1] > b[1];
            });
  for (std::size_t i = top; i < rest; ++i) {
    const double added = front.insert(gains[i][0], gains[i][1]);
    if (!(added > 0)) continue;
    volume += gains[i][2] * added;
    active.x.push_back(-gains[i][0]);
    active.y.push_back(-gains[i][1]);
    active.z.push_back(-gains[i][2]);
  }
  return volume;
}

// Exclusive 4-D volume of p (gain form) against the members, by the 4-D
// sweep of hypervolume_4d.cpp. The sweep wants minimization in ascending
// order of the fourth coordinate: the limited rows are written negated
// (negation is exact, so the sweep sees the differences it would see in gain
// form), and members already in descending order of their fourth gain (as
// the callers keep them) give that order with no sort. The sweep skips
// dominated rows on its own, so only the pivot pre-filter runs, not the
// filter of sort_and_filter (which cost more than the sweep itself).
// `member(k, c)` reads the gain c (0..3) of the k-th member.
template <class Member>
double covered_4d(Member member, std::size_t count, const double* p, std::vector<SortItem>& items,
                  HypervolumeWorkspace& workspace) {
  double* rows = workspace.sweep4d_points().data();
  bool sorted = true;
  Pivots4d pivots;
  for (std::size_t k = 0; k < count; ++k) {
    const double q0 = member(k, 0), q1 = member(k, 1), q2 = member(k, 2), q3 = member(k, 3);
    double* out = rows + 4 * k;
    out[0] = -std::min(q0, p[0]);
    out[1] = -std::min(q1, p[1]);
    out[2] = -std::min(q2, p[2]);
    out[3] = -std::min(q3, p[3]);
    sorted &= k == 0 || out[3] >= out[3 - 4];
    pivots.offer(k, out[0] * out[1] * out[2] * out[3]);  // four negated gains
    if (sorted & (q0 >= p[0]) & (q1 >= p[1]) & (q2 >= p[2])) {
      // q covers p in the first three gains: its row is p's 3-D box from
      // q's fourth gain down, and every later row (lower fourth gain, in a
      // sorted list) lies inside it, so the list can stop here once the
      // rest is checked to be in order.
      bool rest_sorted = true;
      for (std::size_t j = k + 1; j < count && rest_sorted; ++j) rest_sorted = member(j, 3) <= member(j - 1, 3);
      if (rest_sorted) {
        count = k + 1;
        break;
      }
    }
  }
  static constexpr double origin[4] = {0, 0, 0, 0};
  if (sorted) {
    // The leading rows (members at or beyond p's fourth gain) all sit at
    // p's fourth coordinate: a 3-D problem, whose union is measured by one
    // staircase sweep in z (no per-row 3-D contributions); its rows that add
    // volume become the sweep's active set, and the sweep goes on from there.
    if (count > kPivotFilterMin) count = drop_dominated_by_pivots_4d(rows, count, pivots);
    std::size_t ties = 0;
    while (ties < count && rows[4 * ties + 3] == -p[3]) ++ties;
    const double volume3 = union_of_tie_rows(rows, ties, p, workspace);
    double* rest = rows + 4 * ties;
    std::size_t rest_count = count - ties;
    return continue_4d_sweep(rest, rest_count, origin, workspace.sweep4d(), volume3, -p[3]);
  }
  {
    // Some caller's order was not by the fourth gain: sort here.
    std::vector<double>& copy = workspace.level(4).limited;
    std::copy_n(rows, 4 * count, copy.data());
    for (std::size_t i = 0; i < count; ++i) items[i] = {copy[4 * i + 3], 0, static_cast<std::uint32_t>(i)};
    std::sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(count),
              [](const SortItem& a, const SortItem& b) { return a.key < b.key; });
    for (std::size_t k = 0; k < count; ++k) std::copy_n(copy.data() + 4 * items[k].index, 4, rows + 4 * k);
  }
  return hypervolume_4d_sorted(rows, count, origin, workspace.sweep4d());
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

double hypervolume_5d_sequential(const double* points, std::size_t count, HypervolumeWorkspace& workspace) {
  // The projection front as structure of arrays (four gains), in descending
  // order of the fourth gain, ties in arrival order: the members, in the
  // order hypervolume_sorted and sum_of_slices give them.
  auto& front = workspace.front_5d();
  for (auto& column : front) column.resize(count);
  double* fx = front[0].data();
  double* fy = front[1].data();
  double* fz = front[2].data();
  double* fw = front[3].data();
  std::size_t size = 0;
  double volume = 0;
  auto& level = workspace.level(4);
  for (std::size_t i = 0; i < count; ++i) {
    const double* p = points + 5 * i;
    const double px = p[0], py = p[1], pz = p[2], pw = p[3];
    bool covered = false;
    for (std::size_t k = 0; k < size; ++k)
      covered |= (fx[k] >= px) & (fy[k] >= py) & (fz[k] >= pz) & (fw[k] >= pw);
    if (covered) continue;
    double exclusive = box_volume(p, 4);
    if (size > kUnfilteredMax) {
      exclusive -= covered_4d([&front](std::size_t k, int c) { return front[static_cast<std::size_t>(c)][k]; },
                              size, p, level.order, workspace);
    } else if (size > 0) {
      double* limited = level.limited.data();
      for (std::size_t k = 0; k < size; ++k) {
        limited[4 * k] = std::min(fx[k], px);
        limited[4 * k + 1] = std::min(fy[k], py);
        limited[4 * k + 2] = std::min(fz[k], pz);
        limited[4 * k + 3] = std::min(fw[k], pw);
      }
      double scratch[kUnfilteredMax * 4];
      exclusive -= inclusion_exclusion(limited, size, 4, 0, nullptr, scratch);
    }
    volume += p[4] * exclusive;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < size; ++k) {  // branch-free compaction
      const double x = fx[k], y = fy[k], z = fz[k], w = fw[k];
      fx[kept] = x, fy[kept] = y, fz[kept] = z, fw[kept] = w;
      kept += static_cast<std::size_t>(!((px >= x) & (py >= y) & (pz >= z) & (pw >= w)));
    }
    std::size_t at = kept;
    while (at > 0 && fw[at - 1] < pw) --at;
    for (std::size_t k = kept; k > at; --k) {
      fx[k] = fx[k - 1], fy[k] = fy[k - 1], fz[k] = fz[k - 1], fw[k] = fw[k - 1];
    }
    fx[at] = px, fy[at] = py, fz[at] = pz, fw[at] = pw;
    size = kept + 1;
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
    return volume - covered_4d([points, members, dims](std::size_t k,
                                                 int c) { return points[members[k] * dims + static_cast<std::size_t>(c)]; },
                               count, p, level.order, workspace);
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
