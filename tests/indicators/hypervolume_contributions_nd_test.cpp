// Tests of hypervolume_contributions_nd against brute force (HV(S) minus
// HV(S without p) by inclusion-exclusion), closed forms, the n-dimensional
// hypervolume on larger sets, and the thread count.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

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

bool close(double a, double b, double scale = 1.0) {
  return std::abs(a - b) <= 1e-12 * std::max(scale, std::abs(b));
}

Matrix without_row(const Matrix& points, Index row) {
  Matrix rest(points.rows() - 1, points.cols());
  for (Index i = 0, r = 0; i < points.rows(); ++i)
    if (i != row) rest.row(r++) = points.row(i);
  return rest;
}

}  // namespace

TEST_CASE("hypervolume_contributions_nd: brute force on small random sets, d = 2..7") {
  Rng rng(99);
  for (int d = 2; d <= 7; ++d) {
    for (int trial = 0; trial < 40; ++trial) {
      const Index n = 1 + static_cast<Index>(rng.below(10));
      const int levels = (trial % 3 == 0) ? 0 : 2 + static_cast<int>(rng.below(4));
      Matrix points = trial % 2 ? pt::random_points(rng, n, d, levels) : pt::random_linear_front(rng, n, d);
      if (trial % 5 == 0) points.row(0) = points.row(n - 1);
      const Vector reference = Vector::Constant(d, trial % 4 == 0 ? 0.8 : 1.1);
      const Vector contributions = paretokit::hypervolume_contributions_nd(points, reference);
      REQUIRE(contributions.size() == n);
      const double whole = pt::inclusion_exclusion_hypervolume(points, reference);
      for (Index p = 0; p < n; ++p) {
        const double expected =
            whole - pt::inclusion_exclusion_hypervolume(without_row(points, p), reference);
        INFO("d = " << d << ", n = " << n << ", trial " << trial << ", point " << p);
        CHECK(close(contributions(p), expected, std::max(whole, 1e-3)));
      }
    }
  }
}

TEST_CASE("hypervolume_contributions_nd: closed forms, duplicates and dominated points") {
  for (int d = 2; d <= 9; ++d) {
    const double r = 1.5, t = 0.5;
    // Axis points (see hypervolume_nd_test): each box minus the common cube.
    Matrix axis = Matrix::Constant(d, d, t);
    for (int k = 0; k < d; ++k) axis(k, k) = 0;
    const Vector reference = Vector::Constant(d, r);
    const Vector contributions = paretokit::hypervolume_contributions_nd(axis, reference);
    for (int k = 0; k < d; ++k) CHECK(close(contributions(k), t * std::pow(r - t, d - 1)));

    // p dominates q: p keeps only what q does not cover, q gives nothing; a
    // duplicate of p would make p's contribution 0; a point outside gives 0.
    Matrix three(3, d);
    three.row(0) = Vector::Constant(d, 0.2).transpose();
    three.row(1) = Vector::Constant(d, 0.7).transpose();
    three.row(2) = Vector::Constant(d, 0.1).transpose();
    three(2, d - 1) = 1.5;
    const Vector dominated = paretokit::hypervolume_contributions_nd(three, reference);
    CHECK(close(dominated(0), std::pow(1.3, d) - std::pow(0.8, d)));
    CHECK(dominated(1) == 0.0);
    CHECK(dominated(2) == 0.0);
    three.row(1) = three.row(0);
    const Vector twins = paretokit::hypervolume_contributions_nd(three, reference);
    CHECK(twins(0) == 0.0);
    CHECK(twins(1) == 0.0);
  }
  CHECK(paretokit::hypervolume_contributions_nd(Matrix(0, 4), Vector::Constant(4, 1.0)).size() == 0);
}

TEST_CASE("hypervolume_contributions_nd: equals HV(S) - HV(S without p) on larger sets") {
  Rng rng(17);
  const std::pair<int, Index> cases[] = {{4, 80}, {5, 40}, {6, 25}};
  for (const auto& [d, n] : cases) {
    Matrix points = pt::random_linear_front(rng, n, d);
    points.row(n - 1) = (points.row(0).array() + 0.01).matrix();  // dominated by point 0
    const Vector reference = Vector::Constant(d, 1.1);
    const Vector contributions = paretokit::hypervolume_contributions_nd(points, reference);
    const double whole = paretokit::hypervolume_nd(points, reference);
    for (Index p = 0; p < n; ++p) {
      const double expected = whole - paretokit::hypervolume_nd(without_row(points, p), reference);
      INFO("d = " << d << ", point " << p);
      CHECK(std::abs(contributions(p) - expected) <= 1e-11 * whole);
    }
  }
}

TEST_CASE("hypervolume_contributions_nd: the same result with one thread") {
  Rng rng(23);
  const Matrix points = pt::random_linear_front(rng, 300, 4);
  const Vector reference = Vector::Constant(4, 1.1);
  const Vector many = paretokit::hypervolume_contributions_nd(points, reference);
  Vector one;
  {
    tbb::global_control single(tbb::global_control::max_allowed_parallelism, 1);
    one = paretokit::hypervolume_contributions_nd(points, reference);
  }
  CHECK((many.array() == one.array()).all());
}

TEST_CASE("hypervolume_contributions_nd: bad input") {
  const Matrix points = Matrix::Constant(2, 3, 0.5);
  CHECK_THROWS_AS(paretokit::hypervolume_contributions_nd(points, Vector::Constant(4, 1.0)),
                  paretokit::InputError);
  Matrix nan = points;
  nan(0, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(paretokit::hypervolume_contributions_nd(nan, Vector::Constant(3, 1.0)),
                  paretokit::InputError);
}
