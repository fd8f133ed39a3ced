#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "paretokit/pareto/crowding_distance.hpp"

using namespace paretokit;

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
}

TEST_CASE("crowding: one or two points are boundary points") {
  CHECK(crowding_distance(Matrix(0, 2)).size() == 0);
  CHECK(std::isinf(crowding_distance(Matrix::Zero(1, 2))[0]));
  const Vector two = crowding_distance(Matrix::Zero(2, 2));
  CHECK((std::isinf(two[0]) && std::isinf(two[1])));
}

TEST_CASE("crowding: hand-computed values on a 2-D front") {
  // Objective 0: 0, 1, 3, 4 (range 4); objective 1: 4, 3, 1, 0 (range 4).
  Matrix F(4, 2);
  F << 3, 1,  //
      0, 4,   //
      1, 3,   //
      4, 0;
  const Vector cd = crowding_distance(F);
  // Row 0 (3, 1): neighbours 1 and 4 in both objectives: (3/4 + 3/4) / 2.
  CHECK(cd[0] == Approx(0.75));
  CHECK(cd[2] == Approx(0.75));
  CHECK(std::isinf(cd[1]));
  CHECK(std::isinf(cd[3]));
}

TEST_CASE("crowding: a zero-range objective adds nothing, not even infinity") {
  Matrix F(3, 2);
  F << 0, 5,  //
      1, 5,   //
      3, 5;
  const Vector cd = crowding_distance(F);
  CHECK(std::isinf(cd[0]));
  CHECK(cd[1] == Approx((3.0 / 3.0) / 2.0));
  CHECK(std::isinf(cd[2]));
  const Vector flat = crowding_distance(Matrix::Constant(4, 3, 1.0).topRows(3));
  CHECK(flat[0] == 0.0);  // all rows equal: first row alone, later rows duplicates
  CHECK(flat[1] == 0.0);
}

TEST_CASE("crowding: duplicates get 0 and are ignored by the others") {
  Matrix F(5, 2);
  F << 0, 4,  //
      1, 3,   //
      1, 3,   // duplicate
      2, 2,   //
      4, 0;
  const Vector cd = crowding_distance(F);
  CHECK(cd[2] == 0.0);
  CHECK(cd[1] == Approx((2.0 / 4 + 2.0 / 4) / 2));
  CHECK(cd[3] == Approx((3.0 / 4 + 3.0 / 4) / 2));
}
