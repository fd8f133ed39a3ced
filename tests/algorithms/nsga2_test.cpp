#include <catch2/catch.hpp>

#include "paretokit/algorithms/nsga2.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using namespace paretokit;
using paretokit::testing::drive;
using paretokit::testing::final_front;
using paretokit::testing::igd_to;

TEST_CASE("nsga2: converges on ZDT1 (IGD against the true front)") {
  auto problem = make_problem("zdt1", {{"n_var", 30}});
  NSGA2 algorithm;
  algorithm.setup(*problem, 1);
  drive(algorithm, *problem, 200);
  const Matrix front = final_front(algorithm);
  const Matrix reference = *problem->pareto_front(1000);
  const double igd = igd_to(front, reference);
  INFO("IGD " << igd << " front size " << front.rows());
  // pymoo's NSGA-II reaches about 5e-3 after 200 generations of 100.
  CHECK(igd < 1e-2);
  CHECK(algorithm.population_x().rows() == 100);
  CHECK(algorithm.evaluations() == 200 * 100);
}

TEST_CASE("nsga2: bounds are respected and the run is reproducible") {
  auto problem = make_problem("zdt2", {{"n_var", 10}});
  auto a = make_algorithm("nsga2", {{"pop_size", 40}});
  auto b = make_algorithm("nsga2", {{"pop_size", 40}});
  a->setup(*problem, 7);
  b->setup(*problem, 7);
  drive(*a, *problem, 20);
  drive(*b, *problem, 20);
  CHECK(a->population_x() == b->population_x());
  const Vector lo = problem->lower_bounds(), hi = problem->upper_bounds();
  for (Index i = 0; i < a->population_x().rows(); ++i) {
    CHECK((a->population_x().row(i).transpose().array() >= lo.array()).all());
    CHECK((a->population_x().row(i).transpose().array() <= hi.array()).all());
  }
}

TEST_CASE("nsga2: bad parameters are input errors naming the parameter") {
  CHECK_THROWS_AS(make_algorithm("nsga2", {{"pop_size", 1}}), InputError);
  CHECK_THROWS_WITH(make_algorithm("nsga2", {{"popsize", 10}}), Catch::Contains("pop_size"));
  CHECK_THROWS_WITH(make_algorithm("nsga2", {{"eta_c", -1}}), Catch::Contains("eta_c"));
  CHECK_THROWS_WITH(make_algorithm("nsga2", {{"prob_c", 2}}), Catch::Contains("prob_c"));
  CHECK_THROWS_WITH(make_algorithm("nope"), Catch::Contains("nsga2"));
}
