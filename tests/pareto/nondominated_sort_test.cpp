#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <vector>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/pareto/dominance.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

using namespace paretokit;

namespace {

// Reference: peel fronts with O(m n^2) pairwise checks per front.
std::vector<Index> brute_force_ranks(const Matrix& F) {
  const Index n = F.rows();
  std::vector<Index> rank(static_cast<std::size_t>(n), -1);
  Index assigned = 0;
  for (Index r = 0; assigned < n; ++r) {
    std::vector<Index> front;
    for (Index p = 0; p < n; ++p) {
      if (rank[p] >= 0) continue;
      bool dominated = false;
      for (Index q = 0; q < n && !dominated; ++q) {
        dominated = rank[q] < 0 && dominates(F.row(q), F.row(p));
      }
      if (!dominated) front.push_back(p);
    }
    for (Index p : front) rank[p] = r;
    assigned += static_cast<Index>(front.size());
  }
  return rank;
}

Matrix random_integer_points(Rng& rng, Index n, Index m, int levels) {
  Matrix F(n, m);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j)
      F(i, j) = static_cast<double>(rng.below(static_cast<std::uint64_t>(levels)));
  }
  return F;
}

}  // namespace

TEST_CASE("ndsort: hand-made example with duplicates") {
  Matrix F(6, 2);
  F << 1, 5,  //
      2, 2,   //
      1, 5,   // duplicate of row 0
      3, 3,   // dominated by (2,2)
      5, 1,   //
      4, 4;   // dominated by (3,3)
  CHECK(nondominated_ranks(F) == std::vector<Index>{0, 0, 0, 1, 0, 2});
  CHECK(nondominated_indices(F) == std::vector<Index>{0, 1, 2, 4});
  const auto fronts = nondominated_fronts(F);
  REQUIRE(fronts.size() == 3);
  CHECK(fronts[1] == std::vector<Index>{3});
  CHECK(nondominated_fronts(F, 4).size() == 1);
  CHECK(nondominated_fronts(F, 5).size() == 2);
}

TEST_CASE("ndsort: empty set, one point, one objective, zero objectives") {
  CHECK(nondominated_ranks(Matrix(0, 3)).empty());
  CHECK(nondominated_fronts(Matrix(0, 3)).empty());
  CHECK(nondominated_ranks(Matrix::Constant(1, 4, 2.0)) == std::vector<Index>{0});
  Matrix one(5, 1);
  one << 3, 1, 3, 2, -1;
  CHECK(nondominated_ranks(one) == std::vector<Index>{3, 1, 3, 2, 0});
  CHECK(nondominated_ranks(Matrix(3, 0)) == std::vector<Index>{0, 0, 0});
}

TEST_CASE("ndsort: NaN is rejected, infinity is a value") {
  Matrix F(2, 2);
  F << 1, std::numeric_limits<double>::quiet_NaN(), 0, 0;
  CHECK_THROWS_AS(nondominated_ranks(F), InputError);
  F << 1, std::numeric_limits<double>::infinity(), 1, 0;
  CHECK(nondominated_ranks(F) == std::vector<Index>{1, 0});
}

namespace {
const NondominatedSorter kSorters[] = {NondominatedSorter::automatic, NondominatedSorter::divide_and_conquer,
                                       NondominatedSorter::front_tree};
}

TEST_CASE("ndsort: every sorter matches brute force on random sets with many ties, m = 2..8") {
  Rng rng(2024);
  for (Index m = 2; m <= 8; ++m) {
    for (int trial = 0; trial < 12; ++trial) {
      const Index n = 1 + static_cast<Index>(rng.below(trial < 6 ? 60 : 400));
      const int levels = 2 + static_cast<int>(rng.below(trial % 2 == 0 ? 4 : 30));
      const Matrix F = random_integer_points(rng, n, m, levels);
      const auto expected = brute_force_ranks(F);
      for (const auto sorter : kSorters) {
        INFO("m = " << m << ", n = " << n << ", levels = " << levels << ", sorter "
                    << static_cast<int>(sorter));
        REQUIRE(nondominated_ranks(F, sorter) == expected);
      }
    }
  }
}

TEST_CASE("ndsort: every sorter matches brute force on continuous sets large enough to recurse") {
  Rng rng(7);
  for (Index m : {2, 3, 4, 6}) {
    Matrix F(1500, m);
    for (Index i = 0; i < F.rows(); ++i) {
      for (Index j = 0; j < m; ++j) F(i, j) = rng.uniform();
    }
    F.middleRows(700, 100) = F.topRows(100);  // duplicates far apart
    const auto expected = brute_force_ranks(F);
    for (const auto sorter : kSorters) {
      INFO("m = " << m << ", sorter " << static_cast<int>(sorter));
      REQUIRE(nondominated_ranks(F, sorter) == expected);
    }
  }
}

TEST_CASE("ndsort: one front on a simplex, and a set whose projections tie") {
  Rng rng(3);
  for (Index m : {3, 5}) {
    Matrix F(2000, m);
    for (Index i = 0; i < F.rows(); ++i) {
      for (Index j = 0; j < m; ++j) F(i, j) = static_cast<double>(1 + rng.below(50));
      F.row(i) /= F.row(i).sum();
    }
    const auto expected = brute_force_ranks(F);
    for (const auto sorter : kSorters) REQUIRE(nondominated_ranks(F, sorter) == expected);
  }
  // Equal in every objective but the first: a chain.
  Matrix chain(40, 4);
  for (Index i = 0; i < chain.rows(); ++i) chain.row(i) << static_cast<double>(40 - i), 1, 1, 1;
  for (const auto sorter : kSorters) {
    const auto ranks = nondominated_ranks(chain, sorter);
    for (Index i = 0; i < chain.rows(); ++i) REQUIRE(ranks[i] == 39 - i);
  }
}

