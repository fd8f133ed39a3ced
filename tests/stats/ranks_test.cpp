#include <catch2/catch.hpp>

#include <limits>

#include "paretokit/stats/ranks.hpp"

using paretokit::Matrix;
using paretokit::Vector;
using namespace paretokit::stats;

TEST_CASE("average ranks: distinct values ties NaN last") {
  Vector values(5);
  values << 3.0, 1.0, 3.0, 2.0, std::numeric_limits<double>::quiet_NaN();
  const Vector ranks = average_ranks(values);
  CHECK(ranks[0] == 3.5);
  CHECK(ranks[1] == 1.0);
  CHECK(ranks[2] == 3.5);
  CHECK(ranks[3] == 2.0);
  CHECK(ranks[4] == 5.0);

  const Vector higher = average_ranks(values, RankOrder::higher_is_better);
  CHECK(higher[0] == 1.5);
  CHECK(higher[1] == 4.0);
  CHECK(higher[3] == 3.0);
  CHECK(higher[4] == 5.0);  // NaN is worst in either direction
}

TEST_CASE("average ranks: all tied one value empty two NaNs tie") {
  Vector same = Vector::Constant(4, 7.0);
  CHECK(average_ranks(same).isApprox(Vector::Constant(4, 2.5)));
  CHECK(average_ranks(Vector::Constant(1, 0.0))[0] == 1.0);
  CHECK(average_ranks(Vector(0)).size() == 0);
  Vector nans(3);
  nans << std::numeric_limits<double>::quiet_NaN(), 0.0, std::numeric_limits<double>::quiet_NaN();
  const Vector ranks = average_ranks(nans);
  CHECK(ranks[1] == 1.0);
  CHECK(ranks[0] == 2.5);
  CHECK(ranks[2] == 2.5);
}

TEST_CASE("rank_rows and mean_ranks: ranks sum to k k+1/2 per row") {
  Matrix scores(3, 4);
  scores << 1, 2, 3, 4,  //
      4, 4, 1, 2,        //
      0, 0, 0, 0;
  const Matrix ranks = rank_rows(scores);
  for (int row = 0; row < 3; ++row) CHECK(ranks.row(row).sum() == Approx(10.0));
  CHECK(ranks(1, 0) == 3.5);
  CHECK(ranks(1, 2) == 1.0);
  const Vector mean = mean_ranks(scores);
  CHECK(mean[0] == Approx((1.0 + 3.5 + 2.5) / 3.0));
  CHECK(mean[2] == Approx((3.0 + 1.0 + 2.5) / 3.0));
}
