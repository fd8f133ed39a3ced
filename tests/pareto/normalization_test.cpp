#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/pareto/normalization.hpp"

using namespace paretokit;

TEST_CASE("normalization: ideal, worst and nadir points") {
  Matrix F(4, 2);
  F << 1, 5,  //
      3, 2,   //
      4, 4,   // dominated by (3, 2): not part of the nadir
      6, 1;
  CHECK(ideal_point(F) == Vector::Map(std::vector<double>{1, 1}.data(), 2));
  CHECK(worst_point(F) == Vector::Map(std::vector<double>{6, 5}.data(), 2));
  CHECK(nadir_point(F) == Vector::Map(std::vector<double>{6, 5}.data(), 2));
  Matrix G(3, 2);
  G << 0, 2,  //
      2, 0,   //
      9, 9;   // dominated: the nadir ignores it, the worst point does not
  CHECK(nadir_point(G) == Vector::Map(std::vector<double>{2, 2}.data(), 2));
  CHECK(worst_point(G)[0] == 9);
  CHECK_THROWS_AS(ideal_point(Matrix(0, 2)), InputError);
}

TEST_CASE("normalization: extreme points and intercepts of a linear front") {
  // Points on f0/2 + f1/4 + f2/8 = 1 (intercepts 2, 4, 8), ideal 0.
  Matrix F(5, 3);
  F << 2, 0, 0,  //
      0, 4, 0,   //
      0, 0, 8,   //
      1, 2, 0,   //
      0.5, 1, 4;
  const Vector ideal = Vector::Zero(3);
  const Matrix E = extreme_points(F, ideal);
  CHECK(E.row(0) == F.row(0));
  CHECK(E.row(1) == F.row(1));
  CHECK(E.row(2) == F.row(2));
  const auto intercepts = hyperplane_intercepts(E, ideal);
  REQUIRE(intercepts);
  CHECK((*intercepts)[0] == Approx(2));
  CHECK((*intercepts)[1] == Approx(4));
  CHECK((*intercepts)[2] == Approx(8));
  const Vector worst = Vector::Constant(3, 100);
  const Vector nadir = hyperplane_nadir(E, ideal, worst, worst, worst);
  CHECK(nadir[2] == Approx(8));
  // Capped by the worst point seen.
  const Vector capped = hyperplane_nadir(E, ideal, Vector::Constant(3, 5), worst, worst);
  CHECK(capped[2] == Approx(5));
  CHECK(capped[0] == Approx(2));
}

TEST_CASE("normalization: off-axis coordinates the ASF counted as zero do not tilt the plane") {
  // Extreme points of a unit front with off-axis noise below 1e-3: the nadir
  // is each point's own coordinate. A plane through the noisy points would
  // put every intercept above it (by up to 1.5e-3 here).
  Matrix E(3, 3);
  E << 1.0003, 0.0008, 0.0,  //
      0.0005, 1.0001, 0.0009,  //
      0.0002, 0.0004, 1.0002;
  const Vector ideal = Vector::Zero(3);
  const Vector worst = Vector::Constant(3, 2);
  const Vector nadir = hyperplane_nadir(E, ideal, worst, worst, worst);
  CHECK(nadir[0] == Approx(1.0003).epsilon(1e-12));
  CHECK(nadir[1] == Approx(1.0001).epsilon(1e-12));
  CHECK(nadir[2] == Approx(1.0002).epsilon(1e-12));
  // Off-axis coordinates above the threshold still shape the plane.
  E(0, 1) = 0.5;
  const Vector tilted = hyperplane_nadir(E, ideal, worst, worst, worst);
  CHECK(tilted[0] > 1.0003 + 1e-4);
}

TEST_CASE("normalization: on a front scaled below the ASF threshold the extremes are not snapped") {
  // f0 + f1 + f2 = 1e-4: every difference from the ideal point is below
  // 1e-3, so the ASF sees zeros and picks the first row for every axis. The
  // three identical extremes leave the plane singular: worst of the front.
  Matrix F(4, 3);
  F << 2e-5, 5e-5, 3e-5,  //
      1e-4, 0, 0,         //
      0, 1e-4, 0,         //
      0, 0, 1e-4;
  const Vector ideal = Vector::Zero(3);
  const Matrix E = extreme_points(F, ideal);
  for (Index j = 0; j < 3; ++j) CHECK(E.row(j) == F.row(0));
  const Vector worst = Vector::Constant(3, 1e-4);
  const Vector nadir = hyperplane_nadir(E, ideal, worst, worst, worst);
  for (Index j = 0; j < 3; ++j) CHECK(nadir[j] == 1e-4);
}

TEST_CASE("normalization: singular and negative hyperplanes fall back") {
  const Vector ideal = Vector::Zero(2);
  Matrix same(2, 2);
  same << 1, 1, 1, 1;  // one point twice: singular
  CHECK_FALSE(hyperplane_intercepts(same, ideal));
  Matrix negative(2, 2);
  negative << 1, 2, 2, 1;  // the line f0 + f1 = 3: intercepts 3, 3
  CHECK(hyperplane_intercepts(negative, ideal));
  negative << 1, 2, 2, 3;  // the line -f0 + f1 = 1: negative intercept on f0
  CHECK_FALSE(hyperplane_intercepts(negative, ideal));
  Vector front_worst(2), population_worst(2);
  front_worst << 3, 0;  // objective 1 has no range on the front
  population_worst << 7, 7;
  const Vector nadir = hyperplane_nadir(same, ideal, population_worst, front_worst, population_worst);
  CHECK(nadir[0] == 3);
  CHECK(nadir[1] == 7);
}

TEST_CASE("normalization: normalize maps ideal to 0 and nadir to 1") {
  Matrix F(2, 2);
  F << 1, 3, 3, 3;
  Vector ideal(2), nadir(2);
  ideal << 1, 3;
  nadir << 3, 3;  // zero range: divide by 1
  const Matrix N = normalize(F, ideal, nadir);
  CHECK(N(1, 0) == 1);
  CHECK(N(1, 1) == 0);
}