TEST_CASE("ndsort: a chain and a single front") {
  const Index n = 300;
  Matrix chain(n, 3), front(n, 3);
  for (Index i = 0; i < n; ++i) {
    const double t = static_cast<double>(i);
    chain.row(i) << t, 2 * t, -1 + t;
    front.row(i) << t, static_cast<double>(n) - t, 5;
  }
  const auto chain_ranks = nondominated_ranks(chain);
  for (Index i = 0; i < n; ++i) CHECK(chain_ranks[i] == i);
  const auto front_ranks = nondominated_ranks(front);
  CHECK(std::all_of(front_ranks.begin(), front_ranks.end(), [](Index r) { return r == 0; }));
  CHECK(is_nondominated_set(front));
  CHECK_FALSE(is_nondominated_set(chain));
}

namespace {

// Fronts by brute force: increasing indices within each front, cut after the
// first front that reaches max_points (when > 0), as nondominated_fronts does.
std::vector<std::vector<Index>> brute_force_fronts(const Matrix& F, Index max_points) {
  const auto ranks = brute_force_ranks(F);
  std::vector<std::vector<Index>> fronts;
  for (Index i = 0; i < F.rows(); ++i) {
    if (static_cast<std::size_t>(ranks[i]) >= fronts.size())
      fronts.resize(static_cast<std::size_t>(ranks[i]) + 1);
    fronts[static_cast<std::size_t>(ranks[i])].push_back(i);
  }
  if (max_points > 0) {
    Index total = 0;
    std::size_t keep = 0;
    while (keep < fronts.size() && total < max_points) total += static_cast<Index>(fronts[keep++].size());
    fronts.resize(keep);
  }
  return fronts;
}

}  // namespace

TEST_CASE("ndsort: fronts of small sets (NSGA-II survival sizes) match brute force, m = 2..4") {
  // Sizes 1..400 with ties, duplicates, -0 next to 0 and infinities, and the
  // first fronts up to half the points (what the survival asks for).
  Rng rng(99);
  for (Index m = 2; m <= 4; ++m) {
    for (int trial = 0; trial < 120; ++trial) {
      const Index n = 1 + static_cast<Index>(rng.below(trial < 60 ? 40 : 400));
      Matrix F(n, m);
      const int kind = trial % 3;
      for (Index i = 0; i < n; ++i) {
        for (Index j = 0; j < m; ++j) {
          F(i, j) = kind == 0 ? static_cast<double>(rng.below(5)) : rng.uniform();
          if (kind == 2 && rng.below(20) == 0) F(i, j) = rng.below(2) == 0 ? -0.0 : 0.0;
          if (kind == 2 && rng.below(50) == 0) F(i, j) = std::numeric_limits<double>::infinity();
        }
        if (kind == 1 && i > 0 && rng.below(4) == 0) F.row(i) = F.row(static_cast<Index>(rng.below(i)));
      }
      for (const Index max_points : {Index{0}, (n + 1) / 2, n}) {
        INFO("m = " << m << ", n = " << n << ", kind " << kind << ", max_points " << max_points);
        REQUIRE(nondominated_fronts(F, max_points) == brute_force_fronts(F, max_points));
      }
    }
  }
}

TEST_CASE("ndsort: m = 3 with staircases past the flat-array size agrees with the other sorters") {
  // A staircase moves from a flat array to a tree past 512 steps; a curve
  // whose (f1, f2) projections are mutually non-dominated reaches that size.
  Rng rng(5);
  for (const int shape : {0, 1, 2, 3}) {
    Matrix F(6000, 3);
    for (Index i = 0; i < F.rows(); ++i) {
      const double t = static_cast<double>(i);
      for (Index j = 0; j < 3; ++j)
        F(i, j) = shape == 0 ? rng.uniform() : static_cast<double>(1 + rng.below(shape == 1 ? 40 : 1000));
      if (shape == 2) F.row(i) /= F.row(i).sum();  // one front, many ties
      if (shape == 3)
        F.row(i) << t, 6000 - t + static_cast<double>(rng.below(3)), t + static_cast<double>(rng.below(3));
    }
    const auto expected = nondominated_ranks(F, NondominatedSorter::divide_and_conquer);
    INFO("shape " << shape);
    REQUIRE(nondominated_ranks(F) == expected);
    REQUIRE(nondominated_ranks(F, NondominatedSorter::front_tree) == expected);
  }
}

TEST_CASE("ndsort: m = 3 by blocks (large sets, parallel searches) agrees with the other sorters") {
  // From 2^15 distinct points the 3-D sweep runs by blocks of 4096 with a
  // parallel search over the earlier blocks' fronts; ranks must not change.
  Rng rng(11);
  for (const int shape : {0, 1, 2, 3}) {
    Matrix F(50000, 3);
    for (Index i = 0; i < F.rows(); ++i) {
      const double t = static_cast<double>(i);
      for (Index j = 0; j < 3; ++j)
        F(i, j) = shape == 0 ? rng.uniform() : static_cast<double>(1 + rng.below(shape == 1 ? 60 : 200000));
      if (shape == 2)
        F(i, 2) = 400000 - F(i, 0) - F(i, 1) + static_cast<double>(rng.below(50));  // few fronts
      if (shape == 3)
        F.row(i) << t, 50000 - t + static_cast<double>(rng.below(5)), static_cast<double>(rng.below(100));
    }
    const auto expected = nondominated_ranks(F, NondominatedSorter::divide_and_conquer);
    INFO("shape " << shape);
    REQUIRE(*std::max_element(expected.begin(), expected.end()) > 0);
    REQUIRE(nondominated_ranks(F) == expected);
  }
}
