// Warm starts: the baselines written as candidates of a search space, and
// an Algorithm wrapper that puts them in its first batch (the rest of the
// batch, and everything after, is the wrapped algorithm's own).
//
// Linear and MLP policies: greedy by w * delay + (1 - w) * energy for
// w = 0, 0.1, ..., 1 (exactly: the linear weights (w, 1 - w) on the two
// estimate features; for the MLP one hidden unit carrying them, tanh being
// increasing, up to ties where tanh saturates) and the three fixed choices local, edge (the first with one
// edge server) and cloud as biases. Static assignments: every baseline's
// decisions on the trace.
#pragma once

#include <memory>

#include "offloading/problems.hpp"
#include "paretokit/algorithms/algorithm.hpp"

namespace paretokit::offloading {

Matrix policy_warm_start(PolicyKind kind);
Matrix static_warm_start(const Episodes& episodes);

class WarmStartAlgorithm : public Algorithm {
 public:
  WarmStartAlgorithm(std::unique_ptr<Algorithm> inner, Matrix seeds)
      : inner_(std::move(inner)), seeds_(std::move(seeds)) {}

  std::string name() const override { return inner_->name(); }
  nlohmann::json options() const override { return inner_->options(); }
  void setup(const Problem& problem, std::uint64_t seed) override {
    inner_->setup(problem, seed);
    first_ = true;
  }
  // The first batch's leading rows are replaced by the seeds (as many as fit).
  Matrix ask() override;
  void tell(const MatrixRef& X, const Evaluation& evaluation) override {
    first_ = false;
    inner_->tell(X, evaluation);
  }
  const Matrix& population_x() const override { return inner_->population_x(); }
  const Matrix& population_f() const override { return inner_->population_f(); }
  const Matrix& population_g() const override { return inner_->population_g(); }
  nlohmann::json save_state() const override { return inner_->save_state(); }
  void load_state(const nlohmann::json& state) override {
    inner_->load_state(state);
    first_ = false;
  }

 private:
  std::unique_ptr<Algorithm> inner_;
  Matrix seeds_;
  bool first_ = true;
};

}  // namespace paretokit::offloading
