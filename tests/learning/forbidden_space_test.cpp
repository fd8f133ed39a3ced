// The surrogate algorithms (PSL-MOBO, SVH-PSL, ParEGO) on a space with a
// condition and forbidden clauses: through SpaceEncoding they ask, as the
// population algorithms do, only allowed, canonical configurations, though
// the objectives pull towards a forbidden corner.
#include <catch2/catch.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/search_space.hpp"
#include "paretokit/learning/registry.hpp"
#include "support/conditional_problem.hpp"

using namespace paretokit;
using json = nlohmann::json;

namespace {

using test::ConditionalProblem;

json small_params(const std::string& name) {
  if (name == "parego") return {{"n_init", 12}, {"batch_size", 4}, {"gp_starts", 1}, {"n_candidates", 200}};
  return {{"n_init", 12}, {"batch_size", 4}, {"gp_starts", 1},
          {"hidden", 8},  {"n_steps", 20},   {"n_candidates", 100}};
}

}  // namespace

TEST_CASE("surrogate algorithms on a space with forbiddens never ask a forbidden configuration") {
  register_learning_algorithms();
  ConditionalProblem problem;
  const SearchSpace space = *problem.search_space();
  const double canonical_degree = space.defaults()[2];
  for (const char* name : {"psl-mobo", "svh-psl", "parego"}) {
    for (std::uint64_t seed : {1, 2}) {
      auto algorithm = make_algorithm(name, small_params(name));
      algorithm->setup(problem, seed);
      for (int tell = 0; tell < 4; ++tell) {
        const Matrix X = algorithm->ask();
        INFO(name << " seed " << seed << " ask " << tell);
        REQUIRE(space.forbidden_rows(X).count() == 0);
        for (Index i = 0; i < X.rows(); ++i) {
          REQUIRE_NOTHROW(space.validate_row(X.row(i)));
          if (X(i, 0) != 2) REQUIRE(X(i, 2) == canonical_degree);
        }
        algorithm->tell(X, problem.evaluate(X));
      }
    }
  }
}
