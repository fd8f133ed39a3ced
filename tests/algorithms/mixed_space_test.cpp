// Algorithms on a mixed search space: they search the encoded unit cube and
// ask() returns values the problem accepts (integers, ordinal values,
// category indices).
#include <catch2/catch.hpp>

#include "paretokit/algorithms/moead.hpp"
#include "paretokit/algorithms/nsga2.hpp"
#include "paretokit/algorithms/nsga3.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space.hpp"
#include "test_support.hpp"

using namespace paretokit;

namespace {

// Two objectives over (real r in [0, 1], integer n in [0, 10], ordinal b in
// {2, 4, 8}, categorical c in {a, b, c}), penalty p = |b - 4| + (c != 1):
// f1 = r + n / 10 + p, f2 = (1 - r) + (10 - n) / 10 + p. The front has b = 4
// and c = 1 (p = 0). The penalty enters both objectives: a point with p >= 1
// is dominated by every p = 0 point within p of it in f1, so it cannot hide
// at an end of the front (with p in f2 only, a wrong category with the
// smallest f1 stayed on the front).
class MixedProblem : public Problem {
 public:
  std::string name() const override { return "mixed"; }
  Index n_var() const override { return 4; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return space().lower_bounds(); }
  Vector upper_bounds() const override { return space().upper_bounds(); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override {
    (void)G;
    for (Index i = 0; i < X.rows(); ++i) {
      space().validate_row(X.row(i));
      const double penalty = std::abs(X(i, 2) - 4.0) + (X(i, 3) != 1.0 ? 1.0 : 0.0);
      F(i, 0) = X(i, 0) + X(i, 1) / 10.0 + penalty;
      F(i, 1) = (1.0 - X(i, 0)) + (10.0 - X(i, 1)) / 10.0 + penalty;
    }
  }
  static SearchSpace space() {
    SearchSpace s;
    s.add_real("r", 0.0, 1.0)
        .add_integer("n", 0, 10)
        .add_ordinal("b", {2, 4, 8})
        .add_categorical("c", {"a", "b", "c"});
    return s;
  }
};

// The same problem, declaring its space through the Problem contract.
class SelfDescribingMixedProblem : public MixedProblem {
 public:
  std::optional<SearchSpace> search_space() const override { return MixedProblem::space(); }
};

}  // namespace

TEST_CASE("mixed spaces: an algorithm takes the space the problem declares") {
  SelfDescribingMixedProblem problem;
  NSGA2 nsga2(NSGA2::Options{40, 0, {}});
  nsga2.setup(problem, 4);
  paretokit::testing::drive(nsga2, problem, 20);  // evaluate_into validates every row
  const Matrix& X = nsga2.population_x();
  for (Index i = 0; i < X.rows(); ++i) CHECK_NOTHROW(MixedProblem::space().validate_row(X.row(i)));
  const Matrix front = paretokit::testing::final_front(nsga2);
  CHECK(((front.col(0) + front.col(1)).array() - 2.0).abs().maxCoeff() < 1e-12);
}

TEST_CASE("mixed spaces: NSGA-II and NSGA-III return valid values and find the discrete optimum") {
  MixedProblem problem;
  NSGA2 nsga2(NSGA2::Options{40, 0, {}});
  NSGA3 nsga3;
  for (PopulationAlgorithm* algorithm : std::vector<PopulationAlgorithm*>{&nsga2, &nsga3}) {
    INFO(algorithm->name());
    algorithm->set_search_space(MixedProblem::space());
    algorithm->setup(problem, 4);
    paretokit::testing::drive(*algorithm, problem, 40);  // evaluate_into validates every row
    const Matrix& X = algorithm->population_x();
    for (Index i = 0; i < X.rows(); ++i) CHECK_NOTHROW(MixedProblem::space().validate_row(X.row(i)));
    const Matrix front = paretokit::testing::final_front(*algorithm);
    // On the front, b = 4 and c = "b": f1 + f2 = 2 exactly.
    CHECK(((front.col(0) + front.col(1)).array() - 2.0).abs().maxCoeff() < 1e-12);
    // A state saved with a search space resumes too.
    const auto state = algorithm->save_state();
    CHECK_NOTHROW(algorithm->load_state(state));
  }
  NSGA2 wrong;
  SearchSpace small;
  small.add_real("x", 0, 1);
  wrong.set_search_space(small);
  CHECK_THROWS_AS(wrong.setup(problem, 1), InputError);
}

TEST_CASE("mixed spaces: MOEA/D (classic and tensor) varies categoricals apart and finds the discrete optimum") {
  SelfDescribingMixedProblem problem;
  for (const MoeadMode mode : {MoeadMode::classic, MoeadMode::tensor}) {
    MOEAD::Options options;
    options.n_partitions = {39};  // 40 subproblems
    options.mode = mode;
    MOEAD moead(options);
    moead.setup(problem, 4);
    paretokit::testing::drive(moead, problem, 60);  // evaluate_into validates every row
    const Matrix& X = moead.population_x();
    Index right_category = 0;
    for (Index i = 0; i < X.rows(); ++i) {
      CHECK_NOTHROW(MixedProblem::space().validate_row(X.row(i)));
      right_category += X(i, 3) == 1.0 ? 1 : 0;
    }
    CHECK(right_category == X.rows());
    const Matrix front = paretokit::testing::final_front(moead);
    CHECK(((front.col(0) + front.col(1)).array() - 2.0).abs().maxCoeff() < 1e-12);
  }
}
