#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/indicators/distance_indicators.hpp"

using namespace paretokit;

namespace {

// The example of Ishibuchi et al. (2015), Fig. 4: reference points on a
// concave front and three solutions.
void ishibuchi_example(Matrix& A, Matrix& Z) {
  Z.resize(5, 2);
  Z << 0, 10,  //
      1, 6,    //
      2, 2,    //
      6, 1,    //
      10, 0;
  A.resize(3, 2);
  A << 2, 4,  //
      3, 3,   //
      4, 2;
}

}  // namespace

TEST_CASE("distance indicators: the example of Ishibuchi et al. 2015, hand-computed") {
  Matrix A, Z;
  ishibuchi_example(A, Z);
  // IGD: nearest distances sqrt(40), sqrt(5), sqrt(2), sqrt(5), sqrt(40) (paper: 3.707).
  CHECK(igd(A, Z) == Approx((2 * std::sqrt(40.0) + 2 * std::sqrt(5.0) + std::sqrt(2.0)) / 5));
  CHECK(igd(A, Z) == Approx(3.707).epsilon(1e-4));
  // IGD+: 2, 1, sqrt(2), 1, 2 (paper: 1.483).
  CHECK(igd_plus(A, Z) == Approx((6 + std::sqrt(2.0)) / 5));
  // GD: (2,4) -> 2 (to (2,2)), (3,3) -> sqrt(2), (4,2) -> 2.
  CHECK(gd(A, Z) == Approx((4 + std::sqrt(2.0)) / 3));
  // Epsilon: (0,10) needs 2 (from (2,4)), (10,0) needs 2 (from (4,2)).
  CHECK(additive_epsilon(A, Z) == 2.0);
}

TEST_CASE("distance indicators: a set equal to the reference scores 0, dominating sets") {
  Matrix A, Z;
  ishibuchi_example(A, Z);
  CHECK(igd(Z, Z) == 0.0);
  CHECK(igd_plus(Z, Z) == 0.0);
  CHECK(gd(Z, Z) == 0.0);
  CHECK(additive_epsilon(Z, Z) == 0.0);
  // Shifting the reference set by -1 in every objective: it dominates Z.
  const Matrix better = Z.array() - 1.0;
  CHECK(igd_plus(better, Z) == 0.0);
  CHECK(additive_epsilon(better, Z) == -1.0);
  CHECK(igd(better, Z) == Approx(std::sqrt(2.0)));
  // Shifting by +0.5: epsilon 0.5, IGD+ = IGD = sqrt(0.5).
  const Matrix worse = Z.array() + 0.5;
  CHECK(additive_epsilon(worse, Z) == 0.5);
  CHECK(igd_plus(worse, Z) == Approx(std::sqrt(0.5)));
}

TEST_CASE("distance indicators: one point against one point, closed forms") {
  Matrix a(1, 3), z(1, 3);
  a << 1, 2, 3;
  z << 0, 4, 3;
  CHECK(igd(a, z) == Approx(std::sqrt(5.0)));
  CHECK(gd(a, z) == Approx(std::sqrt(5.0)));
  CHECK(igd_plus(a, z) == Approx(1.0));  // only the first objective is worse
  CHECK(additive_epsilon(a, z) == 1.0);
}

TEST_CASE("distance indicators: large random sets match a direct computation") {
  Rng rng(11);
  const Index m = 4;
  Matrix A(700, m), Z(900, m);
  for (Index i = 0; i < A.rows(); ++i) {
    for (Index j = 0; j < m; ++j) A(i, j) = rng.uniform();
  }
  for (Index i = 0; i < Z.rows(); ++i) {
    for (Index j = 0; j < m; ++j) Z(i, j) = rng.uniform();
  }
  double igd_sum = 0, plus_sum = 0, eps = -1e300;
  for (Index z = 0; z < Z.rows(); ++z) {
    double best = 1e300, best_plus = 1e300, best_eps = 1e300;
    for (Index a = 0; a < A.rows(); ++a) {
      best = std::min(best, (A.row(a) - Z.row(z)).norm());
      best_plus = std::min(best_plus, (A.row(a) - Z.row(z)).cwiseMax(0.0).norm());
      best_eps = std::min(best_eps, (A.row(a) - Z.row(z)).maxCoeff());
    }
    igd_sum += best;
    plus_sum += best_plus;
    eps = std::max(eps, best_eps);
  }
  CHECK(igd(A, Z) == Approx(igd_sum / static_cast<double>(Z.rows())).epsilon(1e-12));
  CHECK(igd_plus(A, Z) == Approx(plus_sum / static_cast<double>(Z.rows())).epsilon(1e-12));
  CHECK(additive_epsilon(A, Z) == eps);
  CHECK(gd(A, Z) == Approx(igd(Z, A)).epsilon(1e-12));
}

TEST_CASE("distance indicators: bad input") {
  Matrix A(2, 2), Z(2, 3);
  A.setZero();
  Z.setZero();
  CHECK_THROWS_AS(igd(A, Z), InputError);
  CHECK_THROWS_AS(gd(A, Matrix(0, 2)), InputError);
  CHECK_THROWS_AS(gd(Matrix(0, 2), A), InputError);
  CHECK(std::isinf(igd(Matrix(0, 2), A)));
  CHECK(std::isinf(additive_epsilon(Matrix(0, 2), A)));
  A(0, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(igd_plus(A, A), InputError);
}

TEST_CASE("distance indicators: igd_sorted is igd to the last bit, ties and edge cases included") {
  Rng rng(5);
  for (const Index m : {Index{1}, Index{2}, Index{3}, Index{5}}) {
    for (const Index n : {Index{1}, Index{7}, Index{150}}) {
      INFO("m = " << m << ", n = " << n);
      Matrix A(n, m), Z(400, m);
      // Coarse values: many equal first objectives and equal distances.
      for (Index i = 0; i < n; ++i) {
        for (Index j = 0; j < m; ++j) A(i, j) = std::floor(rng.uniform() * 8) / 8;
      }
      for (Index i = 0; i < Z.rows(); ++i) {
        for (Index j = 0; j < m; ++j) Z(i, j) = rng.uniform(-0.2, 1.2);
      }
      CHECK(igd_sorted(A, Z) == igd(A, Z));
      CHECK(igd_sorted(Z, A) == igd(Z, A));
    }
  }
  // igd()'s conventions and errors.
  CHECK(igd_sorted(Matrix(0, 2), Matrix::Ones(3, 2)) == std::numeric_limits<double>::infinity());
  CHECK_THROWS_AS(igd_sorted(Matrix::Ones(2, 2), Matrix::Ones(2, 3)), InputError);
  Matrix nan = Matrix::Ones(2, 2);
  nan(1, 1) = std::nan("");
  CHECK_THROWS_AS(igd_sorted(nan, Matrix::Ones(2, 2)), InputError);
}
