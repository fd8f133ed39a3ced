// The 4-D base case of the n-d kernel (hypervolume_nd_kernel.cpp), for the
// 5-D level: the exclusive 4-D volume of p against its members, by the
// HV4D+-style sweep of hypervolume_4d.cpp (Guerreiro and Fonseca, "Computing
// and updating hypervolume contributions in up to four dimensions", IEEE
// TEVC 22(3), 2018) in three steps:
// - the members are limited to p (in the sweep's minimization form) in
//   descending order of the fourth gain, cut at the first member that covers
//   p in the other three gains (everything after lies inside its row), and
//   the rows that one of a few large "pivot" rows covers are dropped;
// - the leading rows, at p's fourth gain, form a 3-D problem: one staircase
//   sweep in z gives their union (instead of a 3-D contribution per row, as
//   moocore's onec4dplusU builds its 3-D base without them), and its
//   surviving rows become the sweep's active set;
// - the 4-D sweep goes on from there over the other rows.
// Plus the sequential 5-D top level, whose projection front is kept as
// structure of arrays.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "hypervolume_4d_sweep.hpp"
#include "hypervolume_nd_kernel.hpp"
#include "hypervolume_staircase_2d.hpp"

namespace paretokit::detail {

namespace {

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
  double* known = workspace.sweep4d().known_inside;
  std::fill_n(known, 3, std::numeric_limits<double>::infinity());
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
  // That box also starts the 4-D sweep's cache of a covering box.
  if (top > 0) known[0] = -gains[0][0], known[1] = -gains[0][1], known[2] = -gains[0][2];
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
  std::sort(gains.begin() + static_cast<std::ptrdiff_t>(top),
            gains.begin() + static_cast<std::ptrdiff_t>(rest), [](const Row3& a, const Row3& b) {
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
      for (std::size_t j = k + 1; j < count && rest_sorted; ++j)
        rest_sorted = member(j, 3) <= member(j - 1, 3);
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

double covered_4d_of_members(const double* points, const std::uint32_t* members, std::size_t count,
                             const double* p, HypervolumeWorkspace& workspace) {
  constexpr std::size_t dims = 5;
  return covered_4d(
      [points, members](std::size_t k, int c) {
        return points[members[k] * dims + static_cast<std::size_t>(c)];
      },
      count, p, workspace.level(4).order, workspace);
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
    double exclusive = px * py * pz * pw;  // box_volume(p, 4)
    if (size > kUnfilteredMax) {
      exclusive -=
          covered_4d([&front](std::size_t k, int c) { return front[static_cast<std::size_t>(c)][k]; }, size,
                     p, level.order, workspace);
    } else if (size > 0) {
      double* limited = level.limited.data();
      for (std::size_t k = 0; k < size; ++k) {
        limited[4 * k] = std::min(fx[k], px);
        limited[4 * k + 1] = std::min(fy[k], py);
        limited[4 * k + 2] = std::min(fz[k], pz);
        limited[4 * k + 3] = std::min(fw[k], pw);
      }
      exclusive -= inclusion_exclusion_volume(limited, size, 4);
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

}  // namespace paretokit::detail
