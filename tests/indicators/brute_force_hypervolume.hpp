// Brute-force hypervolume references for tests (header only, shared by the
// indicator tests). Deliberately simple and independent of the library's
// algorithms, so that a test against them can fail.
//
// - inclusion_exclusion_hypervolume: sum over the 2^n - 1 non-empty subsets of
//   (-1)^(|S|+1) * volume of the box [max over S, reference]. O(2^n d); n <= 20.
// - grid_hypervolume: coordinate compression. The sorted distinct coordinates
//   below the reference cut space into cells; a cell is covered when some point
//   weakly dominates its lower corner. The recursion fixes one dimension at a
//   time and keeps only the points below the cell's lower corner, so empty
//   branches are pruned. Worst case O((n+1)^d n); fine for n^d up to ~1e7.
// - brute_force_contributions: HV(S) - HV(S without p) by the grid method.
//
// Everything is minimization; points that do not strictly dominate the
// reference point contribute nothing.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit::testing {

// Rows of `points` that strictly dominate `reference`.
inline Matrix points_inside_reference(const Matrix& points, const Vector& reference) {
  std::vector<Index> keep;
  for (Index i = 0; i < points.rows(); ++i) {
    bool inside = true;
    for (Index j = 0; j < points.cols(); ++j) inside = inside && points(i, j) < reference(j);
    if (inside) keep.push_back(i);
  }
  Matrix kept(static_cast<Index>(keep.size()), points.cols());
  for (std::size_t k = 0; k < keep.size(); ++k) kept.row(static_cast<Index>(k)) = points.row(keep[k]);
  return kept;
}

inline double inclusion_exclusion_hypervolume(const Matrix& points, const Vector& reference) {
  const Matrix inside = points_inside_reference(points, reference);
  const Index n = inside.rows();
  const Index d = inside.cols();
  if (n > 20) throw std::invalid_argument("inclusion_exclusion_hypervolume: n > 20");
  long double total = 0;
  std::vector<double> corner(static_cast<std::size_t>(d));
  for (std::uint32_t mask = 1; mask < (std::uint32_t{1} << n); ++mask) {
    std::fill(corner.begin(), corner.end(), -1e308);
    int count = 0;
    for (Index i = 0; i < n; ++i) {
      if (!(mask & (std::uint32_t{1} << i))) continue;
      ++count;
      for (Index j = 0; j < d; ++j) corner[j] = std::max(corner[j], inside(i, j));
    }
    long double volume = 1;
    for (Index j = 0; j < d; ++j) volume *= static_cast<long double>(reference(j)) - corner[j];
    total += (count % 2 == 1) ? volume : -volume;
  }
  return static_cast<double>(total);
}

namespace detail {

struct Grid {
  const Matrix* points;
  std::vector<std::vector<double>> cuts;  // per dimension: distinct coordinates, then the reference

  // Volume of the cells in dimensions >= dim whose lower corner is weakly
  // dominated by one of `alive`, times `scale` (the extent in fixed dimensions).
  long double covered(Index dim, const std::vector<Index>& alive, long double scale) const {
    const auto& c = cuts[static_cast<std::size_t>(dim)];
    long double total = 0;
    std::vector<Index> below;
    for (std::size_t k = 0; k + 1 < c.size(); ++k) {
      below.clear();
      for (Index i : alive) {
        if ((*points)(i, dim) <= c[k]) below.push_back(i);
      }
      if (below.empty()) continue;
      const long double width = static_cast<long double>(c[k + 1]) - c[k];
      if (dim + 1 == points->cols()) {
        total += scale * width;
      } else {
        total += covered(dim + 1, below, scale * width);
      }
    }
    return total;
  }
};

}  // namespace detail

inline double grid_hypervolume(const Matrix& points, const Vector& reference) {
  const Matrix inside = points_inside_reference(points, reference);
  const Index n = inside.rows();
  const Index d = inside.cols();
  if (n == 0 || d == 0) return 0.0;
  detail::Grid grid{&inside, {}};
  for (Index j = 0; j < d; ++j) {
    std::vector<double> c(static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) c[static_cast<std::size_t>(i)] = inside(i, j);
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    c.push_back(reference(j));
    grid.cuts.push_back(std::move(c));
  }
  std::vector<Index> all(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
  return static_cast<double>(grid.covered(0, all, 1.0L));
}

// Inclusion-exclusion for very small sets, the grid otherwise.
inline double brute_force_hypervolume(const Matrix& points, const Vector& reference) {
  if (points.rows() <= 12) return inclusion_exclusion_hypervolume(points, reference);
  return grid_hypervolume(points, reference);
}

// Exclusive contributions HV(S) - HV(S without p), one per row.
inline Vector brute_force_contributions(const Matrix& points, const Vector& reference) {
  const Index n = points.rows();
  Vector result(n);
  const double whole = grid_hypervolume(points, reference);
  for (Index p = 0; p < n; ++p) {
    Matrix rest(n - 1, points.cols());
    for (Index i = 0, r = 0; i < n; ++i) {
      if (i != p) rest.row(r++) = points.row(i);
    }
    result(p) = whole - grid_hypervolume(rest, reference);
  }
  return result;
}

// Random test inputs ---------------------------------------------------------

// n points in [0, 1)^d whose coordinates are drawn from `levels` values
// (k / levels), so that ties and duplicates are frequent when levels is small;
// levels = 0 draws continuous values.
inline Matrix random_points(Rng& rng, Index n, Index d, int levels = 0) {
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) {
      points(i, j) = levels > 0 ? static_cast<double>(rng.below(static_cast<std::uint64_t>(levels))) / levels
                                : rng.uniform();
    }
  }
  return points;
}

// n points on the simplex sum x = 1 (a linear front: mutually non-dominated
// in continuous coordinates).
inline Matrix random_linear_front(Rng& rng, Index n, Index d) {
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i) {
    double sum = 0;
    for (Index j = 0; j < d; ++j) {
      points(i, j) = -std::log(1.0 - rng.uniform());
      sum += points(i, j);
    }
    points.row(i) /= sum;
  }
  return points;
}

}  // namespace paretokit::testing
