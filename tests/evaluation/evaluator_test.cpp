#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <stdexcept>

#include "paretokit/evaluation/evaluator.hpp"

using namespace paretokit;

namespace {

// Two objectives and one constraint, with a per-row cost that differs between
// rows, counting how many rows each call saw.
class ToyProblem : public Problem {
 public:
  std::string name() const override { return "toy"; }
  Index n_var() const override { return 3; }
  Index n_obj() const override { return 2; }
  Index n_constr() const override { return 1; }
  Vector lower_bounds() const override { return Vector::Zero(3); }
  Vector upper_bounds() const override { return Vector::Ones(3); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override {
    calls.fetch_add(1);
    rows.fetch_add(X.rows());
    for (Index i = 0; i < X.rows(); ++i) {
      if (!std::isfinite(X(i, 0))) throw std::domain_error("not finite");
      F(i, 0) = X(i, 0);
      F(i, 1) = std::sin(X(i, 1)) + X.row(i).squaredNorm();
      G(i, 0) = X(i, 2) - 0.5;
    }
  }
  mutable std::atomic<Index> calls{0}, rows{0};
};

}  // namespace

TEST_CASE("evaluators: serial and threads give identical matrices for any split") {
  ToyProblem problem;
  const Matrix X = Matrix::Random(1000, 3).cwiseAbs();
  const Evaluation serial = SerialEvaluator().evaluate(problem, X);
  CHECK(problem.calls == 1);
  for (int threads : {0, 1, 2}) {
    for (Index block : {1, 7, 64, 5000}) {
      problem.rows = 0;
      ThreadEvaluator evaluator({.threads = threads, .min_block_rows = block});
      const Evaluation e = evaluator.evaluate(problem, X);
      CHECK(problem.rows == 1000);  // every row exactly once
      CHECK((e.objectives.array() == serial.objectives.array()).all());
      CHECK((e.constraints.array() == serial.constraints.array()).all());
    }
  }
}

TEST_CASE("evaluators: a multi-thread evaluator really splits the batch") {
  ToyProblem problem;
  const Matrix X = Matrix::Random(256, 3);
  ThreadEvaluator evaluator({.threads = 2, .min_block_rows = 16, .blocks_per_thread = 4});
  evaluator.evaluate(problem, X);
  CHECK(problem.calls == 8);
}

TEST_CASE("evaluators: empty batches, bad shapes and problem errors") {
  ToyProblem problem;
  for (int threads : {1, 2, 0}) {
    const auto evaluator = make_evaluator(threads);
    CHECK(evaluator->evaluate(problem, Matrix(0, 3)).objectives.rows() == 0);
    CHECK_THROWS_AS(evaluator->evaluate(problem, Matrix::Zero(4, 2)), Error);
    Matrix X = Matrix::Zero(300, 3);
    X(250, 0) = NAN;
    CHECK_THROWS_AS(evaluator->evaluate(problem, X), std::domain_error);
  }
  CHECK(make_evaluator(1)->name() == "serial");
  CHECK(make_evaluator(2)->name() == "threads");
  CHECK_THROWS_AS(ThreadEvaluator({.threads = -1}), UsageError);
}
