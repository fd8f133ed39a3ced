// Tests of the exact hypervolume in low dimensions (hypervolume_2d/3d/4d) and
// of the dispatcher hypervolume(): brute force on many small random sets with
// ties, duplicates and points outside the reference box; closed forms; the
// algorithms against each other on larger sets; input errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

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

double low_dimensional(const Matrix& points, const Vector& reference) {
  switch (reference.size()) {
    case 2:
      return paretokit::hypervolume_2d(points, reference);
    case 3:
      return paretokit::hypervolume_3d(points, reference);
    default:
      return paretokit::hypervolume_4d(points, reference);
  }
}

// Random points of a few kinds: continuous, on a coarse grid (ties and
// duplicates), or on a linear front, with a reference that cuts some out.
Matrix random_case(Rng& rng, Index n, Index d) {
  switch (rng.below(4)) {
    case 0:
      return pt::random_points(rng, n, d, 0);
    case 1:
      return pt::random_points(rng, n, d, 3);
    case 2:
      return pt::random_points(rng, n, d, 7);
    default:
      return pt::random_linear_front(rng, n, d);
  }
}

Matrix sphere_points(Rng& rng, Index n, Index d) {
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) points(i, j) = std::abs(rng.normal());
    points.row(i) /= points.row(i).norm();
  }
  return points;
}

}  // namespace

TEST_CASE("hypervolume 2d/3d/4d: brute force on small random sets") {
  Rng rng(20261128);
  for (int trial = 0; trial < 3000; ++trial) {
    const Index d = 2 + static_cast<Index>(rng.below(3));
    const Index n = static_cast<Index>(rng.below(13));
    const Matrix points = random_case(rng, n, d);
    const Vector reference = Vector::Constant(d, rng.bernoulli(0.5) ? 1.0 : 0.8);
    const double expected = pt::inclusion_exclusion_hypervolume(points, reference);
    INFO("trial " << trial << " d " << d << " n " << n);
    REQUIRE(close(low_dimensional(points, reference), expected));
    REQUIRE(close(paretokit::hypervolume(points, reference), expected));
  }
}

TEST_CASE("hypervolume 3d/4d: grid brute force on moderate random sets") {
  Rng rng(7);
  for (int trial = 0; trial < 60; ++trial) {
    const Index d = 3 + static_cast<Index>(rng.below(2));
    const Index n = 20 + static_cast<Index>(rng.below(30));
    const Matrix points = random_case(rng, n, d);
    const Vector reference = Vector::Constant(d, 0.9);
    INFO("trial " << trial << " d " << d << " n " << n);
    REQUIRE(close(low_dimensional(points, reference), pt::grid_hypervolume(points, reference)));
  }
}

TEST_CASE("hypervolume: dispatcher against brute force for 1 to 8 objectives") {
  Rng rng(99);
  for (int trial = 0; trial < 400; ++trial) {
    const Index d = 1 + static_cast<Index>(rng.below(8));
    const Index n = static_cast<Index>(rng.below(10));
    const Matrix points = random_case(rng, n, d);
    const Vector reference = Vector::Constant(d, 0.9);
    INFO("trial " << trial << " d " << d << " n " << n);
    REQUIRE(close(paretokit::hypervolume(points, reference),
                  pt::inclusion_exclusion_hypervolume(points, reference)));
  }
}

TEST_CASE("hypervolume: empty set, one point, all points outside") {
  for (Index d = 1; d <= 6; ++d) {
    const Vector reference = Vector::Constant(d, 2.0);
    CHECK(paretokit::hypervolume(Matrix(0, d), reference) == 0.0);
    Matrix one(1, d);
    double box = 1;
    for (Index j = 0; j < d; ++j) {
      one(0, j) = 0.25 * static_cast<double>(j);
      box *= 2.0 - one(0, j);
    }
    CHECK(close(paretokit::hypervolume(one, reference), box));
    Matrix outside = Matrix::Constant(2, d, 1.0);
    outside(0, 0) = 2.0;  // on the reference: not strictly inside
    outside(1, d - 1) = 5.0;
    CHECK(paretokit::hypervolume(outside, reference) == 0.0);
  }
  for (Index d = 2; d <= 4; ++d) {
    const Vector reference = Vector::Constant(d, 1.0);
    CHECK(low_dimensional(Matrix(0, d), reference) == 0.0);
    CHECK(close(low_dimensional(Matrix::Constant(5, d, 0.5), reference),
                std::pow(0.5, static_cast<double>(d))));
  }
}

