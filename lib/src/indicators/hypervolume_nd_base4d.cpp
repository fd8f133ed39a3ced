// The 4-D base case of the n-d kernel (hypervolume_nd_kernel.cpp), for the
// 5-D level: the exclusive 4-D volume of p against its members, by the
// HV4D+-style sweep of hypervolume_4d.cpp (Guerreiro and Fonseca, "Computing
// and updating hypervolume contributions in up to four dimensions", IEEE
// TEVC 22(3), 2018) in three steps:
// - the members are limited to p (in the sweep's minimization form) in
//   descending order of the fourth gain, cut at the first member that covers
//   p in the other three gains (everything after lies inside its row), and
//   the rows after the leading ones that one of a few large "pivot" rows
//   covers are dropped;
// - the leading rows, at p's fourth gain, form a 3-D problem: one staircase
//   sweep in z gives their union (instead of a 3-D contribution per row, as
//   moocore's onec4dplusU builds its 3-D base without them), those below
//   p's third gain taken in descending z from the caller (the sequential
//   top level keeps its front in that order too, so nothing is sorted), and
//   its surviving rows become the sweep's active set;
// - the 4-D sweep goes on from there over the other rows.
// Plus the sequential 5-D top level, whose projection front is kept as
// structure of arrays, in two orders, rebuilt in one pass per point.
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

