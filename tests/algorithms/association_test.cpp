#include <catch2/catch.hpp>

#include "paretokit/algorithms/association.hpp"
#include "paretokit/algorithms/directions.hpp"
#include "paretokit/algorithms/neighbors.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/pareto/reference_directions.hpp"

using namespace paretokit;

TEST_CASE("association: k-d tree and brute force agree, distances are perpendicular") {
  Rng rng(1);
  for (Index m : {2, 3, 5}) {
    const Matrix W = das_dennis(m, m == 2 ? 40 : (m == 3 ? 20 : 6));
    Matrix N(3000, m);
    for (Index i = 0; i < N.size(); ++i) N.data()[i] = rng.uniform() * 2.0;
    N.row(0).setZero();
    const Association brute = associate_brute_force(N, W);
    const Association tree = associate_kd_tree(N, W);
    INFO("m = " << m);
    CHECK((brute.distance - tree.distance).cwiseAbs().maxCoeff() < 1e-12);
    Index same = 0;
    for (std::size_t i = 0; i < brute.niche.size(); ++i) same += brute.niche[i] == tree.niche[i];
    CHECK(same == N.rows());
    // Perpendicular distance by its definition, for a few points.
    for (Index i = 1; i < 20; ++i) {
      const RowVector u = W.row(brute.niche[static_cast<std::size_t>(i)]).normalized();
      const double d = (N.row(i) - N.row(i).dot(u) * u).norm();
      CHECK(brute.distance[i] == Approx(d).margin(1e-12));
      for (Index j = 0; j < W.rows(); ++j) {
        const RowVector v = W.row(j).normalized();
        CHECK((N.row(i) - N.row(i).dot(v) * v).norm() >= d - 1e-12);
      }
    }
  }
}

TEST_CASE("association: large sets (spatially ordered queries) give what the brute force gives") {
  // From 200000 rows the k-d tree answers its queries in a Morton order of
  // the unit vectors; the answer of each row must not change.
  Rng rng(3);
  const Matrix W = das_dennis(3, 12);
  Matrix N(200500, 3);
  for (Index i = 0; i < N.size(); ++i) N.data()[i] = rng.uniform();
  N.row(7).setZero();
  const Association brute = associate_brute_force(N, W);
  const Association tree = associate_kd_tree(N, W);
  CHECK(tree.niche == brute.niche);
  CHECK((brute.distance - tree.distance).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("neighbors: nearest directions, the direction itself first, tree = brute force") {
  const Matrix W = das_dennis(3, 4);
  const auto hoods = nearest_neighbors(W, 4);
  for (Index i = 0; i < W.rows(); ++i) {
    const auto& hood = hoods[static_cast<std::size_t>(i)];
    CHECK(hood.front() == i);
    for (std::size_t k = 1; k < hood.size(); ++k)
      CHECK((W.row(hood[k - 1]) - W.row(i)).norm() <= (W.row(hood[k]) - W.row(i)).norm() + 1e-15);
  }
  // 6328 directions: above the threshold where the k-d tree takes over;
  // compare the neighbourhood distances with a direct computation.
  const Matrix big = das_dennis(3, 111);
  const auto tree_hoods = nearest_neighbors(big, 10);
  for (Index i = 0; i < big.rows(); i += 97) {
    std::vector<double> d(static_cast<std::size_t>(big.rows()));
    for (Index j = 0; j < big.rows(); ++j)
      d[static_cast<std::size_t>(j)] = (big.row(j) - big.row(i)).squaredNorm();
    std::sort(d.begin(), d.end());
    const auto& hood = tree_hoods[static_cast<std::size_t>(i)];
    CHECK(hood.front() == i);
    CHECK((big.row(hood.back()) - big.row(i)).squaredNorm() == Approx(d[9]).margin(1e-14));
  }
}

TEST_CASE("directions: n_partitions choices") {
  CHECK(choose_directions(3, {12}, 0).rows() == 91);
  CHECK(choose_directions(3, {}, 100).rows() == 91);
  CHECK(choose_directions(3, {}, 0).rows() == 91);
  CHECK(choose_directions(5, {}, 0).rows() == 210);
  CHECK(choose_directions(8, {3, 2}, 0).rows() == 156);
  CHECK(population_for_directions(91) == 92);
  CHECK(population_for_directions(210) == 212);
  CHECK_THROWS(choose_directions(3, {}, 2));
  CHECK_THROWS(choose_directions(3, {1, 2, 3}, 0));
}
