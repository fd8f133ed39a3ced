#include <catch2/catch.hpp>

#include "paretokit/pareto/dominance.hpp"

using namespace paretokit;

TEST_CASE("dominance: strict, weak, equal and incomparable") {
  RowVector a(3), b(3), c(3);
  a << 1, 2, 3;
  b << 1, 2, 4;
  c << 0, 5, 3;
  CHECK(dominates(a, b));
  CHECK_FALSE(dominates(b, a));
  CHECK_FALSE(dominates(a, a));
  CHECK(weakly_dominates(a, a));
  CHECK(weakly_dominates(a, b));
  CHECK_FALSE(dominates(a, c));
  CHECK_FALSE(dominates(c, a));
  CHECK_FALSE(weakly_dominates(c, a));
}