// Drops, in place and keeping the order, the rows from `first` on
// (minimization, row length 4) that one of the kPivots rows of largest
// volume weakly dominates; pivots stay (so equal pivots cannot drop each
// other), and so do the rows before `first`. Exact by transitivity, like
// drop_covered_by_pivots.
std::size_t drop_dominated_by_pivots_4d(double* rows, std::size_t first, std::size_t count,
                                        const Pivots4d& chosen) {
  const std::size_t pivots = chosen.size;
  const std::size_t* pivot = chosen.row;
  double corner[kPivots][4];
  for (std::size_t k = 0; k < pivots; ++k) std::copy_n(rows + 4 * pivot[k], 4, corner[k]);
  // Rows at pivot positions stay; the others are tested with coordinate
  // compares only (pivot positions in ascending order mark the segments),
  // and compacted without branches.
  std::size_t at[kPivots + 1];
  std::size_t segments = 0;
  for (std::size_t k = 0; k < pivots; ++k) {  // insertion sort of the positions
    if (pivot[k] < first) continue;
    std::size_t m = segments++;
    for (; m > 0 && at[m - 1] > pivot[k]; --m) at[m] = at[m - 1];
    at[m] = pivot[k];
  }
  at[segments] = count;
  std::size_t kept = first, i = first;
  for (std::size_t segment = 0; segment <= segments; ++segment) {
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
    if (segment < segments && (segment == 0 || at[segment] != at[segment - 1])) {
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
// to it, so no order needed among them), then the others, which
// `fill_lower(out)` writes to `out` (workspace.lower_rows(); gains, the first
// two limited to p) in
// descending z, ties in arrival order, and counts: the callers keep the
// members in that order, so no sort is needed here. The rows that add volume
// are left, negated again, as the 4-D sweep's active set (ascending z; rows
// that a later row of equal z covers may stay, which the sweep allows).
template <class FillLower>
double union_of_tie_rows(const double* rows, std::size_t count, const double* p, FillLower fill_lower,
                         HypervolumeWorkspace& workspace) {
  Sweep4dActive& active = workspace.sweep4d().active;
  active.x.clear();
  active.y.clear();
  active.z.clear();
  double* known = workspace.sweep4d().known_inside;
  std::fill_n(known, 3, std::numeric_limits<double>::infinity());
  if (count == 0) return 0.0;
  Row3* gains = workspace.tie_rows().data();
  std::size_t top = 0, largest = 0;
  double largest_area = -1;
  for (std::size_t k = 0; k < count; ++k) {  // branch-free selection
    const double* row = rows + 4 * k;
    const Row3 g{-row[0], -row[1], -row[2]};
    const bool at_level = g[2] == p[2];
    const double area = at_level ? g[0] * g[1] : -1.0;
    largest = area > largest_area ? top : largest;
    largest_area = area > largest_area ? area : largest_area;
    gains[top] = g;
    top += static_cast<std::size_t>(at_level);
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
  // The other rows, lower in z, in descending z (an order that does not
  // depend on the rows' positions in `rows`, so every caller adds the same
  // terms in the same order); those that add nothing stay out.
  Row3* lower = workspace.lower_rows().data();
  const std::size_t lower_count = fill_lower(lower);
  for (std::size_t i = 0; i < lower_count; ++i) {
    const double added = front.insert(lower[i][0], lower[i][1]);
    if (!(added > 0)) continue;
    volume += lower[i][2] * added;
    active.x.push_back(-lower[i][0]);
    active.y.push_back(-lower[i][1]);
    active.z.push_back(-lower[i][2]);
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
// `member(k, c)` reads the gain c (0..3) of the k-th member; `fill_lower`
// is union_of_tie_rows'.
template <class Member, class FillLower>
double covered_4d(Member member, std::size_t count, const double* p, FillLower fill_lower,
                  std::vector<SortItem>& items, HypervolumeWorkspace& workspace) {
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
    // The pivots only thin out the rows after the leading ones (the
    // staircase skips covered ones at the cost of a pivot test).
    std::size_t ties = 0;
    while (ties < count && rows[4 * ties + 3] == -p[3]) ++ties;
    if (count - ties > kPivotFilterMin) count = drop_dominated_by_pivots_4d(rows, ties, count, pivots);
    const double volume3 = union_of_tie_rows(rows, ties, p, fill_lower, workspace);
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
  std::vector<SortItem>& items = workspace.level(4).order;
  // The lower tie rows, sorted here by descending third gain, ties by point
  // index (arrival order): the order hypervolume_5d_sequential keeps.
  const auto fill_lower = [&](Row3* out) {
    std::size_t n = 0;
    for (std::size_t k = 0; k < count; ++k) {
      const double* q = points + members[k] * dims;
      items[n] = {q[2], 0, members[k]};
      n += static_cast<std::size_t>((q[3] >= p[3]) & (q[2] < p[2]));
    }
    std::sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n),
              [](const SortItem& a, const SortItem& b) {
                return a.key != b.key ? a.key > b.key : a.index < b.index;
              });
    for (std::size_t k = 0; k < n; ++k) {
      const double* q = points + items[k].index * dims;
      out[k] = {std::min(q[0], p[0]), std::min(q[1], p[1]), q[2]};
    }
    return n;
  };
  return covered_4d(
      [points, members](std::size_t k, int c) {
        return points[members[k] * dims + static_cast<std::size_t>(c)];
      },
      count, p, fill_lower, items, workspace);
}

namespace {

// One order of the projection front of hypervolume_5d_sequential: the four
// gains as structure of arrays.
struct FrontColumns {
  double* x;
  double* y;
  double* z;
  double* w;
};

// Copies the `size` rows of `from` that p does not weakly dominate to `to`,
// with p inserted after the rows whose column `Key` is >= p's (the order
// stays descending in that column, ties in arrival order); returns the new
// size. One pass, no shift, which also finds whether a row weakly
// dominates p (`covered`) and, in the third-gain order, writes the lower tie
// rows of covered_4d (the rows after p's place whose fourth gain is >= p's,
// the first two gains limited to p) to `lower` and counts them.
template <int Key>
std::size_t compact_and_insert(const FrontColumns& from, std::size_t size, const double* p,
                               const FrontColumns& to, bool& covered, Row3* lower, std::size_t& lower_count) {
  const double px = p[0], py = p[1], pz = p[2], pw = p[3];
  const double* keys = Key == 2 ? from.z : from.w;
  const double pkey = p[Key];
  std::size_t k = 0, kept = 0, n = 0;
  bool dominated = false;
  const auto copy_until = [&](std::size_t end, bool emit_lower) {
    for (; k < end; ++k) {  // branch-free compaction
      const double x = from.x[k], y = from.y[k], z = from.z[k], w = from.w[k];
      to.x[kept] = x, to.y[kept] = y, to.z[kept] = z, to.w[kept] = w;
      kept += static_cast<std::size_t>(!((px >= x) & (py >= y) & (pz >= z) & (pw >= w)));
      dominated |= (x >= px) & (y >= py) & (z >= pz) & (w >= pw);
      if (emit_lower) {
        lower[n] = {std::min(x, px), std::min(y, py), z};
        n += static_cast<std::size_t>(w >= pw);
      }
    }
  };
  std::size_t at = 0;
  while (at < size && keys[at] >= pkey) ++at;
  copy_until(at, false);
  to.x[kept] = px, to.y[kept] = py, to.z[kept] = pz, to.w[kept] = pw;
  ++kept;
  if (Key == 2)
    copy_until(size, true);
  else
    copy_until(size, false);
  covered = dominated;
  lower_count = n;
  return kept;
}

}  // namespace

double hypervolume_5d_sequential(const double* points, std::size_t count, HypervolumeWorkspace& workspace) {
  // The projection front as structure of arrays (four gains) in two orders:
  // descending fourth gain, ties in arrival order (the members, in the order
  // hypervolume_sorted and sum_of_slices give them), and descending third
  // gain, ties in arrival order (the lower tie rows of covered_4d, with no
  // sort). Each is rebuilt into a second buffer when a point arrives, so
  // that the covered test, the compaction and the insertion are one pass.
  auto& columns = workspace.front_5d();
  for (auto& column : columns) column.resize(count + 1);
  const auto order = [&columns](std::size_t first) {
    return FrontColumns{columns[first].data(), columns[first + 1].data(), columns[first + 2].data(),
                        columns[first + 3].data()};
  };
  FrontColumns by_fourth = order(0), by_fourth_next = order(4);
  FrontColumns by_third = order(8), by_third_next = order(12);
  std::size_t size = 0;
  double volume = 0;
  auto& level = workspace.level(4);
  for (std::size_t i = 0; i < count; ++i) {
    const double* p = points + 5 * i;
    const double px = p[0], py = p[1], pz = p[2], pw = p[3];
    // The next front in both orders, built first: the same pass tells
    // whether p is covered (then the buffers are dropped) and gives the
    // lower tie rows.
    bool covered = false;
    std::size_t lower_count = 0;
    Row3* lower = workspace.lower_rows().data();
    const std::size_t new_size =
        compact_and_insert<3>(by_fourth, size, p, by_fourth_next, covered, lower, lower_count);
    if (covered) continue;
    compact_and_insert<2>(by_third, size, p, by_third_next, covered, lower, lower_count);
    const double* fx = by_fourth.x;
    const double* fy = by_fourth.y;
    const double* fz = by_fourth.z;
    const double* fw = by_fourth.w;
    double exclusive = px * py * pz * pw;  // box_volume(p, 4)
    if (size > kUnfilteredMax) {
      // The lower tie rows are already where union_of_tie_rows reads them.
      const auto fill_lower = [lower_count](Row3*) { return lower_count; };
      const auto member = [fx, fy, fz, fw](std::size_t k, int c) {
        return c == 0 ? fx[k] : c == 1 ? fy[k] : c == 2 ? fz[k] : fw[k];
      };
      exclusive -= covered_4d(member, size, p, fill_lower, level.order, workspace);
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
    std::swap(by_fourth, by_fourth_next);
    std::swap(by_third, by_third_next);
    size = new_size;
  }
  return volume;
}

}  // namespace paretokit::detail
