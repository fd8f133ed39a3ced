// SVH-PSL's local kernel: its values by the formula, the bandwidth by the
// median heuristic on a hand-made case, and d(sum K)/d v against finite
// differences (the repulsive term of the Stein update rests on it).
#include <cmath>

#include <catch2/catch.hpp>

#include "../../lib/src/learning/psl_training.hpp"

using namespace paretokit;

TEST_CASE("stein kernel and its gradient") {
  Rng rng(12);
  const Index B = 6, m = 3;
  Matrix V(B, m);
  for (Index i = 0; i < V.size(); ++i) V.data()[i] = rng.normal();
  const std::vector<Index> argmax{0, 2, 1, 1, 0, 2};
  const Vector h = detail::stein_bandwidths(V, 1.0);
  const auto kernel = detail::stein_kernel(V, argmax, h);
  for (Index i = 0; i < B; ++i)
    for (Index k = 0; k < B; ++k) {
      const Index j = argmax[static_cast<std::size_t>(k)];
      CHECK(kernel.K(i, k) == Approx(std::exp(-std::pow(V(i, j) - V(k, j), 2) / h(j))));
    }
  for (Index i = 0; i < B; ++i)
    for (Index j = 0; j < m; ++j) {
      Matrix up = V, down = V;
      up(i, j) += 1e-6;
      down(i, j) -= 1e-6;
      const double fd =
          (detail::stein_kernel(up, argmax, h).K.sum() - detail::stein_kernel(down, argmax, h).K.sum()) /
          2e-6;
      CHECK(kernel.dsum_dvalues(i, j) == Approx(fd).epsilon(1e-5).margin(1e-8));
    }
}

TEST_CASE("stein bandwidth is c median(d^2)^2 / log n") {
  // Two particles at 0 and 1: squared distances {0, 1, 1, 0}, numpy median 0.5.
  Matrix V(2, 1);
  V << 0.0, 1.0;
  CHECK(detail::stein_bandwidths(V, 2.0)(0) == Approx(2.0 * 0.25 / std::log(2.0)));
  Matrix same = Matrix::Zero(3, 1);
  CHECK(detail::stein_bandwidths(same, 1.0)(0) == Approx(5e-6));
}
