#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "paretokit/core/rng.hpp"
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

namespace {

// The implementation before the flat-buffer rewrite, kept verbatim as the
// reference: duplicates by an indirect lexicographic sort, then one stable
// sort of row indices per objective.
Vector reference_crowding_distance(const MatrixRef& F) {
  const Index n = F.rows();
  const Index m = F.cols();
  if (n <= 2) return Vector::Constant(n, inf);
  if (m == 0) return Vector::Zero(n);
  std::vector<Index> sorted_rows(static_cast<std::size_t>(n));
  std::iota(sorted_rows.begin(), sorted_rows.end(), Index{0});
  std::sort(sorted_rows.begin(), sorted_rows.end(), [&](Index a, Index b) {
    for (Index j = 0; j < F.cols(); ++j) {
      if (F(a, j) != F(b, j)) return F(a, j) < F(b, j);
    }
    return a < b;
  });
  std::vector<char> keep(static_cast<std::size_t>(n), 1);
  for (std::size_t i = 1; i < sorted_rows.size(); ++i) {
    if ((F.row(sorted_rows[i]).array() == F.row(sorted_rows[i - 1]).array()).all()) keep[sorted_rows[i]] = 0;
  }
  std::vector<Index> unique;
  for (Index i = 0; i < n; ++i) {
    if (keep[i]) unique.push_back(i);
  }
  const Index u = static_cast<Index>(unique.size());
  Vector unique_distance = Vector::Zero(u);
  std::vector<Index> order(static_cast<std::size_t>(u));
  for (Index j = 0; j < m; ++j) {
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](Index a, Index b) { return F(unique[a], j) < F(unique[b], j); });
    const double low = F(unique[order.front()], j);
    const double high = F(unique[order.back()], j);
    const double range = high - low;
    if (!(range > 0)) continue;
    for (Index i = 0; i < u; ++i) {
      const double value = F(unique[order[i]], j);
      const double to_previous = i == 0 ? inf : (value - F(unique[order[i - 1]], j)) / range;
      const double to_next = i == u - 1 ? inf : (F(unique[order[i + 1]], j) - value) / range;
      unique_distance[order[i]] += to_previous + to_next;
    }
  }
  Vector distance = Vector::Zero(n);
  for (Index i = 0; i < u; ++i) distance[unique[i]] = unique_distance[i] / static_cast<double>(m);
  return distance;
}

bool same_bits(const Vector& a, const Vector& b) {
  if (a.size() != b.size()) return false;
  for (Index i = 0; i < a.size(); ++i) {
    if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("crowding: bit-identical to the reference on random fronts with ties, duplicates, -0, infinity, m = 1..4") {
  Rng rng(11);
  for (Index m = 1; m <= 4; ++m) {
    for (int trial = 0; trial < 150; ++trial) {
      const Index n = 1 + static_cast<Index>(rng.below(trial < 50 ? 12 : 400));
      Matrix F(n, m);
      const int kind = trial % 4;
      for (Index i = 0; i < n; ++i) {
        for (Index j = 0; j < m; ++j) {
          F(i, j) = kind == 0 ? static_cast<double>(rng.below(4)) : rng.uniform(-1.0, 1.0);
          if (kind == 2 && rng.below(10) == 0) F(i, j) = rng.below(2) == 0 ? -0.0 : 0.0;
          if (kind == 3 && rng.below(40) == 0) F(i, j) = rng.below(2) == 0 ? inf : -inf;
        }
        if (kind != 0 && i > 0 && rng.below(5) == 0) F.row(i) = F.row(static_cast<Index>(rng.below(i)));
      }
      INFO("m = " << m << ", n = " << n << ", kind " << kind);
      REQUIRE(same_bits(crowding_distance(F), reference_crowding_distance(F)));
      // A strided view (the left columns of a wider matrix) gives the same.
      Matrix wide = Matrix::Constant(n, 2 * m, 7.0);
      wide.leftCols(m) = F;
      REQUIRE(same_bits(crowding_distance(wide.leftCols(m)), reference_crowding_distance(F)));
    }
  }
}