TEST_CASE("hypervolume_2d: closed form on an evenly spaced linear front") {
  // Points (i/k, 1 - i/k), i = 0..k, reference (1, 1): the area is (k - 1) / (2k).
  for (int k : {1, 2, 10, 1000}) {
    Matrix points(k + 1, 2);
    for (int i = 0; i <= k; ++i) points.row(i) << double(i) / k, 1.0 - double(i) / k;
    CHECK(close(paretokit::hypervolume_2d(points, Vector::Constant(2, 1.0)), (k - 1) / (2.0 * k)));
  }
}

TEST_CASE("hypervolume_3d/4d: integer simplex lattice against a cell count") {
  // Points with non-negative integer coordinates summing to m, reference m + 1
  // in every objective: the dominated region is the union of the unit cells
  // whose lower corner c has sum(c) >= m, so the volume is that cell count.
  for (int d : {3, 4}) {
    for (int m : {1, 3, 6}) {
      Matrix points(0, d);
      long cells = 0;
      const int side = m + 1;
      long total = 1;
      for (int j = 0; j < d; ++j) total *= side;
      for (long code = 0; code < total; ++code) {
        long rest = code;
        int sum = 0;
        Eigen::RowVectorXd c(d);
        for (int j = 0; j < d; ++j) {
          c(j) = static_cast<double>(rest % side);
          sum += static_cast<int>(rest % side);
          rest /= side;
        }
        if (sum >= m) ++cells;
        if (sum == m) {
          points.conservativeResize(points.rows() + 1, d);
          points.row(points.rows() - 1) = c;
        }
      }
      const Vector reference = Vector::Constant(d, m + 1.0);
      INFO("d " << d << " m " << m);
      CHECK(close(low_dimensional(points, reference), static_cast<double>(cells)));
    }
  }
}

TEST_CASE("hypervolume: algorithms agree on larger sets") {
  Rng rng(5);
  SECTION("2d and 3d with a constant third objective") {
    const Matrix points2 = sphere_points(rng, 3000, 2);
    Matrix points3(points2.rows(), 3);
    points3 << points2, Vector::Constant(points2.rows(), 0.6);
    const double expected = paretokit::hypervolume_2d(points2, Vector::Constant(2, 1.1)) * 0.5;
    CHECK(close(paretokit::hypervolume_3d(points3, Vector::Constant(3, 1.1)), expected));
  }
  SECTION("3d against nd") {
    for (const Matrix& points : {sphere_points(rng, 2000, 3), pt::random_points(rng, 2000, 3, 40)}) {
      const Vector reference = Vector::Constant(3, 1.1);
      CHECK(
          close(paretokit::hypervolume_3d(points, reference), paretokit::hypervolume_nd(points, reference)));
    }
  }
  SECTION("4d against nd and 3d") {
    for (const Matrix& points : {sphere_points(rng, 300, 4), pt::random_points(rng, 300, 4, 12)}) {
      const Vector reference = Vector::Constant(4, 1.1);
      CHECK(
          close(paretokit::hypervolume_4d(points, reference), paretokit::hypervolume_nd(points, reference)));
    }
    Matrix points3 = sphere_points(rng, 1000, 3);
    Matrix points4(points3.rows(), 4);
    points4 << points3, Vector::Constant(points3.rows(), 0.1);
    CHECK(close(paretokit::hypervolume_4d(points4, Vector::Constant(4, 1.1)),
                paretokit::hypervolume_3d(points3, Vector::Constant(3, 1.1))));
  }
}

TEST_CASE("hypervolume: input errors") {
  const Matrix points = Matrix::Constant(3, 3, 0.5);
  CHECK_THROWS_AS(paretokit::hypervolume(points, Vector::Constant(2, 1.0)), paretokit::InputError);
  CHECK_THROWS_AS(paretokit::hypervolume_3d(points, Vector::Constant(4, 1.0)), paretokit::InputError);
  CHECK_THROWS_AS(paretokit::hypervolume(points, Vector(0)), paretokit::InputError);
  Matrix bad = points;
  bad(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(paretokit::hypervolume(bad, Vector::Constant(3, 1.0)), paretokit::InputError);
  CHECK_THROWS_AS(paretokit::hypervolume_2d(Matrix::Constant(2, 2, 0.1), Vector::Constant(2, std::nan(""))),
                  paretokit::InputError);
  CHECK_THROWS_AS(paretokit::default_reference_point(Matrix(0, 3)), paretokit::InputError);
}

TEST_CASE("default_reference_point: max + 0.1 (max - min)") {
  Matrix points(3, 2);
  points << 0, 10, 1, 5, 2, 0;
  const Vector reference = paretokit::default_reference_point(points);
  CHECK(reference(0) == Approx(2.2));
  CHECK(reference(1) == Approx(11.0));
}
