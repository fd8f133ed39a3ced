// Tests of hypervolume_nd (WFG kernel, any dimension) against brute force
// (inclusion-exclusion and grid), closed forms and invariances.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include <cmath>
#include <limits>
#include <tuple>

#include "indicators/brute_force_hypervolume.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"

using paretokit::Index;
using paretokit::Matrix;
using paretokit::Rng;
using paretokit::Vector;
namespace pt = paretokit::testing;

namespace {

bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

// d points, point k with coordinate k at 0 and the others at t: every pair of
// boxes meets in the same cube, so inclusion-exclusion sums in closed form to
// d r (r - t)^(d - 1) - (d - 1) (r - t)^d.
Matrix axis_points(int d, double t) {
  Matrix points = Matrix::Constant(d, d, t);
  for (int k = 0; k < d; ++k) points(k, k) = 0;
  return points;
}

// Points on the unit sphere (a DTLZ2-like front).
Matrix sphere_points(Rng& rng, Index n, Index d) {
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) points(i, j) = std::abs(rng.normal());
    points.row(i) /= points.row(i).norm();
  }
  return points;
}

}  // namespace

TEST_CASE("hypervolume_nd: empty set, points outside, one point, two points") {
  for (int d = 2; d <= 10; ++d) {
    const Vector reference = Vector::Constant(d, 2.0);
    CHECK(paretokit::hypervolume_nd(Matrix(0, d), reference) == 0.0);
    Matrix outside = Matrix::Constant(3, d, 0.5);
    outside(0, 0) = 2.0;  // on the reference plane: contributes nothing
    outside(1, d - 1) = 3.0;
    outside(2, 1) = 2.5;
    CHECK(paretokit::hypervolume_nd(outside, reference) == 0.0);

    Matrix one(1, d);
    double box = 1;
    for (int j = 0; j < d; ++j) {
      one(0, j) = 0.1 * (j + 1);
      box *= 2.0 - one(0, j);
    }
    CHECK(close(paretokit::hypervolume_nd(one, reference), box));

    // Two boxes: sum minus their intersection.
    Matrix two(2, d);
    double a = 1, b = 1, both = 1;
    for (int j = 0; j < d; ++j) {
      two(0, j) = (j % 2 == 0) ? 0.25 : 1.0;
      two(1, j) = (j % 3 == 0) ? 1.5 : 0.5;
      a *= 2.0 - two(0, j);
      b *= 2.0 - two(1, j);
      both *= 2.0 - std::max(two(0, j), two(1, j));
    }
    CHECK(close(paretokit::hypervolume_nd(two, reference), a + b - both));
  }
}

TEST_CASE("hypervolume_nd: closed form of the axis points, d = 2..12") {
  for (int d = 2; d <= 12; ++d) {
    const double r = 1.5, t = 0.5;
    const double expected = d * r * std::pow(r - t, d - 1) - (d - 1) * std::pow(r - t, d);
    CHECK(close(paretokit::hypervolume_nd(axis_points(d, t), Vector::Constant(d, r)), expected));
  }
}

TEST_CASE("hypervolume_nd: brute force on small random sets, d = 2..8") {
  Rng rng(20261128);
  for (int d = 2; d <= 8; ++d) {
    for (int trial = 0; trial < 60; ++trial) {
      const Index n = 1 + static_cast<Index>(rng.below(12));
      // Few levels: ties and duplicates; levels = 0: continuous values.
      const int levels = (trial % 3 == 0) ? 0 : 2 + static_cast<int>(rng.below(4));
      Matrix points = trial % 2 ? pt::random_points(rng, n, d, levels) : pt::random_linear_front(rng, n, d);
      if (trial % 5 == 0) points.row(0) = points.row(n - 1);  // a duplicate
      const Vector reference = Vector::Constant(d, trial % 4 == 0 ? 0.8 : 1.1);
      INFO("d = " << d << ", n = " << n << ", trial " << trial);
      CHECK(close(paretokit::hypervolume_nd(points, reference),
                  pt::inclusion_exclusion_hypervolume(points, reference)));
    }
  }
}

