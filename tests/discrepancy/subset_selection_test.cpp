#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <set>

#include "discrepancy/brute_force.hpp"
#include "discrepancy/subset_evaluator.hpp"
#include "discrepancy/subset_evaluator_2d.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"
#include "paretokit/discrepancy/subset_selection.hpp"

using namespace paretokit;
using namespace paretokit::discrepancy;

namespace {

Matrix random_points(Index n, Index d, std::uint64_t seed) {
  Rng rng(seed);
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < d; ++j) points(i, j) = rng.uniform();
  return points;
}

Matrix rows(const Matrix& points, const std::vector<Index>& indices) {
  Matrix result(static_cast<Index>(indices.size()), points.cols());
  for (std::size_t i = 0; i < indices.size(); ++i) result.row(static_cast<Index>(i)) = points.row(indices[i]);
  return result;
}

// Optimum by enumerating every k-subset.
double exhaustive_optimum(const Matrix& points, Index k) {
  const Index n = points.rows();
  std::vector<bool> mask(static_cast<std::size_t>(n), false);
  std::fill(mask.begin(), mask.begin() + k, true);
  double best = 2.0;
  do {
    std::vector<Index> chosen;
    for (Index i = 0; i < n; ++i)
      if (mask[static_cast<std::size_t>(i)]) chosen.push_back(i);
    best = std::min(best, test::brute_force_star_discrepancy(rows(points, chosen)));
  } while (std::prev_permutation(mask.begin(), mask.end()));
  return best;
}

void check_valid(const Matrix& points, Index k, const SubsetResult& result) {
  REQUIRE(static_cast<Index>(result.indices.size()) == k);
  CHECK(std::is_sorted(result.indices.begin(), result.indices.end()));
  CHECK(std::set<Index>(result.indices.begin(), result.indices.end()).size() == result.indices.size());
  CHECK(result.indices.front() >= 0);
  CHECK(result.indices.back() < points.rows());
  CHECK(result.discrepancy ==
        Approx(test::brute_force_star_discrepancy(rows(points, result.indices))).margin(1e-12));
}

}  // namespace

TEST_CASE("subset_discrepancy matches brute force, d = 1..4, with ties") {
  for (Index d = 1; d <= 4; ++d) {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      Matrix points = random_points(12, d, seed * 31 + static_cast<std::uint64_t>(d));
      if (seed % 3 == 0) points = (points * 4.0).array().round() / 4.0;  // duplicated coordinates, 0 and 1
      std::vector<Index> all(12);
      std::iota(all.begin(), all.end(), 0);
      INFO("d = " << d << ", seed = " << seed);
      CHECK(subset_discrepancy(points, all) ==
            Approx(test::brute_force_star_discrepancy(points)).margin(1e-12));
      const std::vector<Index> some = {0, 3, 4, 9};
      CHECK(subset_discrepancy(points, some) ==
            Approx(test::brute_force_star_discrepancy(rows(points, some))).margin(1e-12));
    }
  }
}

TEST_CASE("exact 2-D subset selection matches exhaustive enumeration") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Index n = 12, k = 3 + static_cast<Index>(seed % 3);
    const Matrix points = random_points(n, 2, seed + 500);
    const auto exact = select_subset_exact(points, k);
    INFO("seed = " << seed << ", k = " << k);
    CHECK(exact.optimal);
    check_valid(points, k, exact);
    CHECK(exact.discrepancy == Approx(exhaustive_optimum(points, k)).margin(1e-12));
    // Without the heuristic's incumbent the search finds the same optimum.
    const auto cold = select_subset_exact(points, k, {.initial_upper_bound = 2.0});
    CHECK(cold.optimal);
    CHECK(cold.discrepancy == Approx(exact.discrepancy).margin(1e-12));
  }
}

TEST_CASE("heuristic finds the optimum of small 2-D instances in most restarts") {
  int hits = 0, runs = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Index n = 24, k = 6;
    const Matrix points = random_points(n, 2, seed + 900);
    const auto exact = select_subset_exact(points, k, {.initial_upper_bound = 2.0});
    REQUIRE(exact.optimal);
    for (std::uint64_t restart = 0; restart < 8; ++restart) {
      const auto single = select_subset(points, k, {.seed = restart, .restarts = 1});
      check_valid(points, k, single);
      CHECK(single.discrepancy >= exact.discrepancy - 1e-12);
      ++runs;
      hits += single.discrepancy <= exact.discrepancy + 1e-12 ? 1 : 0;
    }
    const auto many = select_subset(points, k, {.seed = 7, .restarts = 16});
    CHECK(many.discrepancy <= 1.05 * exact.discrepancy);
  }
  INFO(hits << " of " << runs << " single restarts reached the optimum");
  CHECK(2 * hits > runs);
}

TEST_CASE("local search never returns a subset worse than its start") {
  for (Index d = 2; d <= 4; ++d) {
    const Matrix points = random_points(80, d, 77 + static_cast<std::uint64_t>(d));
    for (std::uint64_t seed = 0; seed < 4; ++seed) {
      const auto result = select_subset(points, 10, {.seed = seed, .restarts = 1});
      check_valid(points, 10, result);
      CHECK(result.discrepancy <= result.start_discrepancy);
    }
  }
}

