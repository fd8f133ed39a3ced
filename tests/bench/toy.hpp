// A tiny problem and ask/tell optimizers for the bench tests, so that the
// tests depend only on the bench module and the Algorithm contract.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/bench/bench.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"

namespace toy {

using paretokit::Index;
using paretokit::Matrix;
using paretokit::MatrixMut;
using paretokit::MatrixRef;
using paretokit::Vector;

// f1 = x0^2 + x1^2, f2 = (x0 - 1)^2 + x1^2 on [-1, 2]^2 (ideal 0, 0; nadir 1, 1).
class Schaffer2 : public paretokit::Problem {
 public:
  std::string name() const override { return "toy"; }
  Index n_var() const override { return 2; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return Vector::Constant(2, -1.0); }
  Vector upper_bounds() const override { return Vector::Constant(2, 2.0); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut) const override {
    F.col(0) = X.col(0).array().square() + X.col(1).array().square();
    F.col(1) = (X.col(0).array() - 1.0).square() + X.col(1).array().square();
  }
  std::optional<Matrix> pareto_front(Index n) const override {
    Matrix front(n, 2);
    for (Index i = 0; i < n; ++i) {
      const double t = n > 1 ? static_cast<double>(i) / static_cast<double>(n - 1) : 0.0;
      front(i, 0) = t * t;
      front(i, 1) = (t - 1) * (t - 1);
    }
    return front;
  }
  std::optional<Vector> ideal_point() const override { return Vector::Zero(2); }
  std::optional<Vector> nadir_point() const override { return Vector::Ones(2); }
};

// Uniform random batches of `batch` points; `bias` shrinks the box towards
// [0, 1] x {0} so that optimizers differ in quality. Throws on the first
// ask when `crash` is set.
class RandomBatches : public paretokit::Algorithm {
 public:
  RandomBatches(Index batch, double bias, bool crash) : batch_(batch), bias_(bias), crash_(crash) {}
  std::string name() const override { return "toy_random"; }
  nlohmann::json options() const override { return {{"batch", batch_}, {"bias", bias_}}; }
  void setup(const paretokit::Problem& problem, std::uint64_t seed) override {
    rng_ = paretokit::Rng(seed);
    lower_ = problem.lower_bounds();
    upper_ = problem.upper_bounds();
  }
  Matrix ask() override {
    if (crash_) throw std::runtime_error("toy crash on purpose");
    Matrix X(batch_, lower_.size());
    for (Index i = 0; i < X.rows(); ++i) {
      for (Index j = 0; j < X.cols(); ++j) {
        const double u = rng_.uniform();
        const double low = j == 0 ? lower_[j] + bias_ : lower_[j] * (1 - bias_);
        const double high = j == 0 ? upper_[j] - bias_ : upper_[j] * (1 - bias_);
        X(i, j) = low + u * (high - low);
      }
    }
    return X;
  }
  void tell(const MatrixRef& X, const paretokit::Evaluation& e) override {
    x_ = X;
    f_ = e.objectives;
    g_ = e.constraints;
  }
  const Matrix& population_x() const override { return x_; }
  const Matrix& population_f() const override { return f_; }
  const Matrix& population_g() const override { return g_; }
  nlohmann::json save_state() const override { return {}; }
  void load_state(const nlohmann::json&) override {}

 private:
  Index batch_;
  double bias_;
  bool crash_;
  paretokit::Rng rng_{0};
  Vector lower_, upper_;
  Matrix x_, f_, g_;
};

inline paretokit::bench::ProblemFactory problem_factory() {
  return [](const std::string& name, const nlohmann::json&) -> std::unique_ptr<paretokit::Problem> {
    if (name != "toy")
      throw paretokit::InputError("unknown problem '" + name + "'", paretokit::Location::of_field("problem"));
    return std::make_unique<Schaffer2>();
  };
}

// "good" (biased to the front), "plain", "crash".
inline paretokit::bench::AlgorithmFactory algorithm_factory() {
  return [](const std::string& name, const nlohmann::json&) -> std::unique_ptr<paretokit::Algorithm> {
    if (name == "good") return std::make_unique<RandomBatches>(5, 0.9, false);
    if (name == "plain") return std::make_unique<RandomBatches>(7, 0.0, false);
    if (name == "crash") return std::make_unique<RandomBatches>(4, 0.0, true);
    throw paretokit::InputError("unknown algorithm '" + name + "'");
  };
}

inline paretokit::bench::Suite suite() {
  const nlohmann::json document = {{"name", "toy"},
                                   {"benchmark_id", "Toy"},
                                   {"tasks",
                                    {{{"task_id", "Toy/small"}, {"problem", "toy"}, {"n_trials", 23}},
                                     {{"task_id", "Toy/large"}, {"problem", "toy"}, {"n_trials", 61}},
                                     {{"task_id", "Toy/medium"}, {"problem", "toy"}, {"n_trials", 40}}}}};
  return paretokit::bench::parse_suite(document, "toy.json", problem_factory());
}

}  // namespace toy
