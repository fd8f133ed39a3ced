// Tests of the exclusive hypervolume contributions HV(S) - HV(S \ {p}):
// 2-D and 3-D sweeps and the dispatcher against brute force (with dominated
// points, duplicates, ties and points outside the reference), hand-made
// cases, closed forms, and 3-D against the n-dimensional method.
#include <catch2/catch.hpp>

#include <cmath>

#include "indicators/brute_force_hypervolume.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"

using paretokit::Index;
using paretokit::Matrix;
using paretokit::Rng;
using paretokit::Vector;
namespace pt = paretokit::testing;

namespace {

bool all_close(const Vector& a, const Vector& b) {
  if (a.size() != b.size()) return false;
  for (Index i = 0; i < a.size(); ++i) {
    if (std::abs(a(i) - b(i)) > 1e-12 * std::max(1.0, std::abs(b(i)))) return false;
  }
  return true;
}

Vector by_algorithm(const Matrix& points, const Vector& reference) {
  return reference.size() == 2 ? paretokit::hypervolume_contributions_2d(points, reference)
                               : paretokit::hypervolume_contributions_3d(points, reference);
}

Matrix random_case(Rng& rng, Index n, Index d) {
  switch (rng.below(4)) {
    case 0:
      return pt::random_points(rng, n, d, 0);
    case 1:
      return pt::random_points(rng, n, d, 3);
    case 2:
      return pt::random_points(rng, n, d, 6);
    default:
      return pt::random_linear_front(rng, n, d);
  }
}

}  // namespace

TEST_CASE("hypervolume_contributions 2d/3d: brute force on random sets") {
  Rng rng(314);
  for (int trial = 0; trial < 2000; ++trial) {
    const Index d = 2 + static_cast<Index>(rng.below(2));
    const Index n = static_cast<Index>(rng.below(trial < 1800 ? 12 : 30));
    const Matrix points = random_case(rng, n, d);
    const Vector reference = Vector::Constant(d, rng.bernoulli(0.5) ? 1.0 : 0.85);
    const Vector expected = pt::brute_force_contributions(points, reference);
    INFO("trial " << trial << " d " << d << " n " << n);
    REQUIRE(all_close(by_algorithm(points, reference), expected));
    REQUIRE(all_close(paretokit::hypervolume_contributions(points, reference), expected));
  }
}

TEST_CASE("hypervolume_contributions: dispatcher for 1 and 4 objectives") {
  Rng rng(2718);
  for (int trial = 0; trial < 200; ++trial) {
    const Index d = trial % 2 == 0 ? 1 : 4;
    const Index n = static_cast<Index>(rng.below(10));
    const Matrix points = random_case(rng, n, d);
    const Vector reference = Vector::Constant(d, 0.9);
    INFO("trial " << trial << " d " << d << " n " << n);
    REQUIRE(all_close(paretokit::hypervolume_contributions(points, reference),
                      pt::brute_force_contributions(points, reference)));
  }
}

TEST_CASE("hypervolume_contributions: dominated points, duplicates, outside points") {
  const Vector reference = Vector::Constant(2, 1.0);
  Matrix points(4, 2);
  points << 0.0, 0.0,  // dominates the next one alone: its box loses 0.5 x 0.5
      0.5, 0.5,        // dominated: 0
      2.0, 0.1,        // outside the reference: 0
      0.0, 0.0;        // duplicate of the first: both get 0
  Vector c = paretokit::hypervolume_contributions_2d(points, reference);
  CHECK(c(0) == 0.0);
  CHECK(c(1) == 0.0);
  CHECK(c(2) == 0.0);
  CHECK(c(3) == 0.0);
  c = paretokit::hypervolume_contributions_2d(points.topRows(3), reference);
  CHECK(c(0) == Approx(0.75));
  CHECK(c(1) == 0.0);

  Matrix points3(3, 3);
  points3 << 0.2, 0.2, 0.2, 0.6, 0.6, 0.6, 0.2, 0.2, 0.2;
  const Vector reference3 = Vector::Constant(3, 1.0);
  c = paretokit::hypervolume_contributions_3d(points3, reference3);
  CHECK(c.isZero());
  c = paretokit::hypervolume_contributions_3d(points3.topRows(2), reference3);
  CHECK(c(0) == Approx(0.8 * 0.8 * 0.8 - 0.4 * 0.4 * 0.4));
  CHECK(c(1) == 0.0);

  CHECK(paretokit::hypervolume_contributions(Matrix(0, 3), reference3).size() == 0);
  const Matrix one = Matrix::Constant(1, 3, 0.5);
  CHECK(paretokit::hypervolume_contributions(one, reference3)(0) == Approx(0.125));
}

TEST_CASE("hypervolume_contributions_2d: closed form on an evenly spaced linear front") {
  // Points (i/k, 1 - i/k), reference (1 + 1/k, 1 + 1/k): every point owns a
  // 1/k x 1/k square exactly.
  const int k = 50;
  Matrix points(k + 1, 2);
  for (int i = 0; i <= k; ++i) points.row(i) << double(i) / k, 1.0 - double(i) / k;
  const Vector c = paretokit::hypervolume_contributions_2d(points, Vector::Constant(2, 1.0 + 1.0 / k));
  for (int i = 0; i <= k; ++i) CHECK(c(i) == Approx(1.0 / (k * k)).epsilon(1e-12));
}

TEST_CASE("hypervolume_contributions_3d: against the n-dimensional method on larger sets") {
  Rng rng(11);
  for (int trial = 0; trial < 3; ++trial) {
    const Matrix points =
        trial == 0 ? pt::random_linear_front(rng, 400, 3) : pt::random_points(rng, 400, 3, 25);
    const Vector reference = Vector::Constant(3, 1.1);
    CHECK(all_close(paretokit::hypervolume_contributions_3d(points, reference),
                    paretokit::hypervolume_contributions_nd(points, reference)));
  }
}

TEST_CASE("hypervolume_contributions_3d: negative coordinates, -0.0 and 0.0 tied in z") {
  // The z order comes from a radix sort of the doubles' bits: negative
  // values, and -0.0 against 0.0 (equal, so tied in input order), must sort
  // as numbers do.
  Rng rng(27);
  for (int trial = 0; trial < 200; ++trial) {
    const Index n = 3 + static_cast<Index>(rng.below(20));
    Matrix points = pt::random_points(rng, n, 3, trial % 2 ? 4 : 0);
    points.array() -= 0.5;
    for (Index i = 0; i < n; ++i)
      if (rng.bernoulli(0.3)) points(i, 2) = rng.bernoulli(0.5) ? -0.0 : 0.0;
    const Vector reference = Vector::Constant(3, 0.5);
    INFO("trial " << trial);
    REQUIRE(all_close(paretokit::hypervolume_contributions_3d(points, reference),
                      pt::brute_force_contributions(points, reference)));
  }
}

TEST_CASE("hypervolume_contributions: input errors") {
  CHECK_THROWS_AS(paretokit::hypervolume_contributions(Matrix::Constant(2, 3, 0.5), Vector::Constant(2, 1.0)),
                  paretokit::InputError);
  Matrix bad = Matrix::Constant(2, 2, 0.5);
  bad(0, 0) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(paretokit::hypervolume_contributions_2d(bad, Vector::Constant(2, 1.0)),
                  paretokit::InputError);
}
