#include <catch2/catch.hpp>

#include <cmath>

#include "discrepancy/brute_force.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"

using namespace paretokit;
using namespace paretokit::discrepancy;

namespace {

Matrix random_points(Index n, Index d, std::uint64_t seed, int levels = 0) {
  Rng rng(seed);
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < d; ++j)
      points(i, j) =
          levels > 0 ? double(rng.below(static_cast<std::uint64_t>(levels) + 1)) / levels : rng.uniform();
  return points;
}

// The reported box must attain the reported value.
void check_box(const Matrix& points, const StarDiscrepancyResult& result) {
  REQUIRE(result.worst_box.upper.size() == points.cols());
  const double local = result.worst_box.closed ? closed_box_discrepancy(points, result.worst_box.upper)
                                               : open_box_discrepancy(points, result.worst_box.upper);
  CHECK(local == Approx(result.value).margin(1e-12));
}

}  // namespace

TEST_CASE("exact star discrepancy matches brute force on random sets, d = 1..5") {
  const Index sizes[] = {0, 40, 25, 14, 9, 7};
  for (Index d = 1; d <= 5; ++d) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      for (Index n : {Index(1), Index(2), sizes[d]}) {
        const Matrix points = random_points(n, d, seed * 100 + static_cast<std::uint64_t>(d));
        const auto result = star_discrepancy_exact(points);
        INFO("d = " << d << ", n = " << n << ", seed = " << seed);
        CHECK(result.value == Approx(test::brute_force_star_discrepancy(points)).margin(1e-12));
        CHECK(result.exact);
        check_box(points, result);
      }
    }
  }
}

TEST_CASE("exact star discrepancy with duplicated coordinates, zeros and ones") {
  for (Index d = 1; d <= 4; ++d) {
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      const Index n = d <= 2 ? 30 : 10;
      const Matrix points = random_points(n, d, seed + 7 * static_cast<std::uint64_t>(d), 4);
      const auto result = star_discrepancy_exact(points);
      INFO("d = " << d << ", seed = " << seed);
      CHECK(result.value == Approx(test::brute_force_star_discrepancy(points)).margin(1e-12));
      check_box(points, result);
    }
  }
  Matrix same = Matrix::Constant(5, 3, 0.5);
  CHECK(star_discrepancy_exact(same).value == Approx(1.0 - 0.125));  // [0, 1/2]^3 holds all points
}

TEST_CASE("closed forms: centred 1-D grid and a single point") {
  for (Index n : {1, 2, 5, 64, 1000}) {
    Matrix points(n, 1);
    for (Index i = 0; i < n; ++i) points(i, 0) = (2.0 * double(i + 1) - 1.0) / (2.0 * double(n));
    CHECK(star_discrepancy_exact(points).value == Approx(1.0 / (2.0 * double(n))).epsilon(1e-12));
  }
  // One point p in [0,1]^2: D* = max(1 - (1-p1)... ) computed by hand:
  // open boxes reach vol 1 without the point only when some q_j <= p_j,
  // so sup vol - 0 = max_j (1 * ... ) = max(p1, p2); closed [0,p] gives 1 - p1 p2.
  Matrix one(1, 2);
  one << 0.3, 0.6;
  CHECK(star_discrepancy_exact(one).value == Approx(std::max({0.3, 0.6, 1.0 - 0.18})));
  Matrix corner(1, 3);
  corner << 1.0, 1.0, 1.0;
  CHECK(star_discrepancy_exact(corner).value == Approx(1.0));
}

TEST_CASE("exact star discrepancy does not depend on the thread count") {
  const Matrix points = random_points(300, 3, 42);
  const auto one = star_discrepancy_exact(points, {.threads = 1});
  const auto two = star_discrepancy_exact(points, {.threads = 2});
  const auto any = star_discrepancy_exact(points);
  CHECK(one.value == two.value);
  CHECK(one.value == any.value);
  CHECK(one.worst_box.upper == two.worst_box.upper);
  CHECK(one.worst_box.closed == two.worst_box.closed);
  const Matrix grid = random_points(200, 3, 43, 5);  // many ties
  const auto g1 = star_discrepancy_exact(grid, {.threads = 1});
  const auto g2 = star_discrepancy_exact(grid, {.threads = 2});
  CHECK(g1.worst_box.upper == g2.worst_box.upper);
  CHECK(g1.worst_box.closed == g2.worst_box.closed);
}

TEST_CASE("slab width changes only the speed") {
  const Matrix points = random_points(200, 3, 5);
  const double reference = star_discrepancy_exact(points).value;
  for (Index s : {1, 3, 50, 500})
    CHECK(star_discrepancy_exact(points, {.slab_points = s}).value == reference);
}

TEST_CASE("bounds bracket the exact value") {
  for (Index d : {2, 3, 4}) {
    const Matrix points = random_points(60, d, 11 + static_cast<std::uint64_t>(d));
    const double exact = star_discrepancy_exact(points).value;
    const auto bounds = star_discrepancy_bounds(points, {.seed = 3, .runs = 4, .iterations_per_run = 2000});
    INFO("d = " << d);
    CHECK(bounds.lower <= exact + 1e-12);
    CHECK(bounds.upper >= exact - 1e-12);
    CHECK(bounds.lower >= 0.8 * exact);  // threshold accepting finds the worst box or close
    check_box(points, bounds);
  }
}

TEST_CASE("bounds are reproducible for a seed whatever the thread count") {
  const Matrix points = random_points(100, 6, 9);
  const auto a =
      star_discrepancy_bounds(points, {.seed = 4, .runs = 3, .iterations_per_run = 500, .threads = 1});
  const auto b =
      star_discrepancy_bounds(points, {.seed = 4, .runs = 3, .iterations_per_run = 500, .threads = 2});
  CHECK(a.lower == b.lower);
  CHECK(a.upper == b.upper);
  CHECK(a.lower <= a.upper);
}

TEST_CASE("bad input is an InputError") {
  Matrix outside(2, 2);
  outside << 0.5, 0.5, 1.5, 0.2;
  CHECK_THROWS_AS(star_discrepancy_exact(outside), InputError);
  CHECK_THROWS_AS(star_discrepancy_bounds(outside), InputError);
  Matrix nan(1, 2);
  nan << 0.5, std::nan("");
  CHECK_THROWS_AS(star_discrepancy_exact(nan), InputError);
  CHECK_THROWS_AS(star_discrepancy_exact(Matrix(0, 2)), InputError);
  try {
    check_unit_cube(outside, "f.txt", {3, 7});
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("f.txt:7") != std::string::npos);
  }
  const Matrix normalized = normalize_columns(outside);
  CHECK(normalized.minCoeff() == 0.0);
  CHECK(normalized.maxCoeff() == 1.0);
}