TEST_CASE("subset selection is reproducible whatever the thread count") {
  const Matrix points = random_points(150, 3, 5);
  const auto one = select_subset(points, 12, {.seed = 3, .restarts = 6, .threads = 1});
  const auto two = select_subset(points, 12, {.seed = 3, .restarts = 6, .threads = 2});
  CHECK(one.indices == two.indices);
  CHECK(one.discrepancy == two.discrepancy);
  CHECK(one.best_restart == two.best_restart);
  CHECK(one.restarts_run == 6);
}

TEST_CASE("edge cases: k = n, k = 1, duplicates, time limit") {
  const Matrix points = random_points(20, 2, 8);
  const auto all = select_subset(points, 20);
  check_valid(points, 20, all);
  const auto one = select_subset(points, 1);
  check_valid(points, 1, one);
  Matrix same = Matrix::Constant(10, 2, 0.5);
  check_valid(same, 3, select_subset(same, 3));
  const Matrix big = random_points(400, 3, 9);
  const auto limited = select_subset(big, 25, {.restarts = 1000, .time_limit_seconds = 0.2});
  check_valid(big, 25, limited);
  CHECK(limited.restarts_run >= 1);
  CHECK(limited.restarts_run < 1000);
}

TEST_CASE("subset selection rejects bad input, normalize maps onto the cube") {
  const Matrix points = random_points(10, 2, 1);
  CHECK_THROWS_AS(select_subset(points, 0), InputError);
  CHECK_THROWS_AS(select_subset(points, 11), InputError);
  CHECK_THROWS_AS(select_subset_exact(random_points(10, 3, 1), 3), InputError);
  Matrix wide = points * 10.0;
  CHECK_THROWS_AS(select_subset(wide, 3), InputError);
  const auto normalized = select_subset(wide, 3, {.normalize = true});
  const auto direct = select_subset(normalize_columns(wide), 3);
  CHECK(normalized.indices == direct.indices);
  CHECK(normalized.discrepancy == direct.discrepancy);
}

TEST_CASE("the 2-D sweep evaluator equals the general one and brute force, with ties and early exit") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Matrix points = random_points(30, 2, seed + 1300);
    if (seed % 4 == 0) points = (points * 5.0).array().round() / 5.0;  // ties, zeros and ones
    const detail::PointColumns columns(points);
    detail::SubsetEvaluator general(columns);
    detail::SubsetEvaluator2D sweep(columns);
    Rng rng(seed);
    std::vector<Index> ids;
    for (Index i = 0; i < 30; ++i)
      if (rng.uniform() < 0.4) ids.push_back(i);
    if (ids.empty()) ids.push_back(0);
    detail::LocalBox box_general, box_sweep;
    const double expected = general.evaluate(ids, box_general);
    const double value = sweep.evaluate(ids, box_sweep);
    INFO("seed = " << seed);
    CHECK(value == Approx(test::brute_force_star_discrepancy(rows(points, ids))).margin(1e-12));
    CHECK(value == Approx(expected).margin(1e-15));
    // The box it names has that local discrepancy.
    Index inside = 0;
    for (Index id : ids) inside += columns.in_box(id, box_sweep) ? 1 : 0;
    const double fraction = double(inside) / double(ids.size());
    CHECK((box_sweep.closed ? fraction - box_sweep.volume : box_sweep.volume - fraction) ==
          Approx(value).margin(1e-15));
    // Early exit: a value at least the threshold, never above D*.
    const double stopped = sweep.evaluate(ids, box_sweep, 0.5 * value);
    CHECK(stopped >= 0.5 * value);
    CHECK(stopped <= value + 1e-15);
  }
}

TEST_CASE("2-D refinement: never worse, reaches the proven optimum where local search stops short") {
  int improved = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const Matrix points = random_points(60, 2, seed + 1700);
    const Index k = 9;
    const auto plain = select_subset(points, k, {.seed = seed, .restarts = 2, .refine_2d = false});
    const auto refined = select_subset(points, k, {.seed = seed, .restarts = 2});
    check_valid(points, k, refined);
    CHECK(refined.discrepancy <= plain.discrepancy);
    const auto exact = select_subset_exact(points, k, {.initial_upper_bound = plain.discrepancy + 1e-12});
    REQUIRE(exact.optimal);
    INFO("seed = " << seed << ": local search " << plain.discrepancy << ", refined " << refined.discrepancy
                   << ", optimum " << exact.discrepancy);
    CHECK(refined.discrepancy == Approx(exact.discrepancy).margin(1e-12));
    improved += refined.discrepancy < plain.discrepancy ? 1 : 0;
    // Deterministic for a seed.
    CHECK(select_subset(points, k, {.seed = seed, .restarts = 2, .threads = 1}).indices == refined.indices);
  }
  CHECK(improved >= 1);
}
