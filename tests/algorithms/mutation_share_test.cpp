// The share of children that polynomial mutation touches at all (pymoo's
// PM prob, our prob_mutation): its default, its parameter, and its effect.
#include <catch2/catch.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/operators/polynomial_mutation.hpp"

using namespace paretokit;

TEST_CASE("mutation share: pymoo's default 0.9, settable as prob_mutation, range checked") {
  CHECK(make_algorithm("nsga3", {})->options().at("prob_mutation") == 0.9);
  CHECK(make_algorithm("nsga2", {{"prob_mutation", 1.0}})->options().at("prob_mutation") == 1.0);
  CHECK_THROWS_AS(make_algorithm("moead", {{"prob_mutation", 1.5}}), InputError);
  CHECK_THROWS_WITH(make_algorithm("hype", {{"prob_mutation", -0.1}}), Catch::Contains("prob_mutation"));
}

TEST_CASE("mutation share: with every variable eligible, about 90% of the rows change") {
  const Index n = 20000, d = 4;
  Matrix X = Matrix::Constant(n, d, 0.5);
  PolynomialMutationOptions options;  // prob 0.9
  options.prob_var = 1.0;
  Rng rng(11);
  polynomial_mutation(X, Vector::Zero(d), Vector::Ones(d), options, rng);
  Index changed = 0;
  for (Index i = 0; i < n; ++i) changed += (X.row(i).array() != 0.5).any() ? 1 : 0;
  const double share = static_cast<double>(changed) / static_cast<double>(n);
  // Binomial(20000, 0.9): standard deviation 0.0021.
  CHECK(share == Approx(0.9).margin(0.01));
}