TEST_CASE("hypervolume_nd: grid brute force on larger sets, d = 3..5") {
  Rng rng(7);
  const std::pair<int, Index> cases[] = {{3, 60}, {4, 30}, {5, 16}};
  for (const auto& [d, n] : cases) {
    for (int trial = 0; trial < 3; ++trial) {
      Matrix points = trial == 0   ? pt::random_linear_front(rng, n, d)
                      : trial == 1 ? sphere_points(rng, n, d)
                                   : pt::random_points(rng, n, d, 6);
      const Vector reference = Vector::Constant(d, 1.1);
      INFO("d = " << d << ", trial " << trial);
      CHECK(close(paretokit::hypervolume_nd(points, reference), pt::grid_hypervolume(points, reference)));
    }
  }
}

TEST_CASE("hypervolume_nd: a constant extra objective multiplies by its depth") {
  // Lifting a front to d + 1 objectives with a constant last coordinate c
  // gives HV_(d+1) = HV_d (r - c); with the constant first, the recursion
  // takes a different path to the same value.
  Rng rng(11);
  for (int d = 3; d <= 7; ++d) {
    const Index n = d <= 5 ? 120 : 40;
    const Matrix front = sphere_points(rng, n, d);
    const double base = paretokit::hypervolume_nd(front, Vector::Constant(d, 1.1));
    Matrix last(n, d + 1), first(n, d + 1);
    last << front, Matrix::Constant(n, 1, 0.6);
    first << Matrix::Constant(n, 1, 0.6), front;
    const Vector reference = Vector::Constant(d + 1, 1.1);
    INFO("d = " << d);
    CHECK(close(paretokit::hypervolume_nd(last, reference), base * 0.5));
    CHECK(close(paretokit::hypervolume_nd(first, reference), base * 0.5));
  }
}

TEST_CASE("hypervolume_nd: invariant under objective permutation and row order") {
  Rng rng(5);
  for (int d = 4; d <= 8; ++d) {
    const Index n = d <= 5 ? 150 : 40;
    Matrix points = pt::random_linear_front(rng, n, d);
    const Vector reference = Vector::Constant(d, 1.1);
    const double value = paretokit::hypervolume_nd(points, reference);
    Matrix permuted(n, d);
    for (Index i = 0; i < n; ++i)
      for (Index j = 0; j < d; ++j) permuted(n - 1 - i, j) = points(i, (j + 2) % d);
    INFO("d = " << d);
    CHECK(close(paretokit::hypervolume_nd(permuted, reference), value));
  }
}

TEST_CASE("hypervolume_nd: matches the 3-D and 4-D algorithms") {
  Rng rng(3);
  for (int d = 3; d <= 4; ++d) {
    const Matrix points = sphere_points(rng, 300, d);
    const Vector reference = Vector::Constant(d, 1.1);
    const double nd = paretokit::hypervolume_nd(points, reference);
    CHECK(close(nd, d == 3 ? paretokit::hypervolume_3d(points, reference)
                           : paretokit::hypervolume_4d(points, reference)));
  }
}

TEST_CASE("hypervolume_nd: duplicated rows and thread count change nothing") {
  Rng rng(13);
  for (int d = 5; d <= 7; ++d) {
    const Index n = d == 5 ? 300 : 120;
    const Matrix front = sphere_points(rng, n, d);
    const Vector reference = Vector::Constant(d, 1.1);
    const double value = paretokit::hypervolume_nd(front, reference);
    Matrix twice(2 * n, d);
    twice << front, front;
    INFO("d = " << d);
    CHECK(close(paretokit::hypervolume_nd(twice, reference), value));
    tbb::global_control single(tbb::global_control::max_allowed_parallelism, 1);
    CHECK(paretokit::hypervolume_nd(front, reference) == value);
  }
  // One thread takes the sequential sweep, more the parallel slices (which
  // drop the dominated points first): the same bits on sets full of
  // dominated points, ties and duplicates too.
  for (int d = 5; d <= 6; ++d) {
    Matrix points = pt::random_points(rng, 160, d, 4);
    points.row(1) = points.row(0);
    const Vector reference = Vector::Constant(d, 1.0);
    const double value = paretokit::hypervolume_nd(points, reference);
    INFO("grid, d = " << d);
    CHECK(close(value, pt::grid_hypervolume(points, reference)));
    tbb::global_control single(tbb::global_control::max_allowed_parallelism, 1);
    CHECK(paretokit::hypervolume_nd(points, reference) == value);
  }
}

