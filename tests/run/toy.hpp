// A small problem and a small algorithm for testing the run loop without the
// real registries: deterministic, with a state that saves and loads exactly.
#pragma once

#include <algorithm>
#include <numeric>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/io/json_matrix.hpp"

namespace paretokit::test {

// ZDT1 with n variables, plus (optionally) the constraint x0 >= 0.1.
class ToyProblem : public Problem {
 public:
  explicit ToyProblem(Index n = 6, bool constrained = false) : n_(n), constrained_(constrained) {}
  std::string name() const override { return constrained_ ? "toy_constrained" : "toy"; }
  Index n_var() const override { return n_; }
  Index n_obj() const override { return 2; }
  Index n_constr() const override { return constrained_ ? 1 : 0; }
  Vector lower_bounds() const override { return Vector::Zero(n_); }
  Vector upper_bounds() const override { return Vector::Ones(n_); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override {
    for (Index i = 0; i < X.rows(); ++i) {
      const double g = 1 + 9 * X.row(i).tail(n_ - 1).sum() / static_cast<double>(n_ - 1);
      F(i, 0) = X(i, 0);
      F(i, 1) = g * (1 - std::sqrt(X(i, 0) / g));
      if (constrained_) G(i, 0) = 0.1 - X(i, 0);
    }
  }
  std::optional<Vector> nadir_point() const override { return Vector::Ones(2); }
  std::optional<Matrix> pareto_front(Index n) const override {
    Matrix front(n, 2);
    for (Index i = 0; i < n; ++i) {
      const double x = static_cast<double>(i) / static_cast<double>(n - 1);
      front(i, 0) = x;
      front(i, 1) = 1 - std::sqrt(x);
    }
    return front;
  }

 private:
  Index n_;
  bool constrained_;
};

// (mu + mu) search: Gaussian perturbations of random parents, survival by a
// weighted sum whose weight is drawn each generation (so that the population
// spreads along the front), feasible first.
class ToyAlgorithm : public Algorithm {
 public:
  explicit ToyAlgorithm(Index pop_size = 20) : pop_size_(pop_size) {}
  std::string name() const override { return "toy"; }
  nlohmann::json options() const override { return {{"pop_size", pop_size_}}; }
  void setup(const Problem& problem, std::uint64_t seed) override {
    problem_ = &problem;
    rng_ = Rng(seed);
    X_ = F_ = G_ = Matrix();
  }
  Matrix ask() override {
    const Index d = problem_->n_var();
    Matrix X(pop_size_, d);
    for (Index i = 0; i < pop_size_; ++i) {
      for (Index j = 0; j < d; ++j) {
        if (X_.rows() == 0) {
          X(i, j) = rng_.uniform();
        } else {
          const Index parent = static_cast<Index>(rng_.below(static_cast<std::uint64_t>(X_.rows())));
          X(i, j) = std::clamp(X_(parent, j) + 0.1 * rng_.normal(), 0.0, 1.0);
        }
      }
    }
    return X;
  }
  void tell(const MatrixRef& X, const Evaluation& e) override {
    Matrix AX(X_.rows() + X.rows(), X.cols()), AF(F_.rows() + X.rows(), e.objectives.cols()),
        AG(G_.rows() + X.rows(), e.constraints.cols());
    AX << X_, X;
    AF << F_, e.objectives;
    AG << G_, e.constraints;
    const double w = rng_.uniform();
    std::vector<Index> order(static_cast<std::size_t>(AX.rows()));
    std::iota(order.begin(), order.end(), Index{0});
    auto key = [&](Index i) {
      const double violation = AG.cols() ? AG.row(i).cwiseMax(0.0).sum() : 0.0;
      return std::pair{violation, w * AF(i, 0) + (1 - w) * AF(i, 1)};
    };
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return key(a) < key(b); });
    order.resize(static_cast<std::size_t>(std::min(pop_size_, AX.rows())));
    X_ = AX(order, Eigen::all);
    F_ = AF(order, Eigen::all);
    G_ = AG(order, Eigen::all);
  }
  const Matrix& population_x() const override { return X_; }
  const Matrix& population_f() const override { return F_; }
  const Matrix& population_g() const override { return G_; }
  nlohmann::json save_state() const override {
    return {{"rng", rng_.state()}, {"x", matrix_to_json(X_)}, {"f", matrix_to_json(F_)}, {"g", matrix_to_json(G_)},
            {"g_cols", G_.cols()}};
  }
  void load_state(const nlohmann::json& state) override {
    rng_.set_state(state.at("rng").get<Rng::State>());
    X_ = matrix_from_json(state.at("x"));
    F_ = matrix_from_json(state.at("f"));
    G_ = matrix_from_json(state.at("g"), state.at("g_cols").get<Index>());
  }

 private:
  Index pop_size_;
  const Problem* problem_ = nullptr;
  Rng rng_;
  Matrix X_, F_, G_;
};

}  // namespace paretokit::test
