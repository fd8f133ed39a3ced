#include <catch2/catch.hpp>

#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using namespace paretokit;

TEST_CASE("constrained domination: feasible first, then by violation, then Pareto") {
  Matrix G(4, 2);
  G << -1, -2, 0.5, -1, 0.5, 1.0, 0, 0;
  const Vector cv = constraint_violation(G);
  CHECK(cv[0] == 0.0);
  CHECK(cv[1] == 0.5);
  CHECK(cv[2] == 1.5);
  CHECK(cv[3] == 0.0);
  RowVector good(2), bad(2);
  good << 0, 0;
  bad << 5, 5;
  CHECK(constrained_dominates(bad, 0.0, good, 0.1));  // feasible beats infeasible whatever F
  CHECK(!constrained_dominates(good, 0.1, bad, 0.0));
  CHECK(constrained_dominates(bad, 0.1, good, 0.2));    // smaller violation wins
  CHECK(constrained_dominates(good, 0.0, bad, 0.0));    // both feasible: Pareto
  CHECK(!constrained_dominates(good, 0.0, good, 0.0));  // equal: neither
  CHECK(constraint_violation(Matrix(3, 0)).isZero());
}

TEST_CASE("constrained fronts: feasible fronts, then equal-violation groups") {
  Matrix F(6, 2);
  F << 1, 1, 0, 0, 2, 0, 0, 3, 5, 5, 0.5, 0.5;
  Vector cv(6);
  cv << 0, 0.3, 0, 0, 0.1, 0.3;
  const auto fronts = constrained_fronts(F, cv);
  REQUIRE(fronts.size() == 3);
  CHECK(fronts[0] == std::vector<Index>{0, 2, 3});
  CHECK(fronts[1] == std::vector<Index>{4});
  CHECK(fronts[2] == std::vector<Index>{1, 5});
  CHECK(constrained_fronts(F, cv, 3).size() == 1);
  CHECK(constrained_fronts(F, cv, 4).size() == 2);
  CHECK(constrained_ranks(F, cv) == std::vector<Index>{0, 2, 0, 0, 1, 2});
}

TEST_CASE("constrained problems: every algorithm ends with a feasible population on C2-DTLZ2") {
  auto problem = make_problem("c2dtlz2", {{"n_obj", 3}});
  for (const auto& [name, params] : std::vector<std::pair<std::string, nlohmann::json>>{
           {"nsga2", {{"pop_size", 40}}},
           {"nsga3", {{"n_partitions", 6}}},
           {"moead", {{"n_partitions", 6}}},
           {"moead", {{"n_partitions", 6}, {"mode", "tensor"}}},
           {"hype", {{"pop_size", 20}, {"one_shot", true}}},
           {"smsemoa", {{"pop_size", 20}, {"n_offsprings", 10}}}}) {
    INFO(name << " " << params.dump());
    auto algorithm = make_algorithm(name, params);
    algorithm->setup(*problem, 3);
    paretokit::testing::drive(*algorithm, *problem, 60);
    const Vector cv = constraint_violation(algorithm->population_g());
    CHECK((cv.array() <= 0.0).count() >= cv.size() * 9 / 10);
  }
}