TEST_CASE("hypervolume_nd: one objective and bad input") {
  Matrix one(3, 1);
  one << 0.5, 0.2, 1.5;
  CHECK(close(paretokit::hypervolume_nd(one, Vector::Constant(1, 1.0)), 0.8));
  const Matrix points = Matrix::Constant(2, 3, 0.5);
  CHECK_THROWS_AS(paretokit::hypervolume_nd(points, Vector::Constant(2, 1.0)), paretokit::InputError);
  CHECK_THROWS_AS(paretokit::hypervolume_nd(points, Vector(0)), paretokit::InputError);
  Matrix nan = points;
  nan(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(paretokit::hypervolume_nd(nan, Vector::Constant(3, 1.0)), paretokit::InputError);
  Vector bad_reference = Vector::Constant(3, 1.0);
  bad_reference(0) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(paretokit::hypervolume_nd(points, bad_reference), paretokit::InputError);
}

TEST_CASE("hypervolume_nd: 4-D base case on ties and duplicates, d = 5, 6, against the grid") {
  // Few coordinate levels make the limit sets of the 5-D level large, full of
  // ties in the fourth coordinate and of duplicates: the 4-D sweep's pivot
  // pre-filter, the reordering of the leading ties and the cached dominator
  // all run here, in the parallel top level (>= 64 points) and in the
  // sequential recursion (d = 6).
  Rng rng(20261203);
  const std::tuple<int, Index, int> cases[] = {{5, 150, 4}, {5, 200, 6}, {5, 90, 3}, {6, 120, 4}, {6, 70, 3}};
  for (const auto& [d, n, levels] : cases) {
    Matrix points = pt::random_points(rng, n, d, levels);
    points.row(1) = points.row(0);  // exact duplicates
    points.row(n - 1) = points.row(n / 2);
    const Vector reference = Vector::Constant(d, 1.0);
    INFO("d = " << d << ", n = " << n << ", levels = " << levels);
    CHECK(close(paretokit::hypervolume_nd(points, reference), pt::grid_hypervolume(points, reference)));
  }
}

TEST_CASE("hypervolume_nd: 5-D sphere fronts, the 4-D base case against the lifted 4-D sweep") {
  // A 5-D front whose last objective takes two values: HV_5 is then the 4-D
  // hypervolume (hypervolume_4d, the top-level sweep) of the points at the
  // lower value times the gap, plus that of all points times the rest.
  Rng rng(17);
  const Index n = 400;
  const Matrix front = sphere_points(rng, n, 4);
  Matrix lifted(n, 5);
  for (Index i = 0; i < n; ++i) {
    lifted.block(i, 0, 1, 4) = front.row(i);
    lifted(i, 4) = i % 3 == 0 ? 0.2 : 0.7;
  }
  Matrix low(0, 4);
  for (Index i = 0; i < n; i += 3) {
    low.conservativeResize(low.rows() + 1, 4);
    low.row(low.rows() - 1) = front.row(i);
  }
  const Vector r4 = Vector::Constant(4, 1.1);
  const double expected =
      paretokit::hypervolume_4d(low, r4) * (0.7 - 0.2) + paretokit::hypervolume_4d(front, r4) * (1.1 - 0.7);
  CHECK(close(paretokit::hypervolume_nd(lifted, Vector::Constant(5, 1.1)), expected));
}

TEST_CASE(
    "hypervolume_nd: 5-D ties in the third and fourth objectives, one thread and two, against the grid") {
  // The 4-D base case takes the rows below p's third gain from a front kept
  // in third-gain order (one thread) or sorts them (the parallel slices):
  // rounding some objectives to a few levels makes those orders full of
  // ties, duplicates and rows at p's level. Both paths must give the same
  // bits, and the grid's value.
  Rng rng(20261204);
  const std::tuple<Index, int, int> cases[] = {{90, 5, 1}, {120, 8, 2}, {80, 4, 1}, {150, 10, 0}};
  for (const auto& [n, levels, rounded_from] : cases) {
    Matrix points = sphere_points(rng, n, 5);
    for (Index i = 0; i < n; ++i)
      for (Index j = rounded_from; j < 5; ++j) points(i, j) = std::round(points(i, j) * levels) / levels;
    points.row(2) = points.row(0);
    const Vector reference = Vector::Constant(5, 1.1);
    const double value = paretokit::hypervolume_nd(points, reference);
    INFO("n = " << n << ", levels = " << levels << ", rounded from objective " << rounded_from);
    CHECK(close(value, pt::grid_hypervolume(points, reference)));
    tbb::global_control single(tbb::global_control::max_allowed_parallelism, 1);
    CHECK(paretokit::hypervolume_nd(points, reference) == value);
  }
}
