// PSL-MOBO, SVH-PSL and ParEGO as ask/tell algorithms, with small networks
// and few steps: registry names, exact resume from a saved state, the same
// result whatever the thread count, non-finite objectives, too many
// variables, mixed search spaces, and that the set model learns something.
#include <cmath>

#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/learning/pareto_set_learning.hpp"
#include "paretokit/learning/registry.hpp"
#include "paretokit/problems/registry.hpp"

using namespace paretokit;

namespace {

nlohmann::json small_params(const std::string& name) {
  if (name == "parego") return {{"n_init", 6}, {"batch_size", 3}, {"gp_starts", 2}, {"n_candidates", 200}};
  return {{"n_init", 6},  {"batch_size", 3}, {"gp_starts", 2},
          {"hidden", 16}, {"n_steps", 30},   {"n_candidates", 100}};
}

std::unique_ptr<Algorithm> make(const std::string& name) {
  register_learning_algorithms();
  return make_algorithm(name, small_params(name));
}

Matrix run_tells(Algorithm& algorithm, const Problem& problem, int tells) {
  Matrix all(0, problem.n_obj());
  for (int t = 0; t < tells; ++t) {
    const Matrix X = algorithm.ask();
    const Evaluation e = problem.evaluate(X);
    algorithm.tell(X, e);
    all.conservativeResize(all.rows() + X.rows(), Eigen::NoChange);
    all.bottomRows(X.rows()) = e.objectives;
  }
  return all;
}

// ZDT1 whose objectives are NaN where x0 > 0.8.
class HoleyProblem : public Problem {
 public:
  HoleyProblem() : inner_(make_problem("zdt1", {{"n_var", 3}})) {}
  std::string name() const override { return "holey"; }
  Index n_var() const override { return 3; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return inner_->lower_bounds(); }
  Vector upper_bounds() const override { return inner_->upper_bounds(); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override {
    inner_->evaluate_into(X, F, G);
    for (Index i = 0; i < X.rows(); ++i)
      if (X(i, 0) > 0.8) F.row(i).setConstant(std::nan(""));
  }

 private:
  std::unique_ptr<Problem> inner_;
};

// Two objectives over a real, an integer and a categorical variable.
class MixedProblem : public Problem {
 public:
  std::string name() const override { return "mixed"; }
  Index n_var() const override { return 3; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return space().lower_bounds(); }
  Vector upper_bounds() const override { return space().upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return space(); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut) const override {
    for (Index i = 0; i < X.rows(); ++i) {
      const double penalty = X(i, 2) == 1 ? 0.0 : 0.5;
      F(i, 0) = X(i, 0) + penalty;
      F(i, 1) = 1 - std::sqrt(X(i, 0)) + 0.1 * std::abs(X(i, 1) - 3) + penalty;
    }
  }

 private:
  static SearchSpace space() {
    SearchSpace s;
    s.add_real("x", 0, 1).add_integer("k", 0, 6).add_categorical("c", {"a", "b", "c"});
    return s;
  }
};

}  // namespace

TEST_CASE("learning algorithms are registered by name") {
  register_learning_algorithms();
  const auto names = algorithm_names();
  for (const char* name : {"psl-mobo", "svh-psl", "parego"})
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  CHECK(make_algorithm("svh-psl")->options()["n_init"] == 20);
  CHECK(make_algorithm("psl-mobo")->options()["n_init"] == 10);
  CHECK_THROWS_AS(make_algorithm("psl-mobo", {{"n_stepz", 3}}), InputError);
}

TEST_CASE("resume from a saved state gives the uninterrupted result") {
  const auto problem = make_problem("zdt2", {{"n_var", 3}});
  for (const std::string name : {"psl-mobo", "svh-psl", "parego"}) {
    INFO(name);
    auto straight = make(name);
    straight->setup(*problem, 42);
    const Matrix f_straight = run_tells(*straight, *problem, 4);

    auto first = make(name);
    first->setup(*problem, 42);
    Matrix f_resumed = run_tells(*first, *problem, 2);
    const auto state = nlohmann::json::parse(first->save_state().dump());
    auto second = make(name);
    second->setup(*problem, 7);
    second->load_state(state);
    const Matrix rest = run_tells(*second, *problem, 2);
    f_resumed.conservativeResize(f_resumed.rows() + rest.rows(), Eigen::NoChange);
    f_resumed.bottomRows(rest.rows()) = rest;
    CHECK(f_resumed == f_straight);
    CHECK(second->population_f() == straight->population_f());
  }
}

TEST_CASE("the result does not depend on the thread count") {
  const auto problem = make_problem("zdt1", {{"n_var", 3}});
  Matrix results[2];
  for (int k = 0; k < 2; ++k) {
    tbb::global_control threads(tbb::global_control::max_allowed_parallelism, k == 0 ? 1 : 4);
    auto algorithm = make("svh-psl");
    algorithm->setup(*problem, 3);
    results[k] = run_tells(*algorithm, *problem, 3);
  }
  CHECK(results[0] == results[1]);
}

TEST_CASE("non-finite objectives are recorded and kept out of the model") {
  const HoleyProblem problem;
  auto algorithm = make("psl-mobo");
  algorithm->setup(problem, 5);
  const Matrix F = run_tells(*algorithm, problem, 4);
  CHECK(F.rows() == 6 + 3 * 3);
  CHECK(algorithm->population_f().allFinite());
  CHECK(algorithm->population_f().rows() > 0);
  const auto* psl = dynamic_cast<const ParetoSetLearning*>(algorithm.get());
  REQUIRE(psl != nullptr);
  REQUIRE(psl->set_model().has_value());
  CHECK(psl->set_model()->parameters().allFinite());
}

TEST_CASE("too many variables for the GP is a clear input error") {
  const auto problem = make_problem("zdt1", {{"n_var", 31}});
  auto algorithm = make("psl-mobo");
  try {
    algorithm->setup(*problem, 1);
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("max_variables") != std::string::npos);
  }
  register_learning_algorithms();
  auto wider = make_algorithm("psl-mobo", {{"max_variables", 31}});
  CHECK_NOTHROW(wider->setup(*problem, 1));
}

TEST_CASE("mixed search spaces are searched through their encoding") {
  const MixedProblem problem;
  auto algorithm = make("psl-mobo");
  algorithm->setup(problem, 8);
  for (int t = 0; t < 3; ++t) {
    const Matrix X = algorithm->ask();
    for (Index i = 0; i < X.rows(); ++i) {
      CHECK(X(i, 1) == std::round(X(i, 1)));
      CHECK((X(i, 2) == 0 || X(i, 2) == 1 || X(i, 2) == 2));
    }
    algorithm->tell(X, problem.evaluate(X));
  }
}

TEST_CASE("psl-mobo beats its own initial design on zdt1") {
  // Each batch is chosen on the model; after a few batches the front must
  // have grown in hypervolume beyond the Latin-hypercube design.
  const auto problem = make_problem("zdt1", {{"n_var", 4}});
  register_learning_algorithms();
  auto algorithm = make_algorithm(
      "psl-mobo",
      {{"n_init", 10}, {"hidden", 32}, {"n_steps", 200}, {"n_candidates", 300}, {"gp_starts", 2}});
  algorithm->setup(*problem, 1);
  const Vector reference = Vector::Constant(2, 11.0);
  run_tells(*algorithm, *problem, 1);
  const double initial = hypervolume(algorithm->population_f(), reference);
  run_tells(*algorithm, *problem, 6);
  const double later = hypervolume(algorithm->population_f(), reference);
  CHECK(later > initial + 0.5);
}
