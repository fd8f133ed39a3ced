#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "paretokit/core/error.hpp"
#include "paretokit/pareto/reference_directions.hpp"

using namespace paretokit;

TEST_CASE("das-dennis: counts are binomials") {
  CHECK(das_dennis_count(3, 12) == 91);
  CHECK(das_dennis_count(5, 6) == 210);
  CHECK(das_dennis_count(10, 3) == 220);
  CHECK(das_dennis_count(1, 7) == 1);
  CHECK(das_dennis_count(4, 0) == 1);
  CHECK(das_dennis_count(60, 60) == -1);  // C(119, 59) does not fit
  CHECK_THROWS_AS(das_dennis_count(0, 3), InputError);
  CHECK_THROWS_AS(das_dennis_count(3, -1), InputError);
  CHECK_THROWS_AS(das_dennis(60, 60), InputError);
}

TEST_CASE("das-dennis: pymoo's order for m = 3, p = 2") {
  Matrix expected(6, 3);
  expected << 0, 0, 1,  //
      0, 0.5, 0.5,      //
      0, 1, 0,          //
      0.5, 0, 0.5,      //
      0.5, 0.5, 0,      //
      1, 0, 0;
  CHECK(das_dennis(3, 2) == expected);
  CHECK(das_dennis(3, 0) == Matrix::Constant(1, 3, 1.0 / 3));
}

TEST_CASE("das-dennis: every row is a distinct lattice point of the simplex") {
  for (Index m : {2, 4, 6}) {
    const Index p = 5;
    const Matrix W = das_dennis(m, p);
    REQUIRE(W.rows() == das_dennis_count(m, p));
    std::set<std::vector<long>> seen;
    for (Index i = 0; i < W.rows(); ++i) {
      CHECK(W.row(i).sum() == Approx(1.0));
      CHECK(W.row(i).minCoeff() >= 0.0);
      std::vector<long> lattice;
      for (Index j = 0; j < m; ++j) lattice.push_back(std::lround(W(i, j) * static_cast<double>(p)));
      seen.insert(lattice);
    }
    CHECK(static_cast<Index>(seen.size()) == W.rows());
  }
}

TEST_CASE("two-layer: outer layer then inner layer shrunk halfway to the centre") {
  const Matrix W = two_layer_directions(8, 3, 2);
  REQUIRE(W.rows() == 120 + 36);
  CHECK(W.topRows(120) == das_dennis(8, 3));
  const Matrix inner = das_dennis(8, 2);
  for (Index i = 0; i < inner.rows(); ++i) {
    for (Index j = 0; j < 8; ++j) CHECK(W(120 + i, j) == Approx(inner(i, j) / 2 + 1.0 / 16));
    CHECK(W.row(120 + i).sum() == Approx(1.0));
  }
}
