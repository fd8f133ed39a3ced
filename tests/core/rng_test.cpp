#include <catch2/catch.hpp>

#include <cmath>

#include "paretokit/core/rng.hpp"

using paretokit::Rng;

TEST_CASE("rng: the same seed gives the same stream; state round-trips") {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 10; ++i) CHECK(a.next() == b.next());
  CHECK(a.next() != c.next());
  Rng copy(0);
  copy.set_state(a.state());
  for (int i = 0; i < 10; ++i) CHECK(copy.uniform() == a.uniform());
}

TEST_CASE("rng: streams differ and are reproducible") {
  CHECK(Rng::stream(1, 0).state() == Rng::stream(1, 0).state());
  CHECK(Rng::stream(1, 0).state() != Rng::stream(1, 1).state());
  CHECK(Rng::stream(1, 0).state() != Rng::stream(2, 0).state());
}

TEST_CASE("rng: uniform, below and normal have the right moments") {
  Rng rng(7);
  const int n = 200000;
  double sum = 0, sum_sq = 0, normal_sum = 0, normal_sq = 0;
  std::vector<int> counts(7, 0);
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum_sq += u * u;
    const double z = rng.normal();
    normal_sum += z;
    normal_sq += z * z;
    ++counts[rng.below(7)];
  }
  CHECK(std::abs(sum / n - 0.5) < 0.005);
  CHECK(std::abs(sum_sq / n - 1.0 / 3.0) < 0.005);
  CHECK(std::abs(normal_sum / n) < 0.01);
  CHECK(std::abs(normal_sq / n - 1.0) < 0.02);
  for (int count : counts) CHECK(std::abs(count - n / 7.0) < 0.03 * n / 7.0);
}
