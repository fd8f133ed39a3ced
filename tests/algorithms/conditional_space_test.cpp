// Algorithms on a space with conditions and forbiddens: whatever the
// variation does, no algorithm asks for a forbidden configuration, inactive
// variables hold their canonical value, and runs repeat with the seed.
#include <catch2/catch.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/search_space.hpp"
#include "support/conditional_problem.hpp"

using namespace paretokit;
using json = nlohmann::json;

namespace {

using test::ConditionalProblem;

// Runs `generations` ask/tell rounds; checks every asked row; returns the
// final population.
Matrix checked_run(const std::string& algorithm_name, std::uint64_t seed, int generations,
                   json params = {{"pop_size", 16}}) {
  ConditionalProblem problem;
  const SearchSpace space = *problem.search_space();
  auto algorithm = make_algorithm(algorithm_name, params);
  algorithm->setup(problem, seed);
  const double canonical_degree = space.defaults()[2];
  for (int g = 0; g < generations; ++g) {
    const Matrix X = algorithm->ask();
    const BoolVector forbidden = space.forbidden_rows(X);
    INFO(algorithm_name << " generation " << g);
    REQUIRE(forbidden.count() == 0);
    for (Index i = 0; i < X.rows(); ++i) {
      REQUIRE_NOTHROW(space.validate_row(X.row(i)));
      if (X(i, 0) != 2) REQUIRE(X(i, 2) == canonical_degree);
    }
    REQUIRE(space.decode(space.encode(X)) == X);
    algorithm->tell(X, problem.evaluate(X));
  }
  return algorithm->population_x();
}

}  // namespace

TEST_CASE("conditional spaces: no algorithm asks for a forbidden configuration") {
  for (const char* name : {"nsga2", "nsga3", "moead", "smsemoa", "random", "hype"}) {
    const Matrix population = checked_run(name, 3, 25);
    // Next to the forbidden corner lies the best allowed penalty (poly,
    // degree 4, 16 bits: 0.1): NSGA-II finds it.
    if (std::string(name) == "nsga2") {
      bool near_corner = false;
      for (Index i = 0; i < population.rows(); ++i)
        near_corner |= population(i, 0) == 2 && population(i, 2) == 4 && population(i, 3) == 16;
      CHECK(near_corner);
    }
    CHECK(checked_run(name, 3, 5) == checked_run(name, 3, 5));
  }
}

TEST_CASE("conditional spaces: Latin hypercube and Sobol' initial samples are repaired too") {
  for (const char* sampling : {"lhs", "sobol"}) {
    CHECK(checked_run("nsga2", 5, 3, {{"pop_size", 24}, {"sampling", sampling}}).rows() == 24);
    CHECK(checked_run("random", 5, 3, {{"pop_size", 24}, {"sampling", sampling}}).rows() > 0);
  }
}
