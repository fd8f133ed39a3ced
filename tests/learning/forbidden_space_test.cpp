// The surrogate algorithms (PSL-MOBO, SVH-PSL, ParEGO) on a space with a
// condition and forbidden clauses: through SpaceEncoding they ask, as the
// population algorithms do, only allowed, canonical configurations, though
// the objectives pull towards a forbidden corner.
#include <catch2/catch.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/search_space.hpp"
#include "paretokit/learning/registry.hpp"

using namespace paretokit;
using json = nlohmann::json;

namespace {

// kernel {linear, rbf, poly}, x in [0, 1], degree in [2, 5] (poly only),
// bits in {2, 4, 8, 16}; forbidden: linear with 2 or 16 bits, and poly of
// degree 5 with 16 bits, where the objectives are best.
class ForbiddenCornerProblem : public Problem {
 public:
  std::string name() const override { return "forbidden_corner"; }
  Index n_var() const override { return 4; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return space_.lower_bounds(); }
  Vector upper_bounds() const override { return space_.upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return space_; }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut) const override {
    for (Index i = 0; i < X.rows(); ++i) {
      const bool poly = X(i, 0) == 2;
      const double penalty = (16 - X(i, 3)) / 16 + (poly ? (5 - X(i, 2)) / 10 : 0.5);
      F(i, 0) = X(i, 1) + penalty;
      F(i, 1) = 1 - X(i, 1) + penalty;
    }
  }

 private:
  static SearchSpace make_space() {
    SearchSpace space;
    space.add_categorical("kernel", {"linear", "rbf", "poly"}, json("rbf"))
        .add_real("x", 0, 1)
        .add_integer("degree", 2, 5, false, 3)
        .add_ordinal("bits", {2, 4, 8, 16}, 8);
    space.add_condition(2, Clause::equals(0, 2));
    space.add_forbidden(Clause::all_of({Clause::equals(0, 0), Clause::in(3, {2, 16})}));
    space.add_forbidden(Clause::all_of({Clause::equals(0, 2), Clause::equals(2, 5), Clause::equals(3, 16)}));
    return space;
  }
  SearchSpace space_ = make_space();
};

json small_params(const std::string& name) {
  if (name == "parego") return {{"n_init", 12}, {"batch_size", 4}, {"gp_starts", 1}, {"n_candidates", 200}};
  return {{"n_init", 12}, {"batch_size", 4}, {"gp_starts", 1},
          {"hidden", 8},  {"n_steps", 20},   {"n_candidates", 100}};
}

}  // namespace

TEST_CASE("surrogate algorithms on a space with forbiddens never ask a forbidden configuration") {
  register_learning_algorithms();
  ForbiddenCornerProblem problem;
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
